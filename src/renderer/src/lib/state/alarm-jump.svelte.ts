/** Pointer and keyboard events that mean the operator is using the wall. */
const INPUT_EVENTS = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
/**
 * An operator who touched the wall this recently is using it: a new alarm's page waits until they
 * stop, so a page they are reading or paging through is never taken from under them.
 */
export const INPUT_IDLE_MS = 10_000;
/** How often a waiting alarm looks whether the wall is free. */
const TICK_MS = 250;

/** A new alarm whose page is waiting to be shown. */
export interface WaitingAlarm {
  readonly streamId: string;
  /** What the pager calls the stream (its label, else its name). */
  readonly name: string;
}

/** What the jump needs from the paged wall. */
export interface JumpTarget {
  /** The page a stream's tile is on, or null when it is not on the wall. */
  readonly pageOf: (streamId: string) => number | null;
  readonly shown: () => number;
  /** Shows the page for the alarm (and starts the rotation's countdown afresh). */
  readonly show: (page: number, alarm: WaitingAlarm) => void;
  /** While true (the focus view or a dialog is open) the page waits. */
  readonly held: () => boolean;
}

/**
 * Brings up the page of a new alarm on a paged wall: at once on a wall nobody touches (a kiosk, a
 * wall across the room), else as soon as the operator has left it alone for `INPUT_IDLE_MS`;
 * meanwhile `waiting` says which alarm waits, for the pager to offer it. The latest alarm wins.
 */
export class AlarmJump {
  waiting = $state<WaitingAlarm | null>(null);
  readonly #now: () => number;
  #lastInput = Number.NEGATIVE_INFINITY;
  #target: JumpTarget | null = null;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Follows the operator's input and serves waiting alarms on `target` until the returned function is called. */
  start(target: JumpTarget, events: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): () => void {
    this.#target = target;
    const touched = (): void => {
      this.#lastInput = this.#now();
    };
    const timer = setInterval(() => this.#serve(), TICK_MS);
    for (const name of INPUT_EVENTS) events.addEventListener(name, touched, { passive: true, capture: true });
    return () => {
      clearInterval(timer);
      for (const name of INPUT_EVENTS) events.removeEventListener(name, touched, { capture: true });
      this.#target = null;
      this.waiting = null;
    };
  }

  /** A new alarm on a stream of the wall: its page comes up now, or once the operator leaves the wall alone. */
  offer(alarm: WaitingAlarm): void {
    if (this.#target === null) return;
    this.waiting = alarm;
    this.#serve();
  }

  /** The operator asked for the waiting alarm's page: shown at once. */
  showNow(): void {
    this.#serve(true);
  }

  #serve(now = false): void {
    const alarm = this.waiting;
    const target = this.#target;
    if (alarm === null || target === null) return;
    if (!now && (target.held() || this.#now() - this.#lastInput < INPUT_IDLE_MS)) return;
    this.waiting = null;
    const page = target.pageOf(alarm.streamId);
    // Gone from the wall meanwhile (filtered out), or the operator went to that page already.
    if (page === null || page === target.shown()) return;
    target.show(page, alarm);
  }
}
