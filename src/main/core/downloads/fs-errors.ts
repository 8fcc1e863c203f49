import type { AppError } from '../errors';
import { formatBytes, fsError } from '../fs/fs-errors';

/** Node error codes that mean the disk (or the user's quota) is full. */
export const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);
/** Node error codes that mean the app may not write there. */
export const DENIED = new Set(['EACCES', 'EPERM']);
/** Node error codes that mean the folder is not there. */
export const GONE = new Set(['ENOENT', 'ENOTDIR']);
export { formatBytes } from '../fs/fs-errors';

/**
 * Turns a file-system failure while downloading into an error the operator can act on: which
 * folder, what to do, and that what is already downloaded is kept for Retry.
 */
export function downloadFsError(error: unknown, folder: string, keptBytes: number): AppError {
  const outcome = keptBytes > 0 ? ` The ${formatBytes(keptBytes)} already downloaded are kept.` : '';
  return fsError(error, { where: folder, then: ', then press Retry.', outcome, elsewhere: 'choose another folder' });
}
