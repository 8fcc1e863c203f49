import type { AssetVersion } from '../src/main/simulator';
import type { Hold } from './request-log';

/** How quickly a client came to hold each asset version produced in the window. */
export interface Freshness {
  /** Versions produced in the window. */
  versions: number;
  /** Versions a 200 carried to the client before the window closed. */
  got: number;
  /** Versions it never held: skipped (a newer one came first) or still pending at the window end. */
  missed: number;
  /** Of the missed: a newer version was held instead. */
  skipped: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/**
 * Per-version freshness. Each 200 on an asset URL is matched to the version it carried: the newest
 * version produced before the answer completed whose size equals the body's. The size tells an
 * answer that raced the producer (asked just before a new version, arriving just after) from one
 * that got the new version (when two versions have the same size, the newer is assumed). A
 * version counts as held at its first matching 200; a version never
 * held counts with the time from its production to the window end, the least it could be charged.
 */
export function measureFreshness(versions: readonly AssetVersion[], holds: ReadonlyMap<string, readonly Hold[]>, windowEnd: number): Freshness {
  const byUrl = new Map<string, AssetVersion[]>();
  for (const v of versions) {
    const list = byUrl.get(v.url) ?? [];
    list.push(v);
    byUrl.set(v.url, list);
  }
  const delays: number[] = [];
  let got = 0;
  let skipped = 0;
  for (const [url, list] of byUrl) {
    list.sort((a, b) => a.producedAt - b.producedAt);
    const heldAt = firstHolds(list, holds.get(url) ?? [], windowEnd);
    list.forEach((v, i) => {
      const at = heldAt[i];
      if (at !== undefined) {
        got++;
        delays.push(at - v.producedAt);
        return;
      }
      // Skipped when a later version was held instead; otherwise still pending at the window end.
      if (heldAt.some((t, j) => j > i && t !== undefined)) skipped++;
      delays.push(Math.max(0, windowEnd - v.producedAt));
    });
  }
  delays.sort((a, b) => a - b);
  return {
    versions: versions.length,
    got,
    missed: versions.length - got,
    skipped,
    p50Ms: percentile(delays, 0.5),
    p95Ms: percentile(delays, 0.95),
    maxMs: delays[delays.length - 1] ?? 0,
  };
}

/** For each version (oldest first), the time of the first 200 that carried it, within the window. */
function firstHolds(list: readonly AssetVersion[], answers: readonly Hold[], windowEnd: number): (number | undefined)[] {
  const heldAt: (number | undefined)[] = list.map(() => undefined);
  for (const answer of answers) {
    if (answer.at > windowEnd) break;
    let carried = -1;
    for (let k = list.length - 1; k >= 0; k--) {
      const v = list[k];
      if (v && v.producedAt <= answer.at && v.bytes === answer.bytes) {
        carried = k;
        break;
      }
    }
    if (carried >= 0 && heldAt[carried] === undefined) heldAt[carried] = answer.at;
  }
  return heldAt;
}

/** Nearest-rank percentile of an ascending list (0 for an empty one). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? 0;
}
