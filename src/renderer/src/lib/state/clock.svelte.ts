import { createSubscriber } from 'svelte/reactivity';

/**
 * A shared ticker: every reader of `now` re-renders once per period, all driven by one timer
 * that runs only while something on screen reads it (not one timer per tile).
 */
export class Clock {
  readonly #subscribe: () => void;

  constructor(periodMs: number) {
    this.#subscribe = createSubscriber((update) => {
      const timer = setInterval(update, periodMs);
      return () => clearInterval(timer);
    });
  }

  /** The current time in ms; reactive when read in a template or effect. */
  get now(): number {
    this.#subscribe();
    return Date.now();
  }
}

/** The one-second clock that ages and "offline since" read. */
export const clock = new Clock(1000);
