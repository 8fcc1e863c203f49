import type { RequestLog, Traffic } from './request-log';

/** What detection cost in traffic: the detecting client against its twin without detection. */
export interface DetectionTraffic {
  /** Both clients' totals in the window. */
  on: Traffic;
  off: Traffic;
  /** Requests the detecting client made beyond its twin's, in the window (0 when it made fewer). */
  extraRequests: number;
  /** Bytes of responses the detecting client took that its twin never did. */
  extraBytes: number;
  /** Where the clients' requests differ, most bytes first (at most 10), to tell jitter from a real cost. */
  leftOver: Array<{ url: string; requests: number; twinRequests: number; bytes: number }>;
}

/** How far apart the twins may do the same thing: pictures (whole run), API requests (their cadence jitter). */
export interface TwinSlack {
  isApi: (url: string) => boolean;
  /** A picture version the twin took this long before or after the window still counts as taken. */
  assetMs: number;
  /** An API request of the twin this long before or after the window still matches one of the detecting client's. */
  apiMs: number;
}

/**
 * Compares two identical pollers, one feeding the alarm detector and one not, run side by side
 * against the same simulator. A picture response costs nothing extra when the twin took the same
 * version (same URL, same size) at any moment of the run: each poller's phase differs, so one may
 * take a version a cycle before the other. API responses (lists change size as streams come and
 * go) are matched request for request within the twins' cadence jitter; one left without a match
 * is charged with its bytes. Requests are compared in total over the window.
 */
export function detectionTraffic(on: RequestLog, off: RequestLog, window: { from: number; to: number }, slack: TwinSlack): DetectionTraffic {
  const { from, to } = window;
  const mine = on.perUrl(from, to);
  const twinAssets = off.perUrl(from - slack.assetMs, to + slack.assetMs);
  const twinApi = off.perUrl(from - slack.apiMs, to + slack.apiMs);
  let extraBytes = 0;
  const leftOver: DetectionTraffic['leftOver'] = [];
  for (const [url, sizes] of mine) {
    const api = slack.isApi(url);
    const twin = (api ? twinApi : twinAssets).get(url) ?? [];
    const bytes = api ? unmatchedCount(sizes, twin) : unmatchedVersions(sizes, twin);
    extraBytes += bytes;
    if (bytes > 0 || sizes.length > twin.length) leftOver.push({ url, requests: sizes.length, twinRequests: twin.length, bytes });
  }
  leftOver.sort((a, b) => b.bytes - a.bytes || b.requests - b.twinRequests - (a.requests - a.twinRequests));
  const all = (): boolean => true;
  const totals = { on: on.traffic(all, from, to), off: off.traffic(all, from, to) };
  return { ...totals, extraRequests: Math.max(0, totals.on.requests - totals.off.requests), extraBytes, leftOver: leftOver.slice(0, 10) };
}

/** Bytes of picture responses whose version (its size; 304s carry none) the twin did not take as often. */
function unmatchedVersions(sizes: readonly number[], twin: readonly number[]): number {
  const left = new Map<number, number>();
  for (const size of twin) left.set(size, (left.get(size) ?? 0) + 1);
  let bytes = 0;
  for (const size of sizes) {
    const n = left.get(size) ?? 0;
    if (n > 0) left.set(size, n - 1);
    else bytes += size;
  }
  return bytes;
}

/** Bytes of the requests beyond the twin's count, the largest charged first. */
function unmatchedCount(sizes: readonly number[], twin: readonly number[]): number {
  const extra = sizes.length - twin.length;
  return extra <= 0 ? 0 : [...sizes].sort((a, b) => b - a).slice(0, extra).reduce((sum, n) => sum + n, 0);
}
