import type { Poller } from '../src/main/core/poller/poller';
import { wantedAssets } from '../src/main/core/poller/schedule';

/** How often the bench looks at the app's wall. */
const CHECK_EVERY_MS = 250;
/** A picture counts as behind when the producer's next write is this much older than now and not yet asked for. */
const BEHIND_AFTER_MS = 3_000;
/** The app is caught up when at most this share of its pictures is behind. */
const CAUGHT_UP_SHARE = 0.01;

/** When the app first held every picture and when it had caught up after that, from the poller's start (null: not within the limit). */
export interface Fill {
  filledMs: number | null;
  caughtUpMs: number | null;
}

/**
 * Waits until the app's wall is in its steady state, the state the window's `min_bytes` assumes
 * (every picture held, so only versions written from then on need a download):
 *
 * 1. filled: the list answered and every wanted picture held once, with the set of wanted URLs
 *    unchanged for `stableMs` (the details pass, which names the pictures of list items without
 *    assets, is over);
 * 2. caught up: at most 1 % of the pictures behind, that is, with a version the producer should
 *    have written (Last-Modified plus the interval) more than 3 s ago and not asked for since.
 *    Versions written while the wall was filling are fetched in this phase.
 */
export async function waitForSteadyWall(poller: Pick<Poller, 'model'>, startedAt: number, opts: { stableMs: number; limitMs: number }): Promise<Fill> {
  let wantedBefore = -1;
  let stableSince = Date.now();
  let fullSince: number | null = null;
  let filledMs: number | null = null;
  for (;;) {
    const now = Date.now();
    if (now - startedAt > opts.limitMs) return { filledMs, caughtUpMs: null };
    const model = poller.model();
    const wanted = wantedAssets(model.streams);
    if (filledMs === null) {
      if (wanted.size !== wantedBefore) {
        wantedBefore = wanted.size;
        stableSince = now;
      }
      let held = 0;
      for (const url of wanted.keys()) if (model.assets.get(url)?.name) held++;
      const full = model.connection.lastSuccessAt !== null && wanted.size > 0 && held === wanted.size;
      fullSince = full ? (fullSince ?? now) : null;
      if (fullSince !== null && now - stableSince >= opts.stableMs) filledMs = fullSince - startedAt;
    }
    if (filledMs !== null) {
      let behind = 0;
      for (const [url, want] of wanted) {
        const record = model.assets.get(url);
        if (!record || record.producedAt === null) continue;
        const due = record.producedAt + want.intervalMs;
        if (now - due > BEHIND_AFTER_MS && record.fetchedAt < due) behind++;
      }
      if (behind <= wanted.size * CAUGHT_UP_SHARE) return { filledMs, caughtUpMs: now - startedAt };
    }
    await new Promise((resolve) => setTimeout(resolve, CHECK_EVERY_MS));
  }
}
