import { MIN_ASSET_INTERVAL_S, type Stream, type Variant } from '../../../shared/domain';
import type { AssetExt } from '../assets/asset-store';

/** An asset the wall wants kept fresh, with the interval bintu refreshes it at. */
export interface WantedAsset {
  url: string;
  ext: AssetExt;
  intervalMs: number;
  /** The stream whose tile shows it (for pausing tiles out of view, when the operator asks). */
  streamId: string;
  /** The stream's main picture (its first quality's thumbnail): the one alarms watch. */
  primary: boolean;
}

/** How long after the producer's expected write we ask, so the new file is surely there (HTTP dates have 1 s resolution). */
export const AFTER_CHANGE_MARGIN_MS = 1200;
/** Ended or idle streams rarely change their picture: look again at this slow pace at most. */
const IDLE_INTERVAL_MS = 300_000;
/** Interval assumed when bintu shows an asset but not its processing settings. */
const DEFAULT_INTERVAL_S = 30;

/** Clamps an interval to bintu's floor: the wall never asks more often than every 10 s. */
export function assetIntervalMs(seconds: number | undefined | null): number {
  const s = typeof seconds === 'number' && Number.isFinite(seconds) ? seconds : DEFAULT_INTERVAL_S;
  return Math.max(s, MIN_ASSET_INTERVAL_S) * 1000;
}

/** Every picture the wall shows for these streams, keyed by URL. */
export function wantedAssets(streams: Iterable<Stream>): Map<string, WantedAsset> {
  const wanted = new Map<string, WantedAsset>();
  for (const stream of streams) {
    const idle = stream.state !== 'live';
    stream.variants.forEach((variant, index) => addVariantAssets(wanted, variant, idle, stream.id, index === 0));
  }
  return wanted;
}

function addVariantAssets(wanted: Map<string, WantedAsset>, variant: Variant, idle: boolean, streamId: string, first: boolean): void {
  const pace = (ms: number): number => (idle ? Math.max(ms, IDLE_INTERVAL_MS) : ms);
  if (variant.thumbnail) {
    const intervalMs = pace(assetIntervalMs(variant.processing.thumbs?.interval));
    wanted.set(variant.thumbnail.url, { url: variant.thumbnail.url, ext: 'jpg', intervalMs, streamId, primary: first });
  }
  if (variant.motionclip) {
    const intervalMs = pace(assetIntervalMs(variant.processing.motionclip?.interval));
    wanted.set(variant.motionclip.url, { url: variant.motionclip.url, ext: 'gif', intervalMs, streamId, primary: false });
  }
}

/**
 * When to ask for an asset again. With the producer's phase known (Last-Modified), ask just after
 * its next write; otherwise one interval from now. Never sooner than one second from now.
 */
export function nextAssetFetch(now: number, intervalMs: number, producedAt: number | null, jitter: number): number {
  if (producedAt !== null) {
    const expected = producedAt + intervalMs + AFTER_CHANGE_MARGIN_MS + jitter;
    // A write due within the second is still worth waiting for: falling back to "one interval
    // from now" would land every later fetch right on the producer's write, a cycle late.
    if (expected > now && expected <= now + intervalMs + AFTER_CHANGE_MARGIN_MS + 1000) return Math.max(expected, now + 1000);
  }
  return now + intervalMs + jitter;
}

/** Exponential back-off with a cap, spread by ±20% so many clients do not retry in step. */
export function backoffMs(baseMs: number, failures: number, capMs: number, random: () => number): number {
  const raw = Math.min(capMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(raw * (0.8 + 0.4 * random()));
}
