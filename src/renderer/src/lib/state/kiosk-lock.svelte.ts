import type { AppErrorData, Result } from '../../../../shared/errors';
import type { PinCheck, WallBridge } from '../../../../shared/ipc-contract';
import { settle } from '../bridge';

/** Whether a PIN locks the kiosk, and until when wrong tries keep it shut (main's `kiosk:get`). */
export interface KioskLockView {
  readonly pinSet: boolean;
  readonly lockedUntil: number | null;
}

/**
 * The kiosk PIN as the page sees it: whether one is set (never the PIN), the dialog that asks
 * for it when the operator wants out of a locked kiosk, and the commands that set, change,
 * clear and check it. Main holds the hash and counts the tries; the page only asks.
 */
export class KioskLock {
  readonly #bridge: WallBridge;
  #view = $state.raw<KioskLockView | null>(null);
  /** The PIN dialog is open: someone asked to leave a kiosk that a PIN locks. */
  asking = $state(false);

  constructor(bridge: WallBridge) {
    this.#bridge = bridge;
  }

  /** What main said last, or null before it was asked. */
  get view(): KioskLockView | null {
    return this.#view;
  }

  /** Asks main whether a PIN is set (on first use and after each change). */
  async refresh(): Promise<Result<KioskLockView>> {
    const result = await settle(this.#bridge.invoke('kiosk:get'));
    if (result.ok) this.#view = result.value;
    return result;
  }

  /** Main asks for the PIN (Ctrl+Shift+K in a locked kiosk): calls `listener` each time. */
  onUnlockRequested(listener: () => void): () => void {
    return this.#bridge.on('kiosk:unlock-requested', listener);
  }

  /** Leaves kiosk with this PIN; a wrong PIN counts towards main's lockout. */
  async leave(pin: string): Promise<Result<PinCheck>> {
    const result = await settle(this.#bridge.invoke('kiosk:leave', { pin }));
    if (result.ok && result.value.outcome === 'ok') this.asking = false;
    if (result.ok && result.value.outcome === 'locked') this.#view = { pinSet: true, lockedUntil: result.value.retryAt };
    return result;
  }

  /** Sets or changes (a PIN) or clears (null) the PIN; once one is set, `current` must be it. */
  async setPin(pin: string | null, current: string | undefined): Promise<Result<PinCheck>> {
    const result = await settle(this.#bridge.invoke('kiosk:set-pin', current === undefined ? { pin } : { pin, current }));
    if (!result.ok) return result;
    this.#view = result.value.lock;
    return { ok: true, value: result.value.check };
  }
}

/** Whether an error means the kiosk is locked by a PIN (main refused to leave without it). */
export function needsPin(error: AppErrorData | null): boolean {
  return error?.code === 'pin-required';
}
