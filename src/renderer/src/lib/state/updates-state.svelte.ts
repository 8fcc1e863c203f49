import type { AppErrorData, Result } from '../../../../shared/errors';
import type { WallBridge } from '../../../../shared/ipc-contract';
import type { UpdateView } from '../../../../shared/update-feed';
import { settle } from '../bridge';
import { MainMirror } from './main-mirror.svelte';

/**
 * Where updating stands, as main says (`updates:get`, then every `updates:changed`): off, checking,
 * up to date, downloading, ready to install on quit, or failed with main's plain message.
 */
export class UpdatesState {
  readonly #bridge: WallBridge;
  readonly #mirror: MainMirror<UpdateView>;
  #asking = $state(false);

  constructor(bridge: WallBridge) {
    this.#bridge = bridge;
    this.#mirror = new MainMirror({
      fetch: () => bridge.invoke('updates:get'),
      listen: (listener) => bridge.on('updates:changed', listener),
    });
  }

  /** The running version and the state, or null until main answered. */
  get view(): UpdateView | null {
    return this.#mirror.value;
  }

  /** Why main could not say. */
  get loadError(): AppErrorData | null {
    return this.#mirror.loadError;
  }

  /** Whether a check the operator asked for is on its way. */
  get asking(): boolean {
    return this.#asking;
  }

  /** "Check for updates": main asks the feed and answers once it knows. */
  async check(): Promise<Result<UpdateView>> {
    this.#asking = true;
    try {
      return await this.#mirror.answer(this.#bridge.invoke('updates:check'));
    } finally {
      this.#asking = false;
    }
  }

  /** "Restart now": main quits and installs the downloaded update. */
  async restart(): Promise<Result<null>> {
    return settle(this.#bridge.invoke('updates:restart'));
  }
}
