/**
 * HTTP helpers: dates at second precision, the `If-None-Match` / `If-Modified-Since` rules,
 * forgiving path decoding and a bounded JSON request-body reader.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

// Far above any stream body or fault spec; a runaway client cannot fill the memory.
const MAX_BODY_BYTES = 64 * 1024;

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

/** Thrown by `readJsonBody` for a body over 64 KB. */
export class BodyTooLargeError extends Error {
  constructor() {
    super('body too large');
  }
}

/**
 * Reads a request body as JSON; an empty body gives `empty`. Throws a SyntaxError on bad JSON
 * and a BodyTooLargeError past 64 KB.
 */
export async function readJsonBody(req: IncomingMessage, empty: unknown): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : empty;
}
