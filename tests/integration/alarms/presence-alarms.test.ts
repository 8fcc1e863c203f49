import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alarmWorld, type AlarmWorld } from './alarm-world';

/**
 * Down and gone end to end, from bintu's list (polled every 2 s): a watched stream that ends, an
 * unwatched one that ends (only a note), and streams that vanish (the simulator's `gone` fault).
 */
let world: AlarmWorld;
const ids = { watchedEnds: '', unwatchedEnds: '', vanishes: '', watchedVanishes: '', healthy: '' };

beforeAll(async () => {
  const probe = await alarmWorld({ simulator: { streams: 8, seed: 11 } });
  const live = probe.live().map((s) => s.id);
  await probe.close();
  Object.keys(ids).forEach((key, i) => (ids[key as keyof typeof ids] = live[i] ?? ''));
  // Same seed, same streams: this time with two of them watched.
  world = await alarmWorld({ watch: { streamIds: [ids.watchedEnds, ids.watchedVanishes] }, simulator: { streams: 8, seed: 11 } });
  await world.pictured(Object.values(ids));
}, 60_000);
afterAll(() => world?.close());

describe('presence alarms from bintu\'s list', () => {
  it('down: a watched stream that ends raises a critical "down" at the next list poll', async () => {
    const started = Date.now();
    world.sim.control.setState(ids.watchedEnds, 'ended');
    const alarm = await world.event(ids.watchedEnds, { type: 'down', state: 'alarm' }, 10_000);
    expect(alarm).toMatchObject({ severity: 'critical', detail: 'stream is ended' });
    // The next list poll (every 2 s) sees it; generous for a loaded machine.
    expect(Date.parse(alarm.at) - started).toBeLessThan(10_000);
    // Ended streams expect no pictures: nothing else follows.
    expect(world.of(ids.watchedEnds).map((e) => e.type)).toEqual(['down']);
  });

  it('an unwatched stream that ends is only noted', async () => {
    world.sim.control.setState(ids.unwatchedEnds, 'ended');
    const note = await world.event(ids.unwatchedEnds, { type: 'down', state: 'noted' }, 10_000);
    expect(note.severity).toBe('info');
    await world.event(ids.watchedEnds, { type: 'down', state: 'alarm' });
    expect(world.of(ids.unwatchedEnds).map((e) => e.state)).toEqual(['noted']);
  });

  it('gone: a stream that vanishes raises "gone" and keeps its tile until dismissed', async () => {
    world.sim.control.setStreamFaults(ids.vanishes, { gone: true });
    world.sim.control.setStreamFaults(ids.watchedVanishes, { gone: true });
    const alarm = await world.event(ids.vanishes, { type: 'gone', state: 'alarm' }, 10_000);
    expect(alarm).toMatchObject({ severity: 'warning', detail: 'stream left the list' });
    expect((await world.event(ids.watchedVanishes, { type: 'gone', state: 'alarm' }, 10_000)).severity).toBe('critical');
    // Gone supersedes down: one alarm per vanished stream. Its picture may answer 404 before the
    // list drops it (a loaded machine polls the list late): an overdue "pending" may come and go,
    // never an overdue alarm.
    const events = world.of(ids.vanishes);
    expect(events.filter((e) => e.type !== 'overdue').map((e) => e.type)).toEqual(['gone']);
    expect(events.filter((e) => e.type === 'overdue' && e.state === 'alarm')).toEqual([]);
    const tile = world.connection.view().streams.find((s) => s.streamId === ids.vanishes);
    expect(tile?.gone).toBe(true);
    // The page names the tile by its wall key.
    world.center.dismiss(tile?.id ?? '');
    expect(world.connection.view().streams.some((s) => s.streamId === ids.vanishes)).toBe(false);
  });

  it('the healthy stream stayed silent', () => {
    expect(world.of(ids.healthy)).toEqual([]);
    expect(world.of(null)).toEqual([]);
  });
});
