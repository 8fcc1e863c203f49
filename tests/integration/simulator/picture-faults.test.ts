import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/main/simulator/index';
import { fakeClock, raw, type StreamJson } from './helpers';
import { colourStats, control, decode, diffBox, frames, livePictured } from './pictures';

// Looks an alarm detector must classify: a "no signal" slate, and a healthy but nearly static scene.
describe('slate and nearly static pictures', () => {
  const clock = fakeClock();
  let sim: Simulator;
  let live: StreamJson[];
  const thumb = (s: StreamJson): string => s.playout.thumbnails![0]!.url;

  beforeAll(async () => {
    sim = await startSimulator({ streams: 12, groups: 2, seed: 5, lifecycle: false, now: clock.now, thumbIntervalRange: [10, 10], motionIntervalRange: [10, 10] });
    live = await livePictured(sim);
  });
  afterEach(async () => {
    expect((await control(sim, 'DELETE', 'faults')).status).toBe(200);
  });
  afterAll(() => sim.close());

  it('uniform: a blue slate of nearly one colour that still gets new versions', async () => {
    const s = live[0]!;
    const card = await colourStats((await raw(thumb(s))).body);
    expect(Math.max(...card.stdev)).toBeGreaterThan(25);
    expect((await control(sim, 'PUT', `streams/${s.id}/faults`, { uniform: true })).status).toBe(200);
    const first = await raw(thumb(s));
    const slate = await colourStats(first.body);
    expect(Math.max(...slate.stdev)).toBeLessThan(12);
    expect(slate.mean[2]! - Math.max(slate.mean[0]!, slate.mean[1]!)).toBeGreaterThan(80);
    clock.advance(10_000);
    const next = await raw(thumb(s), { headers: { 'If-None-Match': String(first.headers.etag) } });
    expect(next.status).toBe(200);
    expect(next.headers['last-modified']).not.toBe(first.headers['last-modified']);
  });

  it('uniform in a colour of choice, globally, on thumbnails and motion clips; cleared, the card is back', async () => {
    expect((await control(sim, 'PUT', 'faults', { uniform: '#808080' })).status).toBe(200);
    for (const s of live.slice(0, 3)) {
      const grey = await colourStats((await raw(thumb(s))).body);
      for (const m of grey.mean) expect(Math.abs(m - 128)).toBeLessThan(6);
      expect(Math.max(...grey.stdev)).toBeLessThan(12);
      const clip = await frames((await raw(s.playout.motionclip![0]!.url)).body);
      expect(clip.every((f) => f.equals(clip[0]!))).toBe(true);
    }
    await control(sim, 'DELETE', 'faults');
    expect(Math.max(...(await colourStats((await raw(thumb(live[0]!))).body)).stdev)).toBeGreaterThan(25);
  });

  it('rejects a slate colour that is not #rrggbb', async () => {
    expect((await control(sim, 'PUT', 'faults', { uniform: 'blue' })).status).toBe(400);
  });

  it('nearlyStatic: consecutive versions differ only in a small clock in the top right corner', async () => {
    const s = live[1]!;
    expect((await control(sim, 'PUT', `streams/${s.id}/faults`, { nearlyStatic: true })).status).toBe(200);
    const first = await raw(thumb(s));
    for (let i = 0; i < 3; i++) {
      clock.advance(10_000);
      const next = await raw(thumb(s));
      expect(next.body.equals(first.body)).toBe(false);
      const box = diffBox(await decode(first.body), await decode(next.body))!;
      expect(box.share).toBeLessThan(0.01);
      expect(box.x0).toBeGreaterThanOrEqual(240);
      expect(box.y1).toBeLessThan(24);
    }
  });

  it('a nearly static motion clip moves only in the same corner', async () => {
    const s = live[1]!;
    await control(sim, 'PUT', `streams/${s.id}/faults`, { nearlyStatic: true });
    clock.advance(10_000);
    const clip = await frames((await raw(s.playout.motionclip![0]!.url)).body);
    const size = { width: 160, height: 90 };
    const boxes = clip.slice(1).map((f) => diffBox({ data: clip[0]!, ...size }, { data: f, ...size }));
    expect(boxes.some((b) => b !== null)).toBe(true);
    for (const b of boxes) if (b) expect([b.x0 >= 100, b.y1 < 16]).toEqual([true, true]);
  });
});
