import { AppError } from '../errors';
import type { HttpClient, HttpStreamResponse } from '../http/http-client';
import { parseRetryAfter } from '../http/retry-after';
import type { DownloadFs, DownloadSink } from './download-fs';
import { downloadFsError } from './fs-errors';

/** What one transfer attempt needs. */
export interface TransferOptions {
  http: HttpClient;
  fs: DownloadFs;
  url: string;
  folder: string;
  partPath: string;
  /** ETag or Last-Modified from an earlier attempt, sent as `If-Range` when resuming. */
  validator: string | null;
  signal: AbortSignal;
  /** Called once the server answered: where writing starts and the full length, if known. */
  onStart(info: { offset: number; total: number | null; validator: string | null }): void;
  /** Called after every chunk with the bytes now in the `.part` file. */
  onBytes(bytes: number): void;
}

/** What a complete transfer left in the `.part` file. */
export interface TransferResult {
  size: number;
}

/** A response's plan: where its body goes in the file and how long the file is. */
interface Plan {
  start: number;
  total: number | null;
  validator: string | null;
}

/**
 * One request for a recording, written into its `.part` file. A part already on disk is resumed
 * with `Range: bytes=<length>-` (and `If-Range`); a server that ignores the range (200) or answers
 * a different one starts the file over. Succeeds only when the part's length on disk matches the
 * length the server announced. Throws `AppError`: 'network', 'timeout', 'server-error' and
 * 'rate-limited' are worth another attempt, the file-system codes and 'cancelled' are not.
 */
export async function transferOnce(o: TransferOptions): Promise<TransferResult> {
  const offset = (await onDisk(o, () => o.fs.size(o.partPath), 0)) ?? 0;
  const first = await request(o, offset);
  if (first !== 'start-over') return first;
  // The part does not match what the server has: it is rewritten from the first byte.
  const again = await request(o, 0);
  if (again !== 'start-over') return again;
  throw new AppError('malformed-response', `${hostOf(o.url)} answered with a byte range nobody asked for`);
}

async function request(o: TransferOptions, from: number): Promise<TransferResult | 'start-over'> {
  const res = await o.http.stream({ url: o.url, headers: requestHeaders(from, o.validator), signal: o.signal });
  const plan = planFor(res, from, o.url);
  if (plan === 'complete') return { size: from };
  if (plan === 'start-over') {
    res.body.destroy();
    return plan;
  }
  o.onStart({ offset: plan.start, total: plan.total, validator: plan.validator });
  return writeBody(o, res, plan);
}

function requestHeaders(from: number, validator: string | null): Record<string, string> {
  // No compression: the bytes on disk must be the file's bytes, counted as the server counts them.
  const headers: Record<string, string> = { 'accept-encoding': 'identity' };
  if (from > 0) {
    headers['range'] = `bytes=${from}-`;
    if (validator !== null) headers['if-range'] = validator;
  }
  return headers;
}

/** Reads the status and headers into a plan, or throws the error the status means. */
function planFor(res: HttpStreamResponse, from: number, url: string): Plan | 'complete' | 'start-over' {
  const validator = validatorOf(res.headers);
  const coding = res.headers['content-encoding']?.trim().toLowerCase();
  if ((res.status === 200 || res.status === 206) && coding !== undefined && coding !== '' && coding !== 'identity') {
    // Compressed bytes are not the file's bytes: lengths and ranges would not match the recording.
    res.body.destroy();
    throw new AppError('http-error', `${hostOf(url)} sent the recording compressed (${coding.slice(0, 20)}) although it was asked not to.`);
  }
  if (res.status === 206) {
    const range = parseContentRange(res.headers['content-range']);
    if (range === null || range.start !== from) return 'start-over';
    return { start: from, total: range.total, validator };
  }
  if (res.status === 200) {
    return { start: 0, total: parseLength(res.headers['content-length']), validator };
  }
  res.body.destroy();
  if (res.status === 416 && from > 0) {
    // Asked for bytes past the end: the part already holds the whole file, or more than it.
    const total = parseUnsatisfiedTotal(res.headers['content-range']);
    return total === from ? 'complete' : 'start-over';
  }
  throw statusError(res, url);
}

async function writeBody(o: TransferOptions, res: HttpStreamResponse, plan: Plan): Promise<TransferResult> {
  let position = plan.start;
  let sink: DownloadSink | null = null;
  try {
    sink = await onDisk(o, () => o.fs.openPart(o.partPath, plan.start === 0), position);
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      if (plan.total !== null && position + chunk.length > plan.total) {
        throw new AppError('network', `${hostOf(o.url)} sent more bytes than it announced`);
      }
      const open = sink;
      await onDisk(o, () => open.write(chunk, position), position);
      position += chunk.length;
      o.onBytes(position);
    }
    const done = sink;
    await onDisk(o, () => done.sync(), position);
  } finally {
    res.body.destroy();
    const open = sink;
    if (open !== null) await open.close().catch(() => undefined);
  }
  // The disk is the judge, not our counter: a stray writer or a short write would show here.
  const size = (await onDisk(o, () => o.fs.size(o.partPath), position)) ?? 0;
  const expected = plan.total ?? position;
  if (size !== expected) {
    if (size > expected) await o.fs.remove(o.partPath).catch(() => undefined);
    throw new AppError('network', `The download from ${hostOf(o.url)} ended at ${size} of ${expected} bytes`);
  }
  return { size };
}

/** Runs a file-system step; its failure becomes an operator message naming the folder and what is kept. */
async function onDisk<T>(o: TransferOptions, step: () => Promise<T>, fallbackKept: number): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof AppError) throw error;
    const kept = await o.fs.size(o.partPath).catch(() => fallbackKept);
    throw downloadFsError(error, o.folder, kept ?? 0);
  }
}

function statusError(res: HttpStreamResponse, url: string): AppError {
  const host = hostOf(url);
  const status = res.status;
  if (status === 404 || status === 410) {
    return new AppError('not-found', `The recording is no longer on ${host} (HTTP ${status}).`, { status });
  }
  if (status === 429) {
    const retryAt = parseRetryAfter(res.headers['retry-after']);
    return new AppError('rate-limited', `${host} asked to slow down (HTTP 429).`, { status, ...(retryAt !== undefined && { retryAt }) });
  }
  if (status >= 500 || status === 408) {
    return new AppError('server-error', `${host} could not send the recording (HTTP ${status}).`, { status });
  }
  return new AppError('http-error', `${host} refused the download (HTTP ${status}).`, { status });
}

/** A strong ETag, else Last-Modified: what `If-Range` may carry (weak ETags are not allowed there). */
function validatorOf(headers: Record<string, string>): string | null {
  const etag = headers['etag']?.trim();
  if (etag !== undefined && etag !== '' && !etag.startsWith('W/')) return etag;
  const modified = headers['last-modified']?.trim();
  return modified !== undefined && modified !== '' ? modified : null;
}

function parseLength(value: string | undefined): number | null {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return null;
  return Number(value);
}

/** `bytes 100-199/1000` (total may be `*`). */
export function parseContentRange(value: string | undefined): { start: number; end: number; total: number | null } | null {
  const m = /^\s*bytes\s+(\d+)-(\d+)\/(\d+|\*)\s*$/i.exec(value ?? '');
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  const total = m[3] === '*' ? null : Number(m[3]);
  if (end < start || (total !== null && end >= total)) return null;
  return { start, end, total };
}

/** The total from a 416 answer's `Content-Range` (`bytes` star slash total). */
function parseUnsatisfiedTotal(value: string | undefined): number | null {
  const m = /^\s*bytes\s+\*\/(\d+)\s*$/i.exec(value ?? '');
  return m ? Number(m[1]) : null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}
