import type { AssetVersion } from '../src/main/simulator';

/** How quickly a client came to hold each asset version produced in the window. */
export interface Freshness {
  /** Versions produced in the window. */
  versions: number;
  /** Versions the client held before a newer one replaced them and before the window closed. */
  got: number;
  /** Versions it never held: skipped (a newer one came first) or still pending at the window end. */
  missed: number;
  /** Of the missed: replaced by a newer version before the client took a copy. */
  skipped: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/**
 * Per-version freshness. A 200 on an asset URL at time t means the client then holds the newest
 * version produced at or before t; so version v (produced at p, replaced at p') counts as held at
 * the first 200 in [p, p'). A version never held counts with the time from p to the window end,
 * which is the shortest it could honestly be charged with.
 */
export function measureFreshness(versions: readonly AssetVersion[], holds: ReadonlyMap<string, readonly number[]>, windowEnd: number): Freshness {
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
    const times = holds.get(url) ?? [];
    list.forEach((v, i) => {
      const replacedAt = list[i + 1]?.producedAt ?? Infinity;
      const t = firstAtOrAfter(times, v.producedAt);
      if (t !== undefined && t < replacedAt && t <= windowEnd) {
        got++;
        delays.push(t - v.producedAt);
      } else {
        if (replacedAt <= windowEnd) skipped++;
        delays.push(Math.max(0, windowEnd - v.producedAt));
      }
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

/** Nearest-rank percentile of an ascending list (0 for an empty one). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

/** The first time in an ascending list that is at or after `t`. */
function firstAtOrAfter(times: readonly number[], t: number): number | undefined {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((times[mid] ?? Infinity) < t) lo = mid + 1;
    else hi = mid;
  }
  return times[lo];
}
