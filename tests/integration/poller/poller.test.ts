import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../src/main/simulator';
import { BintuClient } from '../../../src/main/core/bintu/bintu-client';
import { HttpClient } from '../../../src/main/core/http/http-client';
import { AssetStore } from '../../../src/main/core/assets/asset-store';
import { Poller } from '../../../src/main/core/poller/poller';
import type { WallModel } from '../../../src/main/core/poller/wall-view';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function world(options: SimulatorOptions, secret?: (sim: Simulator) => string) {
  const sim = await startSimulator({ lifecycle: false, seed: 21, ...options });
  const http = new HttpClient();
  const key = secret?.(sim) ?? sim.credentials.find((c) => c.kind === 'apiKey' && c.liveProcessing)?.secret ?? '';
  const client = new BintuClient({ apiBase: sim.baseUrl, credential: { kind: 'apiKey', secret: key }, http });
  const store = new AssetStore(mkdtempSync(join(tmpdir(), 'wall-poller-')));
  const poller = new Poller({ source: client, http, store, listIntervalMs: 5000, detailsIntervalMs: 60_000, quantity: 50, assetLimit: 10 });
  cleanup.push(() => sim.close(), () => http.dispose(), () => poller.dispose());
  poller.start();
  return { sim, poller, store };
}

async function until<T>(probe: () => T | undefined | false, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const thumbnailOf = (model: WallModel, id: string): string | null => {
  const url = model.streams.find((s) => s.id === id)?.variants[0]?.thumbnail?.url;
  return (url && model.assets.get(url)?.name) || null;
};

describe('the poller against the simulator', () => {
  it('fills the wall: every listed stream, with cached pictures the store resolves', async () => {
    const { sim, poller, store } = await world({ streams: 8, groups: 2 });
    const ids = sim.control.listStreams().map((s) => s.id);
    const live = sim.control.listStreams().filter((s) => s.state === 'live').map((s) => s.id);
    const model = await until(() => {
      const m = poller.model();
      return live.every((id) => thumbnailOf(m, id)) && m;
    }, 15_000);
    expect(model.streams.map((s) => s.id).sort()).toEqual([...ids].sort());
    expect(model.connection.status).toBe('online');
    for (const id of live) expect(store.resolve(thumbnailOf(model, id) as string)).not.toBeNull();
  });

  it('a picture that changes in bintu changes in the wall within one interval plus one poll', async () => {
    const { sim, poller } = await world({ streams: 4, groups: 0, thumbIntervalRange: [10, 10] });
    const live = sim.control.listStreams().find((s) => s.state === 'live');
    expect(live).toBeTruthy();
    const id = (live as { id: string }).id;
    const first = await until(() => thumbnailOf(poller.model(), id), 15_000);
    const seenAt = Date.now();
    await until(() => {
      const now = thumbnailOf(poller.model(), id);
      return now !== first && now;
    }, 16_000);
    expect(Date.now() - seenAt).toBeLessThanOrEqual(15_000 + 1000);
  }, 40_000);

  it('a rejected key stops polling: one attempt, the reason, no hammering', async () => {
    const { sim, poller } = await world({ streams: 3 }, () => 'wrong-key');
    await until(() => poller.model().connection.status === 'credential-rejected', 5000);
    const asked = sim.stats().requests.list;
    await new Promise((r) => setTimeout(r, 6000));
    expect(sim.stats().requests.list).toBe(asked);
    expect(poller.model().connection.error?.bintuCode).toBe(4002);
  }, 20_000);

  it('one stream whose details keep failing never stalls the others', async () => {
    const { sim, poller } = await world({ streams: 6, groups: 0 });
    const streams = sim.control.listStreams().filter((s) => s.state === 'live');
    const broken = streams[0] as { id: string };
    sim.control.setStreamFaults(broken.id, { scope: 'both', errorRate: 1 });
    const others = streams.slice(1).map((s) => s.id);
    await until(() => others.every((id) => thumbnailOf(poller.model(), id)), 15_000);
    expect(thumbnailOf(poller.model(), broken.id)).toBeNull();
  });
});
