import { Emitter, type Disposable } from '../lifecycle';

/**
 * Tells listeners about changes: at once for the ones that matter (a state change), at most once
 * per interval for the frequent ones (progress), so a busy transfer does not flood the page.
 */
export class ChangeNotifier<T> implements Disposable {
  private readonly emitter = new Emitter<T>();
  private timer: NodeJS.Timeout | null = null;
  private disposed = false;

  /** Subscribes to changes; dispose the result to unsubscribe. */
  readonly event = this.emitter.event;

  constructor(
    private readonly intervalMs: number,
    private readonly snapshot: () => T,
  ) {}

  /** A frequent change: told with the next tick of the interval. */
  soon(): void {
    if (this.timer !== null || this.disposed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.now();
    }, this.intervalMs);
  }

  /** A change told now; it also carries any frequent change that was waiting. */
  now(): void {
    if (this.disposed) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.emitter.fire(this.snapshot());
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.emitter.dispose();
  }
}
