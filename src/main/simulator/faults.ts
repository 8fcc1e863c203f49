/**
 * The fault book: which faults are in force globally and per stream, and the seeded decisions
 * made from them for each request (delay, error status, 429, how the body is sent).
 */
import { createRng, hashSeed, type Rng } from './rng';
import type { FaultScope, FaultSpec } from './types';

/** Faults about what a stream is and shows, rather than how one request is answered. */
export type StreamSetting =
  | 'gone' | 'black' | 'frozen' | 'stalled' | 'uniform' | 'nearlyStatic'
  | 'thumbnail404' | 'motionclip404' | 'flapping' | 'unreadable';

/** Which listener a request arrived on. */
export type Listener = 'api' | 'assets';

/** What to do to one request. */
export interface RequestFaults {
  latencyMs: number;
  errorStatus: 500 | 502 | 503 | null;
  rateLimited: boolean;
  retryAfterS: number;
  dropAfterBytes: number | null;
  malformedJson: boolean;
  truncatedJson: boolean;
  slowBodyBytesPerSec: number | null;
}

const NONE: RequestFaults = {
  latencyMs: 0, errorStatus: null, rateLimited: false, retryAfterS: 1,
  dropAfterBytes: null, malformedJson: false, truncatedJson: false, slowBodyBytesPerSec: null,
};

function inScope(scope: FaultScope | undefined, fallback: FaultScope, listener: Listener): boolean {
  const s = scope ?? fallback;
  return s === 'both' || s === listener;
}

function isEmpty(spec: FaultSpec): boolean {
  return Object.values(spec).every((v) => v === undefined || v === false);
}

/** Faults in force, and seeded per-request decisions. */
export class FaultBook {
  private global: FaultSpec = {};
  private readonly perStream = new Map<string, FaultSpec>();
  private readonly left = new Map<FaultSpec, number>();
  private readonly rng: Rng;

  constructor(seed: number) {
    this.rng = createRng(hashSeed(seed, 'faults'));
  }

  /** Replaces the global faults. */
  setGlobal(spec: FaultSpec): void {
    this.global = { ...spec };
    if (spec.times !== undefined) this.left.set(this.global, spec.times);
  }

  /** Replaces a stream's faults; an empty spec clears them. */
  setStream(streamId: string, spec: FaultSpec): void {
    if (isEmpty(spec)) {
      this.perStream.delete(streamId);
      return;
    }
    const copy = { ...spec };
    this.perStream.set(streamId, copy);
    if (spec.times !== undefined) this.left.set(copy, spec.times);
  }

  /** Clears everything. */
  clear(): void {
    this.global = {};
    this.perStream.clear();
    this.left.clear();
  }

  /** The global faults. */
  getGlobal(): FaultSpec {
    return { ...this.global };
  }

  /** A stream's faults, or null. */
  getStream(streamId: string): FaultSpec | null {
    const spec = this.perStream.get(streamId);
    return spec ? { ...spec } : null;
  }

  /** A picture or presence setting: the stream's own when set, else the global one. */
  setting<K extends StreamSetting>(streamId: string, name: K): FaultSpec[K] {
    const own = this.perStream.get(streamId)?.[name];
    return own !== undefined && own !== false ? own : this.global[name];
  }

  /** Whether a picture or presence setting is on (any value but absent or false). */
  flag(streamId: string, name: StreamSetting): boolean {
    const v = this.setting(streamId, name);
    return v !== undefined && v !== false;
  }

  /** Decides the faults for one request about `streamId` (null: not about one stream). */
  forRequest(listener: Listener, streamId: string | null): RequestFaults {
    // Draw the same numbers for every request, so decisions depend only on the request order.
    const uLatency = this.rng.next();
    const uError = this.rng.next();
    const uStatus = this.rng.next();
    const uLimit = this.rng.next();
    const specs: FaultSpec[] = [];
    if (inScope(this.global.scope, 'api', listener) && !isEmpty(this.global)) specs.push(this.global);
    const own = streamId ? this.perStream.get(streamId) : undefined;
    if (own && inScope(own.scope, 'both', listener)) specs.push(own);
    if (specs.length === 0) return NONE;
    const m: FaultSpec = Object.assign({}, ...specs);
    for (const spec of specs) this.countDown(spec, streamId);
    const statuses = m.errorStatuses?.length ? m.errorStatuses : ([500, 502, 503] as const);
    return {
      latencyMs: Math.max(0, (m.latencyMs ?? 0) + (uLatency - 0.5) * (m.jitterMs ?? 0)),
      errorStatus: uError < (m.errorRate ?? 0) ? (statuses[Math.floor(uStatus * statuses.length)] ?? 500) : null,
      rateLimited: uLimit < (m.rateLimitRate ?? 0),
      retryAfterS: m.retryAfterS ?? 1,
      dropAfterBytes: m.dropAfterBytes ?? null,
      malformedJson: m.malformedJson === true,
      truncatedJson: m.truncatedJson === true,
      slowBodyBytesPerSec: m.slowBodyBytesPerSec ?? null,
    };
  }

  private countDown(spec: FaultSpec, streamId: string | null): void {
    const left = this.left.get(spec);
    if (left === undefined) return;
    if (left > 1) {
      this.left.set(spec, left - 1);
      return;
    }
    this.left.delete(spec);
    if (spec === this.global) this.global = {};
    else if (streamId) this.perStream.delete(streamId);
  }
}
