import { describe, expect, it } from 'vitest';
import { BOUNDS, boundStream } from '../../../src/main/core/bintu/bounds';
import { normaliseStream } from '../../../src/main/core/bintu/normalise';
import { MAX_TILE_VIEW_BYTES, toWallView } from '../../../src/main/core/poller/wall-view';
import type { AssetRecord } from '../../../src/main/core/assets/asset-fetcher';

const long = (n: number, c = 'x'): string => c.repeat(n);

/** A stream object at (and far past) every bound: what a hostile bintu could send for one stream. */
function hostileStream(id = 'a'.repeat(BOUNDS.id)): Record<string, unknown> {
  const tag = long(10_000);
  const variant = (i: number) => ({
    id: `${long(1000)}${i}`, index: i, label: long(1000), tags: new Array<string>(300).fill(tag),
    streamname: long(1000), processing: [{ id: 'thumbs', interval: 10 }, { id: 'motionclip', interval: 10, duration: 5 }, { id: 'rec' }, { id: 'replay' }],
  });
  const asset = (i: number, ext: string) => ({ url: `https://cdn.example/${long(1900)}/${i}.${ext}`, streamId: `${long(1000)}${i}`, streamname: long(1000) });
  return {
    id, state: long(1000), type: long(1000), created_at: long(1000), streamgroup: long(1000),
    tags: Array.from({ length: 1000 }, (_, i) => `${tag}${i}`),
    ingest: { rtmp: { streamname: long(1_000_000) } },
    playout: {
      h5live: Array.from({ length: 300 }, (_, i) => variant(i)),
      thumbnails: Array.from({ length: 300 }, (_, i) => asset(i, 'jpg')),
      motionclip: Array.from({ length: 300 }, (_, i) => asset(i, 'gif')),
      replay: Array.from({ length: 300 }, (_, i) => asset(i, 'html')),
      web: Array.from({ length: 5000 }, (_, i) => ({ type: 'vod', url: `https://cdn.example/vod/${long(1000)}${i}.mp4`, createdAt: long(1000), streamId: long(1000) })),
    },
  };
}

describe('bounds on what bintu sends', () => {
  it('cuts every list and string to its bound and marks what was cut', () => {
    const stream = normaliseStream(hostileStream())!;
    expect(stream.tags).toHaveLength(BOUNDS.tags);
    expect(stream.tags.every((tag) => tag.length <= BOUNDS.tagLength && tag.endsWith('…'))).toBe(true);
    expect(stream.streamname?.length).toBe(BOUNDS.name);
    expect(stream.streamname?.endsWith('…')).toBe(true);
    expect(stream.variants).toHaveLength(BOUNDS.variants);
    expect(stream.recordings).toHaveLength(BOUNDS.recordings);
    expect(stream.rawState.length).toBeLessThanOrEqual(BOUNDS.text);
    expect(stream.cut).toEqual(['recordings', 'tags', 'text', 'variants']);
  });

  it('a stream within bounds is unchanged and carries no mark', () => {
    const stream = normaliseStream({ id: 's1', state: 'live', tags: ['a', 'b'] })!;
    expect(stream.cut).toBeUndefined();
    expect(boundStream(stream)).toEqual(stream);
  });

  it('an id longer than any id is no stream', () => {
    expect(normaliseStream(hostileStream('x'.repeat(BOUNDS.id + 1)))).toBeNull();
  });

  it(`a tile at every bound stays under ${MAX_TILE_VIEW_BYTES / 1024} KB of wall:changed, so a wall of N streams stays under N times that`, () => {
    const stream = normaliseStream(hostileStream())!;
    const assets = new Map<string, AssetRecord>();
    for (const v of stream.variants) {
      for (const link of [v.thumbnail, v.motionclip]) {
        if (link) assets.set(link.url, { url: link.url, name: `${'f'.repeat(64)}.jpg`, etag: null, lastModified: null, producedAt: 1, fetchedAt: 1, changedAt: 1 });
      }
    }
    const model = { streams: [stream], assets, connection: { status: 'online' as const, lastPollAt: 1, lastSuccessAt: 1, offlineSince: null, error: null }, truncated: false, quantity: 1, fromCache: false };
    const view = toWallView(model, { requests: 1, bytes: 1 }, (name) => `wall-asset://cache/${name}`, { profileId: '0b6f8c1e-4a8e-4f5e-9d2a-2f1f0c6c9b1a', name: 'Org' });
    const tileBytes = Buffer.byteLength(JSON.stringify(view.streams[0]));
    expect(view.streams[0]?.variants[0]?.thumbnail).not.toBeNull();
    expect(view.streams[0]?.cut).toEqual(['recordings', 'tags', 'text', 'variants']);
    expect(tileBytes).toBeLessThanOrEqual(MAX_TILE_VIEW_BYTES);
  });
});
