/**
 * The simulated organisation's stream catalogue, built once from the seed: stream and variant ids,
 * names, tags, processing settings and each stream's lifecycle plan. Nothing here depends on time
 * except `createdAt`, which is placed relative to the simulator's start.
 */
import { createRng, randomText, randomUuid, unitHash, type Rng } from './rng';

/** One entry of a variant's `processing[]`, exactly as bintu writes it. */
export type ProcessingEntry =
  | { id: 'rec'; duration: number | null }
  | { id: 'replay'; duration: number | null }
  | { id: 'thumbs'; interval: number }
  | { id: 'motionclip'; interval: number; duration: number };

/** One quality of a stream: the passthrough (index 0) or a transcode. */
export interface VariantDef {
  id: string;
  index: number;
  streamname: string;
  label: string;
  tags: string[];
  info: { width: number; height: number; bitrate: number; fps: number };
  processing: ProcessingEntry[];
  /** Thumbnail interval and the offset of its ticks, or null when the process is off. */
  thumbs: { intervalS: number; phaseMs: number } | null;
  motion: { intervalS: number; durationS: number; phaseMs: number } | null;
  rec: boolean;
  replay: boolean;
  /** Base colour of its pictures, 0..359. */
  hue: number;
}

/** How a stream's state moves over time; see schedule.ts. */
export interface LifecyclePlan {
  /** Fixed states never change; `cycle` streams alternate live and ended. */
  kind: 'cycle' | 'locked' | 'never-live';
  /** Absolute ms of the first session start (cycle streams). */
  originMs: number;
  /** Length of one live-plus-ended cycle in ms. */
  cycleMs: number;
  /** Typical live share of a cycle in ms (varied per cycle). */
  liveMs: number;
}

/** One stream object of the organisation. */
export interface StreamDef {
  id: string;
  createdAtMs: number;
  type: string;
  tags: string[];
  isGroup: boolean;
  variants: VariantDef[];
  plan: LifecyclePlan;
  /** Whether `GET /stream` list items for this stream carry the asset arrays. */
  listCarriesAssets: boolean;
}

/** Everything `buildWorld` needs. */
export interface WorldOptions {
  seed: number;
  streams: number;
  groups: number;
  startMs: number;
  thumbIntervalRange: [number, number];
  motionIntervalRange: [number, number];
  lifecycle: boolean;
  demo: boolean;
}

/** The catalogue, newest stream first. */
export interface World {
  orgHash: string;
  streams: StreamDef[];
}

const TAGS = [
  'location:berlin', 'location:hamburg', 'location:vienna', 'studio/west', 'studio/east',
  'table 7', 'table 12', 'casino', 'auction', 'sports', 'esports', 'camera1', 'camera2',
  'key2: value2', 'lot:451', 'audit',
];
/** Passthrough qualities the simulated encoders send. */
export const PASSTHROUGH_INFO = [
  { width: 1280, height: 720, bitrate: 2500, fps: 30 },
  { width: 1920, height: 1080, bitrate: 4500, fps: 30 },
];
const TRANSCODE_INFO = [
  { width: 852, height: 480, bitrate: 800, fps: 25 },
  { width: 640, height: 360, bitrate: 400, fps: 25 },
];
const MINUTE = 60_000;

/** bintu's documented range for processing intervals. */
export function clampInterval(seconds: number): number {
  return Math.min(3600, Math.max(10, Math.round(seconds)));
}

function intervalFrom(rng: Rng, range: [number, number]): number {
  const lo = clampInterval(Math.min(range[0], range[1]));
  const hi = clampInterval(Math.max(range[0], range[1]));
  return clampInterval(rng.int(lo, hi));
}

/** A variant from explicit settings; ids, names, tick phases and colour come from `rng`. */
export function variantFromProcessing(
  rng: Rng, orgHash: string, index: number, isGroup: boolean, id: string,
  info: VariantDef['info'], processing: ProcessingEntry[],
): VariantDef {
  const thumbs = processing.find((p) => p.id === 'thumbs');
  const motion = processing.find((p) => p.id === 'motionclip');
  const label = index === 0 ? 'Passthrough' : `${index}. Transcode`;
  return {
    id,
    index,
    streamname: `${orgHash}-${randomText(rng, 5)}`,
    label: isGroup ? `${label} ${info.width}x${info.height}` : `${info.width}x${info.height}`,
    tags: [label],
    info: { ...info },
    processing,
    thumbs: thumbs ? { intervalS: thumbs.interval, phaseMs: rng.int(0, thumbs.interval * 1000 - 1) } : null,
    motion: motion
      ? { intervalS: motion.interval, durationS: motion.duration, phaseMs: rng.int(0, motion.interval * 1000 - 1) }
      : null,
    rec: processing.some((p) => p.id === 'rec'),
    replay: processing.some((p) => p.id === 'replay'),
    hue: rng.int(0, 359),
  };
}

/**
 * Random processing settings within the documented ranges. `full` gives the documented example's
 * set (every process on, recording and replay of the entire stream).
 */
function drawProcessing(rng: Rng, o: WorldOptions, index: number, full: boolean): ProcessingEntry[] {
  // Variety within the documented ranges: some variants have processes switched off.
  const thumbsOn = full || index === 0 || rng.chance(0.85);
  const motionOn = full || rng.chance(index === 0 ? 0.85 : 0.6);
  const recOn = full || (index === 0 ? rng.chance(0.9) : rng.chance(0.4));
  const replayOn = full || (index === 0 && rng.chance(0.85));
  const thumbsInterval = intervalFrom(rng, o.thumbIntervalRange);
  const motionInterval = intervalFrom(rng, o.motionIntervalRange);
  const motionDuration = Math.min(motionInterval, rng.pick([2, 3, 4, 5, 6]));
  const processing: ProcessingEntry[] = [];
  if (recOn) processing.push({ id: 'rec', duration: full || rng.chance(0.7) ? null : rng.pick([600, 1800, 3600]) });
  if (replayOn) processing.push({ id: 'replay', duration: full || rng.chance(0.6) ? null : rng.pick([30, 60, 300]) });
  if (thumbsOn) processing.push({ id: 'thumbs', interval: thumbsInterval });
  if (motionOn) processing.push({ id: 'motionclip', interval: motionInterval, duration: motionDuration });
  return processing;
}

function buildVariant(rng: Rng, o: WorldOptions, orgHash: string, index: number, isGroup: boolean, id: string, full: boolean): VariantDef {
  const info = index === 0 ? rng.pick(PASSTHROUGH_INFO) : (TRANSCODE_INFO[index - 1] ?? TRANSCODE_INFO[0]!);
  return variantFromProcessing(rng, orgHash, index, isGroup, id, info, drawProcessing(rng, o, index, full));
}

/** Where the stream stands at start: a mix that looks like a real control room. */
function initialState(rng: Rng, i: number, o: WorldOptions, role: 'full' | 'locked' | 'created' | null): 'live' | 'ended' | 'created' | 'locked' {
  if (role === 'full') return 'live';
  if (role === 'locked' || role === 'created') return role;
  if (o.demo && (i === 2 || i === 9 || i === 16)) return 'ended';
  const r = rng.next();
  return r < 0.72 ? 'live' : r < 0.9 ? 'ended' : 'created';
}

/** Index of the first single (non-group) stream at or after `from`, or -1. */
function firstSingle(from: number, count: number, groups: Set<number>, taken: number[]): number {
  for (let i = from; i < count; i++) if (!groups.has(i) && !taken.includes(i)) return i;
  return -1;
}

function buildPlan(rng: Rng, o: WorldOptions, id: string, state: 'live' | 'ended' | 'created' | 'locked'): LifecyclePlan {
  const cycleMs = rng.int(12, 40) * MINUTE;
  const liveMs = Math.round(cycleMs * (0.55 + rng.next() * 0.3));
  if (state === 'locked') return { kind: 'locked', originMs: Infinity, cycleMs, liveMs };
  if (state === 'created') {
    // Half of the never-live streams go live for the first time a few minutes after start.
    const goesLive = o.lifecycle && rng.chance(0.5);
    return goesLive
      ? { kind: 'cycle', originMs: o.startMs + rng.int(2, 12) * MINUTE, cycleMs, liveMs }
      : { kind: 'never-live', originMs: Infinity, cycleMs, liveMs };
  }
  // Place the origin so that at start the stream is in the wanted part of its cycle `past`, with
  // `past` earlier sessions behind it (their recordings are listed).
  const past = rng.int(0, 3);
  const thisLive = cycleLiveMs({ cycleMs, liveMs }, o.seed, id, past);
  const offset = state === 'live'
    ? Math.round(thisLive * (0.1 + 0.8 * rng.next()))
    : Math.round(thisLive + (cycleMs - thisLive) * (0.1 + 0.8 * rng.next()));
  return { kind: 'cycle', originMs: o.startMs - past * cycleMs - offset, cycleMs, liveMs };
}

/** Live length of cycle `n` of a stream: the plan's share, varied per cycle but pure. */
export function cycleLiveMs(plan: Pick<LifecyclePlan, 'cycleMs' | 'liveMs'>, seed: number, streamId: string, n: number): number {
  const u = unitHash(seed, streamId, 'cycle', n);
  return Math.min(plan.cycleMs - MINUTE, Math.round(plan.liveMs * (0.7 + 0.6 * u)));
}

/** Builds the catalogue for a seed. Same options, same world. */
export function buildWorld(o: WorldOptions): World {
  const rng = createRng(o.seed);
  const orgHash = randomText(rng, 5);
  const count = Math.max(1, Math.floor(o.streams));
  const groups = Math.min(count, Math.max(0, Math.floor(o.groups)));
  // Groups are spread through the list rather than bunched at one end.
  const groupSlots = new Set<number>();
  for (let g = 0; g < groups; g++) groupSlots.add(Math.floor(((g + 0.5) * count) / groups));
  const streams: StreamDef[] = [];
  let created = o.startMs - rng.int(1, 30) * MINUTE;
  const firstGroup = Math.min(...groupSlots);
  // One locked and one never-live stream in any wall of a dozen or more, at fixed places.
  const locked = count >= 12 ? firstSingle(3, count, groupSlots, []) : -1;
  const neverLive = count >= 8 ? firstSingle(5, count, groupSlots, [locked]) : -1;
  for (let i = 0; i < count; i++) {
    const isGroup = groupSlots.has(i);
    // The first group looks like bintu's documented example: every process on every quality.
    const full = i === firstGroup;
    const id = randomUuid(rng);
    const variantCount = isGroup ? 3 : 1;
    const variants: VariantDef[] = [];
    for (let v = 0; v < variantCount; v++) {
      variants.push(buildVariant(rng, o, orgHash, v, isGroup, v === 0 && !isGroup ? id : randomUuid(rng), full));
    }
    const tags = [...new Set([rng.pick(TAGS), ...(rng.chance(0.7) ? [rng.pick(TAGS)] : []), ...(rng.chance(0.3) ? [rng.pick(TAGS)] : [])])];
    const role = full ? 'full' : i === locked ? 'locked' : i === neverLive ? 'created' : null;
    const state = initialState(rng, i, o, role);
    const plan = buildPlan(rng, o, id, state);
    // A stream exists before its first session; the list stays ordered newest first.
    if (Number.isFinite(plan.originMs)) created = Math.min(created, plan.originMs - rng.int(5, 120) * MINUTE);
    streams.push({
      id,
      createdAtMs: created,
      type: 'live',
      tags,
      isGroup,
      variants,
      plan,
      // Per stream, mixed on purpose: the client must cope with list items with and without assets.
      listCarriesAssets: rng.chance(0.5),
    });
    created -= rng.int(10, 600) * MINUTE;
  }
  return { orgHash, streams };
}
