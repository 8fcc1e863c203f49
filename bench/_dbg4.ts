import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BintuClient } from '../src/main/core/bintu/bintu-client';
import { AssetStore } from '../src/main/core/assets/asset-store';
import { HttpClient } from '../src/main/core/http/http-client';
import { Poller } from '../src/main/core/poller/poller';
import { startSimProcess } from './sim-process';
import { RequestLog } from './request-log';
import { measureFreshness } from './freshness';

const sim = await startSimProcess({ streams: 200, groups: 40, seed: 7, latencyMs: 40, thumbIntervalRange: [10, 60], motionIntervalRange: [30, 120], lifecycle: false });
const http = new HttpClient({ maxSocketsPerHost: 6 });
const log = new RequestLog(http);
const events: { at: number; url: string; status: number; bytes: number }[] = [];
http.onDidRequest((i) => events.push({ at: Date.now(), ...i }));
const poller = new Poller({ source: new BintuClient({ apiBase: sim.baseUrl, credential: { kind: 'apiKey', secret: sim.apiKey }, http }), http, store: new AssetStore(mkdtempSync(join(tmpdir(), 'd4-'))), listIntervalMs: 5000, detailsIntervalMs: 120000, quantity: 250, assetLimit: 10 });
poller.start();
await new Promise((r) => setTimeout(r, 20000));
const start = Date.now();
await new Promise((r) => setTimeout(r, Number(process.argv[2] ?? 150) * 1000));
const end = Date.now();
const versions = await sim.assetVersions(start, end);
const isAsset = (u: string) => u.startsWith(sim.assetBaseUrl);
console.log(JSON.stringify(measureFreshness(versions, log.holds(isAsset), end)));
// per-URL: versions whose first 200 after production came > 5 s late (by size match)
let slowUrls = 0;
const byUrl = new Map<string, typeof versions>();
for (const v of versions) byUrl.set(v.url, [...(byUrl.get(v.url) ?? []), v]);
for (const [url, list] of byUrl) {
  const hits = events.filter((e) => e.url === url);
  const slow = list.filter((v) => { const h = hits.find((e) => e.status === 200 && e.bytes === v.bytes && e.at >= v.producedAt); return h ? h.at - v.producedAt > 5000 : v.producedAt < end - 5000; });
  if (slow.length && slowUrls++ < 4) {
    console.log(`SLOW ${url.slice(-28)} versions ${list.map((x) => `${((x.producedAt - start) / 1000).toFixed(2)}[${x.bytes}]`).join(' ')}`);
    console.log('  fetches', hits.map((e) => `${e.status}@${((e.at - start) / 1000).toFixed(2)}[${e.bytes}]`).join(' '));
  }
}
console.log('urls with slow versions', slowUrls, 'of', byUrl.size);
poller.dispose(); http.dispose(); await sim.close();
