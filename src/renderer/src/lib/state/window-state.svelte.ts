import { createSubscriber } from 'svelte/reactivity';
import type { AppErrorData, Result } from '../../../../shared/errors';
import type { WallBridge } from '../../../../shared/ipc-contract';
import type { DisplayView, LoginItemView } from '../../../../shared/settings-view';
import { settle } from '../bridge';

/**
 * The window's fullscreen and kiosk state as main reports it (`window:changed`, also when the
 * system changed it), and the commands that switch them.
 */
export class WindowState {
  readonly #bridge: WallBridge;
  readonly #subscribe: () => void;
  #fullscreen = $state(false);
  #kiosk = $state(false);
  #error = $state.raw<AppErrorData | null>(null);

  constructor(bridge: WallBridge) {
    this.#bridge = bridge;
    this.#subscribe = createSubscriber(() => {
      let pushed = false;
      const off = bridge.on('window:changed', ({ fullscreen, kiosk }) => {
        pushed = true;
        this.#fullscreen = fullscreen;
        this.#kiosk = kiosk;
      });
      // The app may have started in kiosk before this page listened: ask once.
      void settle(bridge.invoke('window:get')).then((result) => {
        if (result.ok && !pushed) {
          this.#fullscreen = result.value.fullscreen;
          this.#kiosk = result.value.kiosk;
        }
      });
      return off;
    });
  }

  /** Whether the window fills its screen. */
  get fullscreen(): boolean {
    this.#subscribe();
    return this.#fullscreen;
  }

  /** Whether the window is in kiosk mode (fullscreen, no way out but the leave key). */
  get kiosk(): boolean {
    this.#subscribe();
    return this.#kiosk;
  }

  /** Why the last switch failed. */
  get error(): AppErrorData | null {
    return this.#error;
  }

  /** Enters or leaves fullscreen. */
  async setFullscreen(on: boolean): Promise<void> {
    // Shown at once; `window:changed` confirms (or corrects) it.
    const before = this.#fullscreen;
    this.#fullscreen = on;
    if (!(await this.#run(this.#bridge.invoke('window:set-fullscreen', { on })))) this.#fullscreen = before;
  }

  /** Enters or leaves kiosk mode. */
  async setKiosk(on: boolean): Promise<void> {
    const before = this.#kiosk;
    this.#kiosk = on;
    if (!(await this.#run(this.#bridge.invoke('window:set-kiosk', { on })))) this.#kiosk = before;
  }

  /** The displays the kiosk can use. */
  displays(): Promise<Result<DisplayView[]>> {
    return settle(this.#bridge.invoke('displays:list'));
  }

  /** Whether start at login can work on this computer, and if not, why. */
  loginItem(): Promise<Result<LoginItemView>> {
    return settle(this.#bridge.invoke('login-item:get'));
  }

  async #run(call: Promise<Result<null>>): Promise<boolean> {
    this.#error = null;
    const result = await settle(call);
    if (!result.ok) this.#error = result.error;
    return result.ok;
  }
}
