import { AppError } from '../errors';
import type { ErrorCode } from '../../../shared/errors';
import type { HttpClient } from '../http/http-client';
import type { DownloadFs } from './download-fs';
import { finalise, partPathOf } from './final-name';
import { downloadFsError } from './fs-errors';
import { transferOnce } from './transfer';

/** Waits between automatic attempts after a drop: a few, growing, then the operator decides. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 5000, 10_000, 20_000];

/** Failures that a later attempt may not meet again. */
const RETRIABLE: ReadonlySet<ErrorCode> = new Set(['network', 'timeout', 'server-error', 'rate-limited']);

/** What running one download needs; the callbacks keep the manager's record current. */
export interface JobOptions {
  http: HttpClient;
  fs: DownloadFs;
  url: string;
  folder: string;
  /** The planned final name (its `.part` is what gets written). */
  fileName: string;
  /** The sanitised name before any suffix, for further suffixes at rename time. */
  baseName: string;
  validator: string | null;
  signal: AbortSignal;
  retryDelaysMs: readonly number[];
  now: () => number;
  /** Whether another download of this manager claims a name in this folder. */
  claimed: (name: string) => boolean;
  onStart(info: { offset: number; total: number | null; validator: string | null }): void;
  onBytes(bytes: number): void;
  /** An attempt failed and another follows after `delayMs`. */
  onRetry(error: AppError, delayMs: number): void;
}

/**
 * Runs one download to the end: attempts with back-off until the `.part` file is complete (a
 * drop resumes where it stopped; an attempt that got further than any before starts the count of
 * retries afresh), then the rename to a free final name. Resolves with that name and the size.
 */
export async function runJob(o: JobOptions): Promise<{ fileName: string; size: number }> {
  let failures = 0;
  let best = 0;
  let validator = o.validator;
  let size: number;
  for (;;) {
    let reached = 0;
    try {
      const result = await transferOnce({
        http: o.http,
        fs: o.fs,
        url: o.url,
        folder: o.folder,
        partPath: partPathOf(o.folder, o.fileName),
        validator,
        signal: o.signal,
        onStart: (info) => {
          validator = info.validator;
          reached = info.offset;
          o.onStart(info);
        },
        onBytes: (bytes) => {
          reached = bytes;
          o.onBytes(bytes);
        },
      });
      size = result.size;
      break;
    } catch (error) {
      if (o.signal.aborted) throw new AppError('cancelled', 'The download was stopped.');
      if (!(error instanceof AppError) || !RETRIABLE.has(error.code)) throw error;
      // A link that drops again and again still finishes, as long as each attempt gets further.
      if (reached > best) failures = 0;
      best = Math.max(best, reached);
      const delay = o.retryDelaysMs[failures];
      if (delay === undefined) throw error;
      failures += 1;
      const wait = Math.max(delay, (error.retryAt ?? 0) - o.now());
      o.onRetry(error, wait);
      await sleep(wait, o.signal);
    }
  }
  try {
    return { fileName: await finalise(o.fs, o.folder, o.fileName, o.baseName, o.claimed), size };
  } catch (error) {
    throw downloadFsError(error, o.folder, size);
  }
}

/** Waits `ms`, or rejects as cancelled as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new AppError('cancelled', 'The download was stopped.'));
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AppError('cancelled', 'The download was stopped.'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
