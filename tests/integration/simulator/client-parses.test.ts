import { describe, expect, it } from 'vitest';
import { normaliseStream, normaliseStreamList } from '../../../src/main/core/bintu/normalise';
import { startSimulator } from '../../../src/main/simulator/index';
import { fakeClock, getJson, type StreamJson } from './helpers';

// The app's own parser reads everything the simulator serves, over a simulated day of lifecycle.
describe('the app client parses everything the simulator serves', () => {
  it('list items and details of every stream, with variants, pictures and recordings intact', async () => {
    const clock = fakeClock();
    const sim = await startSimulator({ streams: 40, groups: 8, seed: 21, now: clock.now });
    try {
      for (let hour = 0; hour < 24; hour += 6) {
        const list = (await getJson<StreamJson[]>(sim, '/stream?quantity=100')).json;
        const parsed = normaliseStreamList(list);
        expect(parsed.skipped).toBe(0);
        expect(parsed.streams).toHaveLength(list.length);
        for (const [i, item] of list.entries()) {
          const s = parsed.streams[i]!;
          expect(s.state).not.toBe('unknown');
          expect(s.hasAssets).toBe(item.playout.thumbnails !== undefined);
          const details = (await getJson<StreamJson>(sim, `/stream/${item.id}?asset_limit=10`)).json;
          const d = normaliseStream(details)!;
          expect(d.id).toBe(item.id);
          expect(d.variants.map((v) => v.index)).toEqual(details.playout.h5live.map((v) => v.index));
          expect(d.variants.filter((v) => v.thumbnail).length).toBe(details.playout.thumbnails!.length);
          expect(d.recordings).toHaveLength(details.playout.web.filter((w) => w.type === 'vod').length);
          if (d.state === 'live') expect(d.variants.some((v) => v.thumbnail !== null)).toBe(true);
        }
        clock.advance(6 * 3600_000);
      }
    } finally {
      await sim.close();
    }
  });
});
