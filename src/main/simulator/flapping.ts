/**
 * Flapping: a stream that keeps dropping and coming back. Time is cut into windows of `periodS`,
 * each stream's windows shifted by a seeded phase; every window starts up and goes down for its
 * seeded last part. The windows hang off the simulator's start, so the timetable depends only on
 * the seed, the stream and the period; spans record when flapping was on, so past answers hold.
 */
import { unitHash } from './rng';
import type { FlappingSpec } from './types';

/** How a stream flaps: its state, or only its pictures (black while down). */
export type FlapMode = 'state' | 'black';

/** When flapping was in force for one stream (or every stream, key '*'). */
interface FlapSpan {
  from: number;
  to: number;
  periodMs: number;
  mode: FlapMode;
}

/** One window: up on [start, downFrom), down on [downFrom, end). */
export interface FlapWindow {
  start: number;
  downFrom: number;
  end: number;
}

/** The window length when a spec gives none. */
export const DEFAULT_FLAP_PERIOD_S = 30;
// A picture held back while down is taken on return; stepping back further than this is a bug.
const MAX_DEFER_STEPS = 4;

/** The flapping overlays and their seeded timetable. */
export class FlapBook {
  private readonly spans = new Map<string, FlapSpan[]>();

  constructor(
    private readonly seed: number,
    private readonly originMs: number,
  ) {}

  /** Starts, changes or (with null) stops flapping for a stream id, or every stream with '*'. */
  set(key: string, at: number, spec: boolean | FlappingSpec | undefined): void {
    const list = this.spans.get(key) ?? [];
    const open = list.find((s) => s.to === Infinity);
    const want = spec ? { periodMs: ((spec === true ? undefined : spec.periodS) ?? DEFAULT_FLAP_PERIOD_S) * 1000, mode: (spec === true ? undefined : spec.mode) ?? 'state' } : null;
    // Re-sending the same spec (say, with another fault added) keeps the span it is in.
    if (open && want && open.periodMs === want.periodMs && open.mode === want.mode) return;
    if (open) open.to = at;
    if (want) list.push({ from: at, to: Infinity, ...want });
    this.spans.set(key, list.filter((s) => s.to > s.from));
  }

  /** Whether the stream is in a down part at t, for flapping of `mode`. */
  downAt(streamId: string, t: number, mode: FlapMode): boolean {
    const span = this.spanAt(streamId, t);
    return span !== null && span.mode === mode && t >= this.window(streamId, span.periodMs, t).downFrom;
  }

  /** When a picture due at t is taken: at t when up, else when the stream comes back. */
  takenAt(streamId: string, t: number): number {
    let at = t;
    for (let i = 0; i < MAX_DEFER_STEPS; i++) {
      const span = this.spanAt(streamId, at);
      if (!span || span.mode !== 'state') return at;
      const w = this.window(streamId, span.periodMs, at);
      if (at < w.downFrom) return at;
      at = Math.min(w.end, span.to);
    }
    return at;
  }

  /** Instants in [since, until] at which a state-flapping stream comes back up. */
  upStarts(streamId: string, since: number, until: number): number[] {
    const out: number[] = [];
    for (const span of [...(this.spans.get(streamId) ?? []), ...(this.spans.get('*') ?? [])]) {
      if (span.mode !== 'state' || span.to < since || span.from > until) continue;
      const end = Math.min(until, span.to);
      for (let t = this.window(streamId, span.periodMs, Math.max(since, span.from)).end; t <= end; t += span.periodMs) out.push(t);
      if (span.to >= since && span.to <= until) out.push(span.to);
    }
    return out;
  }

  /** The window around t for a stream flapping with `periodMs`. */
  window(streamId: string, periodMs: number, t: number): FlapWindow {
    const base = this.originMs - Math.floor(unitHash(this.seed, streamId, 'flap-phase') * periodMs);
    const k = Math.floor((t - base) / periodMs);
    const start = base + k * periodMs;
    const upShare = 0.35 + 0.3 * unitHash(this.seed, streamId, 'flap', periodMs, k);
    return { start, downFrom: start + Math.round(periodMs * upShare), end: start + periodMs };
  }

  /** The span in force at t: the stream's own before the global one. */
  private spanAt(streamId: string, t: number): FlapSpan | null {
    const inSpan = (key: string): FlapSpan | undefined => this.spans.get(key)?.find((s) => s.from <= t && t < s.to);
    return inSpan(streamId) ?? inSpan('*') ?? null;
  }
}
