/**
 * The longest wait a `Retry-After` may impose. A hostile or broken header ("1e9") must not stop
 * the wall for good; after this the normal back-off takes over again.
 */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/**
 * Reads a `Retry-After` header (delay in seconds, or an HTTP date) into a moment (ms epoch).
 * Returns undefined when the header is missing or unreadable. A date in the past means "now".
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  let delayMs: number;
  if (/^\d+(\.\d+)?$/.test(text)) {
    delayMs = Number(text) * 1000;
  } else {
    // An HTTP date always names a weekday and month; this also keeps "-5" from parsing as a year.
    if (!/[a-z]{3}/i.test(text)) return undefined;
    const at = Date.parse(text);
    if (Number.isNaN(at)) return undefined;
    delayMs = at - now;
  }
  return now + Math.min(Math.max(0, delayMs), MAX_RETRY_AFTER_MS);
}
