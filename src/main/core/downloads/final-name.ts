import { dirname, join, resolve } from 'node:path';
import { AppError } from '../errors';
import type { DownloadFs } from './download-fs';
import type { DownloadRecord, StoredDownload } from './download-types';
import { safeFileName, withSuffix } from './safe-file-name';

/** More collisions than this for one name means something is wrong with the folder. */
const MAX_SUFFIX = 999;

/** The `.part` name a download is written under until it is complete. */
export const PART_SUFFIX = '.part';

/**
 * The full path of `name` inside `folder`, refusing anything that would land elsewhere. Names
 * are sanitised before they get here; this is the last check before the disk, so a name from a
 * tampered state file cannot escape either.
 */
export function pathInside(folder: string, name: string): string {
  const base = resolve(folder);
  const target = resolve(base, name);
  if (name !== safeFileName(name) || dirname(target) !== base || target !== join(base, name)) {
    throw new AppError('invalid-input', 'A download file name tried to leave its folder and was refused.');
  }
  return target;
}

/** The `.part` path of a final name. */
function partPathOf(folder: string, fileName: string): string {
  // Appended to a checked name, so it stays in the folder; not re-sanitised, as the suffix may
  // push a long name past the length limit.
  return `${pathInside(folder, fileName)}${PART_SUFFIX}`;
}

/** The `.part` path a download is written to: its planned name in its folder. */
export function partPathFor(download: Pick<DownloadRecord, 'folder' | 'fileName'>): string {
  return partPathOf(download.folder, download.fileName);
}

/**
 * Picks the name a new download will get: `baseName`, else `baseName (1)`, `(2)`... the first
 * that no file, no `.part` file and no other download in the folder already claims.
 */
export async function planName(fs: DownloadFs, folder: string, baseName: string, claimed: (name: string) => boolean): Promise<string> {
  for (let n = 0; n <= MAX_SUFFIX; n++) {
    const name = withSuffix(baseName, n);
    if (claimed(name)) continue;
    if (await fs.exists(pathInside(folder, name))) continue;
    if (await fs.exists(partPathOf(folder, name))) continue;
    return name;
  }
  throw tooManyCollisions(folder, baseName);
}

/**
 * Renames a complete `.part` file to its final name, never over an existing file: if the planned
 * name was taken meanwhile (by the operator, another program, another download), the next free
 * suffix is used. Returns the name the file got.
 */
export async function finalise(
  fs: DownloadFs,
  download: Pick<StoredDownload, 'folder' | 'fileName' | 'baseName'>,
  claimed: (name: string) => boolean,
): Promise<string> {
  const { folder, fileName: planned, baseName } = download;
  const part = partPathFor(download);
  if (await fs.moveNoReplace(part, pathInside(folder, planned))) return planned;
  for (let n = 1; n <= MAX_SUFFIX; n++) {
    const name = withSuffix(baseName, n);
    if (name === planned || claimed(name)) continue;
    if (await fs.exists(partPathOf(folder, name))) continue;
    if (await fs.moveNoReplace(part, pathInside(folder, name))) return name;
  }
  throw tooManyCollisions(folder, baseName);
}

function tooManyCollisions(folder: string, baseName: string): AppError {
  return new AppError('io-error', `${folder} already holds ${MAX_SUFFIX} files named like ${baseName}: tidy the folder, then press Retry.`);
}
