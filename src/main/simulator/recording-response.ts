/**
 * MP4 recordings with byte ranges: `Accept-Ranges`, a single `Range` answered 206 with
 * `Content-Range`, 416 past the end, `If-Range` respected, and a checksum-based ETag.
 */
import type { IncomingMessage } from 'node:http';
import { recordingName, type VariantRef } from './catalogue';
import type { SimContext } from './context';
import { httpDate } from './http-helpers';
import type { Outgoing } from './transmit';

/** A byte range resolved against a file size. */
export type RangeResult = { kind: 'none' } | { kind: 'range'; start: number; end: number } | { kind: 'unsatisfiable' };

/**
 * Parses a `Range` header for a file of `size` bytes. Malformed or multi-range headers are
 * ignored (the whole file is sent), as RFC 9110 allows.
 */
export function parseRange(header: string | undefined, size: number): RangeResult {
  if (!header) return { kind: 'none' };
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return { kind: 'none' };
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return { kind: 'unsatisfiable' };
    return { kind: 'range', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(size - 1, Number(m[2]));
  if (start >= size) return { kind: 'unsatisfiable' };
  if (end < start) return { kind: 'none' };
  return { kind: 'range', start, end };
}

/** Answers a request for recording `rec` (undefined: no such recording). */
export function recordingResponse(ctx: SimContext, req: IncomingMessage, rec: (VariantRef & { n: number }) | undefined): Outgoing {
  const notFound: Outgoing = { status: 404, headers: { 'Content-Type': 'text/plain' }, body: Buffer.from('Not Found\n') };
  if (!rec || !rec.variant.rec) return notFound;
  const session = ctx.schedule.sessions(rec.stream, ctx.now(), Number.MAX_SAFE_INTEGER).find((s) => s.n === rec.n);
  if (!session) return notFound;
  const file = ctx.media.forRecording(recordingName(rec.variant, rec.n));
  const size = file.data.length;
  const etag = `"${file.sha256.slice(0, 32)}"`;
  const headers: Record<string, string | number> = {
    'Content-Type': 'video/mp4',
    'Accept-Ranges': 'bytes',
    ETag: etag,
    'Last-Modified': httpDate(session.startMs),
    'Cache-Control': 'public, max-age=3600',
  };
  const ifRange = req.headers['if-range'];
  const rangeAllowed = ifRange === undefined || ifRange === etag || ifRange === headers['Last-Modified'];
  const range = rangeAllowed ? parseRange(req.headers.range, size) : { kind: 'none' as const };
  if (range.kind === 'unsatisfiable') {
    return { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}`, 'Content-Type': 'text/plain' }, body: Buffer.alloc(0) };
  }
  if (range.kind === 'range') {
    return {
      status: 206,
      headers: { ...headers, 'Content-Range': `bytes ${range.start}-${range.end}/${size}` },
      body: file.data.subarray(range.start, range.end + 1),
    };
  }
  return { status: 200, headers, body: file.data };
}
