import { describe, expect, it } from 'vitest';
import { Schedule } from '../../../src/main/simulator/schedule';
import { buildWorld, type WorldOptions } from '../../../src/main/simulator/world';

const START = Date.UTC(2025, 2, 3, 8);
const options = (over: Partial<WorldOptions> = {}): WorldOptions => ({
  seed: 6, streams: 30, groups: 6, startMs: START, lifecycle: true, demo: false,
  thumbIntervalRange: [10, 60], motionIntervalRange: [30, 120], ...over,
});

describe('schedule', () => {
  it('is a pure function of seed and time: two schedules agree on every answer', () => {
    const a = new Schedule(buildWorld(options()), 6, START, true);
    const b = new Schedule(buildWorld(options()), 6, START, true);
    for (let t = START; t < START + 4 * 3600_000; t += 97_000) {
      a.streams.forEach((s, i) => {
        const s2 = b.streams[i]!;
        expect(a.stateAt(s, t)).toBe(b.stateAt(s2, t));
        expect(a.version(s, s.variants[0]!, 'thumbnail', t)).toEqual(b.version(s2, s2.variants[0]!, 'thumbnail', t));
      });
    }
  });

  it('thumbnail versions only grow, advance once per interval while live, and hold while ended', () => {
    const sch = new Schedule(buildWorld(options()), 6, START, true);
    for (const stream of sch.streams) {
      const v = stream.variants[0]!;
      if (!v.thumbs) continue;
      let prev = -Infinity;
      for (let t = START; t < START + 3 * 3600_000; t += 5_000) {
        const info = sch.version(stream, v, 'thumbnail', t);
        if (!info) continue;
        expect(info.version).toBeGreaterThanOrEqual(prev);
        expect(info.producedAt).toBeLessThanOrEqual(t);
        if (sch.stateAt(stream, t) === 'live' && sch.stateAt(stream, t - v.thumbs.intervalS * 1000) === 'live') {
          expect(t - info.producedAt).toBeLessThan(v.thumbs.intervalS * 1000);
        }
        prev = info.version;
      }
    }
  });

  it('versionsProduced agrees with version() at each produced instant', () => {
    const sch = new Schedule(buildWorld(options()), 6, START, true);
    const stream = sch.streams.find((s) => s.variants[0]!.thumbs && sch.stateAt(s, START) === 'live')!;
    const v = stream.variants[0]!;
    const produced = sch.versionsProduced(stream, v, 'thumbnail', START, START + 600_000);
    expect(produced.length).toBeGreaterThan(5);
    for (const p of produced) expect(sch.version(stream, v, 'thumbnail', p.producedAt)).toEqual(p);
  });

  it('a stalled stream keeps its version; a bump adds one at once', () => {
    const sch = new Schedule(buildWorld(options({ lifecycle: false })), 6, START, false);
    const stream = sch.streams.find((s) => s.variants[0]!.thumbs && sch.stateAt(s, START) === 'live')!;
    const v = stream.variants[0]!;
    const at = sch.version(stream, v, 'thumbnail', START)!;
    sch.mark('stalled', stream.id, START);
    expect(sch.version(stream, v, 'thumbnail', START + 3600_000)).toEqual(at);
    sch.mark('stalled', stream.id, null);
    sch.bump(v, 'thumbnail', START + 1);
    expect(sch.version(stream, v, 'thumbnail', START + 1)!.version).toBe(at.version + 1);
  });

  it('while flapping, versions only grow and every picture is taken at a live moment', () => {
    const sch = new Schedule(buildWorld(options({ lifecycle: false, thumbIntervalRange: [10, 10] })), 6, START, false);
    const stream = sch.streams.find((s) => s.variants[0]!.thumbs && sch.stateAt(s, START) === 'live')!;
    const v = stream.variants[0]!;
    sch.flaps.set(stream.id, START, { periodS: 10 });
    let prev = sch.version(stream, v, 'thumbnail', START)!;
    const states = new Set<string>();
    for (let t = START; t < START + 600_000; t += 700) {
      const info = sch.version(stream, v, 'thumbnail', t)!;
      expect(info.version).toBeGreaterThanOrEqual(prev.version);
      expect(sch.stateAt(stream, info.producedAt)).toBe('live');
      states.add(sch.stateAt(stream, t));
      prev = info;
    }
    expect([...states].sort()).toEqual(['ended', 'live']);
    expect(sch.versionsProduced(stream, v, 'thumbnail', START, START + 600_000).length).toBeGreaterThan(30);
  });

  it('without a lifecycle the state at start holds for ever', () => {
    const sch = new Schedule(buildWorld(options({ lifecycle: false })), 6, START, false);
    for (const s of sch.streams) expect(sch.stateAt(s, START + 30 * 24 * 3600_000)).toBe(sch.stateAt(s, START));
  });
});
