import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/main/simulator/index';
import { fakeClock, getJson, raw, type StreamJson } from './helpers';
import { colourStats, control, livePictured } from './pictures';

const options = { streams: 12, groups: 2, lifecycle: false, thumbIntervalRange: [10, 10] as [number, number], motionIntervalRange: [10, 10] as [number, number] };

/** Lengths of the runs of equal values, first and last run left out (they are cut by the window). */
function innerRuns<T>(values: T[], of: T): number[] {
  const runs: { v: T; n: number }[] = [];
  for (const v of values) {
    const last = runs[runs.length - 1];
    if (last && last.v === v) last.n++;
    else runs.push({ v, n: 1 });
  }
  return runs.slice(1, -1).filter((r) => r.v === of).map((r) => r.n);
}

/** The first live stream's state each second for `seconds`, flapping with `periodS`, from a fresh simulator. */
async function timetable(seed: number, seconds: number, periodS: number): Promise<string[]> {
  const clock = fakeClock();
  const sim = await startSimulator({ ...options, seed, now: clock.now });
  try {
    const id = sim.control.listStreams().find((s) => s.state === 'live')!.id;
    await control(sim, 'PUT', `streams/${id}/faults`, { flapping: { periodS } });
    const out: string[] = [];
    for (let i = 0; i < seconds; i++, clock.advance(1000)) out.push(sim.control.listStreams().find((s) => s.id === id)!.state);
    return out;
  } finally {
    await sim.close();
  }
}

describe('flapping', () => {
  const clock = fakeClock();
  let sim: Simulator;
  let stream: StreamJson;

  beforeAll(async () => {
    sim = await startSimulator({ ...options, seed: 5, now: clock.now });
    stream = (await livePictured(sim))[0]!;
  });
  afterAll(() => sim.close());

  it('a flapping stream reads live and ended in turn, once each per period, and keeps getting pictures', async () => {
    await control(sim, 'PUT', `streams/${stream.id}/faults`, { flapping: { periodS: 20 } });
    const states: string[] = [];
    const etags = new Set<string>();
    for (let i = 0; i < 120; i++, clock.advance(1000)) {
      states.push((await getJson<StreamJson>(sim, `/stream/${stream.id}`)).json.state);
      if (i % 5 === 0) etags.add(String((await raw(stream.playout.thumbnails![0]!.url)).headers.etag));
    }
    const downs = innerRuns(states, 'ended');
    expect(downs.length).toBeGreaterThanOrEqual(5);
    expect(downs.length).toBeLessThanOrEqual(7);
    // Each period of 20 s is down for a seeded 35 to 65 % of it.
    for (const n of downs) expect([n >= 6, n <= 14], `${n} s down`).toEqual([true, true]);
    expect(etags.size).toBeGreaterThanOrEqual(6);
    // The list's state filter agrees with the details at every moment.
    for (let i = 0; i < 20; i++, clock.advance(1000)) {
      const state = (await getJson<StreamJson>(sim, `/stream/${stream.id}`)).json.state;
      const ended = (await getJson<StreamJson[]>(sim, '/stream?state=ended&quantity=100')).json.map((s) => s.id);
      expect(ended.includes(stream.id)).toBe(state === 'ended');
    }
    await control(sim, 'DELETE', `streams/${stream.id}/faults`);
    for (let i = 0; i < 40; i++, clock.advance(1000)) expect((await getJson<StreamJson>(sim, `/stream/${stream.id}`)).json.state).toBe('live');
  });

  it("mode 'black': the stream stays live and its pictures turn black and back", async () => {
    await control(sim, 'PUT', `streams/${stream.id}/faults`, { flapping: { periodS: 20, mode: 'black' } });
    const dark: boolean[] = [];
    for (let i = 0; i < 12; i++, clock.advance(10_000)) {
      expect((await getJson<StreamJson>(sim, `/stream/${stream.id}`)).json.state).toBe('live');
      dark.push(Math.max(...(await colourStats((await raw(stream.playout.thumbnails![0]!.url)).body)).mean) < 8);
    }
    expect(dark).toContain(true);
    expect(dark).toContain(false);
    await control(sim, 'DELETE', `streams/${stream.id}/faults`);
  });

  it('set globally, every live stream flaps on its own phase', async () => {
    await control(sim, 'PUT', 'faults', { flapping: true });
    const live = sim.control.listStreams().filter((s) => s.state === 'live').map((s) => s.id);
    const seen = new Map(live.map((id) => [id, new Set<string>()]));
    const together = new Set<string>();
    for (let i = 0; i < 60; i++, clock.advance(1000)) {
      const now = sim.control.listStreams().filter((s) => seen.has(s.id));
      for (const s of now) seen.get(s.id)!.add(s.state);
      together.add(now.map((s) => s.state).join());
    }
    for (const states of seen.values()) expect([...states].sort()).toEqual(['ended', 'live']);
    // Not one shared timetable: the streams' states do not all move together.
    expect(together.size).toBeGreaterThan(2);
    await control(sim, 'DELETE', 'faults');
  });

  it('the timetable depends only on the seed', async () => {
    const [a, b, c] = [await timetable(3, 90, 15), await timetable(3, 90, 15), await timetable(4, 90, 15)];
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });
});
