/**
 * HTTP helpers: dates at second precision, the `If-None-Match` / `If-Modified-Since` rules and
 * forgiving path decoding.
 */
import type { IncomingHttpHeaders } from 'node:http';

/** An IMF-fixdate for `Last-Modified`. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/**
 * Whether a conditional GET may be answered 304. `If-None-Match` wins when present (RFC 9110
 * 13.2.2); otherwise `If-Modified-Since` compares at the one-second precision of HTTP dates.
 */
export function notModified(headers: IncomingHttpHeaders, etag: string, lastModifiedMs: number): boolean {
  const inm = headers['if-none-match'];
  if (typeof inm === 'string') {
    const tags = inm.split(',').map((t) => t.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(etag);
  }
  const ims = headers['if-modified-since'];
  if (typeof ims === 'string') {
    const since = Date.parse(ims);
    return Number.isFinite(since) && Math.floor(lastModifiedMs / 1000) <= Math.floor(since / 1000);
  }
  return false;
}

/** Percent-decodes a path segment; a malformed escape stays as it was (and matches nothing). */
export function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
