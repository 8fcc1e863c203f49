import type { AppErrorData, Result } from '../../../../shared/errors';
import type { ConnectRequest, WallBridge } from '../../../../shared/ipc-contract';
import type { ProfileView, SessionView } from '../../../../shared/view';
import { MainMirror } from './main-mirror.svelte';

/** A session command in flight, so the button that started it can show that it is busy. */
export type SessionAction =
  | 'connect'
  | 'demo-start'
  | 'demo-stop'
  | `activate:${string}`
  | `remove:${string}`;

/**
 * Profiles, the active one, demo mode and keychain availability: the latest `SessionView` from
 * main (see `MainMirror`), replaced wholesale on `session:changed` and on every command's answer.
 */
export class SessionState {
  readonly #bridge: WallBridge;
  readonly #mirror: MainMirror<SessionView>;
  #pending = $state<SessionAction | null>(null);

  readonly #activeProfile = $derived.by(() => {
    const view = this.#mirror.stored;
    return view?.profiles.find((profile) => profile.id === view.activeProfileId) ?? null;
  });
  readonly #hasWall = $derived.by(() => {
    const view = this.#mirror.stored;
    return view !== null && (view.demo || this.#activeProfile !== null);
  });

  constructor(bridge: WallBridge) {
    this.#bridge = bridge;
    this.#mirror = new MainMirror({
      fetch: () => bridge.invoke('session:get'),
      listen: (listener) => bridge.on('session:changed', listener),
    });
  }

  /** The latest snapshot, or null until main answered. */
  get view(): SessionView | null {
    return this.#mirror.value;
  }

  /** The profile in use, if any (null in demo mode). */
  get activeProfile(): ProfileView | null {
    this.#mirror.track();
    return this.#activeProfile;
  }

  /** Whether there is a wall to show: a profile is active or the demo runs. */
  get hasWall(): boolean {
    this.#mirror.track();
    return this.#hasWall;
  }

  /** Why reading the session failed, while nothing arrived. */
  get loadError(): AppErrorData | null {
    return this.#mirror.loadError;
  }

  /** The command in flight, if any. */
  get pending(): SessionAction | null {
    return this.#pending;
  }

  /** Reads the session again, after a failed first attempt. */
  retry(): Promise<void> {
    return this.#mirror.retry();
  }

  /** Checks a credential against bintu and stores it; on failure nothing is stored. */
  connect(request: ConnectRequest): Promise<Result<SessionView>> {
    return this.#run('connect', this.#bridge.invoke('profile:connect', request));
  }

  /** Switches to a stored profile. */
  activate(profileId: string): Promise<Result<SessionView>> {
    return this.#run(`activate:${profileId}`, this.#bridge.invoke('profile:activate', { profileId }));
  }

  /** Removes a stored profile and its credential. */
  remove(profileId: string): Promise<Result<SessionView>> {
    return this.#run(`remove:${profileId}`, this.#bridge.invoke('profile:remove', { profileId }));
  }

  /** Starts the built-in simulator and shows its wall. */
  startDemo(): Promise<Result<SessionView>> {
    return this.#run('demo-start', this.#bridge.invoke('demo:start'));
  }

  /** Stops the simulator; back to the active profile, or to Connect. */
  stopDemo(): Promise<Result<SessionView>> {
    return this.#run('demo-stop', this.#bridge.invoke('demo:stop'));
  }

  async #run(action: SessionAction, call: Promise<Result<SessionView>>): Promise<Result<SessionView>> {
    this.#pending = action;
    try {
      return await this.#mirror.answer(call);
    } finally {
      if (this.#pending === action) this.#pending = null;
    }
  }
}
