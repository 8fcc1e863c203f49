import { AppError } from '../errors';
import { hostOf } from '../http/url-parts';
import type { HttpStreamResponse } from '../http/http-client';
import { parseRetryAfter } from '../http/retry-after';
import type { UrlRules } from '../http/url-rules';
import type { DownloadDeps } from './download-deps';
import type { DownloadSink } from './download-fs';
import type { StoredDownload } from './download-types';
import { partPathFor } from './final-name';
import { downloadFsError } from './fs-errors';
import { looksLikeVideo, notVideoError, recordingKind, SNIFF_BYTES } from './recording-check';

/** Where an attempt reads from and writes to: the download's record, read only. */
export type TransferTarget = Readonly<Pick<StoredDownload, 'url' | 'folder' | 'fileName'>>;

/** The server's answer to an attempt: where writing starts, the full length if known, the resume validator. */
export interface TransferStart {
  offset: number;
  total: number | null;
  validator: string | null;
}

/** What changes from one attempt to the next, and how the attempt reports back. */
export interface TransferAttempt {
  /** ETag or Last-Modified from an earlier attempt, sent as `If-Range` when resuming. */
  validator: string | null;
  signal: AbortSignal;
  /** The URL rules the recording's address must pass (those of the API base it came from). */
  rules: UrlRules;
  /** Called once the server answered. */
  onStart(start: TransferStart): void;
  /** Called after every chunk with the bytes now in the `.part` file. */
  onBytes(bytes: number): void;
}

/** What a complete transfer left in the `.part` file. */
export interface TransferResult {
  size: number;
}

/** One attempt in progress: the shared dependencies, the download, the attempt, and its `.part` path. */
interface Run {
  deps: Pick<DownloadDeps, 'http' | 'fs'>;
  target: TransferTarget;
  attempt: TransferAttempt;
  partPath: string;
}

/** A response's plan: where its body goes in the file and how long the file is. */
interface Plan {
  start: number;
  total: number | null;
  validator: string | null;
  /** The type said nothing: the first bytes must look like video before anything is written. */
  sniff: boolean;
}

/**
 * One request for a recording, written into its `.part` file. A part already on disk is resumed
 * with `Range: bytes=<length>-` (and `If-Range`); a server that ignores the range (200) or answers
 * a different one starts the file over. Succeeds only when the part's length on disk matches the
 * length the server announced. Throws `AppError`: 'network', 'timeout', 'server-error' and
 * 'rate-limited' are worth another attempt, the file-system codes and 'cancelled' are not.
 */
export async function transferOnce(
  deps: Pick<DownloadDeps, 'http' | 'fs'>,
  target: TransferTarget,
  attempt: TransferAttempt,
): Promise<TransferResult> {
  const run: Run = { deps, target, attempt, partPath: partPathFor(target) };
  const offset = (await onDisk(run, () => deps.fs.size(run.partPath), 0)) ?? 0;
  const first = await request(run, offset);
  if (first !== 'start-over') return first;
  // The part does not match what the server has: it is rewritten from the first byte.
  const again = await request(run, 0);
  if (again !== 'start-over') return again;
  throw new AppError('malformed-response', `${serverOf(target.url)} answered with a byte range nobody asked for`);
}

async function request(run: Run, from: number): Promise<TransferResult | 'start-over'> {
  const { url } = run.target;
  const { rules, signal } = run.attempt;
  const res = await run.deps.http.stream({ url, headers: requestHeaders(from, run.attempt.validator), signal, rules, purpose: 'recording' });
  const plan = planFor(res, from, url);
  if (plan === 'complete') return { size: from };
  if (plan === 'start-over') {
    res.body.destroy();
    return plan;
  }
  run.attempt.onStart({ offset: plan.start, total: plan.total, validator: plan.validator });
  return writeBody(run, res, plan);
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
    throw new AppError('http-error', `${serverOf(url)} sent the recording compressed (${coding.slice(0, 20)}) although it was asked not to.`);
  }
  const kind = recordingKind(res.headers['content-type']);
  if ((res.status === 200 || res.status === 206) && kind === 'other') {
    // A web page or an error document where the video should be: never saved as the recording.
    res.body.destroy();
    throw notVideoError(serverOf(url), res.headers['content-type']);
  }
  if (res.status === 206) {
    const range = parseContentRange(res.headers['content-range']);
    if (range === null || range.start !== from) return 'start-over';
    return { start: from, total: range.total, validator, sniff: kind === 'unknown' && from === 0 };
  }
  if (res.status === 200) {
    return { start: 0, total: parseLength(res.headers['content-length']), validator, sniff: kind === 'unknown' };
  }
  res.body.destroy();
  if (res.status === 416 && from > 0) {
    // Asked for bytes past the end: the part already holds the whole file, or more than it.
    const total = parseUnsatisfiedTotal(res.headers['content-range']);
    return total === from ? 'complete' : 'start-over';
  }
  throw statusError(res, url);
}

async function writeBody(run: Run, res: HttpStreamResponse, plan: Plan): Promise<TransferResult> {
  const { fs } = run.deps;
  let position = plan.start;
  let sink: DownloadSink | null = null;
  let head: Buffer | null = plan.sniff ? Buffer.alloc(0) : null;
  try {
    sink = await onDisk(run, () => fs.openPart(run.partPath, plan.start === 0), position);
    for await (const received of res.body as AsyncIterable<Buffer>) {
      let chunk = received;
      if (head !== null) {
        // Held back until the start is known to be video: nothing else reaches the disk.
        head = Buffer.concat([head, chunk]);
        if (head.length < SNIFF_BYTES) continue;
        if (!looksLikeVideo(head)) throw notVideoError(serverOf(run.target.url), res.headers['content-type']);
        chunk = head;
        head = null;
      }
      if (plan.total !== null && position + chunk.length > plan.total) {
        throw new AppError('network', `${serverOf(run.target.url)} sent more bytes than it announced`);
      }
      const open = sink;
      await onDisk(run, () => open.write(chunk, position), position);
      position += chunk.length;
      run.attempt.onBytes(position);
    }
    if (head !== null) throw notVideoError(serverOf(run.target.url), res.headers['content-type']);
    const done = sink;
    await onDisk(run, () => done.sync(), position);
  } catch (error) {
    // Bytes that were not video never stay behind under the recording's name.
    if (head !== null && plan.start === 0) await fs.remove(run.partPath).catch(() => undefined);
    throw error;
  } finally {
    res.body.destroy();
    const open = sink;
    if (open !== null) await open.close().catch(() => undefined);
  }
  // The disk is the judge, not our counter: a stray writer or a short write would show here.
  const size = (await onDisk(run, () => fs.size(run.partPath), position)) ?? 0;
  const expected = plan.total ?? position;
  if (size !== expected) {
    if (size > expected) await fs.remove(run.partPath).catch(() => undefined);
    throw new AppError('network', `The download from ${serverOf(run.target.url)} ended at ${size} of ${expected} bytes`);
  }
  return { size };
}

/** Runs a file-system step; its failure becomes an operator message naming the folder and what is kept. */
async function onDisk<T>(run: Run, step: () => Promise<T>, fallbackKept: number): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof AppError) throw error;
    const kept = await run.deps.fs.size(run.partPath).catch(() => fallbackKept);
    throw downloadFsError(error, run.target.folder, kept ?? 0);
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

/** Names the server in a message; a URL that does not parse is still "the server". */
function serverOf(url: string): string {
  return hostOf(url) ?? 'the server';
}
