import { describe, expect, it } from 'vitest';
import { fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AssetStore } from '../../../src/main/core/assets/asset-store';
import { cacheKey, WallCache } from '../../../src/main/core/cache/wall-cache';

const ROUNDS = 25;

describe('cache crash safety', () => {
  it('after SIGKILL at random moments the cache always opens with one whole snapshot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wall-crash-'));
    const key = cacheKey('p', 'https://b');
    const cache = new WallCache(dir, new AssetStore(dir));
    let lastGeneration = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const child = fork(resolve('tests/integration/cache/crash-writer.ts'), [dir, key], { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
      await new Promise<void>((ready) => child.once('message', () => ready()));
      await new Promise((r) => setTimeout(r, 30 + Math.random() * 150));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const { snapshot, problem } = await cache.load(key);
      expect(problem).toBeNull();
      if (!snapshot) continue; // killed before its first write completed: nothing, never garbage
      const generations = new Set(snapshot.streams.map((s) => s.tags[0]));
      expect(generations.size).toBe(1);
      expect(snapshot.streams).toHaveLength(300);
      expect(snapshot.savedAt).toBeGreaterThanOrEqual(1);
      lastGeneration = Math.max(lastGeneration, snapshot.savedAt);
    }
    expect(lastGeneration).toBeGreaterThan(0);
  }, 120_000);
});
