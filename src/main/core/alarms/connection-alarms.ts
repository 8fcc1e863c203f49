import type { Stream } from '../../../shared/domain';
import { assertNever } from '../../../shared/assert-never';
import { DisposableStore, type Disposable } from '../lifecycle';
import type { SettingsService } from '../settings/settings';
import type { PictureObservation as PolledPicture } from '../poller/poller';
import type { WallModel } from '../poller/wall-view';
import type { ConnectionStatus } from '../alarms/connection-rule';
import { assetIntervalMs } from '../poller/schedule';
import { AlarmDetector } from './detector';
import { analysePicture, type PictureAnalysis } from './picture-measure';
import type { StreamInput } from './presence-rules';
import { watchPredicate } from './watch';

/** How often time-based thresholds (overdue, snooze expiry, flapping calm-down) are checked. */
const TICK_MS = 1_000;

/**
 * Pictures are decoded one at a time, across every connection. A decode holds one of libuv's few
 * pool threads, which also serve the asset store's writes and the list's gunzip: a burst of new
 * pictures (200 at start) must not make polling wait. One at a time keeps up with about 200
 * pictures a second.
 */
let analysing: Promise<unknown> = Promise.resolve();

function oneAtATime<T>(job: () => Promise<T>): Promise<T> {
  const run = analysing.then(job);
  analysing = run.catch(() => undefined);
  return run;
}

/** Judges one picture's bytes; `analysePicture` unless a benchmark times it. */
export type PictureAnalyser = (bytes: Uint8Array) => Promise<PictureAnalysis>;

/** Which connection this is, for events and the log. */
export interface AlarmsTarget {
  profileId: string;
  name: string;
}

/**
 * One connection's alarm detection, fed by its poller: the list after every poll, each refresh of
 * every stream's main picture (analysed from bytes the poller already has: no extra request),
 * and the connection's state. Follows the alarm settings and the watch list itself.
 */
export class ConnectionAlarms implements Disposable {
  private readonly disposables = new DisposableStore();
  readonly detector: AlarmDetector;
  /** The last version of every stream seen, so a stream that leaves keeps its tile. */
  private readonly lastSeen = new Map<string, Stream>();
  /** Per stream, the analysis in flight: pictures of one stream are judged in the order they came. */
  private readonly queues = new Map<string, Promise<void>>();
  private lastListAt: number | null = null;

  constructor(
    readonly target: AlarmsTarget,
    private readonly deps: { settings: SettingsService; now: () => number; analyse?: PictureAnalyser },
  ) {
    const { settings } = deps;
    this.detector = this.disposables.add(
      new AlarmDetector({
        settings: settings.get().alarms,
        now: deps.now,
        isWatched: watchPredicate(settings.get().watch, target.profileId),
        profileId: target.profileId,
        connectionName: target.name,
      }),
    );
    this.disposables.add(settings.watch((s) => s.alarms, (alarms) => this.detector.configure(alarms), { initial: false }));
    this.disposables.add(settings.watch((s) => s.watch, (list) => this.detector.setWatched(watchPredicate(list, target.profileId)), { initial: false }));
    const timer = setInterval(() => this.detector.tick(deps.now()), TICK_MS);
    timer.unref?.();
    this.disposables.add({ dispose: () => clearInterval(timer) });
  }

  /**
   * Takes the wall after a change. Streams are judged only on a list bintu confirmed, and one that
   * is absent is "gone" only when the list was complete (a truncated list proves nothing).
   */
  observeModel(model: WallModel, paused: ReadonlySet<string> | null): void {
    const at = this.deps.now();
    const status = alarmStatus(model.connection);
    if (status) this.detector.observeConnection({ at, status, ...(model.connection.error ? { detail: model.connection.error.message } : {}) });
    const listedAt = model.connection.lastSuccessAt;
    if (model.fromCache || listedAt === null || listedAt === this.lastListAt) return;
    this.lastListAt = listedAt;
    for (const stream of model.streams) this.lastSeen.set(stream.id, stream);
    this.detector.observeStreams(model.streams.map((stream) => toInput(stream, paused)), at, { complete: !model.truncated });
    for (const id of this.lastSeen.keys()) if (!this.isShownGone(id) && !model.streams.some((s) => s.id === id)) this.lastSeen.delete(id);
  }

  /** Takes one refresh of a stream's main picture; only new bytes are decoded. */
  observePicture(seen: PolledPicture): void {
    const previous = this.queues.get(seen.streamId) ?? Promise.resolve();
    const next = previous.then(async () => {
      const body = seen.outcome === 'changed' ? seen.body : undefined;
      const analyse = this.deps.analyse ?? analysePicture;
      const analysis = body ? await oneAtATime(() => analyse(body)) : undefined;
      this.detector.observePicture(seen.streamId, {
        at: seen.at,
        outcome: seen.outcome,
        ...(analysis ? { analysis } : {}),
        assetName: seen.assetName,
        ...(seen.error ? { error: seen.error.message } : {}),
      });
    });
    this.queues.set(seen.streamId, next);
    void next.finally(() => {
      if (this.queues.get(seen.streamId) === next) this.queues.delete(seen.streamId);
    });
  }

  /** Streams that left the list and keep their tile until the operator dismisses them. */
  goneStreams(): Stream[] {
    return this.detector
      .health()
      .filter((h) => h.gone)
      .flatMap((h) => this.lastSeen.get(h.streamId) ?? []);
  }

  /** Cached pictures the alarms still show as evidence: the cache keeps them. */
  evidenceAssets(): Set<string> {
    return this.detector.evidenceAssets();
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private isShownGone(streamId: string): boolean {
    return this.detector.health().some((h) => h.streamId === streamId && h.gone);
  }
}

/** The stream as the rules see it; a paused picture has no interval, so it is never overdue. */
function toInput(stream: Stream, paused: ReadonlySet<string> | null): StreamInput {
  const thumbs = stream.variants[0]?.thumbnail ? stream.variants[0].processing.thumbs : null;
  const hidden = paused !== null && !paused.has(stream.id);
  return {
    id: stream.id,
    name: stream.streamname ?? stream.variants[0]?.streamname ?? stream.id,
    state: stream.state,
    tags: stream.tags,
    thumbnailIntervalS: stream.variants[0]?.thumbnail && !hidden ? assetIntervalMs(thumbs?.interval) / 1000 : null,
  };
}

/**
 * The connection as the connection rule sees it; null while nothing is known yet. A bintu that
 * answers every request with 5xx is as unreachable for the wall as one that does not answer.
 */
function alarmStatus(connection: WallModel['connection']): ConnectionStatus | null {
  // An organisation without Live Processing will not get better by waiting: an alarm at once.
  if (connection.error?.code === 'live-processing-unavailable' && connection.lastPollAt !== null) return 'rejected';
  switch (connection.status) {
    case 'online':
      return 'ok';
    case 'degraded': {
      // The poller stamps a poll's end just after its success; a failed one leaves the last
      // success a whole list interval (2 s at least) behind.
      const lastFailed = connection.lastPollAt !== null && connection.lastPollAt - (connection.lastSuccessAt ?? 0) > 1_000;
      return lastFailed ? 'unreachable' : 'ok';
    }
    case 'offline':
    case 'proxy-failed':
      return 'unreachable';
    case 'credential-rejected':
      return 'rejected';
    case 'idle':
    case 'connecting':
      return null;
    default:
      return assertNever(connection.status);
  }
}
