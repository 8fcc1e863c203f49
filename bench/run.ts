/**
 * `npm run bench`: the app's poller, a naive client and the physical limits side by side against
 * the simulator (200 streams, 40 ABR groups, 40 ms API latency). Prints a table and writes
 * bench/results.json. The simulator runs in a child process; this process holds the poller, the
 * naive client and the bench's own bookkeeping.
 *
 *   npm run bench -- [--window 120] [--warmup 20] [--multi | --single]
 *
 * After the single run comes the multi-organisation run (`multi.ts`): `--multi` runs only that,
 * `--single` only the first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_USAGE, parseBenchFlags, type BenchFlags } from './flags';
import { heapAfterGcMb } from './heap';
import { coldRefresh, refreshBound } from './refresh';
import { buildPollingReport, type RefreshFigures } from './report';
import { mergeResults, RESULTS_PATH } from './results-file';
import { APP_SETTINGS, quantityFor, runSideBySide } from './side-by-side';
import { startSimProcess, type SimProcess } from './sim-process';
import { formatTargets } from './table';
import { runMultiBench } from './multi';

const REFRESH_RUNS = 3;
const log = (line: string): void => console.log(line);

async function measureRefresh(sim: SimProcess, flags: BenchFlags): Promise<RefreshFigures> {
  const target = { apiBase: sim.baseUrl, apiKey: sim.apiKey, quantity: quantityFor(flags.streams), assetLimit: APP_SETTINGS.assetLimit, maxSocketsPerHost: APP_SETTINGS.maxSocketsPerHost };
  // The first refresh of the process also pays for compiling the client and the simulator's code;
  // it is reported, but the figure compared with the bound is the median of fresh clients after it.
  const first = await coldRefresh(target);
  const runs = [];
  for (let i = 0; i < REFRESH_RUNS; i++) runs.push(await coldRefresh(target));
  const runsMs = runs.map((r) => r.ms);
  const medianMs = [...runsMs].sort((a, b) => a - b)[Math.floor(REFRESH_RUNS / 2)] ?? Number.NaN;
  const boundMs = refreshBound(first.requests, flags.latencyMs, APP_SETTINGS.maxSocketsPerHost);
  return { firstMs: first.ms, runsMs, medianMs, requests: first.requests, boundMs };
}

async function main(): Promise<void> {
  let flags: BenchFlags;
  try {
    flags = parseBenchFlags(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${BENCH_USAGE}`);
    process.exit(2);
  }
  if (flags.runs !== 'multi') await runSingle(flags);
  if (flags.runs !== 'single') {
    if (flags.runs === 'both') log('');
    await runMultiBench(flags, log);
  }
}

async function runSingle(flags: BenchFlags): Promise<void> {
  const baselineHeapMb = heapAfterGcMb();
  log(`polling bench: ${flags.streams} streams (${flags.groups} ABR groups), quantity ${quantityFor(flags.streams)}, ${flags.latencyMs} ms API latency, warm-up ${flags.warmupS} s, window ${flags.windowS} s, alarm detection ${flags.detection ? 'on' : 'off'}`);
  const sim = await startSimProcess({
    streams: flags.streams,
    groups: flags.groups,
    seed: flags.seed,
    latencyMs: flags.latencyMs,
    jitterMs: flags.jitterMs,
    thumbIntervalRange: [10, 60],
    motionIntervalRange: [30, 120],
    lifecycle: false,
  });
  const storeDir = mkdtempSync(join(tmpdir(), 'bintu-wall-bench-'));
  try {
    const refresh = await measureRefresh(sim, flags);
    log(`full refresh: ${Math.round(refresh.medianMs)} ms (runs ${refresh.runsMs.map(Math.round).join(', ')}; first ${Math.round(refresh.firstMs)}), bound ${Math.round(refresh.boundMs)} ms`);
    const figures = await runSideBySide(sim, flags, storeDir, log);
    const report = buildPollingReport(flags, refresh, figures, baselineHeapMb);
    mergeResults(report.fields, report.targets);
    log('');
    log(report.table);
    log('');
    log(formatTargets(report.targets, { freshness_p95_s: ' s', main_heap_mb: ' MB' }));
    log('');
    log(`bytes_vs_naive ${report.fields['bytes_vs_naive']} (reported, no target)`);
    log('Freshness: from the simulator producing a version to the first 200 that carried it (matched by size); a version never held counts until the window end.');
    log(`Heap: this process holds the poller with its model, the bench harness and, for the "with naive" figure, the naive client and request logs; the simulator runs in process ${sim.pid}.`);
    log(`wrote ${RESULTS_PATH}`);
  } finally {
    await sim.close();
    rmSync(storeDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
