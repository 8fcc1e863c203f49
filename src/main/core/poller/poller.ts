import { setMaxListeners } from 'node:events';
import type { Stream } from '../../../shared/domain';
import type { AppErrorData } from '../../../shared/errors';
import { toErrorData } from '../errors';
import { Emitter, type Disposable } from '../lifecycle';
import type { HttpClient } from '../http/http-client';
import { refreshAsset, type AssetRecord } from '../assets/asset-fetcher';
import type { AssetStore } from '../assets/asset-store';
import { HostGate } from './host-gate';
import { backoffMs, nextAssetFetch, wantedAssets, type WantedAsset } from './schedule';
import type { ConnectionState, WallModel } from './wall-view';
import { mergeListed, needsDetails } from './stream-merge';

/** The part of the bintu client the poller uses. */
export interface StreamSource {
  readonly apiBase: string;
  listStreams(options: { quantity: number }, signal?: AbortSignal): Promise<Stream[]>;
  getStream(id: string, options: { assetLimit: number }, signal?: AbortSignal): Promise<Stream>;
}

/** What became of one refresh of a stream's main picture: what alarms watch, at no extra request. */
export interface PictureObservation {
  streamId: string;
  at: number;
  /** A new version with new bytes, the same bytes under new validators, a 304, or a failed request. */
  outcome: 'changed' | 'unchanged' | 'not-modified' | 'failed';
  /** The new bytes, with `changed` only. */
  body?: Buffer;
  /** The cached file name of the picture now shown. */
  assetName: string | null;
  /** When the producer wrote the version now held (local clock), if it said. */
  producedAt: number | null;
  error?: AppErrorData;
}

/** Poller settings; intervals in milliseconds. */
export interface PollerOptions {
  source: StreamSource;
  http: HttpClient;
  store: AssetStore;
  listIntervalMs: number;
  detailsIntervalMs: number;
  quantity: number;
  assetLimit: number;
  /** The wall to start from (the offline cache), shown until bintu answers. */
  initial?: Pick<WallModel, 'streams' | 'assets'> & { lastSuccessAt: number | null };
  /** Told about every refresh of each stream's main picture. */
  onPicture?: (observation: PictureObservation) => void;
  now?: () => number;
  random?: () => number;
  tickMs?: number;
}

interface Job {
  nextAt: number;
  inFlight: boolean;
  failures: number;
}

interface AssetJob extends Job {
  wanted: WantedAsset;
  earlyRetried: boolean;
}

const LIST_BACKOFF_CAP_MS = 60_000;
const ASSET_BACKOFF_CAP_MS = 600_000;
/** A failure this recent makes an otherwise working connection "degraded". */
const DEGRADED_WINDOW_MS = 15_000;
/** The page gets at most this many wall updates per second. */
const CHANGE_THROTTLE_MS = 250;

/**
 * Keeps the wall current: the list every few seconds, details for new or changed streams and on a
 * slower cadence, each picture at its own interval, right after the producer writes it. Requests
 * to a host that sent Retry-After wait; one failing stream never stalls another; a rejected
 * credential stops everything until the operator gives a new one.
 */
export class Poller implements Disposable {
  private readonly changes = new Emitter<void>();
  /** Fires (throttled) whenever the wall model changed. */
  readonly onDidChange = this.changes.event;

  private readonly now: () => number;
  private readonly random: () => number;
  private readonly gate = new HostGate();
  private readonly abort = new AbortController();
  private streams: Stream[] = [];
  private readonly details = new Map<string, Job>();
  private readonly assetJobs = new Map<string, AssetJob>();
  private assets = new Map<string, AssetRecord>();
  private list: Job = { nextAt: 0, inFlight: false, failures: 0 };
  private connection: ConnectionState = { status: 'connecting', lastPollAt: null, lastSuccessAt: null, offlineSince: null, error: null };
  private lastFailureAt = 0;
  private truncated = false;
  /** Streams whose tiles are on screen, when the operator chose to pause the others; null: all. */
  private visible: ReadonlySet<string> | null = null;
  private confirmed = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private changeTimer: NodeJS.Timeout | undefined;

  constructor(private options: PollerOptions) {
    this.options = { ...options };
    // Every request of this poller shares one abort signal; hundreds may be in flight at once.
    setMaxListeners(0, this.abort.signal);
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    if (options.initial) {
      this.streams = [...options.initial.streams];
      this.assets = new Map(options.initial.assets);
      this.connection.lastSuccessAt = options.initial.lastSuccessAt;
      this.syncAssetJobs();
    }
  }

  /** Starts polling at once. */
  start(): void {
    this.schedule(0);
  }

  /** Polls the list now (the operator pressed refresh), unless the host asked us to wait. */
  refreshNow(): void {
    if (this.stopped) return;
    this.list.nextAt = Math.min(this.list.nextAt, this.now());
    this.schedule(0);
  }

  /** Applies changed poll settings without losing the wall; the list is asked again at once. */
  configure(change: Partial<Pick<PollerOptions, 'listIntervalMs' | 'detailsIntervalMs' | 'quantity'>>): void {
    Object.assign(this.options, change);
    this.refreshNow();
  }

  /**
   * Pauses picture refreshes for tiles out of view (the operator's setting), or resumes all with
   * null. Paused pictures are refreshed as soon as their tile is visible again.
   */
  setVisible(streamIds: ReadonlySet<string> | null): void {
    this.visible = streamIds;
    this.schedule(0);
  }

  /** A consistent snapshot of the wall for views and the offline cache. */
  model(): WallModel {
    return {
      streams: this.streams,
      assets: this.assets,
      connection: { ...this.connection },
      truncated: this.truncated,
      quantity: this.options.quantity,
      fromCache: !this.confirmed && this.streams.length > 0,
    };
  }

  /** Cached file names the wall still shows: everything else in the store may go. */
  liveAssetNames(): Set<string> {
    const names = new Set<string>();
    for (const record of this.assets.values()) if (record.name) names.add(record.name);
    return names;
  }

  dispose(): void {
    this.stopped = true;
    this.abort.abort();
    clearTimeout(this.timer);
    clearTimeout(this.changeTimer);
    this.changes.dispose();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), delayMs);
  }

  private tick(): void {
    if (this.stopped) return;
    const now = this.now();
    const api = this.options.source.apiBase;
    if (!this.list.inFlight && this.list.nextAt <= now && this.gate.isOpen(api, now)) void this.pollList();
    if (this.gate.isOpen(api, now)) {
      for (const [id, job] of this.details) if (!job.inFlight && job.nextAt <= now) void this.pollDetails(id, job);
    }
    for (const job of this.assetJobs.values()) {
      if (this.visible && !this.visible.has(job.wanted.streamId)) continue;
      if (!job.inFlight && job.nextAt <= now && this.gate.isOpen(job.wanted.url, now)) void this.pollAsset(job);
    }
    this.schedule(this.options.tickMs ?? 250);
  }

  private async pollList(): Promise<void> {
    const job = this.list;
    job.inFlight = true;
    const { source, quantity, listIntervalMs } = this.options;
    try {
      const listed = await source.listStreams({ quantity }, this.abort.signal);
      if (this.stopped) return;
      job.failures = 0;
      job.nextAt = this.now() + listIntervalMs;
      this.applyList(listed);
      this.markSuccess();
    } catch (error) {
      if (this.stopped) return;
      job.failures++;
      job.nextAt = this.now() + backoffMs(listIntervalMs, job.failures, LIST_BACKOFF_CAP_MS, this.random);
      this.markFailure(toErrorData(error), source.apiBase);
    } finally {
      job.inFlight = false;
      this.connection.lastPollAt = this.now();
      this.changed();
    }
  }

  private applyList(listed: Stream[]): void {
    const now = this.now();
    const previous = new Map(this.streams.map((stream) => [stream.id, stream]));
    this.streams = mergeListed(this.streams, listed);
    this.truncated = listed.length >= this.options.quantity;
    this.confirmed = true;
    const present = new Set(this.streams.map((stream) => stream.id));
    for (const id of this.details.keys()) if (!present.has(id)) this.details.delete(id);
    for (const stream of listed) {
      const job = this.details.get(stream.id);
      if (stream.hasAssets) {
        this.details.delete(stream.id);
      } else if (!job) {
        this.details.set(stream.id, { nextAt: now, inFlight: false, failures: 0 });
      } else if (needsDetails(previous.get(stream.id), stream)) {
        job.nextAt = Math.min(job.nextAt, now);
      }
    }
    this.syncAssetJobs();
  }

  private async pollDetails(id: string, job: Job): Promise<void> {
    job.inFlight = true;
    const { source, assetLimit, detailsIntervalMs } = this.options;
    try {
      const stream = await source.getStream(id, { assetLimit }, this.abort.signal);
      if (this.stopped) return;
      job.failures = 0;
      job.nextAt = this.now() + detailsIntervalMs * (0.9 + 0.2 * this.random());
      this.streams = this.streams.map((existing) => (existing.id === id ? { ...stream, id } : existing));
      this.syncAssetJobs();
      this.changed();
    } catch (error) {
      if (this.stopped) return;
      job.failures++;
      job.nextAt = this.now() + backoffMs(5_000, job.failures, detailsIntervalMs, this.random);
      this.markFailure(toErrorData(error), source.apiBase);
      this.changed();
    } finally {
      job.inFlight = false;
    }
  }

  private syncAssetJobs(): void {
    const wanted = wantedAssets(this.streams);
    const now = this.now();
    for (const url of this.assetJobs.keys()) if (!wanted.has(url)) this.assetJobs.delete(url);
    for (const [url, want] of wanted) {
      const job = this.assetJobs.get(url);
      if (job) {
        job.wanted = want;
        continue;
      }
      // Spread first fetches over two seconds so a big wall does not fire in one burst.
      this.assetJobs.set(url, { wanted: want, nextAt: now + this.random() * 2000, inFlight: false, failures: 0, earlyRetried: false });
    }
    for (const url of this.assets.keys()) if (!wanted.has(url)) this.assets.delete(url);
  }

  private async pollAsset(job: AssetJob): Promise<void> {
    job.inFlight = true;
    const { url, ext, intervalMs } = job.wanted;
    try {
      const previous = this.assets.get(url) ?? null;
      const { record, outcome, body } = await refreshAsset(this.options.http, this.options.store, url, ext, previous, this.now);
      if (this.stopped || !this.assetJobs.has(url)) return;
      if (job.wanted.primary) {
        const seen = { streamId: job.wanted.streamId, at: this.now(), outcome, assetName: record.name, producedAt: record.producedAt };
        this.options.onPicture?.(body ? { ...seen, body } : seen);
      }
      job.failures = 0;
      const now = this.now();
      const jitter = this.random() * 400;
      if (outcome === 'not-modified' && record.producedAt !== null && !job.earlyRetried) {
        // We came a moment before the producer's write: look once more shortly, then fall back.
        job.earlyRetried = true;
        job.nextAt = now + 1500 + jitter;
      } else {
        job.earlyRetried = false;
        job.nextAt = nextAssetFetch(now, intervalMs, record.producedAt, jitter);
      }
      this.assets.set(url, record);
      if (outcome === 'changed' || !previous) this.changed();
    } catch (error) {
      if (this.stopped) return;
      job.failures++;
      const data = toErrorData(error);
      if (job.wanted.primary) {
        const held = this.assets.get(url);
        this.options.onPicture?.({ streamId: job.wanted.streamId, at: this.now(), outcome: 'failed', assetName: held?.name ?? null, producedAt: held?.producedAt ?? null, error: data });
      }
      if (data.retryAt) this.gate.closeUntil(url, data.retryAt);
      job.nextAt = Math.max(data.retryAt ?? 0, this.now() + backoffMs(intervalMs, job.failures, ASSET_BACKOFF_CAP_MS, this.random));
    } finally {
      job.inFlight = false;
    }
  }

  private markSuccess(): void {
    const now = this.now();
    // Back from an outage: the failures were the outage itself, not a sign of a shaky host.
    if (this.connection.status === 'offline') this.lastFailureAt = 0;
    this.connection.lastSuccessAt = now;
    this.connection.offlineSince = null;
    const recentFailure = now - this.lastFailureAt < DEGRADED_WINDOW_MS;
    this.connection.status = recentFailure ? 'degraded' : 'online';
    if (!recentFailure) this.connection.error = null;
  }

  private markFailure(error: AppErrorData, url: string): void {
    const now = this.now();
    this.lastFailureAt = now;
    this.connection.error = error;
    if (error.retryAt) this.gate.closeUntil(url, error.retryAt);
    if (error.code === 'credential-rejected') {
      // Retrying a rejected key only hammers bintu: stop until the operator acts.
      this.connection.status = 'credential-rejected';
      this.stopped = true;
      clearTimeout(this.timer);
      return;
    }
    const unreachable = error.code === 'network' || error.code === 'timeout';
    if (unreachable && (this.connection.lastSuccessAt === null || this.list.failures > 0)) {
      this.connection.status = 'offline';
      // Offline since the last moment anything got through (from the cache on a cold start).
      this.connection.offlineSince ??= this.connection.lastSuccessAt ?? now;
    } else {
      this.connection.status = 'degraded';
    }
  }

  /** Coalesces changes so the page gets at most a few updates a second. */
  private changed(): void {
    if (this.changeTimer) return;
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      if (!this.stopped || this.connection.status === 'credential-rejected') this.changes.fire();
    }, CHANGE_THROTTLE_MS);
  }
}
