// Child process for the crash-safety test: writes the wall cache in a loop until killed.
import { AssetStore } from '../../../src/main/core/assets/asset-store';
import { WallCache } from '../../../src/main/core/cache/wall-cache';
import type { Stream } from '../../../src/shared/domain';

const [dir, key] = process.argv.slice(2) as [string, string];
const cache = new WallCache(dir, new AssetStore(dir));
// Every stream of one snapshot carries the same generation: a mix of two would show two.
const snapshot = (generation: number) => ({
  savedAt: generation,
  lastSuccessAt: generation,
  streams: Array.from({ length: 300 }, (_, i): Stream => ({
    id: `s${i}`, streamgroup: null, state: 'live', rawState: 'live', type: null, createdAt: null,
    tags: [`generation:${generation}`], streamname: `n${i}`.repeat(20), variants: [], recordings: [], hasAssets: true,
  })),
  assets: new Map(),
});
let generation = 0;
process.send?.('ready');
for (;;) await cache.save(key, snapshot(++generation));
