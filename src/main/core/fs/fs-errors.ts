import { AppError } from '../errors';

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);
const DENIED = new Set(['EACCES', 'EPERM']);
const GONE = new Set(['ENOENT', 'ENOTDIR']);

/** How `fsError` words its message for one place the app writes to. */
export interface FsErrorWords {
  /** The folder or file, as the operator knows it: a path, or words such as "the settings file". */
  where: string;
  /** What to do once it is fixed, appended to the advice: ", then press Retry." */
  then: string;
  /** Said last: what was kept or lost (" The change was not saved."). */
  outcome?: string;
  /** The way around a place the app cannot write to, when the operator chose it: "choose another folder". */
  elsewhere?: string;
}

/** The error code Node attached to a failure, if any. */
export function fsCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Turns a file-system failure into an error the operator can act on, in plain words: the disk is
 * full, writing there is not allowed, the disk is read-only, the folder is gone. Shared by
 * downloads, settings, the picture cache and the alarm log. Node's own message is not used (it
 * names syscalls and temporary files the operator never chose). An `AppError` passes unchanged.
 */
export function fsError(error: unknown, words: FsErrorWords): AppError {
  if (error instanceof AppError) return error;
  const { where, then } = words;
  const outcome = words.outcome ?? '';
  const or = words.elsewhere !== undefined ? ` or ${words.elsewhere}` : '';
  const code = fsCodeOf(error);
  const make = (kind: 'disk-full' | 'permission-denied' | 'io-error', text: string): AppError =>
    new AppError(kind, `${text}${outcome}`, { cause: error });
  if (code !== undefined && DISK_FULL.has(code)) return make('disk-full', `The disk holding ${where} is full: free some space${then}`);
  if (code !== undefined && DENIED.has(code)) return make('permission-denied', `The app may not write to ${where}: allow writing there${or}${then}`);
  if (code === 'EROFS') return make('permission-denied', `${where} is on a read-only disk: ${words.elsewhere ?? 'make it writable'}${then}`);
  if (code !== undefined && GONE.has(code)) {
    return make('io-error', `The folder ${where} is not there (was a drive removed?): reconnect it${or}${then}`);
  }
  if (code === 'ELOOP') return make('io-error', `A link stands where a file was to be written in ${where}; it was not followed. Remove it${then}`);
  const reason = code !== undefined ? ` (${code})` : '';
  return make('io-error', `Writing to ${where} failed${reason}: check the disk${then}`);
}

/** A byte count for people: `812 B`, `40.1 KB`, `12.3 MB`, `1.24 GB` (powers of 1024). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
