import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/main/simulator/index';
import { adminKey, getJson, raw, type StreamJson } from './helpers';

// What a raw HTTP client sees under each fault.
describe('fault injection', () => {
  let sim: Simulator;
  let liveId: string;
  let otherId: string;
  const api = (path: string, init: Parameters<typeof raw>[1] = {}) =>
    raw(`${sim.baseUrl}${path}`, { ...init, headers: { 'X-BINTU-APIKEY': adminKey(sim), ...init.headers } });

  beforeAll(async () => {
    sim = await startSimulator({ streams: 20, groups: 4, seed: 9, lifecycle: false });
    const live = sim.control.listStreams().filter((s) => s.state === 'live' && !s.isGroup);
    liveId = live[0]!.id;
    otherId = live[1]!.id;
  });
  afterEach(() => sim.control.clearFaults());
  afterAll(() => sim.close());

  it('latency with jitter delays answers within the asked window', async () => {
    sim.control.setGlobalFaults({ latencyMs: 300, jitterMs: 100 });
    const times = await Promise.all([1, 2, 3, 4].map(() => api('/stream?quantity=1')));
    for (const t of times) {
      expect(t.status).toBe(200);
      expect(t.ms).toBeGreaterThanOrEqual(245);
      expect(t.ms).toBeLessThan(1000);
    }
  });

  it('error statuses: 500 with a bintu body, 502 as HTML, 503 with Retry-After', async () => {
    sim.control.setGlobalFaults({ errorRate: 1, errorStatuses: [500] });
    const e500 = await api('/stream');
    expect([e500.status, JSON.parse(e500.body.toString()).error.code]).toEqual([500, 500]);
    sim.control.setGlobalFaults({ errorRate: 1, errorStatuses: [502] });
    const e502 = await api('/stream');
    expect(e502.status).toBe(502);
    expect(e502.headers['content-type']).toBe('text/html');
    expect(() => JSON.parse(e502.body.toString())).toThrow();
    sim.control.setGlobalFaults({ errorRate: 1, errorStatuses: [503], retryAfterS: 4 });
    const e503 = await api('/stream');
    expect([e503.status, e503.headers['retry-after']]).toEqual([503, '4']);
  });

  it('an error rate fails about that share of requests, in a seeded, repeatable order', async () => {
    const run = async (s: Simulator): Promise<number[]> => {
      s.control.setGlobalFaults({ errorRate: 0.3 });
      const out: number[] = [];
      for (let i = 0; i < 60; i++) out.push((await raw(`${s.baseUrl}/stream?quantity=1`, { headers: { 'X-BINTU-APIKEY': adminKey(s) } })).status!);
      return out;
    };
    // Two fresh simulators with one seed see the same decisions for the same request order.
    const one = await startSimulator({ streams: 20, groups: 4, seed: 9, lifecycle: false });
    const twin = await startSimulator({ streams: 20, groups: 4, seed: 9, lifecycle: false });
    try {
      const [a, b] = [await run(one), await run(twin)];
      expect(a).toEqual(b);
      const failed = a.filter((s) => s >= 500).length;
      expect(failed).toBeGreaterThan(6);
      expect(failed).toBeLessThan(36);
      expect(new Set(a.filter((s) => s >= 500)).size).toBeGreaterThan(1);
    } finally {
      await Promise.all([one.close(), twin.close()]);
    }
  });

  it('429 carries Retry-After', async () => {
    sim.control.setGlobalFaults({ rateLimitRate: 1, retryAfterS: 7 });
    const res = await api('/stream');
    expect([res.status, res.headers['retry-after']]).toEqual([429, '7']);
  });

  it('a connection dropped mid-response leaves the client a short body and an error', async () => {
    sim.control.setGlobalFaults({ dropAfterBytes: 100 });
    const res = await api('/stream');
    expect(res.status).toBe(200);
    expect(Number(res.headers['content-length'])).toBeGreaterThan(100);
    expect(res.body.length).toBe(100);
    expect(res.error).not.toBeNull();
  });

  it('a download dropped at byte N can be resumed with a Range request', async () => {
    const d = (await getJson<StreamJson>(sim, `/stream/${liveId}`)).json;
    const url = d.playout.web.find((w) => w.type === 'vod')!.url;
    sim.control.setStreamFaults(liveId, { dropAfterBytes: 5000, times: 1 });
    const first = await raw(url);
    expect(first.body.length).toBe(5000);
    expect(first.error).not.toBeNull();
    const rest = await raw(url, { headers: { Range: 'bytes=5000-' } });
    expect(rest.status).toBe(206);
    const full = await raw(url);
    const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
    expect(sha(Buffer.concat([first.body, rest.body]))).toBe(sha(full.body));
  });

  it('malformed JSON: a 200 whose body does not parse', async () => {
    sim.control.setGlobalFaults({ malformedJson: true });
    const res = await api('/stream');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(() => JSON.parse(res.body.toString())).toThrow();
  });

  it('truncated JSON: a complete response whose JSON is cut short', async () => {
    const whole = (await api('/stream?quantity=3')).body.toString();
    sim.control.setGlobalFaults({ truncatedJson: true });
    const res = await api('/stream?quantity=3');
    expect(res.error).toBeNull();
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(whole.startsWith(res.body.toString())).toBe(true);
    expect(() => JSON.parse(res.body.toString())).toThrow();
  });

  it('a slow body arrives complete, but slowly', async () => {
    sim.control.setStreamFaults(liveId, { slowBodyBytesPerSec: 4000 });
    const res = await api(`/stream/${liveId}`);
    expect(res.body.length).toBeGreaterThan(2000);
    expect(res.ms).toBeGreaterThanOrEqual((res.body.length / 4000) * 1000 - 150);
    expect(JSON.parse(res.body.toString()).id).toBe(liveId);
  });

  it('stream faults hit only that stream; a vanished stream is gone from list, details and assets', async () => {
    const d = (await getJson<StreamJson>(sim, `/stream/${liveId}`)).json;
    sim.control.setStreamFaults(liveId, { errorRate: 1, errorStatuses: [500] });
    expect((await api(`/stream/${liveId}`)).status).toBe(500);
    expect((await api(`/stream/${otherId}`)).status).toBe(200);
    sim.control.setStreamFaults(liveId, { gone: true });
    const list = JSON.parse((await api('/stream?quantity=100')).body.toString()) as { id: string }[];
    expect(list.map((s) => s.id)).not.toContain(liveId);
    expect((await api(`/stream/${liveId}`)).status).toBe(404);
    expect((await raw(d.playout.thumbnails![0]!.url)).status).toBe(404);
    sim.control.clearStreamFaults(liveId);
    expect((await api(`/stream/${liveId}`)).status).toBe(200);
  });

  it('`times` limits a fault to the next N requests; global faults leave assets alone by default', async () => {
    const d = (await getJson<StreamJson>(sim, `/stream/${liveId}`)).json;
    sim.control.setGlobalFaults({ errorRate: 1, errorStatuses: [502], times: 2 });
    expect((await raw(d.playout.thumbnails![0]!.url)).status).toBe(200);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await api('/stream?quantity=1')).status);
    expect(statuses).toEqual([502, 502, 200]);
    sim.control.setGlobalFaults({ errorRate: 1, errorStatuses: [503], scope: 'assets' });
    expect((await raw(d.playout.thumbnails![0]!.url)).status).toBe(503);
    expect((await api('/stream?quantity=1')).status).toBe(200);
  });
});

describe('control routes over HTTP', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ streams: 10, groups: 2, seed: 4, lifecycle: false });
  });
  afterAll(() => sim.close());
  const control = (method: string, path: string, body?: unknown) =>
    raw(`${sim.baseUrl}/_sim/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });

  it('list streams, set and clear faults, force a state, bump a picture', async () => {
    const streams = JSON.parse((await control('GET', 'streams')).body.toString()) as { id: string; state: string }[];
    expect(streams).toHaveLength(10);
    const live = streams.find((s) => s.state === 'live')!;
    expect((await control('PUT', 'faults', { errorRate: 1, errorStatuses: [503], retryAfterS: 2 })).status).toBe(200);
    const failing = await raw(`${sim.baseUrl}/stream`, { headers: { 'X-BINTU-APIKEY': adminKey(sim) } });
    expect([failing.status, failing.headers['retry-after']]).toEqual([503, '2']);
    expect((await control('DELETE', 'faults')).status).toBe(200);
    expect((await control('PUT', `streams/${live.id}/state`, { state: 'ended' })).status).toBe(200);
    const ended = (await getJson<StreamJson[]>(sim, '/stream?state=ended&quantity=100')).json;
    expect(ended.map((s) => s.id)).toContain(live.id);
    const d = (await getJson<StreamJson>(sim, `/stream/${live.id}`)).json;
    const before = await raw(d.playout.thumbnails![0]!.url);
    expect((await control('POST', `streams/${live.id}/thumbnail`)).status).toBe(200);
    const after = await raw(d.playout.thumbnails![0]!.url, { headers: { 'If-None-Match': String(before.headers.etag) } });
    expect(after.status).toBe(200);
    expect((await control('PUT', `streams/${live.id}/state`, { state: null })).status).toBe(200);
    expect(sim.control.listStreams().find((s) => s.id === live.id)!.state).toBe('live');
  });

  it('rejects bad bodies and unknown streams, and is not counted as API traffic', async () => {
    expect((await control('PUT', 'faults', { errorRate: 3 })).status).toBe(400);
    expect((await control('PUT', 'faults', { nonsense: true })).status).toBe(400);
    expect((await control('POST', 'streams/nope/thumbnail')).status).toBe(404);
    const stats = JSON.parse((await control('GET', 'stats')).body.toString()) as { requests: Record<string, number> };
    expect(stats.requests.other).toBe(0);
  });
});
