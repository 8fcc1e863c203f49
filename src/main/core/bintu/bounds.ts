import { createHash } from 'node:crypto';
import type { AssetLink, Recording, Stream, StreamCut, Variant } from '../../../shared/domain';

/**
 * How much of a stream the app keeps. bintu's data is untrusted input: whatever it sends, a
 * stream costs a bounded amount of memory, disk and IPC (see `MAX_TILE_VIEW_BYTES`). What is cut
 * is marked on the stream (`cut`), and cut text ends in `…`, so the operator sees it happened.
 */
export const BOUNDS = {
  tags: 32,
  tagLength: 64,
  /** Stream names, variant ids and names, stream groups. */
  name: 128,
  /** Stream ids: a longer one is no id the app can key a tile by, so the stream is skipped. */
  id: 128,
  /** Labels, states, types, dates. */
  text: 64,
  variants: 8,
  recordings: 50,
  /** URLs longer than this are treated as missing. */
  url: 2048,
  /** Entries of any one raw array that are looked at at all (parsing cost stays bounded). */
  rawEntries: 256,
  /** Characters of any one raw string that are looked at at all: more than any bound above. */
  rawText: 4096,
} as const;

/** The mark a cut string ends with. */
export const CUT_MARK = '…';

/** Collects what `boundStream` had to cut. */
class Cuts {
  readonly found = new Set<StreamCut>();
  text(value: string, max: number, kind: StreamCut = 'text'): string {
    if (value.length <= max) return value;
    this.found.add(kind);
    return `${value.slice(0, max - 1)}${CUT_MARK}`;
  }
  /** An id cut to `max`, kept unique by a hash of the whole (tiles and matches are keyed by it). */
  id(value: string, max: number): string {
    if (value.length <= max) return value;
    this.found.add('text');
    const hash = createHash('sha256').update(value).digest('hex').slice(0, 16);
    return `${value.slice(0, max - hash.length - 1)}${CUT_MARK}${hash}`;
  }
  maybe(value: string | null, max: number): string | null {
    return value === null ? null : this.text(value, max);
  }
  list<T>(items: readonly T[], max: number, kind: StreamCut): T[] {
    if (items.length <= max) return [...items];
    this.found.add(kind);
    return items.slice(0, max);
  }
  url(value: string): string | null {
    if (value.length <= BOUNDS.url) return value;
    this.found.add('text');
    return null;
  }
}

/** A stream within `BOUNDS`, with `cut` listing what was cut; null when its id is too long to be one. */
export function boundStream(stream: Stream): Stream | null {
  if (stream.id.length > BOUNDS.id) return null;
  const cuts = new Cuts();
  for (const kind of stream.cut ?? []) cuts.found.add(kind);
  const tags = (list: readonly string[]): string[] =>
    cuts.list(list, BOUNDS.tags, 'tags').map((tag) => cuts.text(tag, BOUNDS.tagLength, 'tags'));
  const link = (asset: AssetLink | null): AssetLink | null => {
    const url = asset === null ? null : cuts.url(asset.url);
    if (asset === null || url === null) return null;
    return { url, streamId: cuts.maybe(asset.streamId, BOUNDS.name), streamname: cuts.maybe(asset.streamname, BOUNDS.name) };
  };
  const seen = new Set<string>();
  const variants = cuts.list(stream.variants, BOUNDS.variants, 'variants').flatMap((v): Variant[] => {
    const id = cuts.id(v.id, BOUNDS.name);
    if (seen.has(id)) return [];
    seen.add(id);
    return [{
      ...v,
      id,
      label: cuts.text(v.label, BOUNDS.text),
      tags: tags(v.tags),
      streamname: cuts.maybe(v.streamname, BOUNDS.name),
      thumbnail: link(v.thumbnail),
      motionclip: link(v.motionclip),
      replay: link(v.replay),
    }];
  });
  const recordings = cuts.list(stream.recordings, BOUNDS.recordings, 'recordings').flatMap((r): Recording[] => {
    const url = cuts.url(r.url);
    if (url === null) return [];
    return [{ ...r, url, streamId: cuts.maybe(r.streamId, BOUNDS.name), createdAt: cuts.maybe(r.createdAt, BOUNDS.text) }];
  });
  const bounded: Stream = {
    ...stream,
    streamgroup: cuts.maybe(stream.streamgroup, BOUNDS.name),
    rawState: cuts.text(stream.rawState, BOUNDS.text),
    type: cuts.maybe(stream.type, BOUNDS.text),
    createdAt: cuts.maybe(stream.createdAt, BOUNDS.text),
    tags: tags(stream.tags),
    streamname: cuts.maybe(stream.streamname, BOUNDS.name),
    variants,
    recordings,
  };
  if (cuts.found.size > 0) bounded.cut = [...cuts.found].sort();
  else delete bounded.cut;
  return bounded;
}
