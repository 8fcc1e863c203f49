import { KNOWN_STREAM_STATES, type Stream, type StreamState } from '../../../shared/domain';
import { boundStream } from './bounds';
import { collectRecordings } from './normalise-recordings';
import { normaliseVariants } from './normalise-variants';
import { rawStreamSchema } from './raw-schemas';

/** A normalised list and how many of its items could not be read as streams. */
export interface NormalisedList {
  streams: Stream[];
  skipped: number;
}

const knownStates: ReadonlySet<string> = new Set(KNOWN_STREAM_STATES);

/**
 * Maps one raw bintu stream object to the domain `Stream`, within `BOUNDS` (what was cut is
 * marked). Returns null only when the value is not an object or carries no usable id (none, or one
 * longer than any id: no `fallbackId` stands in for that); every other flaw degrades to a missing
 * field. Never throws on any JSON value.
 */
export function normaliseStream(raw: unknown, fallbackId?: string): Stream | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const parsed = rawStreamSchema.safeParse(raw);
  if (!parsed.success) return null;
  const stream = parsed.data;
  const id = stream.id?.trim() || fallbackId;
  if (id === undefined || id === '') return null;
  const playout = stream.playout;
  const variants = normaliseVariants(id, playout);
  const rawState = stream.state ?? '';
  return boundStream({
    id,
    streamgroup: stream.streamgroup ?? null,
    state: stateOf(rawState),
    rawState,
    type: stream.type ?? null,
    createdAt: stream.created_at ?? stream.createdAt ?? null,
    tags: stream.tags,
    // bintu names the passthrough like the ingest, so it stands in when `ingest` is missing.
    streamname:
      stream.ingest?.rtmp?.streamname ??
      stream.ingest?.streamname ??
      variants.find((v) => v.index === 0)?.streamname ??
      null,
    variants,
    recordings: collectRecordings(stream),
    // `web[]` also carries the live player entry, so only the Live Processing arrays count: a
    // list item without them needs a details request to learn its pictures.
    hasAssets:
      playout !== undefined && [playout.thumbnails, playout.motionclip, playout.replay].some((list) => list !== undefined),
  });
}

/** Maps a `GET /stream` array; items that are not stream objects, or repeat an id, are skipped. */
export function normaliseStreamList(items: readonly unknown[]): NormalisedList {
  const streams: Stream[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const item of items) {
    const stream = normaliseStream(item);
    if (stream === null || seen.has(stream.id)) {
      skipped += 1;
      continue;
    }
    seen.add(stream.id);
    streams.push(stream);
  }
  return { streams, skipped };
}

function stateOf(rawState: string): StreamState {
  const state = rawState.trim().toLowerCase();
  return knownStates.has(state) ? (state as StreamState) : 'unknown';
}
