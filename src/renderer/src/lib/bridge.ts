import type { Result } from '../../../shared/errors';

/**
 * Turns a bridge call that rejects (a broken preload, a closed channel) into an error result,
 * so every caller handles one shape. Errors are values at the bridge; nothing should throw here.
 */
export function settle<T>(call: Promise<Result<T>>): Promise<Result<T>> {
  return call.catch(
    (cause: unknown): Result<T> => ({
      ok: false,
      error: { code: 'internal', message: cause instanceof Error ? cause.message : String(cause) },
    }),
  );
}
