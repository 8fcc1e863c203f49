import { cancelledError } from './network-errors';

/** Gives the bytes back; safe to call twice. */
export type Release = () => void;

interface Waiter {
  bytes: number;
  grant: (release: Release) => void;
}

/**
 * A memory budget for response bodies held in memory, across all hosts: each body reserves the
 * most it may grow to before it is read, and a body that does not fit waits its turn (first come,
 * first served) instead of growing the process. A reservation larger than the whole budget is
 * clamped to it, so it still runs, alone.
 */
export class ByteBudget {
  private used = 0;
  private peak = 0;
  private readonly queue: Waiter[] = [];

  constructor(readonly capacity: number) {}

  /** Bytes reserved right now. */
  inUse(): number {
    return this.used;
  }

  /** The most ever reserved at once. */
  peakInUse(): number {
    return this.peak;
  }

  /** Reserves `bytes`; resolves when they fit. Rejects as cancelled when `signal` aborts first. */
  reserve(bytes: number, signal?: AbortSignal): Promise<Release> {
    const want = Math.min(this.capacity, Math.max(0, Math.ceil(bytes)));
    if (signal?.aborted) return Promise.reject(cancelledError());
    if (this.queue.length === 0 && this.used + want <= this.capacity) return Promise.resolve(this.take(want));
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = {
        bytes: want,
        grant: (release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
      };
      const onAbort = (): void => {
        const at = this.queue.indexOf(waiter);
        if (at >= 0) this.queue.splice(at, 1);
        reject(cancelledError());
        this.drain();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
    });
  }

  private take(bytes: number): Release {
    this.used += bytes;
    this.peak = Math.max(this.peak, this.used);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.used -= bytes;
      this.drain();
    };
  }

  private drain(): void {
    for (let next = this.queue[0]; next !== undefined && this.used + next.bytes <= this.capacity; next = this.queue[0]) {
      this.queue.shift();
      next.grant(this.take(next.bytes));
    }
  }
}
