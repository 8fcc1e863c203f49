import { describe, expect, it } from 'vitest';
import { streamSchema, type Stream } from '../../../src/shared/domain';
import { normaliseStream, normaliseStreamList } from '../../../src/main/core/bintu/normalise';
import { recordingFileName, recordingId } from '../../../src/main/core/bintu/normalise-recordings';

const VOD = 'https://bintu-vod.nanocosmos.de/vod';

function norm(raw: unknown): Stream {
  const stream = normaliseStream(raw);
  if (stream === null) throw new Error('expected a stream');
  expect(streamSchema.parse(stream)).toEqual(stream);
  return stream;
}

describe('normaliseStream: the stream itself', () => {
  it('reads the top-level fields, with either date casing', () => {
    const s = norm({
      id: 'abc',
      streamgroup: 'grp',
      state: 'live',
      type: 'live',
      created_at: '2025-01-02T03:04:05.000Z',
      tags: ['casino', 'table:7', 42, null],
      ingest: { rtmp: { url: 'rtmp://bintu-stream.nanocosmos.de/live', streamname: 'ABCDE-table7' } },
      somethingNew: { nested: true },
    });
    expect(s).toMatchObject({ id: 'abc', streamgroup: 'grp', state: 'live', rawState: 'live', type: 'live', createdAt: '2025-01-02T03:04:05.000Z', streamname: 'ABCDE-table7' });
    expect(s.tags).toEqual(['casino', 'table:7']);
    expect(norm({ id: 'x', createdAt: '2024-12-01T00:00:00Z' }).createdAt).toBe('2024-12-01T00:00:00Z');
  });

  it('keeps unknown states as text and accepts odd casing of known ones', () => {
    expect(norm({ id: 'a', state: 'transcoding' })).toMatchObject({ state: 'unknown', rawState: 'transcoding' });
    expect(norm({ id: 'a', state: ' Ended ' })).toMatchObject({ state: 'ended', rawState: ' Ended ' });
    expect(norm({ id: 'a', state: 7 })).toMatchObject({ state: 'unknown', rawState: '7' });
    for (const state of ['created', 'live', 'ended', 'locked', 'deleted']) expect(norm({ id: 'a', state }).state).toBe(state);
  });

  it('returns null for values that are not stream objects', () => {
    for (const raw of [null, 3, 'stream', [], [{ id: 'a' }], {}, { id: '' }, { id: null }, { state: 'live' }]) {
      expect(normaliseStream(raw), JSON.stringify(raw)).toBeNull();
    }
    expect(normaliseStream({ state: 'live' }, 'from-route')?.id).toBe('from-route');
  });

  it('says whether the object carried asset arrays', () => {
    expect(norm({ id: 'a' }).hasAssets).toBe(false);
    expect(norm({ id: 'a', playout: { h5live: [], rtmp: [] } }).hasAssets).toBe(false);
    expect(norm({ id: 'a', playout: { thumbnails: [] } }).hasAssets).toBe(true);
    expect(norm({ id: 'a', playout: { web: [] } }).hasAssets).toBe(false); // web[] also holds the live player entry
    expect(norm({ id: 'a', playout: { thumbnails: 'nope' } }).hasAssets).toBe(false);
  });
});

describe('normaliseStream: variants', () => {
  const thumbs = (interval: unknown) => [{ id: 'thumbs', interval }];

  it('sorts h5live variants by index and labels them', () => {
    const s = norm({
      id: 'g',
      playout: {
        h5live: [
          { id: 't2', index: 2, info: { width: 640, height: 360 } },
          { id: 'p', index: 0, tags: ['Passthrough'] },
          { id: 't1', index: 1, tags: ['vtrans2-852x480x800x25'] },
        ],
      },
    });
    expect(s.variants.map((v) => [v.id, v.label])).toEqual([
      ['p', 'Passthrough'],
      ['t1', '852x480'],
      ['t2', '640x360'],
    ]);
  });

  it('falls back to rtmp[] and completes h5live entries from it', () => {
    const fromRtmp = norm({ id: 's', playout: { rtmp: [{ id: 'r0', index: 0, streamname: 'ABCDE-cam', processing: thumbs(30) }] } });
    expect(fromRtmp.variants).toHaveLength(1);
    expect(fromRtmp.variants[0]).toMatchObject({ id: 'r0', streamname: 'ABCDE-cam', processing: { thumbs: { interval: 30 } } });
    expect(fromRtmp.streamname).toBe('ABCDE-cam');

    const merged = norm({
      id: 's',
      playout: { h5live: [{ id: 'v0', index: 0 }], rtmp: [{ id: 'v0', index: 0, streamname: 'ABCDE-x', processing: thumbs(60), tags: ['Passthrough'] }] },
    });
    expect(merged.variants[0]).toMatchObject({ id: 'v0', streamname: 'ABCDE-x', tags: ['Passthrough'], processing: { thumbs: { interval: 60 } } });
  });

  it('derives variants from asset streamIds when no variant arrays exist', () => {
    const s = norm({
      id: 's',
      playout: {
        thumbnails: [
          { url: `${VOD}/thumbnails/a.jpg`, streamId: 'A', streamname: 'X-a' },
          { url: `${VOD}/thumbnails/b.jpg`, streamId: 'B', streamname: 'X-b' },
        ],
        motionclip: [{ url: `${VOD}/thumbnails/b.gif`, streamId: 'B' }],
      },
    });
    expect(s.variants.map((v) => [v.id, v.index, v.streamname, v.thumbnail?.url, v.motionclip?.url ?? null])).toEqual([
      ['A', 0, 'X-a', `${VOD}/thumbnails/a.jpg`, null],
      ['B', 1, 'X-b', `${VOD}/thumbnails/b.jpg`, `${VOD}/thumbnails/b.gif`],
    ]);
  });

  it('gives a single-variant stream its lone thumbnail even without ids', () => {
    const s = norm({ id: 's', playout: { h5live: [{ id: 'v' }], thumbnails: [{ url: `${VOD}/thumbnails/only.jpg` }] } });
    expect(s.variants[0]?.thumbnail?.url).toBe(`${VOD}/thumbnails/only.jpg`);
    const bare = norm({ id: 's', playout: { thumbnails: [{ url: `${VOD}/thumbnails/only.jpg` }] } });
    expect(bare.variants.map((v) => [v.id, v.thumbnail?.url])).toEqual([['s', `${VOD}/thumbnails/only.jpg`]]);
  });

  it('matches assets by streamId, then streamname, and never hands one quality\'s asset to another', () => {
    const s = norm({
      id: 'g',
      playout: {
        h5live: [
          { id: 'p', index: 0, rtmp: { streamname: 'X-p' } },
          { id: 't1', index: 1, rtmp: { streamname: 'X-t1' } },
          { id: 't2', index: 2, rtmp: { streamname: 'X-t2' } },
        ],
        thumbnails: [
          { url: `${VOD}/thumbnails/t2.jpg`, streamId: 'other', streamname: 'X-t2' },
          { url: `${VOD}/thumbnails/p.jpg`, streamId: 'p' },
          { url: `${VOD}/thumbnails/p-dup.jpg`, streamId: 'p' },
        ],
      },
    });
    expect(s.variants.map((v) => v.thumbnail?.url ?? null)).toEqual([`${VOD}/thumbnails/p.jpg`, null, `${VOD}/thumbnails/t2.jpg`]);
  });

  it('reads processing settings, clamps them to bintu ranges and ignores unknown ids', () => {
    const s = norm({
      id: 's',
      playout: {
        h5live: [
          {
            id: 'v',
            processing: [
              { id: 'thumbs', interval: 2 },
              { id: 'motionclip', interval: 99999, duration: 0 },
              { id: 'rec', duration: 600 },
              { id: 'replay' },
              { id: 'facedetect', interval: 3 },
              { id: 'thumbs', interval: 300 },
            ],
          },
          { id: 'w', index: 1, processing: [{ id: 'thumbs', interval: '45' }, { id: 'rec', duration: 'long' }] },
          { id: 'x', index: 2, processing: [{ id: 'thumbs' }, { id: 'motionclip', interval: null, duration: 'x' }] },
        ],
      },
    });
    expect(s.variants.map((v) => v.processing)).toEqual([
      { thumbs: { interval: 10 }, motionclip: { interval: 3600, duration: 1 }, rec: { duration: 600 }, replay: { duration: null } },
      { thumbs: { interval: 45 }, motionclip: null, rec: { duration: null }, replay: null },
      { thumbs: { interval: 10 }, motionclip: { interval: 10, duration: 5 }, rec: null, replay: null },
    ]);
  });

  it('drops asset URLs that are not http(s)', () => {
    const s = norm({ id: 's', playout: { h5live: [{ id: 'v' }], thumbnails: [{ url: 'javascript:alert(1)' }, { url: 'file:///etc/passwd' }] } });
    expect(s.variants[0]?.thumbnail).toBeNull();
  });
});

describe('normaliseStream: recordings', () => {
  it('collects recordings from web[], recordings and vod arrays, de-duplicated by URL', () => {
    const s = norm({
      id: 's',
      playout: {
        web: [
          { type: 'live', url: 'https://demo.nanocosmos.de/nanoplayer/?x=1', createdAt: '2025-01-01T00:00:00Z' },
          { type: 'vod', url: `${VOD}/ABCDE-a.mp4`, streamId: 'v', index: 0 },
          { url: `${VOD}/ABCDE-b.mp4` },
          { type: 'VOD', url: `${VOD}/ABCDE-a.mp4`, createdAt: '2025-01-02T00:00:00Z' },
        ],
        vod: [`${VOD}/ABCDE-c.mp4`],
      },
      recordings: [{ url: `${VOD}/ABCDE-b.mp4`, created_at: '2025-01-03T00:00:00Z' }, { url: 'ftp://x/y.mp4' }],
    });
    expect(s.recordings.map((r) => [r.fileName, r.streamId, r.createdAt, r.index])).toEqual([
      ['ABCDE-a.mp4', 'v', '2025-01-02T00:00:00Z', 0],
      ['ABCDE-b.mp4', null, '2025-01-03T00:00:00Z', null],
      ['ABCDE-c.mp4', null, null, null],
    ]);
    expect(new Set(s.recordings.map((r) => r.id)).size).toBe(3);
  });

  it('derives a stable id and a safe file name from the URL', () => {
    const url = `${VOD}/ABCDE-a.mp4`;
    expect(recordingId(url)).toBe(recordingId(url));
    expect(recordingId(url)).toMatch(/^[0-9a-f]{16}$/);
    expect(recordingId(url)).not.toBe(recordingId(`${url}?v=2`));
    expect(recordingFileName(`${VOD}/..%2F..%2Fetc%2Fpasswd`)).toBe('etc_passwd');
    expect(recordingFileName(`${VOD}/my%20show%3A%20final.mp4`)).toBe('my_show_final.mp4');
    expect(recordingFileName(`${VOD}/.hidden.mp4`)).toBe('hidden.mp4');
    expect(recordingFileName(`${VOD}/`)).toMatch(/^recording-[0-9a-f]{16}\.mp4$/);
    expect(recordingFileName(`${VOD}/${'x'.repeat(300)}.mp4`)).toMatch(/^x{116}\.mp4$/);
  });
});

describe('normaliseStreamList', () => {
  it('skips items that are not streams, and repeated ids, with a count', () => {
    const { streams, skipped } = normaliseStreamList([{ id: 'a' }, null, 'b', { noId: true }, { id: 'c', state: 'live' }, { id: 'a' }, []]);
    expect(streams.map((s) => s.id)).toEqual(['a', 'c']);
    expect(skipped).toBe(5);
  });
});
