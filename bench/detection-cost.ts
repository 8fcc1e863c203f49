import type { RequestLog, ResponseEvent, Traffic } from './request-log';

/** What detection cost in traffic: the detecting client against its twin without detection. */
export interface DetectionTraffic {
  /** Both clients' totals in the window. */
  on: Traffic;
  off: Traffic;
  /** Requests the detecting client made beyond its twin's, in the window (0 when it made fewer). */
  extraRequests: number;
  /** Bytes the detecting client took unmatched beyond what its twin took unmatched (0 when less). */
  extraBytes: number;
  /** What each client took that the other did not take around the window. */
  unmatchedBytes: { on: number; off: number };
  /** Requests in the window by kind (list, details, picture status), per client: where totals differ. */
  kinds: { on: Record<string, number>; off: Record<string, number> };
  /** The detecting client's unmatched responses by URL, most bytes first (at most 10). */
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
 * against the same simulator. A picture response is matched when the other client took the same
 * version (same URL, same size) at any moment from one slowest interval before the window to one
 * after: the twins' phases differ, so one may take a version a cycle before the other, and under
 * load each skips versions of its own. API responses (lists change size as streams come and go)
 * are matched request for request within the twins' cadence jitter. What the detecting client
 * took unmatched, less what its twin took unmatched, is what detection cost; both are reported.
 */
export function detectionTraffic(on: RequestLog, off: RequestLog, window: { from: number; to: number }, slack: TwinSlack): DetectionTraffic {
  const mine = unmatched(on, off, window, slack);
  const twins = unmatched(off, on, window, slack);
  const all = (): boolean => true;
  const totals = { on: on.traffic(all, window.from, window.to), off: off.traffic(all, window.from, window.to) };
  return {
    ...totals,
    extraRequests: Math.max(0, totals.on.requests - totals.off.requests),
    extraBytes: Math.max(0, mine.bytes - twins.bytes),
    unmatchedBytes: { on: mine.bytes, off: twins.bytes },
    kinds: { on: on.kinds(kindOf(slack), window.from, window.to), off: off.kinds(kindOf(slack), window.from, window.to) },
    leftOver: mine.urls.slice(0, 10),
  };
}

/** A response's kind: the list, a stream's details, or a picture with its status. */
function kindOf(slack: TwinSlack): (e: ResponseEvent) => string {
  return (e) => {
    if (!slack.isApi(e.url)) return `${e.url.endsWith('.gif') ? 'clip' : 'thumbnail'} ${e.status}`;
    return new URL(e.url).pathname === '/stream' ? `list ${e.status}` : `details ${e.status}`;
  };
}

/** What `a` took in the window that `b` did not take around it. */
function unmatched(a: RequestLog, b: RequestLog, window: { from: number; to: number }, slack: TwinSlack): { bytes: number; urls: DetectionTraffic['leftOver'] } {
  const { from, to } = window;
  const mine = a.perUrl(from, to);
  const otherAssets = b.perUrl(from - slack.assetMs, to + slack.assetMs);
  const otherApi = b.perUrl(from - slack.apiMs, to + slack.apiMs);
  let total = 0;
  const urls: DetectionTraffic['leftOver'] = [];
  for (const [url, sizes] of mine) {
    const api = slack.isApi(url);
    const other = (api ? otherApi : otherAssets).get(url) ?? [];
    const bytes = api ? unmatchedCount(sizes, other) : unmatchedVersions(sizes, other);
    total += bytes;
    if (bytes > 0) urls.push({ url, requests: sizes.length, twinRequests: other.length, bytes });
  }
  urls.sort((x, y) => y.bytes - x.bytes);
  return { bytes: total, urls };
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
