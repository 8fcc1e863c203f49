/**
 * Every bintu and asset request the simulator answered, in order: which listener, the method, the
 * path and the status. Tests read it to prove what a client sent (the app only ever sends GET to
 * bintu); the query is kept, headers never are, so no credential lands in the log. Bounded, so a
 * demo left running for weeks does not grow without end: the oldest entries go first.
 */
import type { SimRequest } from './types';

/** Entries kept; a full test session sends a few hundred. */
const MAX_ENTRIES = 50_000;

/** The simulator's request log behind `Simulator.requests()` and `GET /_sim/requests`. */
export class RequestLog {
  private entries: SimRequest[] = [];
  private dropped = 0;

  /** Records one answered request. */
  add(entry: SimRequest): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) {
      const over = this.entries.length - MAX_ENTRIES;
      this.entries.splice(0, over);
      this.dropped += over;
    }
  }

  /** A copy of the kept entries, oldest first, and how many older ones were let go. */
  snapshot(): { requests: SimRequest[]; dropped: number } {
    return { requests: this.entries.map((e) => ({ ...e })), dropped: this.dropped };
  }
}
