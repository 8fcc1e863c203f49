import { describe, expect, it } from 'vitest';
import { alarmRank, alarmRows, hasCriticalUnacknowledged, inAlarm } from '../../../src/renderer/src/lib/state/alarm-health';
import { penaltyEntries, penaltySide } from '../../../src/renderer/src/lib/state/penalty-box';
import { sortTiles } from '../../../src/renderer/src/lib/state/wall-query';
import { activeAlarm, alarmsOf, healthOf } from './alarm-fixtures';
import { collator, tile } from './tile-fixtures';

const critical = healthOf('crit', [activeAlarm({ alarmId: 'c' })]);
const warning = healthOf('warn', [activeAlarm({ alarmId: 'w', severity: 'warning' })]);
const seen = healthOf('ack', [activeAlarm({ alarmId: 'k', state: 'acknowledged' })]);
const checking = healthOf('pend', [activeAlarm({ alarmId: 'p', state: 'pending', raisedAt: null })]);
const fine = healthOf('ok');

describe('alarm urgency', () => {
  it('ranks raised critical, raised warning, acknowledged, pending, healthy', () => {
    expect([critical, warning, seen, checking, fine, null].map(alarmRank)).toEqual([0, 1, 2, 3, 4, 4]);
  });

  it('counts raised and acknowledged streams as in alarm, not pending or healthy ones', () => {
    expect([critical, warning, seen, checking, fine, null].map(inAlarm)).toEqual([true, true, true, false, false, false]);
  });

  it('sorts "alarms first" by urgency and keeps slot order among equals', () => {
    const byId = new Map([critical, warning, seen, checking].map((h) => [h.streamId, h]));
    const tiles = ['ok', 'pend', 'ok2', 'warn', 'ack', 'crit'].map((id) => tile(id));
    const sorted = sortTiles(tiles, 'alarms', collator, { urgency: (t) => alarmRank(byId.get(t.id) ?? null) });
    expect(sorted.map((t) => t.id)).toEqual(['crit', 'warn', 'ack', 'pend', 'ok', 'ok2']);
  });
});

describe('the drawer rows', () => {
  it('lists the connection first, then raised, acknowledged and pending, critical first, oldest first', () => {
    const older = healthOf('old', [activeAlarm({ alarmId: 'o', severity: 'warning', since: '2026-12-03T13:00:00.000Z' })]);
    const state = { ...alarmsOf(checking, seen, warning, older, critical), connection: { state: 'alarm' as const, alarm: activeAlarm({ alarmId: 'conn', type: 'connection' }) } };
    expect(alarmRows(state).map((row) => row.alarm.alarmId)).toEqual(['conn', 'c', 'o', 'w', 'k', 'p']);
    expect(alarmRows(state)[0]?.health).toBeNull();
    expect(alarmRows(null)).toEqual([]);
  });

  it('lists one row per organisation whose connection is down, named, and none for one that is fine', () => {
    const down = (profileId: string, name: string) => ({ profileId, name, state: 'alarm' as const, alarm: activeAlarm({ alarmId: `conn-${profileId}`, type: 'connection' }) });
    const connections = [down('p1', 'Studio'), { profileId: 'p2', name: 'Partner', state: 'ok' as const, alarm: null }, down('p3', 'Staging')];
    const state = { ...alarmsOf(critical), connection: connections[0]!, connections };
    const rows = alarmRows(state);
    expect(rows.map((row) => [row.alarm.alarmId, row.organisation?.name ?? null])).toEqual([['conn-p1', 'Studio'], ['conn-p3', 'Staging'], ['c', null]]);
    // The second organisation down is no less urgent for the tone than the first.
    const onlySecond = { ...alarmsOf(), connections: [{ ...connections[0]!, alarm: activeAlarm({ alarmId: 'x', type: 'connection', state: 'acknowledged' }) }, connections[2]!] };
    expect(hasCriticalUnacknowledged(onlySecond)).toBe(true);
  });
});

describe('the looping tone', () => {
  it('loops for a raised critical alarm, not for warnings, acknowledged or pending ones', () => {
    expect(hasCriticalUnacknowledged(alarmsOf(critical))).toBe(true);
    expect(hasCriticalUnacknowledged(alarmsOf(warning, seen, checking, fine))).toBe(false);
    expect(hasCriticalUnacknowledged(null)).toBe(false);
  });

  it('stays quiet for a snoozed stream', () => {
    expect(hasCriticalUnacknowledged(alarmsOf({ ...critical, snoozedUntil: 'recovery' }))).toBe(false);
  });

  it('loops for a raised critical connection alarm', () => {
    const state = { ...alarmsOf(), connection: { state: 'alarm' as const, alarm: activeAlarm({ type: 'connection' }) } };
    expect(hasCriticalUnacknowledged(state)).toBe(true);
  });
});

describe('the penalty box', () => {
  it('holds the streams in alarm, the most urgent first, and nothing else', () => {
    const byId = new Map([critical, warning, seen, checking, fine].map((h) => [h.streamId, h]));
    const tiles = ['ok', 'ack', 'pend', 'warn', 'crit', 'none'].map((id) => tile(id));
    const entries = penaltyEntries(tiles, (id) => byId.get(id) ?? null);
    expect(entries.map((entry) => entry.key)).toEqual(['crit', 'warn', 'ack']);
  });

  it('shows one stream across the whole wall, and more in ever smaller grids up to 4 x 4', () => {
    expect([0, 1, 2, 4, 5, 9, 10, 16, 40].map(penaltySide)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 4]);
  });
});
