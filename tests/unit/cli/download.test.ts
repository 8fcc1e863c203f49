import { describe, expect, it } from 'vitest';
import type { Recording, Stream } from '../../../src/shared/domain';
import { parseSince, selectRecordings } from '../../../src/main/cli/download';

const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);
const ago = (minutes: number): string => new Date(NOW - minutes * 60_000).toISOString();
const recording = (id: string, createdAt: string | null): Recording => ({ id, url: `https://vod.example/vod/${id}.mp4`, streamId: null, createdAt, index: 0, fileName: `${id}.mp4` });
const stream = (id: string, createdAt: string | null, recordings: Recording[]): Stream => ({
  id, streamgroup: null, state: 'ended', rawState: 'ended', type: 'live', createdAt, tags: [], streamname: null, variants: [], recordings, hasAssets: true,
});

describe('parseSince', () => {
  it.each([
    ['30m', 30 * 60_000],
    ['24h', 24 * 3_600_000],
    ['7d', 7 * 86_400_000],
    ['90s', 90_000],
    ['2w', 14 * 86_400_000],
    ['1.5h', 90 * 60_000],
  ])('%s', (text, ms) => {
    expect(parseSince(text)).toBe(ms);
  });

  it.each(['', '24', 'h', '-3h', '0h', 'yesterday', '3 days'])('refuses %j', (text) => {
    expect(() => parseSince(text)).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
});

describe('selectRecordings', () => {
  const streams = [
    stream('s1', ago(600), [recording('new', ago(10)), recording('old', ago(200)), recording('undated', null)]),
    stream('s2', null, [recording('nodate', null), recording('new', ago(10))]),
  ];

  it('keeps recordings created within the window, judged by their own date or else their stream\'s', () => {
    expect(selectRecordings(streams, 60 * 60_000, NOW).map((i) => i.recording.id)).toEqual(['new']);
    expect(selectRecordings(streams, 12 * 3_600_000, NOW).map((i) => i.recording.id)).toEqual(['new', 'old', 'undated']);
  });

  it('without --since takes every recording once, with its stream', () => {
    const all = selectRecordings(streams, null, NOW);
    expect(all.map((i) => `${i.stream.id}/${i.recording.id}`)).toEqual(['s1/new', 's1/old', 's1/undated', 's2/nodate']);
  });
});
