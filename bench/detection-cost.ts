import type { RequestLog, Traffic } from './request-log';

/** What detection cost in traffic: the detecting client against its twin without detection. */
export interface DetectionTraffic {
  /** Both clients' totals in the window. */
  on: Traffic;
  off: Traffic;
  /** Requests and bytes the detecting client made that its twin did not (matched per URL). */
  extraRequests: number;
  extraBytes: number;
}

/**
 * Compares two identical pollers, one feeding the alarm detector and one not, run side by side
 * against the same simulator. Per URL, what the detecting client did in [from, to] is matched
 * against what the twin did in the same window widened on both sides by its own jitter: pictures
 * up to a couple of seconds apart, details up to a tenth of their interval. Anything left over is
 * traffic detection caused.
 */
export function detectionTraffic(on: RequestLog, off: RequestLog, window: { from: number; to: number }, slack: { isApi: (url: string) => boolean; assetMs: number; apiMs: number }): DetectionTraffic {
  const { from, to } = window;
  const mine = on.perUrl(from, to);
  const twinAssets = off.perUrl(from - slack.assetMs, to + slack.assetMs);
  const twinApi = off.perUrl(from - slack.apiMs, to + slack.apiMs);
  let extraRequests = 0;
  let extraBytes = 0;
  for (const [url, t] of mine) {
    const other = (slack.isApi(url) ? twinApi : twinAssets).get(url) ?? { requests: 0, bytes: 0, notModified: 0 };
    extraRequests += Math.max(0, t.requests - other.requests);
    extraBytes += Math.max(0, t.bytes - other.bytes);
  }
  const all = (): boolean => true;
  return { on: on.traffic(all, from, to), off: off.traffic(all, from, to), extraRequests, extraBytes };
}
