import { describe, expect, it } from 'vitest';
import { AlarmsState } from '../../../src/renderer/src/lib/state/alarms-state.svelte';
import { SettingsState } from '../../../src/renderer/src/lib/state/settings-state.svelte';
import { activeAlarm, alarmEvent, alarmsOf, healthOf } from './alarm-fixtures';
import { FakeBridge } from './fake-bridge';
import { mountReader } from './reader.svelte';
import { settingsWith, UNREADABLE } from './state-fixtures';

describe('AlarmsState', () => {
  it('mirrors main while followed: the first answer, then every push, with each stream looked up by id', async () => {
    const bridge = new FakeBridge();
    const alarms = new AlarmsState(bridge);
    const health = mountReader(() => alarms.health('s1')?.state ?? 'none');
    // Tiles read their health without attaching main's listener; the wall follows once.
    expect(bridge.asked('alarms:get')).toBe(0);
    const reader = mountReader(() => {
      alarms.follow();
      return { count: alarms.unacknowledged, s1: alarms.health('s1')?.state ?? 'none' };
    });
    await bridge.answer('alarms:get', alarmsOf(healthOf('s1')));
    expect(reader.latest()).toEqual({ count: 0, s1: 'ok' });
    bridge.push('alarms:changed', alarmsOf(healthOf('s1', [activeAlarm()])));
    expect(reader.latest()).toEqual({ count: 1, s1: 'alarm' });
    expect(health.latest()).toBe('alarm');
    await reader.stop();
    await health.stop();
    expect(bridge.listeners('alarms:changed')).toBe(0);
  });

  it('keeps the health object of a stream that did not change, so its tile is not drawn again', async () => {
    const bridge = new FakeBridge();
    const alarms = new AlarmsState(bridge);
    const reader = mountReader(() => {
      alarms.follow();
      return [alarms.health('calm'), alarms.health('busy')] as const;
    });
    await bridge.answer('alarms:get', alarmsOf(healthOf('calm'), healthOf('busy')));
    const [calm, busy] = reader.latest();
    bridge.push('alarms:changed', alarmsOf(healthOf('calm'), healthOf('busy', [activeAlarm()])));
    const [calmAfter, busyAfter] = reader.latest();
    expect(calmAfter).toBe(calm);
    expect(busyAfter).not.toBe(busy);
    await reader.stop();
  });

  it('sends the operator commands by id and says when main refuses one', async () => {
    const bridge = new FakeBridge();
    const alarms = new AlarmsState(bridge);
    const acknowledged = alarms.acknowledge('a1');
    expect(bridge.request('alarms:acknowledge')).toEqual({ id: 'a1' });
    await bridge.refuse('alarms:acknowledge', { code: 'not-found', message: 'That alarm is no longer open.' });
    expect(await acknowledged).toBe(false);
    expect(alarms.failure).toEqual({ action: 'acknowledge', error: { code: 'not-found', message: 'That alarm is no longer open.' } });

    const snoozed = alarms.snooze('s1', '1h');
    expect(bridge.request('alarms:snooze')).toEqual({ streamId: 's1', for: '1h' });
    await bridge.answer('alarms:snooze', null);
    expect(await snoozed).toBe(true);
    expect(alarms.failure).toBeNull();

    const dismissed = alarms.dismiss('gone-1');
    expect(bridge.request('alarms:dismiss')).toEqual({ streamId: 'gone-1' });
    await bridge.answer('alarms:dismiss', null);
    expect(await dismissed).toBe(true);
  });

  it('reads the log and exports it, null when cancelled or refused', async () => {
    const bridge = new FakeBridge();
    const alarms = new AlarmsState(bridge);
    const history = alarms.history(24);
    expect(bridge.request('alarms:history')).toEqual({ sinceHours: 24 });
    await bridge.answer('alarms:history', [alarmEvent()]);
    expect((await history)?.map((event) => event.id)).toEqual(['e1']);

    const cancelled = alarms.exportCsv(24);
    await bridge.answer('alarms:export-csv', { path: null });
    expect(await cancelled).toBeNull();
    const refused = alarms.exportCsv(24);
    await bridge.refuse('alarms:export-csv', UNREADABLE);
    expect(await refused).toBeNull();
    expect(alarms.failure?.action).toBe('export');
  });

  it('hands alarm events and notification clicks to their listeners until they stop', () => {
    const bridge = new FakeBridge();
    const alarms = new AlarmsState(bridge);
    const heard: string[] = [];
    const off = alarms.onEvent((event) => heard.push(event.id));
    const offReveal = alarms.onReveal((streamId) => heard.push(`reveal ${streamId}`));
    bridge.push('alarms:event', alarmEvent({ id: 'e7' }));
    bridge.push('alarms:reveal', { streamId: 's3' });
    off();
    offReveal();
    bridge.push('alarms:event', alarmEvent({ id: 'e8' }));
    expect(heard).toEqual(['e7', 'reveal s3']);
  });
});

describe('watching through settings', () => {
  it('marks a stream or a tag watched and takes main’s new settings', async () => {
    const bridge = new FakeBridge();
    const settings = new SettingsState(bridge);
    const reader = mountReader(() => settings.view?.watch.tags ?? null);
    await bridge.answer('settings:get', settingsWith());
    const done = settings.setWatched({ tag: 'casino' }, true);
    expect(bridge.request('watch:set')).toEqual({ tag: 'casino', watched: true });
    await bridge.answer('watch:set', settingsWith({ watch: { streamIds: [], tags: ['casino'] } }));
    expect((await done).ok).toBe(true);
    expect(reader.latest()).toEqual(['casino']);
    await reader.stop();
  });
});
