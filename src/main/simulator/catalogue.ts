/**
 * Look-ups over the world: stream by id or variant id, variant by stream name, recording file
 * names, and tags as changed through `PUT /stream/{id}/tag`.
 */
import type { StreamDef, VariantDef, World } from './world';

/** A variant with the stream it belongs to. */
export interface VariantRef {
  stream: StreamDef;
  variant: VariantDef;
}

/** Recording file name (without `.mp4`) of session `n`: the first keeps the plain stream name. */
export function recordingName(variant: VariantDef, n: number): string {
  return n === 0 ? variant.streamname : `${variant.streamname}_${n}`;
}

/** Indexes the world once; tag changes live here too. */
export class Catalogue {
  private readonly byId = new Map<string, StreamDef>();
  private readonly byVariantId = new Map<string, VariantRef>();
  private readonly byName = new Map<string, VariantRef>();
  private readonly tagOverrides = new Map<string, string[]>();

  constructor(readonly world: World) {
    for (const stream of world.streams) this.index(stream);
  }

  private index(stream: StreamDef): void {
    this.byId.set(stream.id, stream);
    for (const variant of stream.variants) {
      this.byVariantId.set(variant.id, { stream, variant });
      this.byName.set(variant.streamname, { stream, variant });
    }
  }

  /** Adds a newly created stream as the newest one. */
  add(stream: StreamDef): void {
    this.world.streams.unshift(stream);
    this.index(stream);
  }

  /** Streams, newest first. */
  get streams(): readonly StreamDef[] {
    return this.world.streams;
  }

  /** A stream by its own id. */
  stream(id: string): StreamDef | undefined {
    return this.byId.get(id);
  }

  /** A stream by its id or the id of one of its variants (control routes accept either). */
  streamByAnyId(id: string): StreamDef | undefined {
    return this.byId.get(id) ?? this.byVariantId.get(id)?.stream;
  }

  /** The variant with this id, if `id` names a variant rather than the whole stream. */
  variantById(id: string): VariantRef | undefined {
    return this.byVariantId.get(id);
  }

  /** A variant by its stream name. */
  variantByName(name: string): VariantRef | undefined {
    return this.byName.get(name);
  }

  /** A recording file name back to its variant and session. */
  recordingByName(name: string): (VariantRef & { n: number }) | undefined {
    const exact = this.byName.get(name);
    if (exact) return { ...exact, n: 0 };
    const m = /^(.+)_(\d+)$/.exec(name);
    if (!m?.[1] || !m[2]) return undefined;
    const ref = this.byName.get(m[1]);
    const n = Number(m[2]);
    return ref && n > 0 ? { ...ref, n } : undefined;
  }

  /** The stream's tags, as last set. */
  tags(stream: StreamDef): string[] {
    return this.tagOverrides.get(stream.id) ?? stream.tags;
  }

  /** Replaces the stream's tags. */
  setTags(stream: StreamDef, tags: string[]): void {
    this.tagOverrides.set(stream.id, [...tags]);
  }
}
