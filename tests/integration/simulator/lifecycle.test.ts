import { describe, expect, it } from 'vitest';
import { startSimulator } from '../../../src/main/simulator/index';
import { adminKey, fakeClock, getJson, raw, type StreamJson } from './helpers';

describe('streams over time', () => {
  it('go live, end and come back on a seeded schedule, gaining a recording per session', async () => {
    const clock = fakeClock();
    const sim = await startSimulator({ streams: 24, groups: 4, seed: 8, now: clock.now });
    try {
      const history = new Map<string, string[]>();
      const recordings = new Map<string, number[]>();
      for (let minute = 0; minute <= 180; minute += 2) {
        for (const s of sim.control.listStreams()) {
          const seen = history.get(s.id) ?? [];
          if (seen[seen.length - 1] !== s.state) seen.push(s.state);
          history.set(s.id, seen);
        }
        if (minute % 30 === 0) {
          const list = (await getJson<StreamJson[]>(sim, '/stream?quantity=100')).json;
          for (const s of list) {
            const d = (await getJson<StreamJson>(sim, `/stream/${s.id}?asset_limit=50`)).json;
            recordings.set(s.id, [...(recordings.get(s.id) ?? []), d.playout.web.filter((w) => w.type === 'vod').length]);
          }
        }
        clock.advance(120_000);
      }
      const paths = [...history.values()];
      expect(paths.some((p) => p.join(',').includes('live,ended,live'))).toBe(true);
      expect(paths.some((p) => p[0] === 'created' && p.includes('live'))).toBe(true);
      expect(paths.some((p) => p.length === 1 && p[0] === 'locked')).toBe(true);
      for (const p of paths) for (const state of p) expect(['live', 'ended', 'created', 'locked']).toContain(state);
      expect([...recordings.values()].some((counts) => counts[counts.length - 1]! > counts[0]!)).toBe(true);
    } finally {
      await sim.close();
    }
  });

  it('a pinned state holds until released', async () => {
    const clock = fakeClock();
    const sim = await startSimulator({ streams: 12, seed: 8, now: clock.now });
    try {
      const live = sim.control.listStreams().find((s) => s.state === 'live')!;
      sim.control.setState(live.id, 'ended');
      clock.advance(6 * 3600_000);
      expect(sim.control.listStreams().find((s) => s.id === live.id)!.state).toBe('ended');
      sim.control.setState(live.id, 'live');
      const d = (await getJson<StreamJson>(sim, `/stream/${live.id}`)).json;
      expect(d.state).toBe('live');
    } finally {
      await sim.close();
    }
  });

  it('clamps processing intervals to bintu\'s 10 s floor', async () => {
    const sim = await startSimulator({ streams: 10, seed: 1, thumbIntervalRange: [1, 5], motionIntervalRange: [2, 3] });
    try {
      const list = (await getJson<StreamJson[]>(sim, '/stream')).json;
      const intervals = list.flatMap((s) => s.playout.h5live.flatMap((v) => v.processing.filter((p) => p.interval !== undefined).map((p) => p.interval!)));
      expect(intervals.length).toBeGreaterThan(0);
      expect(Math.min(...intervals)).toBe(10);
    } finally {
      await sim.close();
    }
  });
});

describe('demo preset', () => {
  it('has at least 24 streams, some groups, a few ended, and one stream that fails now and then', async () => {
    const sim = await startSimulator({ demo: true, streams: 10 });
    try {
      const streams = sim.control.listStreams();
      expect(streams.length).toBeGreaterThanOrEqual(24);
      expect(streams.filter((s) => s.isGroup).length).toBeGreaterThanOrEqual(3);
      expect(streams.filter((s) => s.state === 'ended').length).toBeGreaterThanOrEqual(2);
      expect(streams.filter((s) => s.state === 'live').length).toBeGreaterThanOrEqual(12);
      const faulty = streams.find((s) => s.faults !== null)!;
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        statuses.push((await raw(`${sim.baseUrl}/stream/${faulty.id}`, { headers: { 'X-BINTU-APIKEY': adminKey(sim) } })).status!);
      }
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(20);
      expect(statuses.some((s) => s >= 500)).toBe(true);
    } finally {
      await sim.close();
    }
  });
});
