/**
 * `npm run bench:alarms`: the app's alarm detection against the simulator. 200 streams (40 of
 * them nearly static and healthy); after a warm-up, 10 each of frozen, black, stalled (overdue),
 * watched streams ending (down) and vanishing (gone) are injected at known moments. Prints the
 * detection latency per type against each rule's own bound, false and missed alarms, the cost of
 * the analysis per picture and the traffic detection added, and merges them into results.json.
 *
 *   npm run bench:alarms -- [--thumb-min 10] [--thumb-max 30] [--seed 7]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analysePicture } from '../src/main/core/alarms/picture-measure';
import type { SimStreamInfo } from '../src/main/simulator';
import { ALARM_BENCH_USAGE, parseAlarmBenchFlags, type AlarmBenchFlags } from './alarm-flags';
import { planAlarms } from './alarm-plan';
import { buildAlarmReport, type AnalysisCpu } from './alarm-report';
import { runAlarmBench } from './alarm-run';
import { percentile } from './freshness';
import { mergeResults, RESULTS_PATH } from './results-file';
import { startSimProcess } from './sim-process';
import { formatTargets, seconds } from './table';

const log = (line: string): void => console.log(line);

/**
 * CPU per analysed picture: the run's own pictures analysed again one at a time with nothing else
 * running, process CPU (the libvips thread included) per call. In the run, calls overlap with
 * polling and each other, so their wall time also holds waiting; it is reported beside this.
 */
async function analysisCpu(samples: readonly Buffer[]): Promise<AnalysisCpu> {
  for (const bytes of samples.slice(0, 30)) await analysePicture(bytes);
  const costs: number[] = [];
  for (const bytes of samples) {
    const before = process.cpuUsage();
    await analysePicture(bytes);
    const used = process.cpuUsage(before);
    costs.push((used.user + used.system) / 1000);
  }
  costs.sort((a, b) => a - b);
  return { p50Ms: percentile(costs, 0.5), p95Ms: percentile(costs, 0.95), count: costs.length };
}

async function simControl<T>(baseUrl: string, path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, init);
  if (!res.ok) throw new Error(`simulator ${path}: ${res.status}`);
  return (await res.json()) as T;
}

async function main(): Promise<void> {
  let flags: AlarmBenchFlags;
  try {
    flags = parseAlarmBenchFlags(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${ALARM_BENCH_USAGE}`);
    process.exit(2);
  }
  log(`alarm bench: ${flags.streams} streams (${flags.groups} ABR groups), thumbnails every ${flags.thumbMinS} to ${flags.thumbMaxS} s, ${flags.latencyMs} ms API latency`);
  const sim = await startSimProcess({
    streams: flags.streams, groups: flags.groups, seed: flags.seed, latencyMs: flags.latencyMs,
    thumbIntervalRange: [flags.thumbMinS, flags.thumbMaxS], motionIntervalRange: [30, 120], lifecycle: false,
  });
  const dir = mkdtempSync(join(tmpdir(), 'bintu-wall-alarm-bench-'));
  try {
    const streams = await simControl<SimStreamInfo[]>(sim.baseUrl, '/_sim/streams');
    // Single-quality live streams: each is one tile and one picture schedule.
    const live = streams.filter((s) => s.state === 'live' && !s.isGroup).map((s) => s.id);
    const plan = planAlarms(live, { seed: flags.seed, nearlyStatic: flags.nearlyStatic, perType: flags.perType, spreadMs: flags.spreadS * 1000 });
    for (const id of plan.nearlyStatic) {
      await simControl(sim.baseUrl, `/_sim/streams/${encodeURIComponent(id)}/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nearlyStatic: true }) });
    }
    log(`${plan.nearlyStatic.length} nearly static streams; ${plan.injections.length} faults to inject over ${flags.spreadS} s after a ${flags.warmupS} s warm-up`);
    const injected = new Set(plan.injections.map((i) => i.streamId));
    const injectedNames = new Set(streams.filter((s) => injected.has(s.id)).flatMap((s) => s.streamnames));
    const run = await runAlarmBench(sim, plan, injectedNames, flags, dir, log);
    /** What the plan did to the stream a URL belongs to, for the left-over traffic lines. */
    const about = (url: string): string => {
      const stream = streams.find((s) => url.includes(s.id) || s.streamnames.some((name) => url.includes(name)));
      if (!stream) return 'unknown stream';
      return plan.injections.find((i) => i.streamId === stream.id)?.type ?? (plan.nearlyStatic.includes(stream.id) ? 'nearly static' : 'healthy');
    };
    log(`run over; analysing ${run.samples.length} of its pictures again, one at a time`);
    const cpu = await analysisCpu(run.samples);
    const report = buildAlarmReport(run, cpu);
    mergeResults({ ...report.fields, alarm_streams: flags.streams, alarm_nearly_static: plan.nearlyStatic.length, alarm_thumb_interval_s: [flags.thumbMinS, flags.thumbMaxS] }, report.targets);
    log('');
    log(report.table);
    log('');
    log(`false alarms ${report.fields['alarm_false']}, missed ${report.fields['alarm_missed']}`);
    for (const h of report.falseAlarms) log(`  false: ${h.event.type} on ${h.event.streamId ?? 'the connection'} at ${h.event.at}: ${h.event.detail ?? ''}`);
    log(`analysis: ${run.analysisWallMs.length} pictures in the run, wall ${report.fields['alarm_analysis_wall_ms_p50']} ms p50 / ${report.fields['alarm_analysis_wall_ms_p95']} ms p95; CPU ${report.fields['alarm_analysis_ms_p50']} ms p50 / ${report.fields['alarm_analysis_ms_p95']} ms p95 (${cpu.count} pictures again, one at a time)`);
    const t = run.traffic;
    log(`traffic in the window: with detection ${t.on.requests} requests / ${t.on.bytes} bytes, its twin without ${t.off.requests} / ${t.off.bytes}; extra ${t.extraRequests} requests, ${t.extraBytes} bytes (unmatched: with detection ${t.unmatchedBytes.on} bytes, without ${t.unmatchedBytes.off})`);
    const kinds = [...new Set([...Object.keys(t.kinds.on), ...Object.keys(t.kinds.off)])].sort();
    log(`  by kind, with / without detection: ${kinds.map((k) => `${k} ${t.kinds.on[k] ?? 0}/${t.kinds.off[k] ?? 0}`).join(', ')}`);
    for (const l of t.leftOver) log(`  left over: ${new URL(l.url).pathname} (${about(l.url)}) ${l.requests} request(s) against the twin's ${l.twinRequests} (${l.bytes} bytes charged)`);
    const f = run.freshness;
    log(`picture freshness of the healthy streams, same window: with detection p50 ${seconds(f.on.p50Ms)} / p95 ${seconds(f.on.p95Ms)}, without ${seconds(f.off.p50Ms)} / ${seconds(f.off.p95Ms)}`);
    log('');
    log(formatTargets(report.targets, { alarm_analysis_ms_p50: ' ms' }));
    log(`wrote ${RESULTS_PATH}`);
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
