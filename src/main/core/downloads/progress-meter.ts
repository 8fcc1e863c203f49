/** How far back the speed looks: long enough to be steady, short enough to follow a change. */
const WINDOW_MS = 5000;

/** Below this span the first burst (socket buffers filling) would read as an absurd speed. */
const MIN_SPAN_MS = 1000;

/**
 * Speed and time left of one transfer, from recent (time, bytes) samples. Reset when a new
 * attempt starts, so resuming at 40% does not read as a burst of speed.
 */
export class ProgressMeter {
  private samples: Array<{ at: number; bytes: number }> = [];

  constructor(private readonly now: () => number) {}

  /** Starts over from `bytes` already on disk. */
  reset(bytes: number): void {
    this.samples = [{ at: this.now(), bytes }];
  }

  /** Records the byte count now on disk. */
  sample(bytes: number): void {
    const at = this.now();
    this.samples.push({ at, bytes });
    while (this.samples.length > 2 && (this.samples[1]?.at ?? at) <= at - WINDOW_MS) this.samples.shift();
  }

  /** Bytes per second over the window; 0 until a second has passed to measure over. */
  speedBps(): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (first === undefined || last === undefined || last.at - first.at < MIN_SPAN_MS) return 0;
    return Math.max(0, Math.round(((last.bytes - first.bytes) * 1000) / (last.at - first.at)));
  }

  /** Seconds left at the current speed, or null when the total or the speed is unknown. */
  etaS(bytes: number, total: number | null): number | null {
    const speed = this.speedBps();
    if (total === null || speed <= 0) return null;
    return Math.max(0, Math.ceil((total - bytes) / speed));
  }
}
