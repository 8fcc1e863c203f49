import { describe, expect, it } from 'vitest';
import type { Recording, Stream } from '../../../src/shared/domain';
import { resolveRecording } from '../../../src/main/core/downloads/resolve-recording';

const recording = (id: string): Recording => ({ id, url: `https://vod.example/vod/${id}.mp4`, streamId: null, createdAt: null, index: 0, fileName: `${id}.mp4` });
const stream = (id: string, recordings: Recording[]): Stream => ({
  id, streamgroup: null, state: 'ended', rawState: 'ended', type: 'live', createdAt: null, tags: [], streamname: null, variants: [], recordings, hasAssets: true,
});

describe('resolveRecording', () => {
  const streams = [stream('s1', [recording('r1'), recording('r2')]), stream('s2', [recording('r3')])];

  it('finds a recording of the named stream', () => {
    expect(resolveRecording(streams, 's1', 'r2').url).toBe('https://vod.example/vod/r2.mp4');
  });

  it('refuses a recording id that belongs to another stream', () => {
    expect(() => resolveRecording(streams, 's1', 'r3')).toThrow(expect.objectContaining({ code: 'not-found' }));
  });

  it('refuses an unknown stream or recording', () => {
    expect(() => resolveRecording(streams, 'nope', 'r1')).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(() => resolveRecording(streams, 's2', 'nope')).toThrow(expect.objectContaining({ code: 'not-found' }));
  });
});
