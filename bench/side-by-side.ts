import { BintuClient } from '../src/main/core/bintu/bintu-client';
import { AssetStore } from '../src/main/core/assets/asset-store';
import { HttpClient } from '../src/main/core/http/http-client';
import { ConnectionAlarms } from '../src/main/core/alarms/connection-alarms';
import { Poller } from '../src/main/core/poller/poller';
import { MemorySettingsStore, SettingsService } from '../src/main/core/settings/settings';
import { pollerWithAlarms } from '../src/main/core/session/wall-connection';
import type { BenchFlags } from './flags';
import { measureFreshness, type Freshness } from './freshness';
import { waitForSteadyWall, type Fill } from './fill';
import { heapAfterGcMb, rssMb } from './heap';
import { NaiveClient } from './naive-client';
import { processCpuMs } from './proc-cpu';
import { RequestLog, type Traffic } from './request-log';
import type { SimProcess } from './sim-process';

/** The app's default poll settings (settings.ts); `quantity` is set per run by `quantityFor`. */
export const APP_SETTINGS = { listIntervalMs: 5_000, detailsIntervalMs: 120_000, assetLimit: 10, maxSocketsPerHost: 6 } as const;

/** The setting's own maximum (`settings-view.ts`): a bench larger than this cannot be fitted. */
const SETTING_MAX_QUANTITY = 1000;

/**
 * The `quantity` an operator would set for this many streams: room for a quarter more (250 for the
 * 200 of the default run), at most the setting's maximum, and never fewer than the streams.
 */
export function quantityFor(streams: number): number {
  return Math.max(streams, Math.min(SETTING_MAX_QUANTITY, Math.ceil(streams * 1.25)));
}

/** What one client did in the window. */
export interface ClientFigures {
  assets: Traffic;
  api: Traffic;
  freshness: Freshness;
  /** Requests that failed without an answer in the whole run (from `HttpClient.stats`). */
  errors: number;
}

/** Everything the side-by-side run measured. */
export interface SideBySideFigures {
  windowStart: number;
  windowEnd: number;
  /** When the poller started: the window opens after the warm-up, on a steady wall (`fill`). */
  pollerStartedAt: number;
  /** From the poller's start until it first held every picture it wants, and until it had caught up. */
  fill: Fill;
  app: ClientFigures;
  /** `rounds`: naive rounds completed within the window; `failures`: its failed or non-200 requests in the run. */
  naive: ClientFigures & { rounds: number; failures: number };
  /** Distinct versions the simulator produced in the window and their total size. */
  versions: number;
  minBytes: number;
  /** Distinct asset URLs the app keeps fresh. */
  appAssets: number;
  /** The simulator's CPU time in the window over the window's length (1 = one core); null off Linux. */
  simCpuShare: number | null;
  /** This process's CPU time in the window (the app's poller and the bench) over its length. */
  appCpuShare: number;
  /** Heap after GC with the poller, the naive client and the logs alive. */
  heapAllMb: number;
  /** Heap after GC with only the poller (and its model) alive: the naive client and logs are gone. */
  heapPollerMb: number;
  rssMb: number;
}

/** The set of wanted pictures must stay this long unchanged for the wall to count as filled. */
const FILL_STABLE_MS = 3_000;
/** Past this, the window opens on a wall that is not yet steady (and the log says so). */
const FILL_LIMIT_MS = 180_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs the app's poller and the naive client against the same simulator at the same time, waits
 * out the warm-up, measures the window, then asks the simulator what it produced in the window.
 */
export async function runSideBySide(sim: SimProcess, flags: BenchFlags, storeDir: string, log: (line: string) => void): Promise<SideBySideFigures> {
  const credential = { kind: 'apiKey' as const, secret: sim.apiKey };
  const appHttp = new HttpClient({ maxSocketsPerHost: APP_SETTINGS.maxSocketsPerHost });
  const naiveHttp = new HttpClient({ maxSocketsPerHost: APP_SETTINGS.maxSocketsPerHost });
  const appLog = new RequestLog(appHttp);
  const naiveLog = new RequestLog(naiveHttp);
  // Detection as in the app (default alarm settings): every new picture is analysed as it arrives.
  const alarms = new ConnectionAlarms({ profileId: 'bench', name: 'bench' }, { settings: new SettingsService(new MemorySettingsStore()), now: Date.now });
  const pollerOptions = {
    source: new BintuClient({ apiBase: sim.baseUrl, credential, http: appHttp }),
    http: appHttp,
    store: new AssetStore(storeDir),
    listIntervalMs: APP_SETTINGS.listIntervalMs,
    detailsIntervalMs: APP_SETTINGS.detailsIntervalMs,
    quantity: quantityFor(flags.streams),
    assetLimit: APP_SETTINGS.assetLimit,
  };
  const poller = flags.detection ? pollerWithAlarms(pollerOptions, alarms) : new Poller(pollerOptions);
  const naive = new NaiveClient({
    source: new BintuClient({ apiBase: sim.baseUrl, credential, http: naiveHttp }),
    http: naiveHttp,
    intervalMs: flags.naiveIntervalS * 1000,
    quantity: quantityFor(flags.streams),
    assetLimit: APP_SETTINGS.assetLimit,
  });
  const started = Date.now();
  const progress = setInterval(() => {
    const a = appHttp.stats();
    const n = naiveHttp.stats();
    log(`  ${String(Math.round((Date.now() - started) / 1000)).padStart(4)} s  app ${a.requests} requests ${(a.bytes / 1e6).toFixed(1)} MB  |  naive ${n.requests} requests ${(n.bytes / 1e6).toFixed(1)} MB`);
  }, 10_000);
  try {
    poller.start();
    // `--naive-interval 0` leaves the naive client out: at a thousand streams, re-fetching every
    // picture every 10 s takes more than a 2-core machine's simulator can render, for both clients.
    if (flags.naiveIntervalS > 0) naive.start();
    // The window measures the steady state: every picture held once, as `min_bytes` assumes. At
    // 1,000 streams the first copy of every picture takes longer than the warm-up (see README).
    const fill = await waitForSteadyWall(poller, started, { stableMs: FILL_STABLE_MS, limitMs: FILL_LIMIT_MS });
    const at = (ms: number | null): string => (ms === null ? `not within ${FILL_LIMIT_MS / 1000} s` : `after ${(ms / 1000).toFixed(1)} s`);
    log(`  the app holds every picture ${at(fill.filledMs)}, caught up ${at(fill.caughtUpMs)}`);
    await sleep(Math.max(0, started + flags.warmupS * 1000 - Date.now()));
    const windowStart = Date.now();
    const simCpuBefore = processCpuMs(sim.pid);
    const appCpuBefore = process.cpuUsage();
    const roundsBefore = naive.rounds;
    log(`  window opens (${flags.windowS} s)`);
    await sleep(flags.windowS * 1000);
    const windowEnd = Date.now();
    const simCpuAfter = processCpuMs(sim.pid);
    const appCpu = process.cpuUsage(appCpuBefore);
    const appCpuShare = (appCpu.user + appCpu.system) / 1000 / (windowEnd - windowStart);
    const simCpuShare = simCpuBefore !== null && simCpuAfter !== null ? (simCpuAfter - simCpuBefore) / (windowEnd - windowStart) : null;
    const rounds = naive.rounds - roundsBefore;
    clearInterval(progress);
    log('  window closed; asking the simulator what it produced');
    const versions = await sim.assetVersions(windowStart, windowEnd);
    const isAsset = (url: string): boolean => url.startsWith(sim.assetBaseUrl);
    const isApi = (url: string): boolean => url.startsWith(sim.baseUrl);
    const figures = (requests: RequestLog, http: HttpClient): ClientFigures => ({
      assets: requests.traffic(isAsset, windowStart, windowEnd),
      api: requests.traffic(isApi, windowStart, windowEnd),
      freshness: measureFreshness(versions, requests.holds(isAsset), windowEnd),
      errors: http.stats().errors,
    });
    const app = figures(appLog, appHttp);
    const naiveFigures = { ...figures(naiveLog, naiveHttp), rounds, failures: naive.failures };
    const heapAllMb = heapAfterGcMb();
    naive.dispose();
    naiveHttp.dispose();
    naiveLog.dispose();
    appLog.dispose();
    const heapPollerMb = heapAfterGcMb();
    return {
      windowStart,
      windowEnd,
      pollerStartedAt: started,
      fill,
      app,
      naive: naiveFigures,
      versions: versions.length,
      minBytes: versions.reduce((sum, v) => sum + v.bytes, 0),
      appAssets: poller.model().assets.size,
      simCpuShare,
      appCpuShare,
      heapAllMb,
      heapPollerMb,
      rssMb: rssMb(),
    };
  } finally {
    clearInterval(progress);
    naive.dispose();
    poller.dispose();
    alarms.dispose();
    appHttp.dispose();
    naiveHttp.dispose();
  }
}
