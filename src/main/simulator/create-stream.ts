/**
 * `POST /stream`: creates a stream from `tags`, `transcodes: [{profile, tags}]`, `processing` (one
 * array of settings per quality) and an optional `type`, validated against the documented ranges.
 * A new stream is `created` (never ingested) and stays so until a control route changes it.
 */
import * as E from './bintu-errors';
import { createRng, hashSeed, randomUuid } from './rng';
import { PASSTHROUGH_INFO, variantFromProcessing, type ProcessingEntry, type StreamDef, type VariantDef } from './world';

type Result<T> = { ok: true; value: T } | { ok: false; error: E.BintuError };
const fail = (error: E.BintuError): { ok: false; error: E.BintuError } => ({ ok: false, error });

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((t) => typeof t === 'string');
const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** One processing entry, checked against bintu's documented ranges. */
function parseEntry(raw: unknown): Result<ProcessingEntry> {
  if (typeof raw !== 'object' || raw === null) return fail(E.wrongDataType('processing', 'object'));
  const e = raw as Record<string, unknown>;
  const need = (key: string): E.BintuError | null => (key in e ? null : E.parameterRequired(key));
  switch (e.id) {
    case 'thumbs': {
      const missing = need('interval');
      if (missing) return fail(missing);
      return isInt(e.interval, 10, 3600) ? { ok: true, value: { id: 'thumbs', interval: e.interval } } : fail(E.wrongDataType('interval', 'integer 10..3600'));
    }
    case 'motionclip': {
      const missing = need('interval') ?? need('duration');
      if (missing) return fail(missing);
      if (!isInt(e.interval, 10, 3600)) return fail(E.wrongDataType('interval', 'integer 10..3600'));
      if (!isInt(e.duration, 1, 60)) return fail(E.wrongDataType('duration', 'integer 1..60'));
      return { ok: true, value: { id: 'motionclip', interval: e.interval, duration: e.duration } };
    }
    case 'rec':
    case 'replay': {
      const missing = need('duration');
      if (missing) return fail(missing);
      if (e.duration !== null && !isInt(e.duration, 1, Number.MAX_SAFE_INTEGER)) return fail(E.wrongDataType('duration', 'integer or null'));
      return { ok: true, value: { id: e.id, duration: e.duration } };
    }
    default:
      return fail(E.wrongDataType('processing', 'thumbs|motionclip|rec|replay'));
  }
}

function parseProfile(profile: unknown): VariantDef['info'] | null {
  const m = typeof profile === 'string' ? /^vtrans2?-(\d+)x(\d+)x(\d+)x(\d+)$/.exec(profile) : null;
  if (!m) return null;
  return { width: Number(m[1]), height: Number(m[2]), bitrate: Number(m[3]), fps: Number(m[4]) };
}

/** Everything needed to make ids and names for a new stream. */
export interface CreateContext {
  seed: number;
  orgHash: string;
  now: number;
  /** How many streams were created before, so each new one gets fresh ids. */
  serial: number;
}

/** Validates a create-stream body and builds the stream, or says which bintu error applies. */
export function createStream(body: unknown, c: CreateContext): Result<StreamDef> {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b !== 'object' || Array.isArray(b)) return fail(E.wrongDataType('body', 'object'));
  if (b.type !== undefined && b.type !== 'live') return fail({ ...E.streamTypeNotAvailable(String(b.type)) });
  if (b.tags !== undefined && !isStringArray(b.tags)) return fail(E.wrongDataType('tags', 'array'));
  const transcodes = b.transcodes ?? [];
  if (!Array.isArray(transcodes) || transcodes.length > 4) return fail(E.wrongDataType('transcodes', 'array'));
  const infos: VariantDef['info'][] = [PASSTHROUGH_INFO[0]!];
  const variantTags: string[][] = [];
  for (const t of transcodes as Record<string, unknown>[]) {
    const info = parseProfile(t?.profile);
    if (!info) return fail(E.wrongDataType('profile', 'vtrans2-WIDTHxHEIGHTxKBPSxFPS'));
    if (t.tags !== undefined && !isStringArray(t.tags)) return fail(E.wrongDataType('tags', 'array'));
    infos.push(info);
    variantTags.push((t.tags as string[] | undefined) ?? []);
  }
  const rawProcessing = b.processing ?? [];
  if (!Array.isArray(rawProcessing) || !rawProcessing.every(Array.isArray)) return fail(E.wrongDataType('processing', 'array of arrays'));
  const processing: ProcessingEntry[][] = [];
  for (const list of rawProcessing as unknown[][]) {
    const parsed: ProcessingEntry[] = [];
    for (const raw of list) {
      const r = parseEntry(raw);
      if (!r.ok) return r;
      parsed.push(r.value);
    }
    processing.push(parsed);
  }
  const rng = createRng(hashSeed(c.seed, 'created', c.serial));
  const id = randomUuid(rng);
  const isGroup = infos.length > 1;
  const variants = infos.map((info, i) => {
    const v = variantFromProcessing(rng, c.orgHash, i, isGroup, i === 0 && !isGroup ? id : randomUuid(rng), info, processing[i] ?? []);
    if (i > 0) v.tags = [...v.tags, ...(variantTags[i - 1] ?? [])];
    return v;
  });
  return {
    ok: true,
    value: {
      id,
      createdAtMs: c.now,
      type: 'live',
      tags: (b.tags as string[] | undefined) ?? [],
      isGroup,
      variants,
      plan: { kind: 'never-live', originMs: Infinity, cycleMs: 3_600_000, liveMs: 1_800_000 },
      listCarriesAssets: true,
    },
  };
}
