import { join } from 'node:path';
import type { AlarmEvent, AlarmSettings } from '../src/shared/alarms';
import { AlarmCenter } from '../src/main/core/alarms/alarm-center';
import { analysePicture } from '../src/main/core/alarms/picture-measure';
import { AssetStore } from '../src/main/core/assets/asset-store';
import { BintuClient } from '../src/main/core/bintu/bintu-client';
import { WallCache } from '../src/main/core/cache/wall-cache';
import { HttpClient } from '../src/main/core/http/http-client';
import { Poller } from '../src/main/core/poller/poller';
import { assetIntervalMs } from '../src/main/core/poller/schedule';
import { MemorySettingsStore, pollTimings, SettingsService } from '../src/main/core/settings/settings';
import { WallConnection } from '../src/main/core/session/wall-connection';
import { HeadlessDesktop, stderrLogger } from '../src/main/cli/headless';
import type { AlarmBenchFlags } from './alarm-flags';
import { boundMs, faultRequest, type AlarmPlan, type Injection } from './alarm-plan';
import { detectionTraffic, type DetectionTraffic } from './detection-cost';
import { measureFreshness, type Freshness } from './freshness';
import { RequestLog } from './request-log';
import type { SimProcess } from './sim-process';

/** An alarm event and when this process heard of it (the event's `at` is when its evidence was fetched). */
export interface Heard {
  event: AlarmEvent;
  receivedAt: number;
}

/** What one injected fault produced. */
export interface Outcome extends Injection {
  injectedAt: number;
  intervalS: number;
  boundMs: number;
  /** When the alarm of its type was heard; null when it never came. */
  alarmAt: number | null;
}

/** Everything the alarm run measured, for the report. */
export interface AlarmRunFigures {
  settings: AlarmSettings;
  outcomes: Outcome[];
  heard: Heard[];
  /** Wall time of each `analysePicture` call the detector made, and a sample of the pictures. */
  analysisWallMs: number[];
  samples: Buffer[];
  traffic: DetectionTraffic;
  /** Picture freshness of the streams left alone, with detection and without, in the same window. */
  freshness: { on: Freshness; off: Freshness };
  windowStart: number;
  windowEnd: number;
}

const APP = { listIntervalS: 5, detailsIntervalS: 120, quantity: 250, assetLimit: 10, maxConnectionsPerHost: 6 } as const;
const SAMPLE_LIMIT = 400;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs the app's connection (poller, detector, alarm center) with the app's defaults next to a
 * twin poller without detection, injects the plan's faults at their moments, and waits until
 * every fault raised its alarm or its time ran out.
 */
export async function runAlarmBench(sim: SimProcess, plan: AlarmPlan, injectedNames: ReadonlySet<string>, flags: AlarmBenchFlags, dir: string, log: (line: string) => void): Promise<AlarmRunFigures> {
  const settings = new SettingsService(new MemorySettingsStore({ ...APP, watch: { streamIds: plan.watched } }));
  const alarmSettings = settings.get().alarms;
  const credential = { kind: 'apiKey' as const, secret: sim.apiKey };
  const onHttp = new HttpClient({ maxSocketsPerHost: APP.maxConnectionsPerHost });
  const offHttp = new HttpClient({ maxSocketsPerHost: APP.maxConnectionsPerHost });
  const onLog = new RequestLog(onHttp);
  const offLog = new RequestLog(offHttp);
  const heard: Heard[] = [];
  const analysisWallMs: number[] = [];
  const samples: Buffer[] = [];
  const analyse = async (bytes: Uint8Array) => {
    const start = performance.now();
    const result = await analysePicture(bytes);
    analysisWallMs.push(performance.now() - start);
    if (samples.length < SAMPLE_LIMIT) samples.push(Buffer.from(bytes));
    return result;
  };
  const store = new AssetStore(join(dir, 'on'));
  const logger = stderrLogger((line) => log(`  ${line}`), [sim.apiKey]);
  const center = new AlarmCenter({ folder: join(dir, 'alarms'), http: onHttp, settings, desktop: new HeadlessDesktop(), log: logger });
  center.onDidEvent((event) => heard.push({ event, receivedAt: Date.now() }));
  const connection = new WallConnection(
    { profileId: 'bench', apiBase: sim.baseUrl, credential, cacheKey: null, name: 'bench' },
    { settings, http: onHttp, store, cache: new WallCache(join(dir, 'on'), store), assetSrc: (name) => name, log: logger, alarms: center, analyse },
  );
  const twin = new Poller({
    source: new BintuClient({ apiBase: sim.baseUrl, credential, http: offHttp }),
    http: offHttp,
    store: new AssetStore(join(dir, 'off')),
    ...pollTimings(settings.get()),
    assetLimit: APP.assetLimit,
  });
  const outcomes: Outcome[] = [];
  const progress = setInterval(() => {
    const raised = outcomes.filter((o) => alarmOf(o, heard) !== null).length;
    log(`  ${outcomes.length} injected, ${raised} raised, ${heard.length} events, ${analysisWallMs.length} pictures analysed`);
  }, 15_000);
  try {
    await connection.start();
    twin.start();
    log(`  warm-up ${flags.warmupS} s`);
    await sleep(flags.warmupS * 1000);
    const windowStart = Date.now();
    const intervals = new Map(connection.streams().map((s) => [s.id, assetIntervalMs(s.variants[0]?.processing.thumbs?.interval) / 1000]));
    for (const injection of plan.injections) {
      await sleep(Math.max(0, windowStart + injection.offsetMs - Date.now()));
      const intervalS = intervals.get(injection.streamId) ?? Number.NaN;
      const injectedAt = Date.now();
      const { path, body } = faultRequest(injection);
      const res = await fetch(`${sim.baseUrl}${path}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`the simulator refused ${path}: ${res.status}`);
      outcomes.push({ ...injection, injectedAt, intervalS, boundMs: boundMs(injection.type, intervalS, APP.listIntervalS, alarmSettings), alarmAt: null });
    }
    const last = Date.now();
    // Two bounds after the slowest injection: what has not come by then counts as missed.
    const deadline = Math.max(...outcomes.map((o) => o.injectedAt + 2 * o.boundMs));
    while (Date.now() < deadline && (Date.now() < last + flags.quietS * 1000 || outcomes.some((o) => alarmOf(o, heard) === null))) await sleep(500);
    const windowEnd = Date.now();
    await connection.close();
    // Each poller draws its details cadence per stream from 0.9 to 1.1 intervals: two twins' draws
    // differ by up to a fifth. A picture version is the twin's if it took it within the slowest interval.
    const slack = { isApi: (url: string) => url.startsWith(sim.baseUrl), assetMs: flags.thumbMaxS * 1000 + 5_000, apiMs: APP.detailsIntervalS * 200 + 1_000 };
    // The twin goes on for the slack, so the window's edges are matched on both sides.
    await sleep(Math.max(slack.apiMs, slack.assetMs));
    twin.dispose();
    for (const o of outcomes) o.alarmAt = alarmOf(o, heard);
    const traffic = detectionTraffic(onLog, offLog, { from: windowStart, to: windowEnd }, slack);
    // Faulty streams' pictures are not what the schedule says they are: freshness is of the others.
    const versions = (await sim.assetVersions(windowStart, windowEnd)).filter((v) => !injectedNames.has(v.streamname));
    const isAsset = (url: string): boolean => url.startsWith(sim.assetBaseUrl);
    const freshness = { on: measureFreshness(versions, onLog.holds(isAsset), windowEnd), off: measureFreshness(versions, offLog.holds(isAsset), windowEnd) };
    return { settings: alarmSettings, outcomes, heard, analysisWallMs, samples, traffic, freshness, windowStart, windowEnd };
  } finally {
    clearInterval(progress);
    connection.dispose();
    twin.dispose();
    await center.close();
    center.dispose();
    onLog.dispose();
    offLog.dispose();
    onHttp.dispose();
    offHttp.dispose();
  }
}

/** When the alarm an injection should raise was heard, if it was. */
function alarmOf(o: Injection & { injectedAt: number }, heard: readonly Heard[]): number | null {
  const hit = heard.find((h) => h.event.streamId === o.streamId && h.event.type === o.type && h.event.state === 'alarm' && h.receivedAt >= o.injectedAt);
  return hit ? hit.receivedAt : null;
}
