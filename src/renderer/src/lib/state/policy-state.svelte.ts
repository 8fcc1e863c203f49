import type { AppErrorData } from '../../../../shared/errors';
import type { WallBridge } from '../../../../shared/ipc-contract';
import { settle } from '../bridge';

/** The organisation's policy as the page sees it (main's `policy:get`). */
export interface PolicyView {
  /** The settings fields the policy pins: shown with their value, read-only. */
  readonly managed: readonly string[];
  readonly apiBase: string | null;
  readonly demoDisabled: boolean;
  /** What was wrong with the policy file, in plain words (main's, in English like its errors). */
  readonly problems: readonly string[];
}

/**
 * Which settings the organisation pins and what was wrong with its policy file. Main reads the
 * file once at start, so one answer holds for the page's life; main refuses a pinned field
 * anyway, this only keeps the page from offering what it would refuse.
 */
export class PolicyState {
  readonly #bridge: WallBridge;
  #view = $state.raw<PolicyView | null>(null);
  #error = $state.raw<AppErrorData | null>(null);
  #asked = false;

  constructor(bridge: WallBridge) {
    this.#bridge = bridge;
  }

  /** The policy, or null until main answered. */
  get view(): PolicyView | null {
    return this.#view;
  }

  /** Why main could not say; the fields then stay editable and main still refuses pinned ones. */
  get error(): AppErrorData | null {
    return this.#error;
  }

  /** Whether the policy pins this settings field. */
  managed(field: string): boolean {
    return this.#view?.managed.includes(field) ?? false;
  }

  /** Asks main once (the Settings screen calls it when it opens). */
  async load(): Promise<void> {
    if (this.#asked) return;
    this.#asked = true;
    const result = await settle(this.#bridge.invoke('policy:get'));
    if (result.ok) this.#view = result.value;
    else {
      this.#error = result.error;
      this.#asked = false;
    }
  }
}
