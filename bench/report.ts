import type { BenchFlags } from './flags';
import { checkTarget, type TargetResult } from './results-file';
import { quantityFor, type ClientFigures, type SideBySideFigures } from './side-by-side';
import { count, formatTable, mb, round, seconds } from './table';

/** The full-refresh timings: the process's very first (JIT still cold) and the measured runs. */
export interface RefreshFigures {
  firstMs: number;
  runsMs: number[];
  medianMs: number;
  requests: number;
  boundMs: number;
}

/** What `run.ts` writes and prints. */
export interface PollingReport {
  fields: Record<string, unknown>;
  targets: Record<string, TargetResult>;
  table: string;
}

const s = (ms: number): number => round(ms / 1000);

/** Turns the raw figures into results.json fields, the targets and the printed table. */
export function buildPollingReport(flags: BenchFlags, refresh: RefreshFigures, f: SideBySideFigures, baselineHeapMb: number): PollingReport {
  const windowS = (f.windowEnd - f.windowStart) / 1000;
  const fields = {
    streams: flags.streams,
    groups: flags.groups,
    quantity: quantityFor(flags.streams),
    seed: flags.seed,
    latency_ms: flags.latencyMs,
    window_s: round(windowS),
    warmup_s: flags.warmupS,
    fill_s: f.fill.filledMs === null ? null : s(f.fill.filledMs),
    caught_up_s: f.fill.caughtUpMs === null ? null : s(f.fill.caughtUpMs),
    window_opened_s: s(f.windowStart - f.pollerStartedAt),
    alarm_detection: flags.detection === 1,
    asset_urls: f.appAssets,
    versions: f.versions,
    bytes: f.app.assets.bytes,
    requests: f.app.assets.requests,
    not_modified: f.app.assets.notModified,
    api_bytes: f.app.api.bytes,
    api_requests: f.app.api.requests,
    naive_bytes: f.naive.assets.bytes,
    naive_requests: f.naive.assets.requests,
    naive_api_bytes: f.naive.api.bytes,
    naive_api_requests: f.naive.api.requests,
    naive_rounds: f.naive.rounds,
    min_bytes: f.minBytes,
    min_requests: f.versions,
    freshness_p50_s: s(f.app.freshness.p50Ms),
    freshness_p95_s: s(f.app.freshness.p95Ms),
    freshness_max_s: s(f.app.freshness.maxMs),
    versions_missed: f.app.freshness.missed,
    versions_skipped: f.app.freshness.skipped,
    naive_freshness_p50_s: s(f.naive.freshness.p50Ms),
    naive_freshness_p95_s: s(f.naive.freshness.p95Ms),
    naive_freshness_max_s: s(f.naive.freshness.maxMs),
    naive_versions_missed: f.naive.freshness.missed,
    naive_versions_skipped: f.naive.freshness.skipped,
    refresh_ms: round(refresh.medianMs),
    refresh_runs_ms: refresh.runsMs.map(round),
    refresh_first_ms: round(refresh.firstMs),
    refresh_requests: refresh.requests,
    bound_refresh_ms: round(refresh.boundMs),
    main_heap_mb: round(f.heapPollerMb),
    main_heap_with_naive_mb: round(f.heapAllMb),
    main_heap_baseline_mb: round(baselineHeapMb),
    main_rss_mb: round(f.rssMb),
    app_errors: f.app.errors,
    naive_errors: f.naive.errors,
    naive_failures: f.naive.failures,
    bytes_vs_min: round(f.app.assets.bytes / f.minBytes),
    bytes_vs_naive: f.naive.assets.bytes > 0 ? round(f.app.assets.bytes / f.naive.assets.bytes) : null,
    sim_cpu_share: f.simCpuShare === null ? null : round(f.simCpuShare),
    app_cpu_share: round(f.appCpuShare),
    refresh_vs_bound: round(refresh.medianMs / refresh.boundMs),
    polling_measured_at: new Date(f.windowEnd).toISOString(),
  };
  const targets = {
    bytes_vs_min: checkTarget(fields.bytes_vs_min, '<=', 1.15),
    freshness_p95_s: checkTarget(fields.freshness_p95_s, '<=', 3),
    refresh_vs_bound: checkTarget(fields.refresh_vs_bound, '<=', 1.5),
    main_heap_mb: checkTarget(fields.main_heap_mb, '<', 150),
  };
  return { fields, targets, table: table(f, refresh) };
}

function freshnessCell(c: ClientFigures): string {
  const { p50Ms, p95Ms, maxMs } = c.freshness;
  return `${(p50Ms / 1000).toFixed(2)} / ${(p95Ms / 1000).toFixed(2)} / ${(maxMs / 1000).toFixed(2)} s`;
}

function missedCell(c: ClientFigures, versions: number): string {
  return `${count(c.freshness.missed)} of ${count(versions)} (${count(c.freshness.skipped)})`;
}

const fillCell = (ms: number | null): string => (ms === null ? 'not reached' : seconds(ms));

function table(f: SideBySideFigures, refresh: RefreshFigures): string {
  const { app, naive } = f;
  return formatTable([
    ['', 'app poller', 'naive client', 'physical limit'],
    ['asset bytes', mb(app.assets.bytes), mb(naive.assets.bytes), `${mb(f.minBytes)} (every version once)`],
    ['asset requests (304s)', `${count(app.assets.requests)} (${count(app.assets.notModified)})`, count(naive.assets.requests), `${count(f.versions)} versions`],
    ['api bytes', mb(app.api.bytes), mb(naive.api.bytes), ''],
    ['api requests', count(app.api.requests), count(naive.api.requests), ''],
    ['freshness p50 / p95 / max', freshnessCell(app), freshnessCell(naive), '0'],
    ['versions never held (skipped)', missedCell(app, f.versions), missedCell(naive, f.versions), '0'],
    ['failed requests (run)', count(app.errors), count(naive.errors), ''],
    ['full refresh (list + details)', `${count(refresh.medianMs)} ms (first ${count(refresh.firstMs)} ms)`, '', `${count(refresh.boundMs)} ms (${refresh.requests} req x latency / 6)`],
    ['heap after GC', `${f.heapPollerMb.toFixed(1)} MB (with naive ${f.heapAllMb.toFixed(1)} MB)`, '', ''],
    ['window', `${seconds(f.windowEnd - f.windowStart)}, ${count(f.appAssets)} asset URLs`, `${naive.rounds} rounds`, ''],
    ['window opened (wall filled / caught up)', `${seconds(f.windowStart - f.pollerStartedAt)} (${fillCell(f.fill.filledMs)} / ${fillCell(f.fill.caughtUpMs)})`, '', ''],
    ['CPU in the window (one core = 100 %)', `${(f.appCpuShare * 100).toFixed(0)} % (this process)`, '', f.simCpuShare === null ? '' : `simulator ${(f.simCpuShare * 100).toFixed(0)} %`],
  ]);
}
