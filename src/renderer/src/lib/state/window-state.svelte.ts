import type { AppErrorData, Result } from '../../../../shared/errors';
import type { EventPayload, WallBridge } from '../../../../shared/ipc-contract';
import type { DisplayView, LoginItemView } from '../../../../shared/settings-view';
import { settle } from '../bridge';
import { KioskLock, needsPin } from './kiosk-lock.svelte';
import { MainMirror } from './main-mirror.svelte';

type WindowMode = EventPayload<'window:changed'>;

/** What the page assumes until main answered: a plain window. */
const PLAIN: WindowMode = { fullscreen: false, kiosk: false };

/**
 * The window's fullscreen and kiosk state as main reports it (`window:changed`, also when the
 * system changed it), the commands that switch them, and the PIN that may lock the kiosk.
 */
export class WindowState {
  readonly #bridge: WallBridge;
  readonly #mirror: MainMirror<WindowMode>;
  #error = $state.raw<AppErrorData | null>(null);
  /** The kiosk PIN: whether one is set, and its dialog. */
  readonly lock: KioskLock;

  constructor(bridge: WallBridge) {
    this.#bridge = bridge;
    this.lock = new KioskLock(bridge);
    // The app may have started in kiosk before this page listened: the mirror asks once.
    this.#mirror = new MainMirror({
      fetch: () => bridge.invoke('window:get'),
      listen: (listener) => bridge.on('window:changed', listener),
    });
  }

  /** Whether the window fills its screen. */
  get fullscreen(): boolean {
    return (this.#mirror.value ?? PLAIN).fullscreen;
  }

  /** Whether the window is in kiosk mode (fullscreen, no way out but the leave key). */
  get kiosk(): boolean {
    return (this.#mirror.value ?? PLAIN).kiosk;
  }

  /** Why main could not say whether the window is fullscreen or in kiosk, while it has not. */
  get loadError(): AppErrorData | null {
    return this.#mirror.loadError;
  }

  /** Why the last switch failed. */
  get error(): AppErrorData | null {
    return this.#error;
  }

  /** Enters or leaves fullscreen. */
  setFullscreen(on: boolean): Promise<void> {
    return this.#switch('fullscreen', on, this.#bridge.invoke('window:set-fullscreen', { on }));
  }

  /** Enters or leaves kiosk mode. */
  setKiosk(on: boolean): Promise<void> {
    return this.#switch('kiosk', on, this.#bridge.invoke('window:set-kiosk', { on }));
  }

  /**
   * The operator asks to leave kiosk (Esc twice, Ctrl+Shift+K): it leaves at once, or, when a PIN
   * locks it, the PIN dialog opens. Main is asked first, so a locked wall never flashes its
   * editing controls on the way.
   */
  async leaveKiosk(): Promise<void> {
    const lock = await this.lock.refresh();
    if (lock.ok && lock.value.pinSet) {
      this.lock.asking = true;
      return;
    }
    await this.setKiosk(false);
    if (needsPin(this.#error)) {
      this.#error = null;
      this.lock.asking = true;
    }
  }

  /** The displays the kiosk can use. */
  displays(): Promise<Result<DisplayView[]>> {
    return settle(this.#bridge.invoke('displays:list'));
  }

  /** Whether start at login can work on this computer, and if not, why. */
  loginItem(): Promise<Result<LoginItemView>> {
    return settle(this.#bridge.invoke('login-item:get'));
  }

  async #switch(mode: keyof WindowMode, on: boolean, call: Promise<Result<null>>): Promise<void> {
    // Shown at once; `window:changed` confirms (or corrects) it, and a refusal puts it back.
    const before = (this.#mirror.stored ?? PLAIN)[mode];
    this.#mirror.set({ ...(this.#mirror.stored ?? PLAIN), [mode]: on });
    this.#error = null;
    const result = await settle(call);
    if (result.ok) return;
    this.#error = result.error;
    this.#mirror.set({ ...(this.#mirror.stored ?? PLAIN), [mode]: before });
  }
}
