import { AppError } from '../errors';
import { codeOf } from './download-fs';

/** Node error codes that mean the disk (or the user's quota) is full. */
export const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);
/** Node error codes that mean the app may not write there. */
export const DENIED = new Set(['EACCES', 'EPERM']);
/** Node error codes that mean the folder is not there. */
export const GONE = new Set(['ENOENT', 'ENOTDIR']);

/**
 * Turns a file-system failure while downloading into an error the operator can act on: which
 * folder, what to do, and that what is already downloaded is kept for Retry. Node's own message is
 * not used (it names syscalls and temporary names the operator never chose).
 */
export function downloadFsError(error: unknown, folder: string, keptBytes: number): AppError {
  if (error instanceof AppError) return error;
  const code = codeOf(error);
  const kept = keptBytes > 0 ? ` The ${formatBytes(keptBytes)} already downloaded are kept.` : '';
  if (code !== undefined && DISK_FULL.has(code)) {
    return new AppError('disk-full', `The disk holding ${folder} is full: free some space, then press Retry.${kept}`, { cause: error });
  }
  if (code !== undefined && DENIED.has(code)) {
    const message = `The app may not write to ${folder}: allow writing there or choose another folder, then press Retry.${kept}`;
    return new AppError('permission-denied', message, { cause: error });
  }
  if (code === 'EROFS') {
    return new AppError('permission-denied', `${folder} is on a read-only disk: choose another folder, then press Retry.${kept}`, { cause: error });
  }
  if (code !== undefined && GONE.has(code)) {
    const message = `The folder ${folder} is not there (was a drive removed?): reconnect it or choose another folder, then press Retry.${kept}`;
    return new AppError('io-error', message, { cause: error });
  }
  if (code === 'ELOOP') {
    return new AppError('io-error', `A link stands where the download was to be written in ${folder}; it was not followed. Remove it, then press Retry.`, { cause: error });
  }
  const reason = code !== undefined ? ` (${code})` : '';
  return new AppError('io-error', `Writing to ${folder} failed${reason}: check the disk, then press Retry.${kept}`, { cause: error });
}

/** A byte count for people: `812 B`, `40.1 KB`, `12.3 MB`, `1.24 GB` (powers of 1024). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
