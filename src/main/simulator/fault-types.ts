/**
 * The fault vocabulary: what can go wrong for a request, a stream or its pictures. Checked at the
 * edges by fault-schema.ts; documented for users in the README.
 */

/** Which listener a fault applies to. */
export type FaultScope = 'api' | 'assets' | 'both';

/**
 * A set of faults. Global faults apply to every request in `scope` (default `api`); stream faults
 * apply to the requests about that stream: details, group, tag and its assets (default `both`).
 */
export interface FaultSpec {
  scope?: FaultScope;
  /** Added delay before answering, in ms. */
  latencyMs?: number;
  /** The delay varies evenly within +- jitterMs/2 around latencyMs. */
  jitterMs?: number;
  /** Share of requests (0 to 1) answered with one of `errorStatuses`. */
  errorRate?: number;
  /** Statuses drawn from for `errorRate` (default 500, 502, 503). */
  errorStatuses?: (500 | 502 | 503)[];
  /** Share of requests (0 to 1) answered 429 with `Retry-After`. */
  rateLimitRate?: number;
  /** Seconds put into `Retry-After` on 429 and 503 answers (default 1). */
  retryAfterS?: number;
  /** Cut the connection after this many body bytes of the response (API or download). */
  dropAfterBytes?: number;
  /** Answer JSON routes with a body that is not JSON. */
  malformedJson?: boolean;
  /** Answer JSON routes with a well-framed response whose JSON is cut in half. */
  truncatedJson?: boolean;
  /** Send the body at this many bytes per second. */
  slowBodyBytesPerSec?: number;
  /**
   * Picture faults below apply to the stream's thumbnail and motion clip; set globally they hit
   * every stream. A stream's own setting wins over the global one.
   *
   * Frozen camera: new versions keep coming (new ETag and Last-Modified every interval) but show
   * the frame current when the fault was set. `true` or `'reencoded'`: each version re-encodes it
   * with a little seeded grain and JPEG quality jitter, so bytes differ; `'identical'`: the same
   * bytes every time.
   */
  frozen?: boolean | 'reencoded' | 'identical';
  /** Producer stopped writing: the old version (bytes, ETag, Last-Modified) is served, 304 to a match. */
  stalled?: boolean;
  /** The thumbnail and motion clip turn black. */
  black?: boolean;
  /** A single-colour "no signal" slate with small text; `true` is blue, or a `#rrggbb` colour. */
  uniform?: boolean | string;
  /** A healthy picture that only changes in a small clock in the top right corner. */
  nearlyStatic?: boolean;
  /** The thumbnail answers 404 while the stream stays live. */
  thumbnail404?: boolean;
  /** The motion clip answers 404 while the stream stays live. */
  motionclip404?: boolean;
  /** The stream alternates live/ended (or normal/black pictures) within a seeded period. */
  flapping?: boolean | FlappingSpec;
  /** The picture answers 200 with bytes no decoder accepts: `true` or `'truncated'`, or `'wrongFormat'`. */
  unreadable?: boolean | 'truncated' | 'wrongFormat';
  /** The stream vanishes: gone from the list, 404 for details and assets (stream faults). */
  gone?: boolean;
  /** Apply to this many matching requests, then clear (default: until cleared). */
  times?: number;
}

/**
 * How a stream flaps. Time is cut into windows of `periodS` seconds (phase seeded per stream);
 * each window starts up and goes down for its seeded second part (35 to 65 % of the window).
 */
export interface FlappingSpec {
  /** Window length in seconds (default 30). */
  periodS?: number;
  /** `state`: the stream reads `ended` while down (default); `black`: it stays live, pictures turn black. */
  mode?: 'state' | 'black';
}

/** Faults for one stream given on the command line: by index in the list (0 is newest) or by id. */
export interface StreamFaultOption {
  stream: number | string;
  spec: FaultSpec;
}
