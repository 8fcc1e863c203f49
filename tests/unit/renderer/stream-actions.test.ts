import { describe, expect, it } from 'vitest';
import { latestRecording, recordingsByQuality, recordingsNewestFirst, replayTarget } from '../../../src/renderer/src/lib/state/stream-actions';
import { tile, variant } from './tile-fixtures';

const replayOn = { thumbs: null, motionclip: null, rec: null, replay: { duration: null } };

describe('Replay', () => {
  it("opens the shown quality's replay when it has one", () => {
    const shown = variant(1, { id: 'q720', hasReplay: true });
    expect(replayTarget(tile('s', { hasReplay: true, variants: [variant(0), shown] }), shown)).toEqual({
      ok: true,
      request: { streamId: 's', variantId: 'q720' },
    });
  });

  it("falls back to the stream's replay", () => {
    expect(replayTarget(tile('s', { hasReplay: true }), variant(0))).toEqual({ ok: true, request: { streamId: 's' } });
  });

  it('says replay is off, or not there yet, when it cannot open', () => {
    expect(replayTarget(tile('s'), null)).toEqual({ ok: false, reason: 'off' });
    expect(replayTarget(tile('s', { variants: [variant(0, { processing: replayOn })] }), null)).toEqual({ ok: false, reason: 'unavailable' });
  });
});

describe('Download latest recording', () => {
  const at = (iso: string | null, id: string) => ({ id, fileName: `${id}.mp4`, createdAt: iso, variantId: null });

  it('picks the newest recording; undated ones count as oldest', () => {
    const recordings = [at('2025-06-12T10:00:00Z', 'a'), at(null, 'b'), at('2025-06-12T14:00:00Z', 'c'), at('garbage', 'd')];
    expect(recordingsNewestFirst(recordings).map((r) => r.id)).toEqual(['c', 'a', 'b', 'd']);
    expect(latestRecording(tile('s', { recordings }))).toEqual({ ok: true, recording: recordings[2] });
  });

  it('says whether recording is off or nothing was recorded yet', () => {
    expect(latestRecording(tile('s'))).toEqual({ ok: false, reason: 'off' });
    const recOn = variant(0, { processing: { thumbs: null, motionclip: null, rec: { duration: 600 }, replay: null } });
    expect(latestRecording(tile('s', { variants: [recOn] }))).toEqual({ ok: false, reason: 'none' });
  });
});

describe('recordings by quality', () => {
  it('groups each quality\'s recordings under it, qualities in index order, unknown ones last, newest first', () => {
    const rec = (id: string, variantId: string | null, iso: string) => ({ id, fileName: `${id}.mp4`, createdAt: iso, variantId });
    const recordings = [rec('a', 'v1', '2025-06-12T10:00:00Z'), rec('b', 'v0', '2025-06-12T09:00:00Z'), rec('c', null, '2025-06-12T08:00:00Z'), rec('d', 'v0', '2025-06-12T11:00:00Z'), rec('e', 'gone', '2025-06-12T07:00:00Z')];
    const groups = recordingsByQuality(tile('s', { variants: [variant(1), variant(0)], recordings }));
    expect(groups.map((g) => [g.variant?.id ?? null, g.recordings.map((r) => r.id)])).toEqual([
      ['v0', ['d', 'b']],
      ['v1', ['a']],
      [null, ['c', 'e']],
    ]);
  });
});
