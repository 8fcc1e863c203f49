import type { Stream } from '../../../shared/domain';
import { wantedAssets, type WantedAsset } from './schedule';

/** When one asset is asked for next, and how its last attempts went. */
export interface AssetJob {
  wanted: WantedAsset;
  nextAt: number;
  inFlight: boolean;
  failures: number;
  earlyRetried: boolean;
}

/**
 * The pictures the wall keeps fresh, kept in step with its streams one stream at a time: a details
 * answer for one stream touches only that stream's jobs, so a full details pass costs time linear
 * in the number of streams. A URL belongs to the first stream that named it.
 */
export class AssetJobs {
  private readonly jobs = new Map<string, AssetJob>();
  private readonly byStream = new Map<string, Set<string>>();
  private readonly owner = new Map<string, string>();

  constructor(
    private readonly now: () => number,
    private readonly random: () => number,
    /** Told when a URL is no longer wanted, so what is known about it can go too. */
    private readonly onDropped: (url: string) => void,
  ) {}

  /** Every job, for the scheduler's pass. */
  values(): IterableIterator<AssetJob> {
    return this.jobs.values();
  }

  /** Whether a URL is still wanted (a late answer for a dropped one is ignored). */
  has(url: string): boolean {
    return this.jobs.has(url);
  }

  /** How many pictures are kept fresh. */
  get size(): number {
    return this.jobs.size;
  }

  /** Brings the jobs in line with a whole new set of streams (after a list). */
  syncAll(streams: readonly Stream[]): void {
    const present = new Set<string>();
    for (const stream of streams) {
      present.add(stream.id);
      this.syncStream(stream);
    }
    for (const id of [...this.byStream.keys()]) if (!present.has(id)) this.removeStream(id);
  }

  /** Brings one stream's jobs in line with what it shows now. */
  syncStream(stream: Stream): void {
    const wanted = wantedAssets([stream]);
    const before = this.byStream.get(stream.id) ?? new Set<string>();
    const mine = new Set<string>();
    for (const [url, want] of wanted) {
      const holder = this.owner.get(url);
      if (holder !== undefined && holder !== stream.id) continue;
      this.owner.set(url, stream.id);
      mine.add(url);
      const job = this.jobs.get(url);
      if (job) {
        job.wanted = want;
        continue;
      }
      // Spread first fetches over two seconds so a big wall does not fire in one burst.
      this.jobs.set(url, { wanted: want, nextAt: this.now() + this.random() * 2000, inFlight: false, failures: 0, earlyRetried: false });
    }
    for (const url of before) if (!mine.has(url)) this.drop(url);
    if (mine.size > 0) this.byStream.set(stream.id, mine);
    else this.byStream.delete(stream.id);
  }

  /** Forgets a stream that left the wall, and its pictures. */
  removeStream(id: string): void {
    for (const url of this.byStream.get(id) ?? []) this.drop(url);
    this.byStream.delete(id);
  }

  private drop(url: string): void {
    this.jobs.delete(url);
    this.owner.delete(url);
    this.onDropped(url);
  }
}
