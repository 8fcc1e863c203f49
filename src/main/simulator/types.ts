/**
 * Public types of the bintu simulator: options, credentials, faults, statistics and the control
 * surface. Kept apart from the implementation so callers import types without pulling in sharp.
 */
import type { FaultSpec, StreamFaultOption } from './fault-types';

export type * from './fault-types';

/** How a simulator is set up; every field is optional and seeded defaults fill the rest. */
export interface SimulatorOptions {
  /** Total stream objects, ABR groups included (default 24). */
  streams?: number;
  /** How many of them are ABR groups: passthrough plus two transcodes (default about a fifth). */
  groups?: number;
  /** API port; 0 picks a free port (default 0). Assets get their own listener and port. */
  port?: number;
  /** Port of the asset listener; 0 picks a free port (default 0). */
  assetPort?: number;
  /** Same seed, same streams, schedules, credentials and fault decisions (default 1). */
  seed?: number;
  /** Global API latency in ms (fault). */
  latencyMs?: number;
  /** Global API latency jitter in ms, spread evenly around `latencyMs` (fault). */
  jitterMs?: number;
  /** Share of API requests answered with 500, 502 or 503 (fault, 0 to 1). */
  errorRate?: number;
  /** Seconds between thumbnails, drawn per variant from this range; clamped to 10..3600. */
  thumbIntervalRange?: [number, number];
  /** Seconds between motion clips, drawn per variant from this range; clamped to 10..3600. */
  motionIntervalRange?: [number, number];
  /** Streams go live, end and come back over time (default true). */
  lifecycle?: boolean;
  /** The demo preset: at least 24 streams, some groups, a few ended, an occasional fault. */
  demo?: boolean;
  /** Injectable clock in ms since the epoch (default `Date.now`). */
  now?: () => number;
  /** Folder holding the MP4 recordings (default: the `media` folder next to this module). */
  mediaDir?: string;
  /** Global faults in force from start (merged over `latencyMs`, `jitterMs`, `errorRate`). */
  faults?: FaultSpec;
  /** Per-stream faults in force from start. */
  streamFaults?: StreamFaultOption[];
  /**
   * List items carry no asset arrays at all (default false: about half of them do), so a client
   * must ask `GET /stream/{id}` for every stream's pictures, replay and recordings.
   */
  listWithoutAssets?: boolean;
}

/** One answered request on the API or asset listener (control routes are not logged). */
export interface SimRequest {
  listener: 'api' | 'assets';
  method: string;
  /** Path and query as sent, e.g. `/stream?quantity=50`. */
  path: string;
  status: number;
  /** When it arrived (the simulator's clock, ms). */
  at: number;
}

/** The three bintu roles. */
export type SimRole = 'nanoAdmin' | 'nanoUser' | 'nanoReadOnly';

/** A credential the simulator accepts. */
export interface SimCredential {
  kind: 'apiKey' | 'token';
  role: SimRole;
  secret: string;
  organisation: string;
  /** False for the organisation without the Live Processing package: its requests get a 403. */
  liveProcessing: boolean;
}

/** Stream states the simulator can be forced into. */
export type SimStreamState = 'live' | 'ended' | 'created' | 'locked';

/** What kind of route a request hit, for the counters. */
export type RouteKind = 'list' | 'details' | 'thumbnail' | 'motionclip' | 'recording' | 'other';

/** Counters since start (control routes are not counted). */
export interface SimStats {
  requests: Record<RouteKind, number>;
  /** Response body bytes written, by route kind. */
  bytes: Record<RouteKind, number>;
  /** Responses by HTTP status. */
  statuses: Record<string, number>;
  /** 304 answers to conditional asset requests. */
  notModified: number;
  /** Pictures encoded (cache misses). */
  renders: { jpeg: number; gif: number };
  /** Asset-listener requests that carried X-BINTU-APIKEY or X-BINTU-TOKEN. */
  assetRequestsWithCredential: number;
  /** True once any asset request carried a bintu credential header: a leak. */
  credentialLeakToAssetHost: boolean;
}

/** One thumbnail or motion-clip version the schedule produced. */
export interface AssetVersion {
  kind: 'thumbnail' | 'motionclip';
  streamname: string;
  url: string;
  version: number;
  producedAt: number;
  bytes: number;
}

/** A stream as the control surface lists it. */
export interface SimStreamInfo {
  id: string;
  state: string;
  isGroup: boolean;
  tags: string[];
  /** Variant stream names, passthrough first. */
  streamnames: string[];
  /** Variant ids, passthrough first. */
  variantIds: string[];
  faults: FaultSpec | null;
}

/** Fault injection and state control; the `/_sim/` HTTP routes call exactly these. */
export interface SimControl {
  /** Replaces the global faults (an empty object clears them). */
  setGlobalFaults(spec: FaultSpec): void;
  /** Replaces one stream's faults; `streamId` may be the stream id or any variant id. */
  setStreamFaults(streamId: string, spec: FaultSpec): void;
  /** Clears global and every stream's faults. */
  clearFaults(): void;
  /** Clears one stream's faults. */
  clearStreamFaults(streamId: string): void;
  /** The global faults in force. */
  globalFaults(): FaultSpec;
  /** Pins a stream's state from now on; null hands it back to the schedule. */
  setState(streamId: string, state: SimStreamState | null): void;
  /** A new thumbnail version now, for every variant (or the named variant). */
  bumpThumbnail(streamId: string): void;
  /** A new motion-clip version now, for every variant (or the named variant). */
  bumpMotionClip(streamId: string): void;
  /** Every stream with its state, names and faults, newest first. */
  listStreams(): SimStreamInfo[];
}

/** A running simulator. */
export interface Simulator {
  /** The API base, e.g. `http://127.0.0.1:PORT`. */
  baseUrl: string;
  /** The asset host (thumbnails, GIFs, MP4s, replay page), a different port than the API. */
  assetBaseUrl: string;
  credentials: SimCredential[];
  control: SimControl;
  stats(): SimStats;
  /**
   * Every distinct thumbnail and motion-clip version the schedule produced in [sinceMs, untilMs].
   * Async because sizing a version means encoding it (sharp has no synchronous JPEG encoder).
   */
  assetVersions(sinceMs: number, untilMs: number): Promise<AssetVersion[]>;
  /** Every request answered since start (the newest 50,000), oldest first; headers are never kept. */
  requests(): SimRequest[];
  /**
   * From now on bintu refuses this credential (401, code 4002), as it does with a token that
   * expired or was revoked. Nothing else changes.
   */
  revokeCredential(secret: string): void;
  close(): Promise<void>;
}
