import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/main/simulator/index';
import { adminKey, getJson, raw, type StreamJson } from './helpers';

describe('simulated bintu API', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ streams: 60, groups: 10, seed: 5, lifecycle: false });
  });
  afterAll(() => sim.close());

  it('GET /stream returns 50 streams by default, newest first, as JSON', async () => {
    const res = await fetch(`${sim.baseUrl}/stream`, { headers: { 'X-BINTU-APIKEY': adminKey(sim) } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const list = (await res.json()) as StreamJson[];
    expect(list).toHaveLength(50);
    const created = list.map((s) => Date.parse(s.created_at));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect((await getJson<StreamJson[]>(sim, '/stream?quantity=100')).json).toHaveLength(60);
    expect((await getJson<StreamJson[]>(sim, '/stream?quantity=7')).json).toHaveLength(7);
  });

  it('filters by state on the server', async () => {
    const all = (await getJson<StreamJson[]>(sim, '/stream?quantity=100')).json;
    for (const state of ['live', 'ended', 'created']) {
      const filtered = (await getJson<StreamJson[]>(sim, `/stream?quantity=100&state=${state}`)).json;
      expect(filtered.length, state).toBe(all.filter((s) => s.state === state).length);
      expect(filtered.every((s) => s.state === state)).toBe(true);
    }
    expect(all.some((s) => s.state === 'live') && all.some((s) => s.state === 'ended')).toBe(true);
  });

  it('combines repeated tags[] with AND, tags with ":", "/" and spaces URL-encoded', async () => {
    const all = (await getJson<StreamJson[]>(sim, '/stream?quantity=100')).json;
    const withTwo = all.find((s) => s.tags.length >= 2)!;
    const [a, b] = withTwo.tags as [string, string];
    const q = `tags[]=${encodeURIComponent(a)}&tags[]=${encodeURIComponent(b)}`;
    const both = (await getJson<StreamJson[]>(sim, `/stream?quantity=100&${q}`)).json;
    expect(both.map((s) => s.id)).toEqual(all.filter((s) => s.tags.includes(a) && s.tags.includes(b)).map((s) => s.id));
    const onlyA = (await getJson<StreamJson[]>(sim, `/stream?quantity=100&tags[]=${encodeURIComponent(a)}`)).json;
    expect(onlyA.length).toBeGreaterThanOrEqual(both.length);
    const styles = all.flatMap((s) => s.tags);
    expect(styles.some((t) => t.includes(':'))).toBe(true);
    expect(styles.some((t) => t.includes('/'))).toBe(true);
    expect(styles.some((t) => t.includes(' '))).toBe(true);
  });

  it('mixes list items with and without asset arrays, and details always carry them', async () => {
    const list = (await getJson<StreamJson[]>(sim, '/stream?quantity=100&state=live')).json;
    const withAssets = list.filter((s) => s.playout.thumbnails !== undefined);
    const without = list.filter((s) => s.playout.thumbnails === undefined);
    expect(withAssets.length).toBeGreaterThan(0);
    expect(without.length).toBeGreaterThan(0);
    const details = (await getJson<StreamJson>(sim, `/stream/${without[0]!.id}`)).json;
    expect(Array.isArray(details.playout.thumbnails)).toBe(true);
  });

  it('ABR groups list every quality with its own name, settings and pictures', async () => {
    const group = sim.control.listStreams().find((s) => s.isGroup && s.state === 'live')!;
    const d = (await getJson<StreamJson>(sim, `/stream/${group.id}/group`)).json;
    expect(d.playout.h5live.map((v) => v.index)).toEqual([0, 1, 2]);
    const names = new Set(d.playout.thumbnails!.map((t) => t.streamname));
    expect(names.size).toBe(d.playout.thumbnails!.length);
    for (const v of d.playout.h5live) {
      for (const p of v.processing) {
        if (p.id === 'thumbs' || p.id === 'motionclip') expect(p.interval).toBeGreaterThanOrEqual(10);
        if (p.id === 'motionclip') expect(p.duration).toBeLessThanOrEqual(60);
      }
    }
  });

  it('processing settings differ between streams and some processes are off', async () => {
    const list = (await getJson<StreamJson[]>(sim, '/stream?quantity=100')).json;
    const intervals = new Set(list.flatMap((s) => s.playout.h5live.flatMap((v) => v.processing.filter((p) => p.id === 'thumbs').map((p) => p.interval))));
    expect(intervals.size).toBeGreaterThan(3);
    const variants = list.flatMap((s) => s.playout.h5live);
    expect(variants.some((v) => !v.processing.some((p) => p.id === 'motionclip'))).toBe(true);
  });

  it('honours asset_limit on recordings (web[] entries of type vod)', async () => {
    const ids = sim.control.listStreams().filter((s) => s.state === 'ended').map((s) => s.id);
    let best: StreamJson | null = null;
    for (const id of ids) {
      const d = (await getJson<StreamJson>(sim, `/stream/${id}?asset_limit=10`)).json;
      if (!best || d.playout.web.length > best.playout.web.length) best = d;
    }
    const vods = best!.playout.web.filter((w) => w.type === 'vod');
    expect(vods.length).toBeGreaterThan(1);
    const one = (await getJson<StreamJson>(sim, `/stream/${best!.id}?asset_limit=1`)).json;
    expect(one.playout.web.filter((w) => w.type === 'vod')).toHaveLength(1);
    expect(vods[0]!.url).toMatch(/\/vod\/[^/]+\.mp4$/);
  });

  it('rejects a wrong or missing credential with 401 and bintu code 4002', async () => {
    for (const headers of [{ 'X-BINTU-APIKEY': 'not-a-key' }, {}, { 'X-BINTU-TOKEN': 'nope' }] as Record<string, string>[]) {
      const res = await raw(`${sim.baseUrl}/stream`, { headers });
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body.toString()).error.code).toBe(4002);
    }
  });

  it('accepts every role by key and by token for reads; refuses tag changes to nanoReadOnly', async () => {
    const id = sim.control.listStreams()[0]!.id;
    for (const c of sim.credentials.filter((c) => c.liveProcessing)) {
      const header = c.kind === 'apiKey' ? 'X-BINTU-APIKEY' : 'X-BINTU-TOKEN';
      const read = await raw(`${sim.baseUrl}/stream?quantity=1`, { headers: { [header]: c.secret } });
      expect(read.status, `${c.kind} ${c.role}`).toBe(200);
      const put = await raw(`${sim.baseUrl}/stream/${id}/tag`, { method: 'PUT', headers: { [header]: c.secret }, body: '{"tags":["x"]}' });
      expect(put.status, `${c.kind} ${c.role} PUT`).toBe(c.role === 'nanoReadOnly' ? 403 : 200);
      if (put.status === 403) expect(JSON.parse(put.body.toString()).error.code).toBe(2001);
    }
  });

  it('answers the organisation without Live Processing with 403 "Organisation not enabled"', async () => {
    const other = sim.credentials.find((c) => !c.liveProcessing)!;
    const res = await raw(`${sim.baseUrl}/stream`, { headers: { 'X-BINTU-APIKEY': other.secret } });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body.toString()).error.message).toBe('Organisation not enabled');
  });

  it('validates query parameters with 1003 and 1004, and an unknown stream is a 404', async () => {
    const bad = await getJson<{ error: { code: number; userinfo: Record<string, string> } }>(sim, '/stream?state=sleeping');
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe(1004);
    expect(bad.json.error.userinfo.parameter).toBe('state');
    expect((await getJson<{ error: { code: number } }>(sim, '/stream?state=live&state=ended')).json.error.code).toBe(1003);
    const id = sim.control.listStreams()[0]!.id;
    expect((await getJson<{ error: { code: number } }>(sim, `/stream/${id}?asset_limit=-1`)).json.error.code).toBe(1004);
    expect((await getJson(sim, '/stream/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('never echoes the presented key in any answer', async () => {
    const secret = 'a-secret-that-must-not-come-back';
    const res = await raw(`${sim.baseUrl}/stream`, { headers: { 'X-BINTU-APIKEY': secret } });
    expect(res.body.toString()).not.toContain(secret);
    expect(JSON.stringify(res.headers)).not.toContain(secret);
  });
});

describe('seeding', () => {
  it('the same seed serves the same list, credentials and pictures schedule; another seed differs', async () => {
    const opts = { streams: 30, groups: 6, seed: 42, now: () => Date.UTC(2025, 4, 1, 12) };
    const [a, b, c] = await Promise.all([startSimulator(opts), startSimulator(opts), startSimulator({ ...opts, seed: 43 })]);
    try {
      // Ports differ between instances; everything else must be identical.
      const strip = (_s: Simulator, body: string): string => body.replace(/127\.0\.0\.1(:|%3A)\d+/g, 'HOST');
      const listOf = async (s: Simulator): Promise<string> =>
        createHash('sha256').update(strip(s, JSON.stringify((await getJson(s, '/stream?quantity=100')).json))).digest('hex');
      expect(await listOf(a)).toBe(await listOf(b));
      expect(await listOf(a)).not.toBe(await listOf(c));
      expect(a.credentials).toEqual(b.credentials);
      expect(a.credentials).not.toEqual(c.credentials);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });
});
