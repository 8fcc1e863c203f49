import { afterEach, describe, expect, it } from 'vitest';
import { alarmWorld, sleep, type AlarmWorld } from './alarm-world';

/**
 * The connection alarm end to end: bintu answering 503 to everything, bintu gone altogether, and
 * a rejected credential. "Unreachable" lowered to 3 s, overdue to 12 s, so that the outage lasts
 * long enough to show that the overdue rule holds back while the connection alarm speaks.
 */
const worlds: AlarmWorld[] = [];
afterEach(async () => {
  for (const world of worlds.splice(0)) await world.close();
});

async function world(options: Parameters<typeof alarmWorld>[0] = {}): Promise<AlarmWorld> {
  const w = await alarmWorld({ alarms: { connection: { unreachableSeconds: 3 }, overdue: { intervals: 1, graceSeconds: 2 } }, simulator: { streams: 4, seed: 11 }, ...options });
  worlds.push(w);
  return w;
}

describe('the connection alarm', () => {
  it('503 to every request: one critical "connection" alarm, overdue held at pending, cleared when bintu answers again', async () => {
    const w = await world();
    const ids = w.live().map((s) => s.id);
    await w.pictured(ids);
    w.sim.control.setGlobalFaults({ scope: 'both', errorRate: 1, errorStatuses: [503] });
    const alarm = await w.event(null, { type: 'connection', state: 'alarm' }, 30_000);
    expect(alarm).toMatchObject({ severity: 'critical', streamName: 'Test organisation' });
    expect(alarm.detail).toMatch(/^bintu unreachable for \d+ s/);
    // Long enough for every picture to be overdue: one alarm, not one per stream.
    await sleep(16_000);
    expect(w.events.filter((e) => e.type === 'overdue' && e.state === 'alarm')).toEqual([]);
    w.sim.control.clearFaults();
    const cleared = await w.event(null, { type: 'connection', state: 'cleared' }, 30_000);
    expect(cleared.raised).toBe(true);
  }, 90_000);

  it('the simulator stopped: "connection" after the threshold', async () => {
    const w = await world();
    await w.pictured(w.live().map((s) => s.id));
    const stopped = Date.now();
    await w.stopSimulator();
    const alarm = await w.event(null, { type: 'connection', state: 'alarm' }, 30_000);
    expect(Date.parse(alarm.at) - stopped).toBeGreaterThanOrEqual(3_000);
    expect(w.events.filter((e) => e.state === 'alarm' && e.type !== 'connection')).toEqual([]);
  }, 60_000);

  it('a rejected credential is a "connection" alarm at once', async () => {
    const w = await world({ apiKey: 'not-the-key-0123456789' });
    const alarm = await w.event(null, { type: 'connection', state: 'alarm' }, 10_000);
    expect(alarm.detail).toMatch(/^credential rejected/);
    expect(JSON.stringify(w.events)).not.toContain('not-the-key-0123456789');
  });
});
