import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alarmWorld, type AlarmWorld } from './alarm-world';

/**
 * Overdue end to end: a producer that stopped writing (the URL keeps answering with the old
 * picture, 304 to validators) and a thumbnail URL that answers 404 while the stream stays live.
 * Threshold lowered to 1 interval + 2 s (12 s; pending from 1.5 intervals or the first failure).
 */
let world: AlarmWorld;
let stalled = '';
let missing = '';
let healthy = '';
let injectedAt = 0;

beforeAll(async () => {
  world = await alarmWorld({ alarms: { overdue: { intervals: 1, graceSeconds: 2 } }, simulator: { streams: 6, seed: 11 } });
  [stalled, missing, healthy] = world.live().map((s) => s.id) as [string, string, string];
  await world.pictured([stalled, missing, healthy]);
  world.sim.control.setStreamFaults(stalled, { stalled: true });
  world.sim.control.setStreamFaults(missing, { thumbnail404: true });
  injectedAt = Date.now();
}, 60_000);
afterAll(() => world?.close());

describe('overdue alarms from the simulator\'s faults', () => {
  it('stalled: no new version for 1 interval + 2 s raises "overdue"; a new picture clears it', async () => {
    const alarm = await world.event(stalled, { type: 'overdue', state: 'alarm' });
    expect(alarm.detail).toMatch(/^no new picture for \d+ s$/);
    // Not before the threshold: the last new version came at most one interval before the stall.
    expect(Date.parse(alarm.at) - injectedAt).toBeGreaterThan(0);
    world.sim.control.clearStreamFaults(stalled);
    const cleared = await world.event(stalled, { type: 'overdue', state: 'cleared' }, 30_000);
    expect(cleared.raised).toBe(true);
    expect(cleared.alarmId).toBe(alarm.alarmId);
  }, 75_000);

  it('thumbnail404: failing refreshes are "waiting" (pending) at once, then "overdue" with the reason', async () => {
    const alarm = await world.event(missing, { type: 'overdue', state: 'alarm' });
    const pending = world.of(missing).find((e) => e.type === 'overdue' && e.state === 'pending');
    expect(pending).toBeDefined();
    expect(alarm.detail).toMatch(/last refresh failed/);
    expect(world.of(missing).every((e) => e.type === 'overdue')).toBe(true);
  }, 60_000);

  it('the healthy stream and the connection stayed silent', () => {
    expect(world.of(healthy)).toEqual([]);
    expect(world.of(null)).toEqual([]);
  });
});
