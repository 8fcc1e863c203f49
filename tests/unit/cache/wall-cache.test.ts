import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, writeFileSync, mkdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssetStore } from '../../../src/main/core/assets/asset-store';
import { cacheKey, WallCache } from '../../../src/main/core/cache/wall-cache';
import { enforceCacheCap } from '../../../src/main/core/cache/cache-janitor';
import type { Stream } from '../../../src/shared/domain';

const stream = (id: string): Stream => ({
  id, streamgroup: null, state: 'live', rawState: 'live', type: null, createdAt: null, tags: ['a'], streamname: `org-${id}`,
  variants: [], recordings: [], hasAssets: true,
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'wall-cache-'));
  const store = new AssetStore(dir);
  return { dir, store, cache: new WallCache(dir, store), key: cacheKey('profile-1', 'https://bintu.example') };
}

describe('the wall cache', () => {
  it('gives back the wall it saved, pictures included', async () => {
    const { store, cache, key } = setup();
    const name = await store.put(Buffer.from('jpeg bytes'), 'jpg');
    const record = { url: 'https://vod/x.jpg', name, etag: '"1"', lastModified: null, producedAt: 5, fetchedAt: 6, changedAt: 5 };
    await cache.save(key, { savedAt: 10, lastSuccessAt: 9, streams: [stream('s1'), stream('s2')], assets: new Map([[record.url, record]]) });
    const { snapshot, problem } = await cache.load(key);
    expect(problem).toBeNull();
    expect(snapshot?.streams.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(snapshot?.assets.get(record.url)?.name).toBe(name);
    expect(snapshot?.lastSuccessAt).toBe(9);
  });

  it('sets a damaged snapshot aside and starts empty, never failing', async () => {
    const { dir, cache, key } = setup();
    mkdirSync(join(dir, 'walls'), { recursive: true });
    for (const garbage of ['{"format":1,"savedAt":', '\u0000\u0001garbage', '[]', '{"format":99}']) {
      writeFileSync(join(dir, 'walls', `${key}.json`), garbage);
      const { snapshot, problem } = await cache.load(key);
      expect(snapshot).toBeNull();
      expect(problem).toMatch(/damaged/);
      expect(existsSync(join(dir, 'walls', `${key}.json.damaged`))).toBe(true);
    }
  });

  it('drops unreadable streams one by one and forgets pictures whose file is gone', async () => {
    const { dir, cache, key } = setup();
    mkdirSync(join(dir, 'walls'), { recursive: true });
    const missing = `${'b'.repeat(64)}.jpg`;
    writeFileSync(join(dir, 'walls', `${key}.json`), JSON.stringify({
      format: 1, savedAt: 1, lastSuccessAt: null,
      streams: [stream('ok'), { id: 3 }, 'nonsense'],
      assets: [{ url: 'u', name: missing, etag: null, lastModified: null, producedAt: null, fetchedAt: 1, changedAt: 1 }, { url: 5 }],
    }));
    const { snapshot, problem } = await cache.load(key);
    expect(snapshot?.streams.map((s) => s.id)).toEqual(['ok']);
    expect(problem).toMatch(/2 cached stream/);
    expect(snapshot?.assets.get('u')?.name).toBeNull();
    expect(snapshot?.assets.size).toBe(1);
  });
});

describe('the cache size cap', () => {
  it('evicts least recently used pictures first and never one a wall still shows', async () => {
    const { dir, store, cache } = setup();
    const names: string[] = [];
    for (let i = 0; i < 6; i++) {
      const name = await store.put(Buffer.alloc(1000, i), 'jpg');
      utimesSync(join(store.dir, name), 1000 + i, 1000 + i);
      names.push(name);
    }
    const inUse = new Set([names[0] as string]);
    await cache.save(cacheKey('other', 'https://b'), { savedAt: 1, lastSuccessAt: null, streams: [], assets: new Map([['u', { url: 'u', name: names[1] as string, etag: null, lastModified: null, producedAt: null, fetchedAt: 1, changedAt: 1 }]]) });
    const report = await enforceCacheCap(store.dir, join(dir, 'walls'), 3500, inUse);
    const left = readdirSync(store.dir).sort();
    expect(report.totalBytes).toBeLessThanOrEqual(3500);
    expect(left).toContain(names[0]);
    expect(left).toContain(names[1]);
    expect(left).not.toContain(names[2]);
    expect(left).not.toContain(names[3]);
    expect(left).toContain(names[5]);
  });
});
