import { AppError } from '../errors';
import type { ErrorCode } from '../../../shared/errors';
import type { UrlRules } from '../http/url-rules';
import type { DownloadDeps } from './download-deps';
import type { StoredDownload } from './download-types';
import { finalise } from './final-name';
import { downloadFsError } from './fs-errors';
import { transferOnce, type TransferStart } from './transfer';

/** Failures that a later attempt may not meet again. */
const RETRIABLE: ReadonlySet<ErrorCode> = new Set(['network', 'timeout', 'server-error', 'rate-limited', 'proxy-unreachable']);

/** The download a job runs: its record, read only (the manager changes it through the hooks). */
export type JobTarget = Readonly<Pick<StoredDownload, 'url' | 'folder' | 'fileName' | 'baseName' | 'validator'>>;

/** What belongs to this one run: its stop signal, and how it tells the manager what happens. */
export interface JobHooks {
  signal: AbortSignal;
  /** The URL rules the recording's address must pass. */
  rules: UrlRules;
  /** Whether another download of this manager claims a name in this folder. */
  claimed(name: string): boolean;
  onStart(start: TransferStart): void;
  onBytes(bytes: number): void;
  /** An attempt failed and another follows after `delayMs`. */
  onRetry(error: AppError, delayMs: number): void;
}

/**
 * Runs one download to the end: attempts with back-off until the `.part` file is complete (a
 * drop resumes where it stopped; an attempt that got further than any before starts the count of
 * retries afresh), then the rename to a free final name. Resolves with that name and the size.
 */
export async function runJob(deps: DownloadDeps, target: JobTarget, hooks: JobHooks): Promise<{ fileName: string; size: number }> {
  const { signal } = hooks;
  let failures = 0;
  let best = 0;
  let validator = target.validator;
  let size: number;
  for (;;) {
    let reached = 0;
    try {
      const result = await transferOnce(deps, target, {
        validator,
        signal,
        rules: hooks.rules,
        onStart: (start) => {
          validator = start.validator;
          reached = start.offset;
          hooks.onStart(start);
        },
        onBytes: (bytes) => {
          reached = bytes;
          hooks.onBytes(bytes);
        },
      });
      size = result.size;
      break;
    } catch (error) {
      if (signal.aborted) throw new AppError('cancelled', 'The download was stopped.');
      if (!(error instanceof AppError) || !RETRIABLE.has(error.code)) throw error;
      // A link that drops again and again still finishes, as long as each attempt gets further.
      if (reached > best) failures = 0;
      best = Math.max(best, reached);
      const delay = deps.retryDelaysMs[failures];
      if (delay === undefined) throw error;
      failures += 1;
      const wait = Math.max(delay, (error.retryAt ?? 0) - deps.now());
      hooks.onRetry(error, wait);
      await sleep(wait, signal);
    }
  }
  try {
    return { fileName: await finalise(deps.fs, target, (name) => hooks.claimed(name)), size };
  } catch (error) {
    throw downloadFsError(error, target.folder, size);
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
