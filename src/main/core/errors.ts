import type { CredentialKind } from '../../shared/domain';
import type { AppErrorData, ErrorCode } from '../../shared/errors';

/** Optional details an `AppError` may carry besides its code and message. */
export interface AppErrorExtra {
  /** bintu's own error code from its error body (4002, 2001, ...). */
  bintuCode?: number;
  /** HTTP status of the failing response. */
  status?: number;
  /** When the next attempt may be made (ms epoch), from `Retry-After` or a back-off. */
  retryAt?: number;
  /** The kind of credential bintu refused, on `credential-rejected`. */
  credentialKind?: CredentialKind;
  /** The underlying error, kept for debugging in main only; never serialised. */
  cause?: unknown;
}

/**
 * The one error type thrown inside main. Its message is written for the operator and is safe to
 * show: callers build it without secrets (bintu messages go through `redact` first).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly bintuCode?: number;
  readonly status?: number;
  readonly retryAt?: number;
  readonly credentialKind?: CredentialKind;

  constructor(code: ErrorCode, message: string, extra: AppErrorExtra = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'AppError';
    this.code = code;
    if (extra.bintuCode !== undefined) this.bintuCode = extra.bintuCode;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.retryAt !== undefined) this.retryAt = extra.retryAt;
    if (extra.credentialKind !== undefined) this.credentialKind = extra.credentialKind;
  }

  /** The error as plain data for IPC: code, message and the optional numbers, nothing else. */
  toData(): AppErrorData {
    const data: AppErrorData = { code: this.code, message: this.message };
    if (this.bintuCode !== undefined) data.bintuCode = this.bintuCode;
    if (this.status !== undefined) data.status = this.status;
    if (this.retryAt !== undefined) data.retryAt = this.retryAt;
    if (this.credentialKind !== undefined) data.credentialKind = this.credentialKind;
    return data;
  }
}

/** Whether a value is an `AppError`. */
export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/**
 * Turns any thrown value into error data. Anything that is not an `AppError` becomes `internal`
 * with a generic message: a foreign error's text or stack may hold paths, URLs or secrets.
 */
export function toErrorData(error: unknown): AppErrorData {
  if (isAppError(error)) return error.toData();
  if (error instanceof Error && error.name === 'AbortError') {
    return { code: 'cancelled', message: 'The operation was cancelled.' };
  }
  return { code: 'internal', message: 'Something went wrong inside the app. Please try again.' };
}
