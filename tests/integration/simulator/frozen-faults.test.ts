import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/main/simulator/index';
import { fakeClock, raw, type StreamJson } from './helpers';
import { control, decode, diffBox, frames, livePictured, meanDiff } from './pictures';

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const modified = (r: { headers: Record<string, unknown> }): number => Date.parse(String(r.headers['last-modified']));

// Two ways a picture stops moving, as a polling client sees them: a frozen camera whose producer
// keeps writing new files, and a stalled producer that writes nothing.
describe('frozen and stalled pictures', () => {
  const clock = fakeClock();
  let sim: Simulator;
  let stream: StreamJson;
  let healthy: StreamJson;
  const thumb = (s: StreamJson): string => s.playout.thumbnails![0]!.url;
  const setFaults = (spec: unknown) => control(sim, 'PUT', `streams/${stream.id}/faults`, spec);

  beforeAll(async () => {
    sim = await startSimulator({ streams: 12, groups: 2, seed: 5, lifecycle: false, now: clock.now, thumbIntervalRange: [10, 10], motionIntervalRange: [10, 10] });
    [stream, healthy] = (await livePictured(sim)) as [StreamJson, StreamJson];
  });
  afterEach(async () => {
    expect((await control(sim, 'DELETE', `streams/${stream.id}/faults`)).status).toBe(200);
  });
  afterAll(() => sim.close());

  it('frozen: a new version every interval, re-encoded so bytes differ, showing the same frame', async () => {
    expect((await setFaults({ frozen: true })).status).toBe(200);
    const first = await raw(thumb(stream));
    const seen = [first];
    for (let i = 0; i < 3; i++) {
      clock.advance(10_000);
      const next = await raw(thumb(stream), { headers: { 'If-None-Match': String(seen[seen.length - 1]!.headers.etag) } });
      expect(next.status).toBe(200);
      expect(modified(next)).toBeGreaterThan(modified(seen[seen.length - 1]!));
      seen.push(next);
    }
    expect(new Set(seen.map((r) => sha(r.body))).size).toBe(seen.length);
    const pictures = await Promise.all(seen.map((r) => decode(r.body)));
    // Encoder noise only: small on average, and nowhere a visible change.
    for (const p of pictures.slice(1)) {
      expect(meanDiff(pictures[0]!, p)).toBeLessThan(2.5);
      expect(diffBox(pictures[0]!, p, 32)?.share ?? 0).toBeLessThan(0.002);
    }
    // A healthy stream over the same interval moves well beyond that.
    const h0 = await decode((await raw(thumb(healthy))).body);
    clock.advance(10_000);
    const h1 = await decode((await raw(thumb(healthy))).body);
    expect(meanDiff(h0, h1)).toBeGreaterThan(3);
    expect(diffBox(h0, h1, 32)!.share).toBeGreaterThan(0.01);
  });

  it("frozen 'identical': new ETag and Last-Modified every interval, byte-identical pictures", async () => {
    expect((await setFaults({ frozen: 'identical' })).status).toBe(200);
    const first = await raw(thumb(stream));
    clock.advance(10_000);
    const second = await raw(thumb(stream));
    clock.advance(10_000);
    const third = await raw(thumb(stream), { headers: { 'If-None-Match': String(second.headers.etag) } });
    expect(third.status).toBe(200);
    expect(new Set([first, second, third].map((r) => r.headers.etag)).size).toBe(3);
    expect(modified(third)).toBeGreaterThan(modified(second));
    expect(sha(second.body)).toBe(sha(first.body));
    expect(sha(third.body)).toBe(sha(first.body));
  });

  it('a frozen motion clip repeats one frame; cleared, pictures move again', async () => {
    const clip = stream.playout.motionclip![0]!.url;
    await setFaults({ frozen: true });
    clock.advance(10_000);
    const still = await frames((await raw(clip)).body);
    expect(still.length).toBeGreaterThan(1);
    for (const f of still) expect(f.equals(still[0]!)).toBe(true);
    await control(sim, 'DELETE', `streams/${stream.id}/faults`);
    clock.advance(10_000);
    const moving = await frames((await raw(clip)).body);
    expect(moving.some((f) => !f.equals(moving[0]!))).toBe(true);
  });

  it('stalled: the old bytes and Last-Modified, 304 to either validator, until cleared', async () => {
    expect((await setFaults({ stalled: true })).status).toBe(200);
    const before = await raw(thumb(stream));
    clock.advance(50_000);
    const again = await raw(thumb(stream));
    expect([again.status, again.headers.etag, again.headers['last-modified']]).toEqual([200, before.headers.etag, before.headers['last-modified']]);
    expect(sha(again.body)).toBe(sha(before.body));
    expect((await raw(thumb(stream), { headers: { 'If-None-Match': String(before.headers.etag) } })).status).toBe(304);
    expect((await raw(thumb(stream), { headers: { 'If-Modified-Since': String(before.headers['last-modified']) } })).status).toBe(304);
    await control(sim, 'DELETE', `streams/${stream.id}/faults`);
    const after = await raw(thumb(stream), { headers: { 'If-None-Match': String(before.headers.etag) } });
    expect(after.status).toBe(200);
    expect(modified(after)).toBeGreaterThan(modified(before));
  });

  it('the same seed and clock give the same frozen bytes', async () => {
    const run = async (): Promise<string[]> => {
      const c = fakeClock();
      const s = await startSimulator({ streams: 12, groups: 2, seed: 5, lifecycle: false, now: c.now, thumbIntervalRange: [10, 10], motionIntervalRange: [10, 10] });
      try {
        await control(s, 'PUT', `streams/${stream.id}/faults`, { frozen: true });
        const out: string[] = [];
        for (let i = 0; i < 3; i++, c.advance(10_000)) out.push(sha((await raw(thumb(stream).replace(sim.assetBaseUrl, s.assetBaseUrl))).body));
        return out;
      } finally {
        await s.close();
      }
    };
    expect(await run()).toEqual(await run());
  });
});
