import type { AlarmSettings, AlarmType } from '../src/shared/alarms';
import { createRng } from '../src/main/simulator/rng';

/** The faults the alarm bench injects, by the alarm each must raise. */
export const INJECTED = ['frozen', 'black', 'overdue', 'down', 'gone'] as const;
/** An injected fault's alarm type. */
export type InjectedType = (typeof INJECTED)[number] & AlarmType;

/** One fault on one stream at a known moment after the warm-up. */
export interface Injection {
  streamId: string;
  type: InjectedType;
  /** When to inject, after the warm-up. */
  offsetMs: number;
}

/** Which streams stay healthy but nearly static, and which faults go where and when. */
export interface AlarmPlan {
  nearlyStatic: string[];
  injections: Injection[];
  /** Streams watched (expected live): the ones that will end, so their "down" is an alarm. */
  watched: string[];
}

/**
 * Picks, from the live single-quality streams, `nearlyStatic` healthy ones and `perType` of each
 * fault, seeded. Injections are shuffled across the types and spread evenly over `spreadMs`, so
 * each meets its stream's picture schedule at a different phase.
 */
export function planAlarms(liveIds: readonly string[], options: { seed: number; nearlyStatic: number; perType: number; spreadMs: number }): AlarmPlan {
  const rng = createRng(options.seed);
  const ids = shuffle([...liveIds], rng.next);
  const needed = options.nearlyStatic + options.perType * INJECTED.length;
  if (ids.length < needed) throw new Error(`the simulator has ${ids.length} live single-quality streams; the plan needs ${needed}`);
  const nearlyStatic = ids.splice(0, options.nearlyStatic);
  const typed = INJECTED.flatMap((type) => ids.splice(0, options.perType).map((streamId) => ({ streamId, type })));
  const order = shuffle(typed, rng.next);
  const step = order.length > 1 ? options.spreadMs / (order.length - 1) : 0;
  const injections = order.map((item, i) => ({ ...item, offsetMs: Math.round(i * step) }));
  return { nearlyStatic, injections, watched: injections.filter((i) => i.type === 'down').map((i) => i.streamId) };
}

/**
 * The rule's own lower bound for one injection: its threshold plus one interval (the earliest
 * moment the evidence can exist, whatever the phase of the picture schedule). Picture rules count
 * thumbnail intervals `intervalS`; down and gone are seen in the list, polled every `listIntervalS`.
 *
 * - frozen: `minVersions` same-looking versions after the last one that changed, and `minSeconds`.
 * - black: `minVersions` black versions (the first is the run's start) and `minSeconds`.
 * - overdue: `intervals` x interval + `graceSeconds` since the last new version.
 * - down, gone: no threshold; one list interval.
 */
export function boundMs(type: InjectedType, intervalS: number, listIntervalS: number, s: AlarmSettings): number {
  switch (type) {
    case 'frozen':
      return (Math.max(s.frozen.minVersions * intervalS, s.frozen.minSeconds) + intervalS) * 1000;
    case 'black':
      return (Math.max((s.black.minVersions - 1) * intervalS, s.black.minSeconds) + intervalS) * 1000;
    case 'overdue':
      return (s.overdue.intervals * intervalS + s.overdue.graceSeconds + intervalS) * 1000;
    case 'down':
    case 'gone':
      return listIntervalS * 1000;
  }
}

/** The simulator's fault (or state change) that makes each alarm. */
export function faultRequest(injection: Injection): { path: string; body: unknown } {
  const id = encodeURIComponent(injection.streamId);
  switch (injection.type) {
    case 'frozen':
      return { path: `/_sim/streams/${id}/faults`, body: { frozen: true } };
    case 'black':
      return { path: `/_sim/streams/${id}/faults`, body: { black: true } };
    case 'overdue':
      return { path: `/_sim/streams/${id}/faults`, body: { stalled: true } };
    case 'gone':
      return { path: `/_sim/streams/${id}/faults`, body: { gone: true } };
    case 'down':
      return { path: `/_sim/streams/${id}/state`, body: { state: 'ended' } };
  }
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
