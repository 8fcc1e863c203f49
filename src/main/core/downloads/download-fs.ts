import { constants } from 'node:fs';
import { link, lstat, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncDir } from '../fs/atomic-file';

/** An open `.part` file. Writes name their position, so a resumed transfer lands where it belongs. */
export interface DownloadSink {
  /** Writes all of `data` at byte `position`. */
  write(data: Uint8Array, position: number): Promise<void>;
  /** Flushes to the disk: a file is only called complete once its bytes are really there. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The file-system boundary of the download manager. Everything it does to the disk goes through
 * here, so tests can swap in failures (a full disk, a refused write) without filling a real disk.
 */
export interface DownloadFs {
  /** The size of the regular file at `path`, or null when there is none. */
  size(path: string): Promise<number | null>;
  /** Whether anything at all (file, folder, link) is at `path`. */
  exists(path: string): Promise<boolean>;
  /** Opens (creating) a `.part` file for writing, emptied first when `truncate`; never through a link. */
  openPart(path: string, truncate: boolean): Promise<DownloadSink>;
  /** Renames `from` to `to` unless something is at `to`: false then, and nothing changed. */
  moveNoReplace(from: string, to: string): Promise<boolean>;
  /** Deletes a file; one that is already gone is fine. */
  remove(path: string): Promise<void>;
}

/** Codes meaning "this file system cannot make hard links", where a checked rename is used instead. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

// O_NOFOLLOW does not exist on Windows, where a `.part` link planted by another user is not a concern.
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/** The real file system. */
export function nodeDownloadFs(): DownloadFs {
  return {
    async size(path) {
      try {
        const stats = await lstat(path);
        return stats.isFile() ? stats.size : null;
      } catch (error) {
        if (codeOf(error) === 'ENOENT') return null;
        throw error;
      }
    },
    exists,
    async openPart(path, truncate) {
      const flags = constants.O_WRONLY | constants.O_CREAT | NO_FOLLOW | (truncate ? constants.O_TRUNC : 0);
      return fileSink(await open(path, flags, 0o644));
    },
    async moveNoReplace(from, to) {
      try {
        // A hard link fails with EEXIST when the name is taken, atomically: no check-then-rename race.
        await link(from, to);
      } catch (error) {
        const code = codeOf(error);
        if (code === 'EEXIST') return false;
        if (code === undefined || !NO_HARD_LINKS.has(code)) throw error;
        // FAT, exFAT and some network shares have no hard links: check, then rename.
        if (await exists(to)) return false;
        await rename(from, to);
        await syncDir(dirname(to));
        return true;
      }
      await unlink(from).catch(() => undefined);
      await syncDir(dirname(to));
      return true;
    },
    async remove(path) {
      try {
        await unlink(path);
      } catch (error) {
        if (codeOf(error) !== 'ENOENT') throw error;
      }
    },
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return false;
    throw error;
  }
}

function fileSink(handle: FileHandle): DownloadSink {
  return {
    async write(data, position) {
      let done = 0;
      // A write may be short (a nearly full disk); keep going until it fails or all bytes are down.
      while (done < data.length) {
        const { bytesWritten } = await handle.write(data, done, data.length - done, position + done);
        if (bytesWritten === 0) throw Object.assign(new Error('no bytes written'), { code: 'EIO' });
        done += bytesWritten;
      }
    },
    sync: () => handle.sync(),
    close: () => handle.close(),
  };
}


/** The error code Node attached to a file-system failure, if any. */
export function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
