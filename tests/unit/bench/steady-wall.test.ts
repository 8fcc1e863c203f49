import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { waitForSteadyWall } from '../../../bench/fill';
import type { Stream } from '../../../src/shared/domain';
import type { AssetRecord } from '../../../src/main/core/assets/asset-fetcher';
import type { WallModel } from '../../../src/main/core/poller/wall-view';

const INTERVAL_S = 10;

function stream(n: number): Stream {
  const url = `https://assets.test/vod/thumbnails/s${n}.jpg`;
  return {
    id: `s${n}`, streamgroup: null, state: 'live', rawState: 'live', type: null, createdAt: null, tags: [], streamname: `s${n}`,
    variants: [{
      id: `s${n}`, index: 0, label: 'source', tags: [], streamname: `s${n}`,
      processing: { thumbs: { interval: INTERVAL_S }, motionclip: null, rec: null, replay: null },
      thumbnail: { url, streamId: `s${n}`, streamname: `s${n}` }, motionclip: null, replay: null,
    }],
    recordings: [], hasAssets: true,
  };
}

const urlOf = (n: number): string => `https://assets.test/vod/thumbnails/s${n}.jpg`;

/** A stand-in for the poller: the bench only reads its model. */
class FakeWall {
  streams: Stream[] = [];
  readonly assets = new Map<string, AssetRecord>();
  hold(n: number, producedAt: number): void {
    this.assets.set(urlOf(n), { url: urlOf(n), name: `h${n}.jpg`, etag: null, lastModified: null, producedAt, fetchedAt: Date.now(), changedAt: producedAt });
  }
  model(): WallModel {
    return {
      streams: this.streams, assets: this.assets, truncated: false, quantity: 1000, fromCache: false,
      connection: { status: 'online', lastPollAt: Date.now(), lastSuccessAt: Date.now(), offlineSince: null, error: null },
    };
  }
}

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

describe('the polling bench opens its window on a steady wall', () => {
  it('waits until every picture the wall wants is held, not just the warm-up', async () => {
    const wall = new FakeWall();
    const started = Date.now();
    wall.streams = [stream(1), stream(2), stream(3)];
    let fill: Awaited<ReturnType<typeof waitForSteadyWall>> | undefined;
    void waitForSteadyWall(wall, started, { stableMs: 3000, limitMs: 180_000 }).then((f) => (fill = f));
    wall.hold(1, Date.now());
    wall.hold(2, Date.now());
    await vi.advanceTimersByTimeAsync(30_000);
    expect(fill).toBeUndefined();
    // The third picture arrives; the first two were refreshed meanwhile, as the poller does.
    for (const n of [1, 2, 3]) wall.hold(n, Date.now());
    await vi.advanceTimersByTimeAsync(500);
    expect(fill).toEqual({ filledMs: 30_250, caughtUpMs: 30_250 });
  });

  it('then waits until the versions written while filling were fetched', async () => {
    const wall = new FakeWall();
    const started = Date.now();
    wall.streams = Array.from({ length: 100 }, (_, n) => stream(n));
    let fill: Awaited<ReturnType<typeof waitForSteadyWall>> | undefined;
    void waitForSteadyWall(wall, started, { stableMs: 3000, limitMs: 180_000 }).then((f) => (fill = f));
    // Held at the start of a long fill: their next version was due 10 s later and is now 20 s old.
    for (let n = 0; n < 5; n++) wall.hold(n, Date.now());
    await vi.advanceTimersByTimeAsync(30_000);
    for (let n = 5; n < 100; n++) wall.hold(n, Date.now());
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fill).toBeUndefined();
    // Four of them fetched: one behind of 100 is within the 1 % a steady wall shows.
    for (let n = 0; n < 4; n++) wall.hold(n, Date.now() - 2000);
    await vi.advanceTimersByTimeAsync(500);
    expect(fill?.filledMs).toBe(30_250);
    expect(fill?.caughtUpMs).toBe(40_250);
  });

  it('gives up after the limit and says so', async () => {
    const wall = new FakeWall();
    wall.streams = [stream(1)];
    let fill: Awaited<ReturnType<typeof waitForSteadyWall>> | undefined;
    void waitForSteadyWall(wall, Date.now(), { stableMs: 3000, limitMs: 60_000 }).then((f) => (fill = f));
    await vi.advanceTimersByTimeAsync(61_000);
    expect(fill).toEqual({ filledMs: null, caughtUpMs: null });
  });
});
