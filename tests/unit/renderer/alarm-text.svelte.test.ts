import { describe, expect, it } from 'vitest';
import { Locale } from '../../../src/renderer/src/lib/i18n/locale.svelte';
import { alarmLabel } from '../../../src/renderer/src/lib/state/alarm-text';
import { activeAlarm } from './alarm-fixtures';

const since = '2026-12-03T14:02:00.000Z';
const at = (seconds: number) => Date.parse(since) + seconds * 1000;

describe('the words of an alarm', () => {
  const en = new Locale(['en-US']);
  const de = new Locale(['de-DE']);

  it('says what and for how long, to the minute past the first', () => {
    expect(alarmLabel(en, activeAlarm({ type: 'frozen', since }), 'live', at(130))).toBe('Frozen 2 min');
    expect(alarmLabel(en, activeAlarm({ type: 'black', since }), 'live', at(45))).toBe('Black 45 sec');
    expect(alarmLabel(en, activeAlarm({ type: 'overdue', since }), 'live', at(200))).toBe('No new picture 3 min');
    expect(alarmLabel(de, activeAlarm({ type: 'overdue', since }), 'live', at(200))).toBe('Kein neues Bild 3 Min.');
  });

  it('says when a stream went down, and how', () => {
    const down = activeAlarm({ type: 'down', since });
    const clock = new Intl.DateTimeFormat('en-US', { timeStyle: 'short' }).format(Date.parse(since));
    expect(alarmLabel(en, down, 'ended', at(60))).toBe(`Stream ended ${clock}`);
    expect(alarmLabel(en, down, 'locked', at(60))).toBe(`Stream locked ${clock}`);
    expect(alarmLabel(en, down, 'created', at(60))).toBe(`Not live since ${clock}`);
  });

  it('says "Gone" for a stream that left the list', () => {
    expect(alarmLabel(en, activeAlarm({ type: 'gone', since }), null, at(600))).toBe('Gone');
    expect(alarmLabel(de, activeAlarm({ type: 'gone', since }), null, at(600))).toBe('Verschwunden');
  });

  it('waits quietly while a fault is below its threshold', () => {
    expect(alarmLabel(en, activeAlarm({ type: 'overdue', state: 'pending', since }), 'live', at(20))).toBe('Waiting for a new picture…');
    expect(alarmLabel(en, activeAlarm({ type: 'black', state: 'pending', since }), 'live', at(5))).toBe('Checking: Black…');
  });
});
