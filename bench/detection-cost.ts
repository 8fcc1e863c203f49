import type { RequestLog, Traffic } from './request-log';

/** What detection cost in traffic: the detecting client against its twin without detection. */
export interface DetectionTraffic {
  /** Both clients' totals in the window. */
  on: Traffic;
  off: Traffic;
  /** Requests the detecting client made that its twin did not, and their bytes. */
  extraRequests: number;
  extraBytes: number;
  /** The URLs with requests left over, most bytes first (at most 10), to tell jitter from a real cost. */
  leftOver: Array<{ url: string; requests: number; twinRequests: number; bytes: number }>;
}

/**
 * Compares two identical pollers, one feeding the alarm detector and one not, run side by side
 * against the same simulator. Per URL, each request the detecting client completed in the window
 * is matched with one of its twin's in the same window widened on both sides by the twins' own
 * jitter (pictures a couple of seconds apart, details a tenth of their interval), whatever
 * version each carried. A request left without a match is traffic detection caused; its bytes are
 * charged, the largest first, so the figure errs against detection.
 */
export function detectionTraffic(on: RequestLog, off: RequestLog, window: { from: number; to: number }, slack: { isApi: (url: string) => boolean; assetMs: number; apiMs: number }): DetectionTraffic {
  const { from, to } = window;
  const mine = on.perUrl(from, to);
  const twinAssets = off.perUrl(from - slack.assetMs, to + slack.assetMs);
  const twinApi = off.perUrl(from - slack.apiMs, to + slack.apiMs);
  let extraRequests = 0;
  let extraBytes = 0;
  const leftOver: DetectionTraffic['leftOver'] = [];
  for (const [url, sizes] of mine) {
    const twin = (slack.isApi(url) ? twinApi : twinAssets).get(url) ?? [];
    const extra = sizes.length - twin.length;
    if (extra <= 0) continue;
    const bytes = [...sizes].sort((a, b) => b - a).slice(0, extra).reduce((sum, n) => sum + n, 0);
    extraRequests += extra;
    extraBytes += bytes;
    leftOver.push({ url, requests: sizes.length, twinRequests: twin.length, bytes });
  }
  leftOver.sort((a, b) => b.bytes - a.bytes);
  const all = (): boolean => true;
  return { on: on.traffic(all, from, to), off: off.traffic(all, from, to), extraRequests, extraBytes, leftOver: leftOver.slice(0, 10) };
}
