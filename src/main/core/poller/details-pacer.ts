/**
 * Paces details requests through the per-host cap: at most `cap()` in flight, the rest wait in the
 * order they fell due, and each answer starts the next one at once. A pass over thousands of
 * streams then never puts thousands of requests (and their timers and buffers) in flight together.
 */
export class DetailsPacer {
  private readonly due = new Set<string>();
  private running = 0;

  constructor(
    private readonly options: {
      /** Requests allowed in flight: the HTTP client's per-host cap. */
      cap: () => number;
      /** Whether requests may go out now (false while the host asked us to wait). */
      open: () => boolean;
      /** Starts the request for one stream; false when it no longer needs one. */
      start: (id: string) => Promise<void> | false;
    },
  ) {}

  /** Details requests in flight now. */
  get inFlight(): number {
    return this.running;
  }

  /** Queues a stream whose details are due (once, however often it is asked). */
  enqueue(id: string): void {
    this.due.add(id);
  }

  /** Forgets a stream that left the wall. */
  forget(id: string): void {
    this.due.delete(id);
  }

  /** Whether a stream waits in the queue. */
  has(id: string): boolean {
    return this.due.has(id);
  }

  /** Starts queued requests while there is room. */
  pump(): void {
    while (this.running < this.options.cap() && this.due.size > 0 && this.options.open()) {
      const id = this.due.values().next().value as string;
      this.due.delete(id);
      const started = this.options.start(id);
      if (started === false) continue;
      this.running++;
      void started.finally(() => {
        this.running--;
        this.pump();
      });
    }
  }
}
