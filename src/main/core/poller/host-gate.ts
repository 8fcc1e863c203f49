import { hostOf } from '../http/url-parts';

/**
 * Per-host "not before" times: a 429 or 503 with Retry-After pauses every request to that host,
 * not just the one that got it.
 */
export class HostGate {
  private readonly until = new Map<string, number>();

  /** Whether a request to this URL's host may go out now. */
  isOpen(url: string, now: number): boolean {
    const until = this.until.get(gateKey(url));
    return until === undefined || until <= now;
  }

  /** Closes the host until the given time (keeping the later of two closures). */
  closeUntil(url: string, until: number): void {
    const host = gateKey(url);
    this.until.set(host, Math.max(this.until.get(host) ?? 0, until));
  }

  /** When the host opens again, or null when it is open. */
  openAt(url: string, now: number): number | null {
    const until = this.until.get(gateKey(url));
    return until !== undefined && until > now ? until : null;
  }
}

/** The gate's key: the URL's host, or the whole text when it is no URL (so it still gets a gate). */
function gateKey(url: string): string {
  return hostOf(url) ?? url;
}
