import type { AppError } from '../errors';
import { formatBytes, fsError } from '../fs/fs-errors';

export { formatBytes } from '../fs/fs-errors';

/**
 * Turns a file-system failure while downloading into an error the operator can act on: which
 * folder, what to do, and that what is already downloaded is kept for Retry.
 */
export function downloadFsError(error: unknown, folder: string, keptBytes: number): AppError {
  const outcome = keptBytes > 0 ? ` The ${formatBytes(keptBytes)} already downloaded are kept.` : '';
  return fsError(error, { where: folder, then: ', then press Retry.', outcome, elsewhere: 'choose another folder' });
}
