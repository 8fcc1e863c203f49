import type { Stream } from '../../../shared/domain';
import type { WallView } from '../../../shared/view';
import { DisposableStore, Emitter, type Disposable } from '../lifecycle';
import type { HttpClient } from '../http/http-client';
import { UrlRules } from '../http/url-rules';
import type { AssetStore } from '../assets/asset-store';
import { BintuClient, type BintuCredential } from '../bintu/bintu-client';
import { pollTimings, type SettingsService } from '../settings/settings';
import { Poller, type PollerOptions } from '../poller/poller';
import type { HostGate } from '../poller/host-gate';
import { WallViewBuilder, type AssetSrc } from '../poller/wall-view';
import type { Logger } from '../log/logger';
import type { WallCache } from '../cache/wall-cache';
import { WallPersistence } from '../cache/wall-persistence';
import type { AlarmCenter } from '../alarms/alarm-center';
import { ConnectionAlarms, type PictureAnalyser } from '../alarms/connection-alarms';
import { EMPTY_WALL } from './merge-walls';

/** What one connection needs from the app; shared by every connection. */
export interface ConnectionDeps {
  settings: SettingsService;
  http: HttpClient;
  store: AssetStore;
  cache: WallCache;
  assetSrc: AssetSrc;
  log: Logger;
  /** Where each connection's alarms go (log, notifications, the page). */
  alarms: AlarmCenter;
  now?: () => number;
  /** Judges each new picture (default `analysePicture`); the alarm benchmark times it. */
  analyse?: PictureAnalyser;
  /**
   * The per-host Retry-After gate all connections share (with the one HTTP client's per-host
   * cap), so organisations on one bintu host back off together; a lone connection may have its own.
   */
  gate?: HostGate;
}

/**
 * A poller whose every main-picture refresh and wall change feed one connection's alarms, at no
 * extra request: the app's wiring, shared with the benchmarks. `shown` names the streams whose
 * pictures are refreshed (null: all), so paused tiles are never called overdue.
 */
export function pollerWithAlarms(options: Omit<PollerOptions, 'onPicture'>, alarms: ConnectionAlarms, shown: () => ReadonlySet<string> | null = () => null): Poller {
  const poller = new Poller({ ...options, onPicture: (seen) => alarms.observePicture(seen) });
  // The poller's emitter goes with the poller, and this listener with it.
  poller.onDidChange(() => alarms.observeModel(poller.model(), shown()));
  return poller;
}

/** Which organisation a connection watches, and how it signs in. */
export interface ConnectionTarget {
  profileId: string;
  apiBase: string;
  credential: BintuCredential;
  /** The offline-cache key, or null for a wall not worth keeping (the demo's ports change). */
  cacheKey: string | null;
  /** What alarms and the log call this organisation. */
  name: string;
}

/**
 * One profile's live wall: its bintu client, poller, offline persistence and their listeners,
 * disposable as one. Several can run at once; each follows the poll settings itself.
 */
export class WallConnection implements Disposable {
  private readonly disposables = new DisposableStore();
  private readonly changes = this.disposables.add(new Emitter<void>());
  /** Fires (throttled by the poller) whenever this connection's wall changes. */
  readonly onDidChange = this.changes.event;
  private poller: Poller | null = null;
  private alarms: ConnectionAlarms | null = null;
  /** Streams whose tiles are on screen, when the operator chose to pause the others; null: all. */
  private shown: ReadonlySet<string> | null = null;
  private persistence: WallPersistence | null = null;
  private readonly views: WallViewBuilder;
  /** The rules for every URL this wall's bintu names (pictures, recordings, replay pages). */
  readonly rules: UrlRules;
  private closed = false;

  constructor(
    readonly target: ConnectionTarget,
    private readonly deps: ConnectionDeps,
  ) {
    this.views = new WallViewBuilder(deps.assetSrc, { profileId: target.profileId, name: target.name });
    this.rules = new UrlRules(target.apiBase);
  }

  /** This organisation's wall as the page sees it; "connecting" with no tiles until its cache is read. */
  view(): WallView {
    if (this.poller) return this.views.build(this.poller.model(), this.deps.http.stats(), this.alarms?.goneStreams());
    const connection = { ...EMPTY_WALL.connection, status: 'connecting' as const };
    return { ...EMPTY_WALL, connection, organisations: [{ profileId: this.target.profileId, name: this.target.name, connection, fromCache: false, truncated: false, quantity: 0 }] };
  }

  /** The streams on this wall now. */
  streams(): readonly Stream[] {
    return this.poller?.model().streams ?? [];
  }

  /** Which tiles are on screen; pictures of the others pause only when the operator chose so. */
  setVisible(streamIds: readonly string[]): void {
    this.shown = this.deps.settings.get().pauseHiddenTiles ? new Set(streamIds) : null;
    this.poller?.setVisible(this.shown);
  }

  /** Polls the list now. */
  refresh(): void {
    this.poller?.refreshNow();
  }

  /** Stops polling and writes the last snapshot; resolves when it is on disk. */
  async close(): Promise<void> {
    if (this.closed) return;
    const lastSave = this.persistence?.saveNow();
    this.dispose();
    await lastSave;
  }

  dispose(): void {
    this.closed = true;
    this.disposables.dispose();
  }

  /**
   * Shows the cached wall first (marked stale until bintu answers), then polls. A connection
   * disposed while its cache was still loading never starts polling.
   */
  async start(): Promise<void> {
    const { target, deps } = this;
    const cached = target.cacheKey ? await deps.cache.load(target.cacheKey) : { snapshot: null, problem: null };
    if (cached.problem) deps.log.warn(cached.problem);
    if (this.closed) return;
    const settings = deps.settings.get();
    const alarms = this.disposables.add(
      new ConnectionAlarms({ profileId: target.profileId, name: target.name }, { settings: deps.settings, now: deps.now ?? Date.now, ...(deps.analyse ? { analyse: deps.analyse } : {}) }),
    );
    this.alarms = alarms;
    this.disposables.add(deps.alarms.attach(alarms));
    const poller = this.disposables.add(
      pollerWithAlarms(
        {
          source: new BintuClient({ apiBase: target.apiBase, credential: target.credential, http: deps.http }),
          http: deps.http,
          store: deps.store,
          ...pollTimings(settings),
          assetLimit: settings.assetLimit,
          rules: this.rules,
          ...(deps.gate ? { gate: deps.gate } : {}),
          ...(cached.snapshot ? { initial: cached.snapshot } : {}),
          ...(deps.now ? { now: deps.now } : {}),
        },
        alarms,
        () => this.shown,
      ),
    );
    this.poller = poller;
    this.disposables.add(poller.onDidChange(() => this.changes.fire()));
    // A gone tile appears or leaves with the alarm, not with the next poll.
    this.disposables.add(alarms.detector.onDidChange(() => this.changes.fire()));
    this.disposables.add(deps.settings.watch(pollTimings, (timings) => poller.configure(timings), { initial: false }));
    this.disposables.add(
      deps.settings.watch((s) => s.pauseHiddenTiles, (pause) => {
        if (pause) return;
        this.shown = null;
        poller.setVisible(null);
      }, { initial: false }),
    );
    if (target.cacheKey) {
      this.persistence = this.disposables.add(
        new WallPersistence(poller, deps.cache, target.cacheKey, {
          assetsDir: deps.store.dir,
          capBytes: () => deps.settings.get().cacheMaxMb * 1024 * 1024,
          log: deps.log,
          pinned: () => deps.alarms.pinnedAssets(),
        }),
      );
    }
    poller.start();
  }
}
