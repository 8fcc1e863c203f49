import type { Result } from '../../../../shared/errors';
import type { WallBridge } from '../../../../shared/ipc-contract';
import { settle } from '../bridge';

/**
 * The proxy's sign-in as the page sees it: only whether one is stored. The user name and
 * password travel once, page to main, into the keychain; main never sends them back.
 */
export class ProxySignIn {
  readonly #bridge: WallBridge;
  #stored = $state<boolean | null>(null);

  constructor(bridge: WallBridge) {
    this.#bridge = bridge;
  }

  /** Whether a sign-in is in the keychain; null until main answered. */
  get stored(): boolean | null {
    return this.#stored;
  }

  /** Asks main whether a sign-in is stored. */
  async refresh(): Promise<Result<unknown>> {
    return this.#record(settle(this.#bridge.invoke('proxy:get')));
  }

  /** Stores a user name and password in the keychain (replacing one stored before). */
  async store(username: string, password: string): Promise<Result<unknown>> {
    return this.#record(settle(this.#bridge.invoke('proxy:set-sign-in', { username, password })));
  }

  /** Removes the stored sign-in. */
  async clear(): Promise<Result<unknown>> {
    return this.#record(settle(this.#bridge.invoke('proxy:clear-sign-in')));
  }

  async #record(call: Promise<Result<{ signInStored: boolean }>>): Promise<Result<unknown>> {
    const result = await call;
    if (result.ok) this.#stored = result.value.signInStored;
    return result;
  }
}
