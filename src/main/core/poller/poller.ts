import { setMaxListeners } from 'node:events';
import type { Stream } from '../../../shared/domain';
import type { AppErrorData } from '../../../shared/errors';
import { toErrorData } from '../errors';
import { Emitter, type Disposable } from '../lifecycle';
import type { HttpClient } from '../http/http-client';
import { refreshAsset, type AssetRecord } from '../assets/asset-fetcher';
import type { AssetStore } from '../assets/asset-store';
import { UrlRules } from '../http/url-rules';
import { AssetJobs, type AssetJob } from './asset-jobs';
import { DetailsPacer } from './details-pacer';
import { HostGate } from './host-gate';
import { backoffMs, nextAssetFetch } from './schedule';
import { StreamTable } from './stream-table';
import type { ConnectionState, WallModel } from './wall-view';
import { mergeListed, needsDetails, wantsDetails } from './stream-merge';

/** The part of the bintu client the poller uses. */
export interface StreamSource {
  readonly apiBase: string;
  listStreams(options: { quantity: number }, signal?: AbortSignal): Promise<Stream[]>;
  getStream(id: string, options: { assetLimit: number }, signal?: AbortSignal): Promise<Stream>;
  /** The smallest request that shows bintu answers: the probe while offline. */
  check?(signal?: AbortSignal): Promise<void>;
  /** Whether the last list answer held more than was kept. */
  readonly lastListCut?: boolean;
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
  /** The rules for the URLs bintu names (default: those of the source's API base). */
  rules?: UrlRules;
  /**
   * The per-host Retry-After gate (default: the poller's own). Pollers of organisations on one
   * bintu host share one, so a 429 to one pauses them all at that host.
   */
  gate?: HostGate;
  now?: () => number;
  random?: () => number;
  tickMs?: number;
}

interface Job {
  nextAt: number;
  inFlight: boolean;
  failures: number;
}

/** Back-off between list attempts stops growing here; the offline probe finds a recovery sooner. */
const LIST_BACKOFF_CAP_MS = 30_000;
/** While offline, a one-stream list every few seconds tells when bintu is back. */
const PROBE_EVERY_MS = 3_000;
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
  private readonly gate: HostGate;
  private readonly abort = new AbortController();
  private readonly rules: UrlRules;
  private readonly streams = new StreamTable();
  private readonly details = new Map<string, Job>();
  private readonly pacer: DetailsPacer;
  private readonly assetJobs: AssetJobs;
  private assets = new Map<string, AssetRecord>();
  private list: Job = { nextAt: 0, inFlight: false, failures: 0 };
  private probe = { nextAt: 0, inFlight: false };
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
    this.rules = options.rules ?? new UrlRules(options.source.apiBase);
    this.gate = options.gate ?? new HostGate();
    this.assetJobs = new AssetJobs(this.now, this.random, (url) => this.assets.delete(url));
    this.pacer = new DetailsPacer({
      cap: () => this.options.http.maxSocketsPerHost(),
      open: () => !this.stopped && this.gate.isOpen(this.options.source.apiBase, this.now()),
      start: (id) => {
        const job = this.details.get(id);
        return job === undefined || job.inFlight ? false : this.pollDetails(id, job);
      },
    });
    if (options.initial) {
      this.streams.replaceAll([...options.initial.streams]);
      this.assets = new Map(options.initial.assets);
      this.connection.lastSuccessAt = options.initial.lastSuccessAt;
      this.assetJobs.syncAll(this.streams.all());
      for (const url of [...this.assets.keys()]) if (!this.assetJobs.has(url)) this.assets.delete(url);
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
      streams: this.streams.all(),
      assets: this.assets,
      connection: { ...this.connection },
      truncated: this.truncated,
      quantity: this.options.quantity,
      fromCache: !this.confirmed && this.streams.size > 0,
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
    else if (this.connection.status === 'offline' && !this.list.inFlight && this.probe.nextAt <= now && this.gate.isOpen(api, now)) void this.probeApi();
    for (const [id, job] of this.details) if (!job.inFlight && job.nextAt <= now) this.pacer.enqueue(id);
    this.pacer.pump();
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
      // Never more than asked for, whatever the source sent.
      const listed = (await source.listStreams({ quantity }, this.abort.signal)).slice(0, quantity);
      if (this.stopped) return;
      job.failures = 0;
      job.nextAt = this.now() + listIntervalMs;
      this.applyList(listed, source.lastListCut === true);
      this.markSuccess();
    } catch (error) {
      if (this.stopped) return;
      job.failures++;
      job.nextAt = this.now() + backoffMs(listIntervalMs, job.failures, LIST_BACKOFF_CAP_MS, this.random);
      this.probe.nextAt = this.now() + PROBE_EVERY_MS;
      this.markFailure(toErrorData(error), source.apiBase);
    } finally {
      job.inFlight = false;
      this.connection.lastPollAt = this.now();
      this.changed();
    }
  }

  /**
   * While offline, asks bintu for one stream every few seconds; when it answers, the list is asked
   * at once instead of after the back-off. A 429 or 503 closes the host gate, which the probe obeys.
   */
  private async probeApi(): Promise<void> {
    const { source } = this.options;
    this.probe.inFlight = true;
    this.probe.nextAt = this.now() + PROBE_EVERY_MS;
    try {
      await (source.check ? source.check(this.abort.signal) : source.listStreams({ quantity: 1 }, this.abort.signal));
      if (this.stopped) return;
      this.list.nextAt = this.now();
      this.schedule(0);
    } catch (error) {
      if (this.stopped) return;
      const data = toErrorData(error);
      if (data.retryAt) this.gate.closeUntil(source.apiBase, data.retryAt);
      if (data.code === 'credential-rejected') this.markFailure(data, source.apiBase);
    } finally {
      this.probe.inFlight = false;
    }
  }

  private applyList(listed: Stream[], cut: boolean): void {
    const now = this.now();
    const previous = new Map(this.streams.all().map((stream) => [stream.id, stream]));
    this.streams.replaceAll(mergeListed(this.streams.all(), listed));
    this.truncated = cut || listed.length >= this.options.quantity;
    this.confirmed = true;
    for (const id of [...this.details.keys()]) {
      if (this.streams.has(id)) continue;
      this.details.delete(id);
      this.pacer.forget(id);
    }
    for (const stream of listed) {
      const job = this.details.get(stream.id);
      if (!wantsDetails(stream)) {
        this.details.delete(stream.id);
      } else if (!job) {
        this.details.set(stream.id, { nextAt: now, inFlight: false, failures: 0 });
      } else if (needsDetails(previous.get(stream.id), stream)) {
        job.nextAt = Math.min(job.nextAt, now);
      }
    }
    this.assetJobs.syncAll(this.streams.all());
  }

  private async pollDetails(id: string, job: Job): Promise<void> {
    job.inFlight = true;
    const { source, assetLimit, detailsIntervalMs } = this.options;
    try {
      const stream = await source.getStream(id, { assetLimit }, this.abort.signal);
      if (this.stopped) return;
      job.failures = 0;
      job.nextAt = this.now() + detailsIntervalMs * (0.9 + 0.2 * this.random());
      const fresh = { ...stream, id };
      if (this.streams.replace(id, fresh)) this.assetJobs.syncStream(fresh);
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

  private async pollAsset(job: AssetJob): Promise<void> {
    job.inFlight = true;
    const { url, ext, intervalMs } = job.wanted;
    try {
      const previous = this.assets.get(url) ?? null;
      const { record, outcome, body } = await refreshAsset(this.options.http, this.options.store, { url, ext, rules: this.rules }, previous, this.now);
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
    if (this.connection.status === 'offline' || this.connection.status === 'proxy-failed') this.lastFailureAt = 0;
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
    if (error.code === 'proxy-unreachable' || error.code === 'proxy-refused' || error.code === 'proxy-auth-required') {
      // The proxy, not bintu, is in the way: its own state, so the operator knows whom to call.
      // Polling goes on at its back-off pace, so a proxy that comes back or a sign-in that is
      // entered brings the wall back by itself.
      this.connection.status = 'proxy-failed';
      this.connection.offlineSince ??= this.connection.lastSuccessAt ?? now;
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
