import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlarmEvent } from '../../../src/shared/alarms';
import { alarmWorld, sleep, type AlarmWorld } from './alarm-world';

/**
 * The picture rules end to end: one simulator, one stream per fault, each injected after the
 * stream's first healthy picture, all judged by one connection built as the app builds it.
 * Thresholds lowered to 2 versions and 5 s; pictures come every 10 s (bintu's floor).
 */
let world: AlarmWorld;
const ids = { frozen: '', black: '', uniform: '', unreadable: '', nearlyStatic: '', healthy: '' };
let injectedAt = 0;

beforeAll(async () => {
  const lowered = { minVersions: 2, minSeconds: 5 };
  world = await alarmWorld({ alarms: { frozen: lowered, black: lowered, uniform: lowered, unreadable: lowered }, simulator: { streams: 10, seed: 11 } });
  const live = world.live();
  if (live.length < 6) throw new Error(`the seed gives only ${live.length} live streams`);
  Object.keys(ids).forEach((key, i) => (ids[key as keyof typeof ids] = live[i]?.id ?? ''));
  await world.pictured(Object.values(ids));
  const { control } = world.sim;
  control.setStreamFaults(ids.frozen, { frozen: true });
  control.setStreamFaults(ids.black, { black: true });
  control.setStreamFaults(ids.uniform, { uniform: true });
  control.setStreamFaults(ids.unreadable, { unreadable: true });
  control.setStreamFaults(ids.nearlyStatic, { nearlyStatic: true });
  injectedAt = Date.now();
}, 60_000);
afterAll(() => world?.close());

/** The alarm on a stream, with what came before it; checks the evidence of a picture fault. */
async function raised(streamId: string, type: AlarmEvent['type']): Promise<AlarmEvent> {
  const alarm = await world.event(streamId, { type, state: 'alarm' });
  const pending = world.of(streamId).find((e) => e.type === type && e.state === 'pending');
  expect(pending, 'pending comes first').toBeDefined();
  expect(Date.parse(pending?.at ?? '')).toBeLessThanOrEqual(Date.parse(alarm.at));
  expect(alarm.severity).toBe('warning');
  return alarm;
}

describe('picture alarms from the simulator\'s faults', () => {
  it('frozen: re-encoded copies of one frame (new bytes, same picture) raise "frozen"', async () => {
    const alarm = await raised(ids.frozen, 'frozen');
    expect(alarm.detail).toMatch(/picture unchanged for [2-9] new version\(s\)/);
    expect(alarm.evidence?.firstBad).toMatch(/^[a-f0-9]{64}\.jpg$/);
  });

  it('black: near-black pictures raise "black", the last good picture kept as evidence', async () => {
    const alarm = await raised(ids.black, 'black');
    expect(alarm.evidence?.lastGood).toMatch(/^[a-f0-9]{64}\.jpg$/);
    expect(alarm.evidence?.firstBad).toMatch(/^[a-f0-9]{64}\.jpg$/);
    expect(alarm.evidence?.lastGood).not.toBe(alarm.evidence?.firstBad);
    // The page gets the pictures' addresses from main, the log keeps names only.
    const shown = world.center.state().streams.find((s) => s.streamId === ids.black || s.streamId.endsWith(`/${ids.black}`))?.alarms.find((a) => a.type === 'black');
    expect(shown?.evidence?.lastGoodSrc).toBe(`wall-asset://cache/${alarm.evidence?.lastGood}`);
    expect(shown?.evidence?.firstBadSrc).toBe(`wall-asset://cache/${alarm.evidence?.firstBad}`);
    expect(alarm.evidence?.lastGoodSrc).toBeUndefined();
    // A black picture is also still: the black rule speaks, frozen stays quiet.
    expect(world.of(ids.black).filter((e) => e.type === 'frozen')).toEqual([]);
  });

  it('uniform: a "no signal" slate raises "uniform", not black and not frozen', async () => {
    await raised(ids.uniform, 'uniform');
    expect(world.of(ids.uniform).every((e) => e.type === 'uniform')).toBe(true);
  });

  it('unreadable: truncated JPEGs raise "unreadable" and the poller goes on', async () => {
    const alarm = await raised(ids.unreadable, 'unreadable');
    expect(alarm.detail).toMatch(/truncated|damaged/);
    expect(world.connection.view()?.connection.status).toBe('online');
  });

  it('nearly static: a picture whose only change is a small clock raises nothing in three versions', async () => {
    // Three new versions after the fault: the frozen rule would have fired after two.
    await sleep(Math.max(0, injectedAt + 33_000 - Date.now()));
    expect(world.of(ids.nearlyStatic)).toEqual([]);
  });

  it('no false alarms: the healthy stream and every other stream stayed silent', () => {
    const injected = new Set([ids.frozen, ids.black, ids.uniform, ids.unreadable]);
    expect(world.events.filter((e) => !injected.has(e.streamId ?? ''))).toEqual([]);
    // Each faulty stream raised only its own type.
    for (const [type, id] of Object.entries(ids)) {
      if (injected.has(id)) expect(world.of(id).every((e) => e.type === type), type).toBe(true);
    }
  });
});
