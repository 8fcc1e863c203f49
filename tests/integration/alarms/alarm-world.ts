import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AlarmEvent, AlarmSettings, WatchList } from '../../../src/shared/alarms';
import { AlarmCenter } from '../../../src/main/core/alarms/alarm-center';
import { AssetStore } from '../../../src/main/core/assets/asset-store';
import { WallCache } from '../../../src/main/core/cache/wall-cache';
import { HttpClient } from '../../../src/main/core/http/http-client';
import { MemorySettingsStore, SettingsService } from '../../../src/main/core/settings/settings';
import { WallConnection } from '../../../src/main/core/session/wall-connection';
import { startSimulator, type SimStreamInfo, type SimulatorOptions } from '../../../src/main/simulator';
import { RecordingDesktop } from '../../support/recording-desktop';
import { memoryLog } from '../session/helpers';

/** Thresholds to lower, per type, as an operator would in Settings. */
export type AlarmOverrides = { [K in keyof AlarmSettings]?: AlarmSettings[K] extends object ? Partial<AlarmSettings[K]> : AlarmSettings[K] };

/** How a test's world is set up. */
export interface AlarmWorldOptions {
  alarms?: AlarmOverrides;
  watch?: Partial<WatchList>;
  simulator?: SimulatorOptions;
  /** Use this key instead of the organisation's own (a rejected credential). */
  apiKey?: string;
}

/** Every thumbnail every 10 s, bintu's floor (the simulator and the poller both clamp to it). */
const THUMB_INTERVAL_S = 10;

/**
 * A simulator and one profile connection built as the app builds it (poller, detector, alarm
 * center with its log), every alarm event recorded in order.
 */
export async function alarmWorld(options: AlarmWorldOptions = {}) {
  const sim = await startSimulator({ streams: 8, groups: 0, seed: 11, lifecycle: false, thumbIntervalRange: [THUMB_INTERVAL_S, THUMB_INTERVAL_S], ...options.simulator });
  const dir = mkdtempSync(join(tmpdir(), 'alarm-world-'));
  const http = new HttpClient();
  const store = new AssetStore(join(dir, 'cache'));
  const settings = new SettingsService(new MemorySettingsStore({ listIntervalS: 2, alarms: options.alarms ?? {}, watch: options.watch ?? {} }));
  const log = memoryLog();
  const center = new AlarmCenter({ folder: join(dir, 'alarms'), http, settings, desktop: new RecordingDesktop(), log, assetSrc: (name) => `wall-asset://cache/${name}` });
  const events: AlarmEvent[] = [];
  center.onDidEvent((event) => events.push(event));
  const secret = options.apiKey ?? sim.credentials.find((c) => c.kind === 'apiKey' && c.role === 'nanoAdmin' && c.liveProcessing)?.secret ?? '';
  const connection = new WallConnection(
    { profileId: 'p1', apiBase: sim.baseUrl, credential: { kind: 'apiKey', secret }, cacheKey: null, name: 'Test organisation' },
    { settings, http, store, cache: new WallCache(join(dir, 'cache'), store), assetSrc: (name) => name, log, alarms: center },
  );
  await connection.start();
  let closed = false;
  let simClosed: Promise<void> | null = null;
  const stopSimulator = (): Promise<void> => (simClosed ??= sim.close());
  return {
    sim,
    connection,
    center,
    events,
    log,
    /** Live streams, newest first (the simulator's own view). */
    live(): SimStreamInfo[] {
      return sim.control.listStreams().filter((s) => s.state === 'live');
    },
    /** Events of one stream (or of the connection, with null). */
    of(streamId: string | null): AlarmEvent[] {
      return events.filter((e) => e.streamId === streamId);
    },
    /** Resolves once each of these streams' main picture has been fetched and judged. */
    async pictured(ids: readonly string[], timeoutMs = 20_000): Promise<void> {
      await until(() => ids.every((id) => connection.view().streams.find((s) => s.streamId === id)?.variants[0]?.thumbnail), timeoutMs);
      await sleep(500);
    },
    /** The first event of a stream matching `match`, waiting for it. */
    event(streamId: string | null, match: Partial<AlarmEvent>, timeoutMs = 45_000): Promise<AlarmEvent> {
      const fits = (e: AlarmEvent): boolean => e.streamId === streamId && Object.entries(match).every(([k, v]) => e[k as keyof AlarmEvent] === v);
      return until(() => events.find(fits), timeoutMs);
    },
    /** Stops the simulator: bintu and its asset host are gone. */
    stopSimulator,
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      connection.dispose();
      await center.close();
      center.dispose();
      http.dispose();
      await stopSimulator();
    },
  };
}

/** What `alarmWorld` resolves to. */
export type AlarmWorld = Awaited<ReturnType<typeof alarmWorld>>;

/** Sleeps. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it answers something truthy. */
export async function until<T>(probe: () => T | undefined | null | false, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(100);
  }
}
