import { AppError } from '../errors';
import { codeOf } from '../downloads/download-fs';
import { DENIED, DISK_FULL, GONE } from '../downloads/fs-errors';

/**
 * Words a failed alarm-log write for the operator, the way download errors are worded: which folder,
 * what to do, and that the wall itself still shows alarms (only the record is missing).
 */
export function alarmLogError(error: unknown, folder: string): AppError {
  if (error instanceof AppError) return error;
  const code = codeOf(error);
  const still = ' Alarms still show on the wall.';
  if (code !== undefined && DISK_FULL.has(code)) {
    return new AppError('disk-full', `The disk holding ${folder} is full: the alarm log is not written until some space is freed.${still}`, { cause: error });
  }
  if (code !== undefined && DENIED.has(code)) {
    return new AppError('permission-denied', `The app may not write the alarm log in ${folder}: allow writing there.${still}`, { cause: error });
  }
  if (code === 'EROFS') {
    return new AppError('permission-denied', `${folder} is on a read-only disk: the alarm log cannot be written there.${still}`, { cause: error });
  }
  if (code !== undefined && GONE.has(code)) {
    return new AppError('io-error', `The alarm log folder ${folder} is not there (was a drive removed?): reconnect it.${still}`, { cause: error });
  }
  const reason = code !== undefined ? ` (${code})` : '';
  return new AppError('io-error', `Writing the alarm log in ${folder} failed${reason}: check the disk.${still}`, { cause: error });
}

/** Words a failed alarm-log read. */
export function alarmLogReadError(error: unknown, folder: string): AppError {
  if (error instanceof AppError) return error;
  const code = codeOf(error);
  if (code !== undefined && DENIED.has(code)) return new AppError('permission-denied', `The app may not read the alarm log in ${folder}.`, { cause: error });
  const reason = code !== undefined ? ` (${code})` : '';
  return new AppError('io-error', `Reading the alarm log in ${folder} failed${reason}: check the disk.`, { cause: error });
}
