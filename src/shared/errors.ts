import { z } from 'zod';
import { credentialKindSchema } from './domain';

/** Every error the app can report, as a string union: exhaustive switches end in `assertNever` (`assert-never.ts`). */
export const ERROR_CODES = [
  'credential-rejected',
  'credential-missing',
  'bintu-error',
  'http-error',
  'network',
  'timeout',
  'rate-limited',
  'server-error',
  'malformed-response',
  'not-found',
  'invalid-input',
  'insecure-api-base',
  'keychain-unavailable',
  'forbidden-sender',
  'unknown-channel',
  'disk-full',
  'permission-denied',
  'io-error',
  'cancelled',
  'pin-required',
  'proxy-unreachable',
  'proxy-refused',
  'proxy-auth-required',
  'policy-managed',
  'live-processing-unavailable',
  'internal',
] as const;

export const errorCodeSchema = z.enum(ERROR_CODES);
/** A machine-readable error kind. */
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** An error as data: what crosses IPC and what the page shows. Never carries a credential. */
export const appErrorDataSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** bintu's own error code from its error body (4002, 2001, ...), when there was one. */
  bintuCode: z.number().int().optional(),
  /** HTTP status of the failing response, when there was one. */
  status: z.number().int().optional(),
  /** For rate limits and back-off: when the next attempt will be made (ms epoch). */
  retryAt: z.number().optional(),
  /**
   * Which kind of credential bintu refused (`credential-rejected` only): a token expires or is
   * revoked and needs a new one, an API key is wrong; the page says which.
   */
  credentialKind: credentialKindSchema.optional(),
});
export type AppErrorData = z.infer<typeof appErrorDataSchema>;

/** The shape of every command reply: errors are values, never thrown across the bridge. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** Builds a success result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failure result. */
export function fail<T = never>(error: AppErrorData): Result<T> {
  return { ok: false, error };
}
