import { percentile } from './freshness';
import { INJECTED, type InjectedType } from './alarm-plan';
import type { AlarmRunFigures, Heard } from './alarm-run';
import { checkTarget, type TargetResult } from './results-file';
import { formatTable, round } from './table';

/** One alarm type's figures. */
export interface TypeFigures {
  injected: number;
  raised: number;
  latency_p50_s: number;
  latency_p95_s: number;
  bound_p50_s: number;
  vs_bound_p50: number;
  vs_bound_p95: number;
}

/** CPU per picture when the run's pictures are analysed again one at a time (ms). */
export interface AnalysisCpu {
  p50Ms: number;
  p95Ms: number;
  count: number;
}

/** What goes into results.json and onto the terminal. */
export interface AlarmReport {
  fields: Record<string, unknown>;
  targets: Record<string, TargetResult>;
  table: string;
  falseAlarms: Heard[];
}

const sorted = (values: number[]): number[] => [...values].sort((a, b) => a - b);

/** Per-type latency and its ratio to the rule's bound, false and missed alarms, cost, and the targets. */
export function buildAlarmReport(run: AlarmRunFigures, cpu: AnalysisCpu): AlarmReport {
  const types = {} as Record<InjectedType, TypeFigures>;
  for (const type of INJECTED) {
    const mine = run.outcomes.filter((o) => o.type === type);
    const hits = mine.flatMap((o) => (o.alarmAt === null ? [] : [{ latency: o.alarmAt - o.injectedAt, bound: o.boundMs }]));
    const latencies = sorted(hits.map((h) => h.latency));
    const ratios = sorted(hits.map((h) => h.latency / h.bound));
    types[type] = {
      injected: mine.length,
      raised: hits.length,
      latency_p50_s: round(percentile(latencies, 0.5) / 1000),
      latency_p95_s: round(percentile(latencies, 0.95) / 1000),
      bound_p50_s: round(percentile(sorted(mine.map((o) => o.boundMs)), 0.5) / 1000),
      vs_bound_p50: round(percentile(ratios, 0.5)),
      vs_bound_p95: round(hits.length > 0 ? percentile(ratios, 0.95) : Number.POSITIVE_INFINITY),
    };
  }
  // A false alarm: any raise that is not the injected fault's own, on its stream, after its injection.
  const falseAlarms = run.heard.filter((h) => {
    if (h.event.state !== 'alarm') return false;
    const o = run.outcomes.find((x) => x.streamId === h.event.streamId && x.type === h.event.type);
    return !o || h.receivedAt < o.injectedAt;
  });
  const missed = run.outcomes.filter((o) => o.alarmAt === null).length;
  const worst = Math.max(...INJECTED.map((t) => types[t].vs_bound_p95));
  const wall = sorted(run.analysisWallMs);
  const fields: Record<string, unknown> = {
    alarm_latency_vs_bound_p95: worst,
    alarm_false: falseAlarms.length,
    alarm_missed: missed,
    alarm_extra_bytes: run.traffic.extraBytes,
    alarm_extra_requests: run.traffic.extraRequests,
    alarm_analysis_ms_p50: round(cpu.p50Ms),
    alarm_analysis_ms_p95: round(cpu.p95Ms),
    alarm_analysis_wall_ms_p50: round(percentile(wall, 0.5)),
    alarm_analysis_wall_ms_p95: round(percentile(wall, 0.95)),
    alarm_pictures_analysed: wall.length,
    alarm_types: types,
    alarm_traffic: { with_detection: run.traffic.on, without_detection: run.traffic.off, unmatched_bytes: run.traffic.unmatchedBytes },
    alarm_polling_freshness_p95_s: { with_detection: round(run.freshness.on.p95Ms / 1000), without_detection: round(run.freshness.off.p95Ms / 1000) },
    alarm_window_s: round((run.windowEnd - run.windowStart) / 1000),
    alarm_measured_at: new Date().toISOString(),
  };
  const targets = {
    alarm_latency_vs_bound_p95: checkTarget(worst, '<=', 1.2),
    alarm_false: checkTarget(falseAlarms.length, '<=', 0),
    alarm_missed: checkTarget(missed, '<=', 0),
    alarm_extra_bytes: checkTarget(run.traffic.extraBytes, '<=', 0),
    alarm_analysis_ms_p50: checkTarget(cpu.p50Ms, '<=', 3),
  };
  const rows = INJECTED.map((t) => {
    const f = types[t];
    return [t, `${f.raised}/${f.injected}`, `${f.latency_p50_s} s`, `${f.latency_p95_s} s`, `${f.bound_p50_s} s`, String(f.vs_bound_p50), String(f.vs_bound_p95)];
  });
  const table = formatTable([['type', 'raised', 'latency p50', 'latency p95', 'bound p50', 'vs bound p50', 'vs bound p95'], ...rows]);
  return { fields, targets, table, falseAlarms };
}
