/**
 * Time in the simulator. A stream's state, its sessions and which thumbnail or motion-clip version
 * is current are pure functions of the seed and the time since start; control actions (pinned
 * states, forced new versions, stalled or frozen pictures, flapping) are overlays recorded with
 * their time, so the same question asked twice gets the same answer and nothing has to be
 * rendered to answer it.
 */
import { FlapBook } from './flapping';
import type { SimStreamState } from './types';
import { cycleLiveMs, type StreamDef, type VariantDef, type World } from './world';

/** Which picture process. */
export type AssetKind = 'thumbnail' | 'motionclip';

/** A produced picture version. */
export interface VersionInfo {
  version: number;
  producedAt: number;
}

/** Overlays that start at a moment: the producer stalls, or the camera freezes on one frame. */
export type Mark = 'stalled' | 'frozen';

/** One recording session of a stream. */
export interface Session {
  n: number;
  startMs: number;
}

interface Segment { from: number; to: number; state: SimStreamState }

// Versions count ticks from a day before start (further back than any history the world has),
// so every version number is positive.
const HISTORY_MS = 24 * 3600_000;
const MAX_WALK = 64;

/** The simulator's clock-driven view of the world. */
export class Schedule {
  private readonly pins = new Map<string, Segment[]>();
  private readonly bumps = new Map<string, number[]>();
  private readonly marks = new Map<string, number>();
  /** Flapping overlays; a stream reads `ended` in the down part of a window while flapping. */
  readonly flaps: FlapBook;

  constructor(private readonly world: World, private readonly seed: number, readonly startMs: number, private readonly lifecycle: boolean) {
    this.flaps = new FlapBook(seed, startMs);
  }

  /** The stream's state at time t. */
  stateAt(stream: StreamDef, t: number): SimStreamState {
    const state = this.segmentAt(stream, t).state;
    return state === 'live' && this.flaps.downAt(stream.id, t, 'state') ? 'ended' : state;
  }

  /** Pins the state from `at` on; null returns the stream to its schedule. */
  pinState(stream: StreamDef, at: number, state: SimStreamState | null): void {
    const pins = (this.pins.get(stream.id) ?? []).filter((p) => p.from < at);
    for (const p of pins) if (p.to > at) p.to = at;
    if (state) pins.push({ from: at, to: Infinity, state });
    this.pins.set(stream.id, pins.filter((p) => p.to > p.from));
  }

  /** Records a forced new version of one variant's pictures at `at`. */
  bump(variant: VariantDef, kind: AssetKind, at: number): void {
    const key = `${kind}:${variant.id}`;
    this.bumps.set(key, [...(this.bumps.get(key) ?? []), at].sort((a, b) => a - b));
  }

  /** Starts a mark for a stream (or every stream, with '*') at `at`, unless on already; null ends it. */
  mark(what: Mark, streamId: string, at: number | null): void {
    const key = `${what}|${streamId}`;
    if (at === null) this.marks.delete(key);
    else if (!this.marks.has(key)) this.marks.set(key, at);
  }

  /** Since when a mark holds for a stream (its own or the global one), or null. */
  since(what: Mark, streamId: string): number | null {
    const at = Math.min(this.marks.get(`${what}|${streamId}`) ?? Infinity, this.marks.get(`${what}|*`) ?? Infinity);
    return Number.isFinite(at) ? at : null;
  }

  /** Sessions that have started by t, newest first, at most `limit`. */
  sessions(stream: StreamDef, t: number, limit: number): Session[] {
    const plan = stream.plan;
    if (plan.kind !== 'cycle' || !Number.isFinite(plan.originMs)) return [];
    // Without a lifecycle the state at start holds for ever, so no session starts after it.
    const cap = this.lifecycle ? t : Math.min(t, this.startMs);
    const newest = Math.floor((cap - plan.originMs) / plan.cycleMs);
    const out: Session[] = [];
    for (let n = newest; n >= 0 && out.length < limit; n--) out.push({ n, startMs: plan.originMs + n * plan.cycleMs });
    return out;
  }

  /** The current version of a variant's thumbnail or motion clip at t, or null if none exists. */
  version(stream: StreamDef, variant: VariantDef, kind: AssetKind, t: number): VersionInfo | null {
    const cadence = this.cadence(variant, kind);
    if (!cadence) return null;
    // A stalled producer writes nothing after the stall: time stops for its pictures.
    const at = Math.min(t, this.since('stalled', stream.id) ?? Infinity);
    const tick = this.lastLiveTick(stream, cadence, at);
    const bumps = (this.bumps.get(`${kind}:${variant.id}`) ?? []).filter((b) => b <= at);
    const lastBump = bumps[bumps.length - 1];
    if (!tick && lastBump === undefined) return null;
    const ticks = tick ? tick.k + Math.ceil(HISTORY_MS / cadence.intervalMs) + 1 : 0;
    return {
      version: ticks + bumps.length,
      producedAt: Math.max(tick?.at ?? -Infinity, lastBump ?? -Infinity),
    };
  }

  /** Every distinct version produced in [since, until], oldest first. */
  versionsProduced(stream: StreamDef, variant: VariantDef, kind: AssetKind, since: number, until: number): VersionInfo[] {
    const cadence = this.cadence(variant, kind);
    if (!cadence) return [];
    const candidates: number[] = [];
    const first = Math.ceil((since - cadence.baseMs) / cadence.intervalMs);
    for (let k = first; cadence.baseMs + k * cadence.intervalMs <= until; k++) {
      const at = cadence.baseMs + k * cadence.intervalMs;
      if (this.stateAt(stream, at) === 'live') candidates.push(at);
    }
    for (const b of this.bumps.get(`${kind}:${variant.id}`) ?? []) if (b >= since && b <= until) candidates.push(b);
    candidates.push(...this.flaps.upStarts(stream.id, since, until));
    candidates.sort((a, b) => a - b);
    const seen = new Map<number, VersionInfo>();
    for (const at of candidates) {
      const info = this.version(stream, variant, kind, at);
      if (info && info.producedAt >= since && info.producedAt <= until) seen.set(info.version, info);
    }
    return [...seen.values()];
  }

  private cadence(variant: VariantDef, kind: AssetKind): { intervalMs: number; baseMs: number } | null {
    const p = kind === 'thumbnail' ? variant.thumbs : variant.motion;
    if (!p) return null;
    return { intervalMs: p.intervalS * 1000, baseMs: this.startMs - p.phaseMs };
  }

  /**
   * The last tick at or before t that fell while the stream was live, with when its picture was
   * taken: a tick in a flapping stream's down part is taken when the stream comes back.
   */
  private lastLiveTick(stream: StreamDef, c: { intervalMs: number; baseMs: number }, t: number): { k: number; at: number } | null {
    let s = t;
    for (let i = 0; i < MAX_WALK; i++) {
      const seg = this.segmentAt(stream, s);
      if (seg.state === 'live') {
        let k = Math.floor((Math.min(s, seg.to - 1) - c.baseMs) / c.intervalMs);
        for (let at = c.baseMs + k * c.intervalMs; at >= seg.from && at >= this.startMs - HISTORY_MS; at -= c.intervalMs, k--) {
          const taken = this.flaps.takenAt(stream.id, at);
          if (taken <= t && taken < seg.to) return { k, at: taken };
        }
      }
      if (!Number.isFinite(seg.from) || seg.from < this.startMs - HISTORY_MS) return null;
      s = seg.from - 1;
    }
    return null;
  }

  /** The span around s in which the effective state (schedule plus pins) is constant. */
  private segmentAt(stream: StreamDef, s: number): Segment {
    const pins = this.pins.get(stream.id) ?? [];
    for (const p of pins) if (p.from <= s && s < p.to) return p;
    const seg = this.baseSegmentAt(stream, s);
    let { from, to } = seg;
    for (const p of pins) {
      if (p.to <= s) from = Math.max(from, p.to);
      if (p.from > s) to = Math.min(to, p.from);
    }
    return { from, to, state: seg.state };
  }

  /** The schedule alone, without control overlays. */
  private baseSegmentAt(stream: StreamDef, s: number): Segment {
    const plan = stream.plan;
    if (plan.kind === 'locked') return { from: -Infinity, to: Infinity, state: 'locked' };
    if (plan.kind === 'never-live' || s < plan.originMs) {
      return { from: -Infinity, to: Number.isFinite(plan.originMs) ? plan.originMs : Infinity, state: 'created' };
    }
    if (!this.lifecycle && s >= this.startMs) {
      const atStart = this.baseSegmentAt(stream, this.startMs - 1);
      return { from: this.startMs, to: Infinity, state: atStart.state };
    }
    const n = Math.floor((s - plan.originMs) / plan.cycleMs);
    const start = plan.originMs + n * plan.cycleMs;
    const liveEnd = start + cycleLiveMs(plan, this.seed, stream.id, n);
    const seg: Segment = s < liveEnd
      ? { from: start, to: liveEnd, state: 'live' }
      : { from: liveEnd, to: start + plan.cycleMs, state: 'ended' };
    if (!this.lifecycle && seg.to > this.startMs) seg.to = this.startMs;
    return seg;
  }

  /** The world this schedule runs. */
  get streams(): readonly StreamDef[] {
    return this.world.streams;
  }
}
