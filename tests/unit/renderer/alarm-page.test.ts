import { describe, expect, it } from 'vitest';
import { entryStreamId, isNewStreamAlarm, pageForAlarm } from '../../../src/renderer/src/lib/state/alarm-page';
import type { WallEntry } from '../../../src/renderer/src/lib/state/wall-entries';
import { alarmEvent } from './alarm-fixtures';
import { tile } from './tile-fixtures';

/** Ten cells: s0..s8 streams and a missing slot for s9; four to a page. */
const entries: WallEntry[] = [
  ...Array.from({ length: 9 }, (_, i): WallEntry => ({ kind: 'stream', key: `s${i}`, tile: tile(`s${i}`), variant: null })),
  { kind: 'missing', key: 'missing:s9', streamId: 's9' },
];
const fourPerPage = (index: number): number => Math.floor(index / 4);

describe('pageForAlarm', () => {
  it('names the page of the stream a new alarm was raised on, when another page is shown', () => {
    expect(pageForAlarm(alarmEvent({ streamId: 's5' }), entries, fourPerPage, 0)).toBe(1);
    expect(pageForAlarm(alarmEvent({ streamId: 's8', severity: 'critical' }), entries, fourPerPage, 0)).toBe(2);
  });

  it('finds a missing slot by its stream: a gone alarm shows the gone tile', () => {
    expect(pageForAlarm(alarmEvent({ streamId: 's9', type: 'gone' }), entries, fourPerPage, 0)).toBe(2);
    expect(entryStreamId(entries[9] as WallEntry)).toBe('s9');
  });

  it('stays when the stream is on the page shown or not on the wall', () => {
    expect(pageForAlarm(alarmEvent({ streamId: 's2' }), entries, fourPerPage, 0)).toBeNull();
    expect(pageForAlarm(alarmEvent({ streamId: 'elsewhere' }), entries, fourPerPage, 0)).toBeNull();
  });

  it('ignores what is not a new alarm: pending, acknowledged, cleared, connection, info and flapping returns', () => {
    for (const over of [
      { state: 'pending' as const },
      { state: 'acknowledged' as const },
      { state: 'cleared' as const },
      { streamId: null, type: 'connection' as const },
      { severity: 'info' as const },
      { flapping: true },
    ]) {
      const event = alarmEvent({ streamId: 's5', ...over });
      expect(isNewStreamAlarm(event)).toBe(false);
      expect(pageForAlarm(event, entries, fourPerPage, 0)).toBeNull();
    }
  });
});
