import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../src/main/simulator/cli-args';
import { startSimulator, type Simulator } from '../../../src/main/simulator/index';
import { fakeClock, getJson, raw, type StreamJson } from './helpers';
import { control, decode, livePictured } from './pictures';

// A live stream whose pictures are missing or unreadable, as a polling client sees it.
describe('missing and unreadable pictures', () => {
  const clock = fakeClock();
  let sim: Simulator;
  let stream: StreamJson;
  let thumb: string;
  let clip: string;
  const setFaults = (spec: unknown) => control(sim, 'PUT', `streams/${stream.id}/faults`, spec);

  beforeAll(async () => {
    sim = await startSimulator({ streams: 12, groups: 2, seed: 5, lifecycle: false, now: clock.now, thumbIntervalRange: [10, 10], motionIntervalRange: [10, 10] });
    stream = (await livePictured(sim))[0]!;
    thumb = stream.playout.thumbnails![0]!.url;
    clip = stream.playout.motionclip![0]!.url;
  });
  afterEach(async () => {
    expect((await control(sim, 'DELETE', 'faults')).status).toBe(200);
  });
  afterAll(() => sim.close());

  it('thumbnail404: the thumbnail is 404 while the stream is live and lists it; the clip still answers', async () => {
    expect((await setFaults({ thumbnail404: true })).status).toBe(200);
    expect((await raw(thumb)).status).toBe(404);
    expect((await raw(clip)).status).toBe(200);
    const details = (await getJson<StreamJson>(sim, `/stream/${stream.id}`)).json;
    expect([details.state, details.playout.thumbnails?.[0]?.url]).toEqual(['live', thumb]);
    await setFaults({ motionclip404: true });
    expect([(await raw(thumb)).status, (await raw(clip)).status]).toEqual([200, 404]);
    await control(sim, 'DELETE', `streams/${stream.id}/faults`);
    expect([(await raw(thumb)).status, (await raw(clip)).status]).toEqual([200, 200]);
  });

  it('thumbnail404 set globally hits every stream', async () => {
    await control(sim, 'PUT', 'faults', { thumbnail404: true });
    for (const s of (await livePictured(sim)).slice(0, 3)) expect((await raw(s.playout.thumbnails![0]!.url)).status).toBe(404);
  });

  it("unreadable: a well-framed 200 of a cut JPEG, which a decoder refuses", async () => {
    expect((await setFaults({ unreadable: true })).status).toBe(200);
    const res = await raw(thumb);
    expect([res.status, res.headers['content-type'], res.error]).toEqual([200, 'image/jpeg', null]);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.subarray(0, 2).toString('hex')).toBe('ffd8');
    await expect(decode(res.body)).rejects.toThrow();
    await control(sim, 'DELETE', `streams/${stream.id}/faults`);
    expect((await decode((await raw(thumb)).body)).width).toBe(320);
  });

  it("unreadable 'wrongFormat': a GIF behind the .jpg URL and a JPEG behind the .gif URL", async () => {
    await setFaults({ unreadable: 'wrongFormat' });
    const jpg = await raw(thumb);
    expect([jpg.status, jpg.headers['content-type'], jpg.body.subarray(0, 4).toString('latin1')]).toEqual([200, 'image/jpeg', 'GIF8']);
    const gif = await raw(clip);
    expect([gif.status, gif.headers['content-type'], gif.body.subarray(0, 2).toString('hex')]).toEqual([200, 'image/gif', 'ffd8']);
  });

  it('refuses fault values it does not know, and bodies over 64 KB', async () => {
    for (const bad of [{ flapping: { periodS: 0 } }, { frozen: 'sometimes' }, { unreadable: 'yes' }, { flapping: { mode: 'blue' } }]) {
      expect((await setFaults(bad)).status, JSON.stringify(bad)).toBe(400);
    }
    expect((await setFaults({ pad: 'x'.repeat(70_000) })).status).toBe(413);
  });
});

describe('faults from the command line', () => {
  it('--fault sets global and per-stream faults (by list index or id) from start', async () => {
    const options = parseCliArgs(['--streams', '6', '--seed', '2', '--fault', '0:frozen=identical', '--fault', '0:thumbnail404', '--fault', 'uniform=#204080']);
    const sim = await startSimulator(options);
    try {
      const first = sim.control.listStreams()[0]!;
      expect(first.faults).toEqual({ frozen: 'identical', thumbnail404: true });
      expect(sim.control.globalFaults()).toMatchObject({ uniform: '#204080' });
      const listed = JSON.parse((await control(sim, 'GET', 'streams')).body.toString()) as { faults: unknown }[];
      expect(listed[0]!.faults).toEqual({ frozen: 'identical', thumbnail404: true });
    } finally {
      await sim.close();
    }
    await expect(startSimulator({ streams: 3, streamFaults: [{ stream: 9, spec: { black: true } }] })).rejects.toThrow(/no stream at index 9/);
  });
});
