import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BintuClient } from '../../../src/main/core/bintu/bintu-client';
import { BOUNDS } from '../../../src/main/core/bintu/bounds';
import { AssetStore, contentHash } from '../../../src/main/core/assets/asset-store';
import { inspectPicture } from '../../../src/main/core/assets/picture-check';
import { HttpClient } from '../../../src/main/core/http/http-client';
import { UrlRules, type UrlRulesOptions } from '../../../src/main/core/http/url-rules';
import { Poller } from '../../../src/main/core/poller/poller';
import { MAX_TILE_VIEW_BYTES, WallViewBuilder } from '../../../src/main/core/poller/wall-view';
import { HOSTILE_KEY, type HostileBintu } from '../../support/hostile/hostile-bintu';
import { startHostileProcess } from '../../support/hostile/hostile-process';
import { watchProcess } from './process-watch';

/** Stated bounds for a hostile bintu: what the process may cost at most. */
const MAX_RSS_MB = 400;
const MAX_STALL_MS = 200;
const QUANTITY = 50;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

let bintu: HostileBintu;
beforeAll(async () => {
  // In a child process: making its floods costs the fixture, not the app whose stalls are measured.
  bintu = await startHostileProcess(100_000);
});
afterAll(() => bintu.close());

/** Runs a poller against the hostile bintu for `ms`, measuring the process and every wall update. */
async function run(rules: UrlRulesOptions, ms: number) {
  const http = new HttpClient();
  const dir = mkdtempSync(join(tmpdir(), 'wall-hostile-'));
  const store = new AssetStore(dir);
  const source = new BintuClient({ apiBase: bintu.base, credential: { kind: 'apiKey', secret: HOSTILE_KEY }, http });
  const poller = new Poller({ source, http, store, listIntervalMs: 2000, detailsIntervalMs: 60_000, quantity: QUANTITY, assetLimit: 10, rules: new UrlRules(bintu.base, rules) });
  const views = new WallViewBuilder((name) => `wall-asset://cache/${name}`, { profileId: 'p1', name: 'Org' });
  let largestUpdate = 0;
  const watch = watchProcess();
  poller.onDidChange(() => (largestUpdate = Math.max(largestUpdate, Buffer.byteLength(JSON.stringify(views.build(poller.model(), http.stats()))))));
  poller.start();
  await sleep(ms);
  const figures = watch.stop();
  console.log(`hostile run: peak RSS ${figures.peakRssMb.toFixed(0)} MB, longest stall ${figures.maxStallMs.toFixed(0)} ms of main-thread work (wall-clock delay ${figures.maxWallDelayMs.toFixed(0)} ms at load ${figures.load.toFixed(1)}), largest update ${(largestUpdate / 1024).toFixed(0)} KB`);
  const model = poller.model();
  poller.dispose();
  const peakBudget = http.budget.peakInUse();
  http.dispose();
  return { model, figures, largestUpdate, peakBudget, budget: http.budget.capacity, store, files: listNames(store.dir) };
}

function listNames(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

describe('a hostile bintu', () => {
  it('with the API base counted as public: 50 bounded streams of 100,000 sent, nothing fetched from loopback, private or link-local addresses', async () => {
    const before = (await bintu.stats()).hits;
    const { model, figures, largestUpdate, files } = await run({ apiClass: 'public', resolve: bintu.resolve }, 8000);
    const after = await bintu.stats();
    // Never more than asked for; megabyte tags fill the list's size budget sooner, which cuts it too.
    expect(model.streams.length).toBeGreaterThan(5);
    expect(model.streams.length).toBeLessThanOrEqual(QUANTITY);
    expect(model.truncated).toBe(true);
    // The list was cut while it was read: the rest of the flood was never taken in.
    expect(after.listItemsSent).toBeLessThan(5000);
    for (const stream of model.streams) {
      expect(stream.tags.length).toBeLessThanOrEqual(BOUNDS.tags);
      expect(stream.tags.every((tag) => tag.length <= BOUNDS.tagLength)).toBe(true);
      expect((stream.streamname ?? '').length).toBeLessThanOrEqual(BOUNDS.name);
      expect(stream.recordings.length).toBeLessThanOrEqual(BOUNDS.recordings);
    }
    expect(model.streams.filter((s) => s.cut?.includes('tags'))).not.toHaveLength(0);
    // Every picture URL is on this computer or a private or link-local address: none was asked for.
    expect((after.hits['pic'] ?? 0) - (before['pic'] ?? 0)).toBe(0);
    expect((after.hits['admin'] ?? 0) - (before['admin'] ?? 0)).toBe(0);
    expect(bintu.lookups).toEqual(expect.arrayContaining(['private.test', 'metadata.test']));
    expect(files).toEqual([]);
    expect(largestUpdate).toBeLessThan(QUANTITY * MAX_TILE_VIEW_BYTES);
    expect(largestUpdate).toBeLessThan(1024 * 1024);
    expect(figures.peakRssMb).toBeLessThan(MAX_RSS_MB);
    expect(figures.maxStallMs).toBeLessThan(MAX_STALL_MS);
    expect(JSON.stringify(model).toLowerCase()).not.toContain(HOSTILE_KEY.toLowerCase());
  }, 60_000);

  it('with the API base on loopback: only real pictures are cached; 100 MB, HTML, JSON and gzip bombs are not, and memory stays in its budget', async () => {
    const { model, figures, peakBudget, budget, store, files } = await run({ resolve: bintu.resolve }, 12_000);
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const bytes = readFileSync(join(store.dir, name));
      expect(`${contentHash(bytes)}.${inspectPicture(bytes)?.ext}`).toBe(name);
    }
    const named = (kind: string): boolean[] =>
      model.streams.flatMap((s) => s.variants.flatMap((v) => [v.thumbnail, v.motionclip])).flatMap((link) => (link && link.url.includes(kind) ? [Boolean(model.assets.get(link.url)?.name)] : []));
    expect(named('good-')).toContain(true);
    for (const kind of ['huge-declared', 'huge-chunked', 'html-picture', 'json-picture', 'bomb-picture', 'sneaky.test', 'private.test', 'metadata.test']) {
      expect(named(kind).some(Boolean), kind).toBe(false);
    }
    expect(peakBudget).toBeLessThanOrEqual(budget);
    expect(figures.peakRssMb).toBeLessThan(MAX_RSS_MB);
    expect(figures.maxStallMs).toBeLessThan(MAX_STALL_MS);
  }, 60_000);
});
