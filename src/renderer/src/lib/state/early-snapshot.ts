import type { Result } from '../../../../shared/errors';

/** What an early snapshot hands over: main's answer, and the newest push that came before it was taken. */
export interface EarlyTake<T> {
  readonly answer: Promise<Result<T>>;
  readonly pushed: T | null;
}

/**
 * A snapshot asked for as the page starts, before any component reads it, so the page does not
 * wait on round trips one after another (the session, then the wall). Pushes from main are kept
 * from the start: the newest one is more recent than the answer, whichever arrives first.
 */
export class EarlySnapshot<T> {
  readonly #answer: Promise<Result<T>>;
  #pushed: T | null = null;
  #stop: (() => void) | null;

  /** Starts listening, then asks; `listen` returns the function that stops listening. */
  constructor(ask: () => Promise<Result<T>>, listen: (listener: (value: T) => void) => () => void) {
    this.#stop = listen((value) => {
      this.#pushed = value;
    });
    this.#answer = ask();
  }

  /**
   * Hands the answer and the newest push over once and stops listening (the taker listens from
   * now on); later calls get null, so a later reader asks afresh rather than get an old answer.
   */
  take(): EarlyTake<T> | null {
    if (this.#stop === null) return null;
    this.#stop();
    this.#stop = null;
    return { answer: this.#answer, pushed: this.#pushed };
  }
}
