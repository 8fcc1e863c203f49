import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/main/simulator';
import { BintuClient } from '../../../src/main/core/bintu/bintu-client';
import { HttpClient } from '../../../src/main/core/http/http-client';
import { AssetStore } from '../../../src/main/core/assets/asset-store';
import { Poller } from '../../../src/main/core/poller/poller';

const OUTAGE_MS = 20_000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
async function until(probe: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(25);
  }
}

let sim: Simulator;
let http: HttpClient;
let poller: Poller;
beforeAll(async () => {
  sim = await startSimulator({ streams: 6, groups: 0, lifecycle: false, seed: 43 });
  http = new HttpClient();
  const key = sim.credentials.find((c) => c.kind === 'apiKey' && c.liveProcessing)?.secret ?? '';
  const client = new BintuClient({ apiBase: sim.baseUrl, credential: { kind: 'apiKey', secret: key }, http });
  // A 1 s list interval: after 20 s of outage the back-off alone would wait 16 s more.
  poller = new Poller({ source: client, http, store: new AssetStore(mkdtempSync(join(tmpdir(), 'wall-recovery-'))), listIntervalMs: 1000, detailsIntervalMs: 60_000, quantity: 50, assetLimit: 10 });
  poller.start();
});
afterAll(async () => {
  poller.dispose();
  http.dispose();
  await sim.close();
});

describe('recovery after an outage', () => {
  it('the wall is back within 5 s of bintu answering again, without hammering it while it was down', async () => {
    await until(() => poller.model().connection.status === 'online', 15_000);
    // Every API connection is dropped before a byte of the answer: bintu is unreachable.
    sim.control.setGlobalFaults({ scope: 'api', dropAfterBytes: 0 });
    await until(() => poller.model().connection.status === 'offline', 15_000);
    const downAt = Date.now();
    const asked = sim.stats().requests.list;
    await sleep(OUTAGE_MS);
    const duringOutage = sim.stats().requests.list - asked;
    const upAt = Date.now();
    sim.control.clearFaults();
    await until(() => (poller.model().connection.lastSuccessAt ?? 0) >= upAt && poller.model().connection.status !== 'offline', 15_000);
    const recoveryMs = Date.now() - upAt;
    console.log(`recovery: ${recoveryMs} ms after bintu came back; ${duringOutage} list requests and probes in ${Math.round((upAt - downAt) / 1000)} s of outage`);
    expect(recoveryMs).toBeLessThan(5000);
    // A probe every 3 s plus the backed-off list attempts: a handful, not a storm.
    expect(duringOutage).toBeLessThanOrEqual(Math.ceil(OUTAGE_MS / 3000) + 6);
  }, 60_000);
});
