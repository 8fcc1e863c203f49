import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type SimulatorOptions } from '../../../src/main/simulator';
import { BintuClient } from '../../../src/main/core/bintu/bintu-client';
import { HttpClient } from '../../../src/main/core/http/http-client';
import { AssetStore } from '../../../src/main/core/assets/asset-store';
import { Poller } from '../../../src/main/core/poller/poller';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function world(options: SimulatorOptions = {}, listIntervalMs = 1000) {
  const sim = await startSimulator({ streams: 6, groups: 0, lifecycle: false, seed: 41, ...options });
  const http = new HttpClient();
  const key = sim.credentials.find((c) => c.kind === 'apiKey' && c.liveProcessing)?.secret ?? '';
  const client = new BintuClient({ apiBase: sim.baseUrl, credential: { kind: 'apiKey', secret: key }, http });
  const poller = new Poller({ source: client, http, store: new AssetStore(mkdtempSync(join(tmpdir(), 'wall-faults-'))), listIntervalMs, detailsIntervalMs: 60_000, quantity: 50, assetLimit: 10 });
  cleanup.push(() => sim.close(), () => http.dispose(), () => poller.dispose());
  poller.start();
  return { sim, poller };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(probe: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(50);
  }
}
const live = (sim: { control: { listStreams(): Array<{ id: string; state: string }> } }) => sim.control.listStreams().filter((s) => s.state === 'live').map((s) => s.id);
const pictured = (poller: Poller, id: string): boolean => {
  const model = poller.model();
  const url = model.streams.find((s) => s.id === id)?.variants[0]?.thumbnail?.url;
  return Boolean(url && model.assets.get(url)?.name);
};

describe('the poller under faults', () => {
  it('honours 429 Retry-After for the whole host: no API request before it expires', async () => {
    const { sim, poller } = await world();
    await until(() => poller.model().connection.status === 'online', 10_000);
    sim.control.setGlobalFaults({ scope: 'api', rateLimitRate: 1, retryAfterS: 4, times: 1 });
    await until(() => poller.model().connection.error?.code === 'rate-limited', 10_000);
    const limitedAt = Date.now();
    // Requests already on the wire when the 429 arrived may still land; none may start after it.
    await sleep(300);
    const asked = sim.stats().requests.list + sim.stats().requests.details;
    await sleep(3200);
    expect(sim.stats().requests.list + sim.stats().requests.details).toBe(asked);
    await until(() => sim.stats().requests.list > asked, 10_000);
    expect(Date.now() - limitedAt).toBeGreaterThanOrEqual(3500);
    await until(() => poller.model().connection.status === 'online', 40_000);
  }, 60_000);

  it('backs off during a 503 storm and recovers when it ends', async () => {
    const { sim, poller } = await world();
    await until(() => poller.model().connection.status === 'online', 10_000);
    sim.control.setGlobalFaults({ scope: 'api', errorRate: 1, errorStatuses: [503], retryAfterS: 0 });
    const before = sim.stats().requests.list;
    await sleep(8000);
    const during = sim.stats().requests.list - before;
    // At a 1 s interval, 8 s would be 8 lists; backing off (1, 2, 4 s ...) makes it 4 or fewer.
    expect(during).toBeLessThanOrEqual(4);
    expect(poller.model().connection.status).toBe('degraded');
    expect(poller.model().streams.length).toBe(6);
    sim.control.setGlobalFaults({});
    await until(() => poller.model().connection.status === 'online', 30_000);
  }, 60_000);

  it('a connection dropped mid-picture affects only that stream', async () => {
    const { sim, poller } = await world({ thumbIntervalRange: [10, 10] });
    const [broken, ...others] = live(sim);
    sim.control.setStreamFaults(broken as string, { scope: 'assets', dropAfterBytes: 100 });
    await until(() => others.every((id) => pictured(poller, id)), 15_000);
    expect(pictured(poller, broken as string)).toBe(false);
    expect(poller.model().connection.status).toBe('online');
  });

  it('malformed JSON is reported and the last good wall stays', async () => {
    const { sim, poller } = await world();
    await until(() => poller.model().streams.length === 6, 5000);
    sim.control.setGlobalFaults({ scope: 'api', malformedJson: true });
    await until(() => poller.model().connection.error?.code === 'malformed-response', 5000);
    expect(poller.model().streams.length).toBe(6);
    expect(poller.model().connection.error?.message).toMatch(/stream/i);
  });

  it('in steady state, with unchanged pictures, no picture bytes are downloaded', async () => {
    const { sim, poller } = await world({ thumbIntervalRange: [10, 10], motionIntervalRange: [10, 10] });
    const ids = live(sim);
    for (const id of sim.control.listStreams().map((s) => s.id)) sim.control.setStreamFaults(id, { scope: 'assets', stalled: true });
    await until(() => ids.every((id) => pictured(poller, id)), 15_000);
    await sleep(1500);
    const bytes = () => sim.stats().bytes.thumbnail + sim.stats().bytes.motionclip;
    const before = { bytes: bytes(), notModified: sim.stats().notModified };
    await sleep(12_000);
    expect(bytes()).toBe(before.bytes);
    expect(sim.stats().notModified).toBeGreaterThan(before.notModified);
  }, 40_000);
});
