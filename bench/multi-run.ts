import { join } from 'node:path';
import { AlarmCenter } from '../src/main/core/alarms/alarm-center';
import { ConnectionAlarms } from '../src/main/core/alarms/connection-alarms';
import { AssetStore } from '../src/main/core/assets/asset-store';
import { BintuClient } from '../src/main/core/bintu/bintu-client';
import { WallCache } from '../src/main/core/cache/wall-cache';
import { MemoryVault } from '../src/main/core/credential-vault';
import { HttpClient } from '../src/main/core/http/http-client';
import { KnownSecrets } from '../src/main/core/log/logger';
import { HostGate } from '../src/main/core/poller/host-gate';
import type { Poller } from '../src/main/core/poller/poller';
import { Session } from '../src/main/core/session/session';
import { pollerWithAlarms } from '../src/main/core/session/wall-connection';
import { MemorySettingsStore, SettingsService } from '../src/main/core/settings/settings';
import { HeadlessDesktop } from '../src/main/cli/headless';
import type { BenchFlags } from './flags';
import { measureFreshness } from './freshness';
import { heapAfterGcMb, rssMb } from './heap';
import { processCpuMs } from './proc-cpu';
import { RequestLog } from './request-log';
import { APP_SETTINGS, quantityFor, type ClientFigures } from './side-by-side';
import type { SimProcess } from './sim-process';

/** One organisation of the run: where it lives and how it signs in. */
export interface BenchOrganisation {
  id: string;
  name: string;
  apiBase: string;
  apiKey: string;
  /** The host's process, for the versions it produced. */
  host: SimProcess;
}

/** A cold full refresh of every organisation at once through one client (the merged wall's). */
export interface MultiRefresh {
  firstMs: number;
  runsMs: number[];
  medianMs: number;
  /** Requests per host (list plus details of each organisation on it). */
  requestsPerHost: number[];
  boundMs: number;
}

/** What the multi-organisation run measured. */
export interface MultiFigures {
  windowStart: number;
  windowEnd: number;
  /** The merged wall (one `Session`, one HTTP client, per-host cap and gate shared). */
  merged: ClientFigures;
  /** The four single-profile pollers together, each with its own HTTP client. */
  separate: ClientFigures;
  versions: number;
  minBytes: number;
  streamsOnWall: number;
  /** CPU of the host processes and of this one in the window, over its length (1 = one core). */
  simCpuShare: number | null;
  appCpuShare: number;
  heapAllMb: number;
  heapMergedMb: number;
  rssMb: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const REFRESH_RUNS = 3;

/** A quiet logger: the bench prints its own progress. */
const quiet = { info: () => undefined, warn: () => undefined, error: (message: string) => console.error(`session error: ${message}`) };

/**
 * The least a full refresh of every organisation can take: each host serves at most `cap`
 * requests at a time for all its organisations together (the app's per-host connection cap is
 * shared), the hosts in parallel, every request one round trip.
 */
export function multiRefreshBound(requestsPerHost: readonly number[], latencyMs: number, cap: number): number {
  return Math.max(0, ...requestsPerHost.map((requests) => (requests * latencyMs) / cap));
}

/** Lists then asks every stream's details of every organisation at once, through one new client. */
async function coldMultiRefresh(orgs: readonly BenchOrganisation[], quantity: number): Promise<{ ms: number; perOrg: number[] }> {
  const http = new HttpClient({ maxSocketsPerHost: APP_SETTINGS.maxSocketsPerHost });
  try {
    const started = performance.now();
    const perOrg = await Promise.all(orgs.map(async (org) => {
      const client = new BintuClient({ apiBase: org.apiBase, credential: { kind: 'apiKey', secret: org.apiKey }, http });
      const streams = await client.listStreams({ quantity });
      await Promise.all(streams.map((s) => client.getStream(s.id, { assetLimit: APP_SETTINGS.assetLimit })));
      return 1 + streams.length;
    }));
    return { ms: performance.now() - started, perOrg };
  } finally {
    http.dispose();
  }
}

/** The merged wall's cold refresh: one unmeasured run, then the median of `REFRESH_RUNS`. */
export async function measureMultiRefresh(orgs: readonly BenchOrganisation[], hosts: readonly SimProcess[], streamsPerOrg: number, latencyMs: number): Promise<MultiRefresh> {
  const quantity = quantityFor(streamsPerOrg);
  const first = await coldMultiRefresh(orgs, quantity);
  const runs: number[] = [];
  for (let i = 0; i < REFRESH_RUNS; i++) runs.push((await coldMultiRefresh(orgs, quantity)).ms);
  const requestsPerHost = hosts.map((host) => orgs.reduce((sum, org, i) => sum + (org.host === host ? (first.perOrg[i] ?? 0) : 0), 0));
  const medianMs = [...runs].sort((a, b) => a - b)[Math.floor(REFRESH_RUNS / 2)] ?? Number.NaN;
  return { firstMs: first.ms, runsMs: runs, medianMs, requestsPerHost, boundMs: multiRefreshBound(requestsPerHost, latencyMs, APP_SETTINGS.maxSocketsPerHost) };
}

/**
 * Runs the app's merged wall (a `Session` over every organisation, composed as `compose.ts` does
 * it, with an in-memory keychain and settings in place of the desktop's) beside one separate
 * poller per organisation, against the same hosts at the same time, and measures the window.
 */
export async function runMultiOrg(orgs: readonly BenchOrganisation[], hosts: readonly SimProcess[], flags: BenchFlags, streamsPerOrg: number, dir: string, log: (line: string) => void): Promise<MultiFigures> {
  const quantity = quantityFor(streamsPerOrg);
  const [active, ...others] = orgs;
  if (!active) throw new Error('no organisation to run');
  const settings = new SettingsService(new MemorySettingsStore({
    listIntervalS: APP_SETTINGS.listIntervalMs / 1000,
    detailsIntervalS: APP_SETTINGS.detailsIntervalMs / 1000,
    quantity,
    maxConnectionsPerHost: APP_SETTINGS.maxSocketsPerHost,
    profiles: orgs.map((o) => ({ id: o.id, name: o.name, apiBase: o.apiBase, credentialKind: 'apiKey' })),
    activeProfileId: active.id,
    wallProfiles: others.map((o) => o.id),
  }));
  const vault = new MemoryVault(null);
  for (const org of orgs) await vault.set(org.id, org.apiKey);
  const http = new HttpClient({ maxSocketsPerHost: APP_SETTINGS.maxSocketsPerHost });
  const mergedLog = new RequestLog(http);
  const store = new AssetStore(join(dir, 'merged', 'cache'));
  const alarmCenter = new AlarmCenter({ folder: join(dir, 'merged', 'alarms'), http, settings, desktop: new HeadlessDesktop(), log: quiet });
  const session = new Session({
    settings,
    http,
    store,
    cache: new WallCache(join(dir, 'merged', 'cache'), store),
    assetSrc: (name) => name,
    log: quiet,
    alarms: alarmCenter,
    gate: new HostGate(),
    vault,
    startDemo: () => Promise.reject(new Error('no demo in the bench')),
    secrets: new KnownSecrets(),
  });

  // The comparison: what four copies of a single-profile app would do, each its own client.
  const separate = orgs.map((org, i) => {
    const own = new HttpClient({ maxSocketsPerHost: APP_SETTINGS.maxSocketsPerHost });
    const alarms = new ConnectionAlarms({ profileId: org.id, name: org.name }, { settings: new SettingsService(new MemorySettingsStore()), now: Date.now });
    const poller: Poller = pollerWithAlarms({
      source: new BintuClient({ apiBase: org.apiBase, credential: { kind: 'apiKey', secret: org.apiKey }, http: own }),
      http: own,
      store: new AssetStore(join(dir, `separate-${i}`)),
      listIntervalMs: APP_SETTINGS.listIntervalMs,
      detailsIntervalMs: APP_SETTINGS.detailsIntervalMs,
      quantity,
      assetLimit: APP_SETTINGS.assetLimit,
    }, alarms);
    return { http: own, log: new RequestLog(own), alarms, poller };
  });
  const started = Date.now();
  const progress = setInterval(() => {
    const m = http.stats();
    const s = separate.reduce((sum, c) => ({ requests: sum.requests + c.http.stats().requests, bytes: sum.bytes + c.http.stats().bytes }), { requests: 0, bytes: 0 });
    log(`  ${String(Math.round((Date.now() - started) / 1000)).padStart(4)} s  merged wall ${m.requests} requests ${(m.bytes / 1e6).toFixed(1)} MB, ${session.wall().streams.length} tiles  |  separate ${s.requests} requests ${(s.bytes / 1e6).toFixed(1)} MB`);
  }, 10_000);
  const cpuOf = (): number | null => {
    const each = hosts.map((h) => processCpuMs(h.pid));
    return each.every((c) => c !== null) ? each.reduce<number>((a, b) => a + (b ?? 0), 0) : null;
  };
  try {
    await session.start();
    for (const s of separate) s.poller.start();
    await sleep(flags.warmupS * 1000);
    const windowStart = Date.now();
    const simCpuBefore = cpuOf();
    const appCpuBefore = process.cpuUsage();
    log(`  window opens (${flags.windowS} s)`);
    await sleep(flags.windowS * 1000);
    const windowEnd = Date.now();
    const simCpuAfter = cpuOf();
    const appCpu = process.cpuUsage(appCpuBefore);
    clearInterval(progress);
    log('  window closed; asking the hosts what they produced');
    const versions = (await Promise.all(hosts.map((h) => h.assetVersions(windowStart, windowEnd)))).flat().sort((a, b) => a.producedAt - b.producedAt);
    const assetBases = hosts.map((h) => h.assetBaseUrl);
    const apiBases = hosts.map((h) => h.baseUrl);
    const isAsset = (url: string): boolean => assetBases.some((b) => url.startsWith(b));
    const isApi = (url: string): boolean => apiBases.some((b) => url.startsWith(b));
    const merged: ClientFigures = {
      assets: mergedLog.traffic(isAsset, windowStart, windowEnd),
      api: mergedLog.traffic(isApi, windowStart, windowEnd),
      freshness: measureFreshness(versions, mergedLog.holds(isAsset), windowEnd),
      errors: http.stats().errors,
    };
    // The separate pollers watch disjoint organisations: their holds together are one client's.
    const holds = new Map(separate.flatMap((s) => [...s.log.holds(isAsset)]));
    const sum = (pick: (s: (typeof separate)[number]) => { requests: number; bytes: number; notModified: number }) =>
      separate.map(pick).reduce((a, b) => ({ requests: a.requests + b.requests, bytes: a.bytes + b.bytes, notModified: a.notModified + b.notModified }));
    const separateFigures: ClientFigures = {
      assets: sum((s) => s.log.traffic(isAsset, windowStart, windowEnd)),
      api: sum((s) => s.log.traffic(isApi, windowStart, windowEnd)),
      freshness: measureFreshness(versions, holds, windowEnd),
      errors: separate.reduce((n, s) => n + s.http.stats().errors, 0),
    };
    const streamsOnWall = session.wall().streams.length;
    const heapAllMb = heapAfterGcMb();
    for (const s of separate) {
      s.poller.dispose();
      s.alarms.dispose();
      s.log.dispose();
      s.http.dispose();
    }
    mergedLog.dispose();
    const heapMergedMb = heapAfterGcMb();
    return {
      windowStart,
      windowEnd,
      merged,
      separate: separateFigures,
      versions: versions.length,
      minBytes: versions.reduce((total, v) => total + v.bytes, 0),
      streamsOnWall,
      simCpuShare: simCpuBefore !== null && simCpuAfter !== null ? (simCpuAfter - simCpuBefore) / (windowEnd - windowStart) : null,
      appCpuShare: (appCpu.user + appCpu.system) / 1000 / (windowEnd - windowStart),
      heapAllMb,
      heapMergedMb,
      rssMb: rssMb(),
    };
  } finally {
    clearInterval(progress);
    for (const s of separate) {
      s.poller.dispose();
      s.alarms.dispose();
      s.http.dispose();
    }
    await session.close();
    session.dispose();
    alarmCenter.dispose();
    http.dispose();
  }
}
