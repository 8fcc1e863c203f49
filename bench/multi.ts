/**
 * The multi-organisation run of `npm run bench`: 4 organisations of 50 streams on two simulator
 * hosts (2 per host), polled by the app's merged wall beside 4 separate single-profile pollers.
 * Writes its figures to the `multi` section of bench/results.json (the single run's stay).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchFlags } from './flags';
import { measureMultiRefresh, runMultiOrg, type BenchOrganisation, type MultiFigures, type MultiRefresh } from './multi-run';
import { checkTarget, mergeResults, type TargetResult } from './results-file';
import type { ClientFigures } from './side-by-side';
import { startMultiSimProcess, type SimProcess } from './sim-process';
import { count, formatTable, formatTargets, mb, round, seconds } from './table';

export const MULTI_HOSTS = 2;
export const MULTI_ORGS_PER_HOST = 2;
export const MULTI_STREAMS_PER_ORG = 50;
/** ABR groups per organisation: a fifth, as in the single run (40 of 200). */
const MULTI_GROUPS_PER_ORG = 10;

const s = (ms: number): number => round(ms / 1000);

/** results.json fields (under `multi`) and the targets (prefixed `multi_`). */
export function buildMultiReport(flags: BenchFlags, refresh: MultiRefresh, f: MultiFigures): { fields: Record<string, unknown>; targets: Record<string, TargetResult>; table: string } {
  const client = (c: ClientFigures) => ({
    bytes: c.assets.bytes,
    requests: c.assets.requests,
    not_modified: c.assets.notModified,
    api_bytes: c.api.bytes,
    api_requests: c.api.requests,
    bytes_vs_min: round(c.assets.bytes / f.minBytes),
    freshness_p50_s: s(c.freshness.p50Ms),
    freshness_p95_s: s(c.freshness.p95Ms),
    freshness_max_s: s(c.freshness.maxMs),
    versions_missed: c.freshness.missed,
    versions_skipped: c.freshness.skipped,
    errors: c.errors,
  });
  const fields = {
    hosts: MULTI_HOSTS,
    organisations: MULTI_HOSTS * MULTI_ORGS_PER_HOST,
    streams_per_organisation: MULTI_STREAMS_PER_ORG,
    groups_per_organisation: MULTI_GROUPS_PER_ORG,
    streams_on_wall: f.streamsOnWall,
    latency_ms: flags.latencyMs,
    window_s: round((f.windowEnd - f.windowStart) / 1000),
    warmup_s: flags.warmupS,
    versions: f.versions,
    min_bytes: f.minBytes,
    merged: client(f.merged),
    separate: client(f.separate),
    multi_bytes_vs_min: round(f.merged.assets.bytes / f.minBytes),
    multi_bytes_vs_separate: f.separate.assets.bytes > 0 ? round(f.merged.assets.bytes / f.separate.assets.bytes) : null,
    multi_freshness_p95_s: s(f.merged.freshness.p95Ms),
    refresh_ms: round(refresh.medianMs),
    refresh_runs_ms: refresh.runsMs.map(round),
    refresh_first_ms: round(refresh.firstMs),
    refresh_requests_per_host: refresh.requestsPerHost,
    bound_refresh_ms: round(refresh.boundMs),
    multi_refresh_vs_bound: round(refresh.medianMs / refresh.boundMs),
    main_heap_mb: round(f.heapMergedMb),
    main_heap_with_separate_mb: round(f.heapAllMb),
    main_rss_mb: round(f.rssMb),
    sim_cpu_share: f.simCpuShare === null ? null : round(f.simCpuShare),
    app_cpu_share: round(f.appCpuShare),
    measured_at: new Date(f.windowEnd).toISOString(),
  };
  const targets = {
    multi_bytes_vs_min: checkTarget(fields.multi_bytes_vs_min, '<=', 1.15),
    multi_freshness_p95_s: checkTarget(fields.multi_freshness_p95_s, '<=', 3),
    multi_refresh_vs_bound: checkTarget(fields.multi_refresh_vs_bound, '<=', 1.5),
    multi_main_heap_mb: checkTarget(fields.main_heap_mb, '<', 150),
  };
  return { fields, targets, table: table(f, refresh) };
}

function freshnessCell(c: ClientFigures): string {
  const { p50Ms, p95Ms, maxMs } = c.freshness;
  return `${(p50Ms / 1000).toFixed(2)} / ${(p95Ms / 1000).toFixed(2)} / ${(maxMs / 1000).toFixed(2)} s`;
}

function table(f: MultiFigures, refresh: MultiRefresh): string {
  const { merged, separate } = f;
  const ratio = (c: ClientFigures): string => `${mb(c.assets.bytes)} (${(c.assets.bytes / f.minBytes).toFixed(3)}x)`;
  return formatTable([
    ['', 'merged wall (4 orgs)', '4 separate pollers', 'physical limit'],
    ['asset bytes (vs min)', ratio(merged), ratio(separate), `${mb(f.minBytes)} (every version once)`],
    ['asset requests (304s)', `${count(merged.assets.requests)} (${count(merged.assets.notModified)})`, `${count(separate.assets.requests)} (${count(separate.assets.notModified)})`, `${count(f.versions)} versions`],
    ['api bytes / requests', `${mb(merged.api.bytes)} / ${count(merged.api.requests)}`, `${mb(separate.api.bytes)} / ${count(separate.api.requests)}`, ''],
    ['freshness p50 / p95 / max', freshnessCell(merged), freshnessCell(separate), '0'],
    ['versions never held (skipped)', `${count(merged.freshness.missed)} (${count(merged.freshness.skipped)})`, `${count(separate.freshness.missed)} (${count(separate.freshness.skipped)})`, '0'],
    ['failed requests (run)', count(merged.errors), count(separate.errors), ''],
    ['full refresh, all 4 (list + details)', `${count(refresh.medianMs)} ms (first ${count(refresh.firstMs)} ms)`, '', `${count(refresh.boundMs)} ms (max over hosts of ${refresh.requestsPerHost.join(' / ')} req x latency / 6 shared)`],
    ['heap after GC', `${f.heapMergedMb.toFixed(1)} MB (with separate ${f.heapAllMb.toFixed(1)} MB)`, '', ''],
    ['window', `${seconds(f.windowEnd - f.windowStart)}, ${count(f.streamsOnWall)} tiles`, '', ''],
    ['CPU in the window (one core = 100 %)', `${(f.appCpuShare * 100).toFixed(0)} % (this process, both clients)`, '', f.simCpuShare === null ? '' : `hosts ${(f.simCpuShare * 100).toFixed(0)} %`],
  ]);
}

/** Starts the two hosts, measures the merged refresh, runs the window, prints and writes the figures. */
export async function runMultiBench(flags: BenchFlags, log: (line: string) => void): Promise<void> {
  log(`multi-organisation bench: ${MULTI_HOSTS * MULTI_ORGS_PER_HOST} organisations of ${MULTI_STREAMS_PER_ORG} streams on ${MULTI_HOSTS} hosts, ${flags.latencyMs} ms API latency, warm-up ${flags.warmupS} s, window ${flags.windowS} s`);
  const hosts: SimProcess[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'bintu-wall-bench-multi-'));
  try {
    for (let h = 0; h < MULTI_HOSTS; h++) {
      hosts.push(await startMultiSimProcess({
        organisations: Array.from({ length: MULTI_ORGS_PER_HOST }, (_, o) => ({
          streams: MULTI_STREAMS_PER_ORG,
          groups: MULTI_GROUPS_PER_ORG,
          // Each organisation its own catalogue and schedules.
          seed: flags.seed + h * MULTI_ORGS_PER_HOST + o,
          latencyMs: flags.latencyMs,
          jitterMs: flags.jitterMs,
          thumbIntervalRange: [10, 60] as [number, number],
          motionIntervalRange: [30, 120] as [number, number],
          lifecycle: false,
        })),
      }));
    }
    const orgs: BenchOrganisation[] = hosts.flatMap((host, h) => host.organisations.map((o, i) => ({ id: `org-${h}-${i}`, name: `Organisation ${h * MULTI_ORGS_PER_HOST + i + 1}`, apiBase: o.apiBase, apiKey: o.apiKey, host })));
    const refresh = await measureMultiRefresh(orgs, hosts, MULTI_STREAMS_PER_ORG, flags.latencyMs);
    log(`full refresh of all organisations: ${Math.round(refresh.medianMs)} ms (runs ${refresh.runsMs.map(Math.round).join(', ')}; first ${Math.round(refresh.firstMs)}), bound ${Math.round(refresh.boundMs)} ms`);
    const figures = await runMultiOrg(orgs, hosts, flags, MULTI_STREAMS_PER_ORG, dir, log);
    const report = buildMultiReport(flags, refresh, figures);
    mergeResults({ multi: report.fields }, report.targets);
    log('');
    log(report.table);
    log('');
    log(formatTargets(report.targets, { multi_freshness_p95_s: ' s', multi_main_heap_mb: ' MB' }));
    log('');
    log(`multi_bytes_vs_separate ${String(report.fields['multi_bytes_vs_separate'])} (reported, no target)`);
  } finally {
    await Promise.all(hosts.map((h) => h.close()));
    rmSync(dir, { recursive: true, force: true });
  }
}
