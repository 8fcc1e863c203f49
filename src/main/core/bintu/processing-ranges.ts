/** An inclusive range of seconds; `max` null means "up to the entire stream". */
export interface SecondsRange {
  min: number;
  max: number | null;
}

/** bintu's documented ranges for Live Processing settings, in seconds. */
export const PROCESSING_RANGES = {
  thumbs: { interval: { min: 10, max: 3600 } },
  motionclip: { interval: { min: 10, max: 3600 }, duration: { min: 1, max: 60 } },
  rec: { duration: { min: 1, max: null } },
  replay: { duration: { min: 1, max: null } },
} as const satisfies Record<string, Record<string, SecondsRange>>;

/**
 * Values used when bintu turns a process on but leaves a setting out. bintu's own defaults are
 * not documented; these are the values of its Live Processing example, and the short thumbnail
 * interval errs towards a fresh wall (an unchanged picture then costs a 304).
 */
export const PROCESSING_DEFAULTS = {
  thumbsInterval: 10,
  motionclipInterval: 10,
  motionclipDuration: 5,
} as const;

/** Brings a value into a range; a missing or non-finite value gives the fallback. */
export function clampSeconds(value: number | null | undefined, range: SecondsRange, fallback: number): number {
  if (value === null || value === undefined || !Number.isFinite(value)) return fallback;
  const upper = range.max ?? Number.POSITIVE_INFINITY;
  return Math.min(Math.max(value, range.min), upper);
}
