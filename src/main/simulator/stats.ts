/**
 * Request counters: what the client cost the simulator, and whether a credential ever reached
 * the asset host.
 */
import type { RouteKind, SimStats } from './types';

const KINDS: RouteKind[] = ['list', 'details', 'thumbnail', 'motionclip', 'recording', 'other'];

function zeroes(): Record<RouteKind, number> {
  return Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<RouteKind, number>;
}

/** Mutable counters behind `Simulator.stats()`. */
export class StatsCounter {
  private readonly requests = zeroes();
  private readonly bytes = zeroes();
  private readonly statuses: Record<string, number> = {};
  private notModified = 0;
  private credentialHits = 0;

  /** Counts a request as it arrives. */
  request(kind: RouteKind, credentialOnAsset: boolean): void {
    this.requests[kind]++;
    if (credentialOnAsset) this.credentialHits++;
  }

  /** Counts the status of an answer. */
  status(code: number): void {
    this.statuses[code] = (this.statuses[code] ?? 0) + 1;
    if (code === 304) this.notModified++;
  }

  /** Counts body bytes written. */
  sent(kind: RouteKind, n: number): void {
    this.bytes[kind] += n;
  }

  /** A copy of the counters. */
  snapshot(renders: { jpeg: number; gif: number }): SimStats {
    return {
      requests: { ...this.requests },
      bytes: { ...this.bytes },
      statuses: { ...this.statuses },
      notModified: this.notModified,
      renders: { ...renders },
      assetRequestsWithCredential: this.credentialHits,
      credentialLeakToAssetHost: this.credentialHits > 0,
    };
  }
}
