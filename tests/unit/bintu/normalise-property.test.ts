import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamSchema, type Stream } from '../../../src/shared/domain';
import { normaliseStream } from '../../../src/main/core/bintu/normalise';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const VOD = 'https://bintu-vod.nanocosmos.de/vod';
const name = fc.stringMatching(/^[A-Za-z0-9]{3,12}$/);

/** A well-formed bintu stream object with 1 to 4 qualities, its assets and recordings. */
const validStream = fc
  .record({
    id: name,
    state: fc.constantFrom('live', 'created', 'ended', 'locked'),
    tags: fc.array(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 3 }),
    qualities: fc.uniqueArray(name, { minLength: 1, maxLength: 4 }),
    thumbsInterval: fc.integer({ min: 10, max: 3600 }),
    recordings: fc.uniqueArray(name, { maxLength: 3 }),
  })
  .map(({ id, state, tags, qualities, thumbsInterval, recordings }) => ({
    id,
    state,
    tags,
    created_at: '2025-01-01T00:00:00.000Z',
    playout: {
      h5live: qualities.map((q, index) => ({
        id: q,
        index,
        tags: [index === 0 ? 'Passthrough' : `${index}. Transcode`],
        processing: [{ id: 'thumbs', interval: thumbsInterval }, { id: 'rec', duration: null }],
      })),
      thumbnails: qualities.map((q) => ({ url: `${VOD}/thumbnails/${q}.jpg`, type: 'image', streamId: q, streamname: `X-${q}` })),
      web: recordings.map((r) => ({ type: 'vod', url: `${VOD}/${r}.mp4`, streamId: qualities[0] })),
    },
  }));

/** Every path to a value inside a JSON tree (the root excluded). */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((key) => {
    const child = (value as Record<string | number, Json>)[key] as Json;
    return [[...prefix, key], ...paths(child, [...prefix, key])];
  });
}

type Mutation = 'null' | 'delete' | 'junk' | 'wrap' | 'stringify';

/** Applies one damage to a copy of the tree at a path. */
function mutate(root: Json, path: (string | number)[], how: Mutation, junk: Json): Json {
  const copy = structuredClone(root);
  const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string | number, Json>)[key] as Json, copy) as Record<string | number, Json>;
  const key = path[path.length - 1] as string | number;
  const current = parent[key] as Json;
  if (how === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else {
    parent[key] = how === 'null' ? null : how === 'junk' ? junk : how === 'wrap' ? [current] : JSON.stringify(current);
  }
  return copy;
}

/** Adds fields the client has never heard of to every object of the tree. */
function addExtras(value: Json, extras: Record<string, Json>): Json {
  if (Array.isArray(value)) return value.map((v) => addExtras(v, extras));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, Json> = { ...extras };
  for (const [k, v] of Object.entries(value)) out[k] = addExtras(v, extras);
  return out;
}

function checked(raw: unknown): Stream | null {
  const stream = normaliseStream(raw);
  if (stream !== null) expect(streamSchema.safeParse(stream).success).toBe(true);
  return stream;
}

const runs = { numRuns: 300 };

describe('normalise tolerance', () => {
  it('never throws on any JSON value and returns null or a valid stream', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => void checked(value)), runs);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('id', 'state', 'playout', 'tags', 'created_at', 'ingest', 'recordings', 'vod'), fc.jsonValue()), (obj) => void checked(obj)),
      runs,
    );
  });

  it('survives nulls, wrong types, missing and wrapped values anywhere; the id survives when untouched', () => {
    fc.assert(
      fc.property(validStream, fc.nat(), fc.constantFrom<Mutation>('null', 'delete', 'junk', 'wrap', 'stringify'), fc.jsonValue(), (raw, pick, how, junk) => {
        const all = paths(raw as unknown as Json);
        const path = all[pick % all.length] as (string | number)[];
        const damaged = mutate(raw as unknown as Json, path, how, junk as Json);
        const stream = checked(damaged);
        if (path[0] !== 'id') expect(stream?.id).toBe(raw.id);
      }),
      runs,
    );
  });

  it('ignores extra fields everywhere: the result is exactly that of the clean object', () => {
    const extras = fc.dictionary(fc.string().map((k) => `x_${k}`), fc.jsonValue(), { minKeys: 1, maxKeys: 3 });
    fc.assert(
      fc.property(validStream, extras, (raw, extra) => {
        expect(checked(addExtras(raw as unknown as Json, extra as Record<string, Json>))).toEqual(checked(raw));
      }),
      runs,
    );
  });

  it('one broken quality does not sink the others or their thumbnails', () => {
    fc.assert(
      fc.property(validStream, fc.nat(), fc.jsonValue(), (raw, pick, junk) => {
        const h5live = raw.playout.h5live;
        const broken = pick % h5live.length;
        const damaged = structuredClone(raw) as { playout: { h5live: unknown[] } };
        // Junk that happens to be a valid object with an id would be a new quality, not a broken one.
        damaged.playout.h5live[broken] = typeof junk === 'object' && junk !== null && !Array.isArray(junk) ? { ...junk, id: null } : junk;
        const stream = checked(damaged);
        const survivors = h5live.filter((_, i) => i !== broken);
        for (const q of survivors) {
          const variant = stream?.variants.find((v) => v.id === q.id);
          expect(variant?.thumbnail?.url).toBe(`${VOD}/thumbnails/${q.id}.jpg`);
          expect(variant?.processing.thumbs?.interval).toBe((q.processing[0] as { interval: number }).interval);
        }
      }),
      runs,
    );
  });

  it('keeps the clean object\'s values: qualities in order, thumbnails and recordings', () => {
    fc.assert(
      fc.property(validStream, (raw) => {
        const stream = checked(raw);
        expect(stream?.variants.map((v) => v.id)).toEqual(raw.playout.h5live.map((v) => v.id));
        expect(stream?.variants.map((v) => v.thumbnail?.streamId)).toEqual(raw.playout.h5live.map((v) => v.id));
        expect(stream?.recordings.map((r) => r.url)).toEqual(raw.playout.web.map((w) => w.url));
      }),
      runs,
    );
  });
});
