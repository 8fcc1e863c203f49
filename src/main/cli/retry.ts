import type { ErrorCode } from '../../shared/errors';
import { AppError } from '../core/errors';

/** Failures that may well pass on a later attempt: the CLI tries those again before it gives up. */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set(['network', 'timeout', 'server-error', 'rate-limited', 'proxy-unreachable']);

/** Waits between the CLI's attempts (so four attempts in all, about 7 s). */
export const CLI_RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 4000];

/** A `Retry-After` longer than this is not waited out by a command-line run: it gives up instead. */
const MAX_WAIT_MS = 30_000;

/** How the CLI retries one step, and where it says so. */
export interface RetryOptions {
  delaysMs: readonly number[];
  /** Told before each wait, e.g. "bintu is unavailable (HTTP 503); trying again in 2 s (attempt 2 of 4)". */
  note: (line: string) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Runs `step`, trying again after transient failures (network, timeout, 5xx, 429) with growing
 * waits, and honouring `Retry-After` up to 30 s. When it gives up, the error says what was tried.
 */
export async function withRetries<T>(what: string, step: () => Promise<T>, options: RetryOptions): Promise<T> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const attempts = options.delaysMs.length + 1;
  const started = now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof AppError) || !TRANSIENT.has(error.code)) throw error;
      const delay = options.delaysMs[attempt - 1];
      const wait = delay === undefined ? undefined : Math.max(delay, (error.retryAt ?? 0) - now());
      if (wait === undefined || wait > MAX_WAIT_MS) throw gaveUp(error, what, attempt, now() - started);
      options.note(`${stripAppPromise(error.message)} Trying ${what} again in ${seconds(wait)} (attempt ${attempt + 1} of ${attempts}).`);
      await sleep(wait);
    }
  }
}

/** The error after the last attempt: bintu's reason, then what the CLI did about it. */
function gaveUp(error: AppError, what: string, attempts: number, elapsedMs: number): AppError {
  const tried = attempts === 1 ? `Gave up on ${what} at once` : `Gave up on ${what} after ${attempts} attempts over ${seconds(elapsedMs)}`;
  const message = `${stripAppPromise(error.message)} ${tried}; run the command again later.`;
  return new AppError(error.code, message, {
    ...(error.bintuCode !== undefined && { bintuCode: error.bintuCode }),
    ...(error.status !== undefined && { status: error.status }),
  });
}

/** Messages written for the app promise that "the app will try again"; the CLI says what it did instead. */
function stripAppPromise(message: string): string {
  return message.replace(/;? the app (will try again|is (waiting [^.]*|slowing down))\.?$/, '.').replace(/\.\.$/, '.');
}

function seconds(ms: number): string {
  return `${Math.max(0, Math.round(ms / 100) / 10)} s`;
}
