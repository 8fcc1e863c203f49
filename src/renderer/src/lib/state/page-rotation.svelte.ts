/** Pointer and keyboard events that mean the operator is using the wall. */
const INPUT_EVENTS = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
/** How often the timer looks whether a page is due. */
const TICK_MS = 250;
/** Input this close to the last one does not move the due time again (pointer moves come at 60 Hz). */
const INPUT_GRAIN_MS = 500;

/** What the rotation needs from the wall. */
export interface RotationTarget {
  /** Shows the next page (after the last, the first). */
  readonly turn: () => void;
  /** While true (the focus view or a dialog is open) no page turns, and the countdown starts again. */
  readonly held: () => boolean;
}

/**
 * Turns the wall's pages on a timer, for a wall nobody touches: a page shows for the whole
 * interval after the last pointer or key input, so an operator who is reading or pointing at a
 * page never has it taken away. `dueAt` is reactive, for a countdown on screen.
 */
export class PageRotation {
  /** When the next page turns (ms epoch), or null while the rotation is off. */
  dueAt = $state<number | null>(null);
  readonly #now: () => number;
  /** The running rotation's interval, or null while it is off. */
  #intervalMs: number | null = null;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Starts turning every `intervalMs` on `target` until the returned function is called. */
  start(intervalMs: number, target: RotationTarget, events: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): () => void {
    this.#intervalMs = intervalMs;
    this.dueAt = this.#now() + intervalMs;
    const postpone = (): void => {
      const next = this.#now() + intervalMs;
      if (this.dueAt === null || next - this.dueAt >= INPUT_GRAIN_MS) this.dueAt = next;
    };
    const tick = (): void => {
      if (target.held()) return postpone();
      if (this.dueAt !== null && this.#now() >= this.dueAt) {
        this.dueAt = this.#now() + intervalMs;
        target.turn();
      }
    };
    const timer = setInterval(tick, TICK_MS);
    for (const name of INPUT_EVENTS) events.addEventListener(name, postpone, { passive: true, capture: true });
    return () => {
      clearInterval(timer);
      for (const name of INPUT_EVENTS) events.removeEventListener(name, postpone, { capture: true });
      this.dueAt = null;
      this.#intervalMs = null;
    };
  }

  /**
   * Starts the countdown afresh (a page shown for a new alarm): the page stays for a whole
   * interval from now, whatever was left of the last one. Nothing while the rotation is off.
   */
  restart(): void {
    if (this.#intervalMs !== null) this.dueAt = this.#now() + this.#intervalMs;
  }
}
