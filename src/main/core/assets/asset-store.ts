import { createHash } from 'node:crypto';
import { closeSync, constants, lstatSync, openSync, readFileSync, rmSync } from 'node:fs';
import { lstat, mkdir, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-file';
import { inspectPicture } from './picture-check';

/** The picture kinds the wall caches. */
export type AssetExt = 'jpg' | 'gif';

/** A cached file's name: `<sha256>.<ext>`. Anything else is refused by `resolve`. */
const NAME = /^([a-f0-9]{64})\.(jpg|gif)$/;

/** The largest file `resolve` will hash and serve: more than any picture the fetcher keeps. */
const MAX_SERVED_BYTES = 8 * 1024 * 1024;

/** Hashes content: the cache is content-addressed, so an unchanged picture is stored once. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Content-addressed picture files in the cache folder. The asset protocol serves only names this
 * store resolves, so the page can never read anything else on disk. Nothing found on disk is
 * trusted: links are never followed, and a file is served only once its bytes were checked (their
 * hash is its name, and they are the picture its extension says) since this process started;
 * anything else under one of our names is removed.
 */
export class AssetStore {
  /** The folder of cached pictures. */
  readonly dir: string;
  /** Names whose bytes this process wrote or checked. */
  private readonly verified = new Set<string>();

  constructor(cacheDir: string) {
    this.dir = join(cacheDir, 'assets');
  }

  /** Stores bytes (once per content) and returns the file name the page will ask for. */
  async put(bytes: Uint8Array, ext: AssetExt): Promise<string> {
    const name = `${contentHash(bytes)}.${ext}`;
    const path = join(this.dir, name);
    const found = await lstat(path).catch(() => null);
    if (found !== null && found.isFile() && this.verified.has(name)) {
      // Seen again: mark it recently used, so the size cap evicts older pictures first.
      const now = new Date();
      await utimes(path, now, now).catch(() => undefined);
    } else {
      // Missing, or something we cannot vouch for (a link, a folder, unchecked bytes): write ours.
      if (found !== null && !found.isFile()) rmSync(path, { recursive: true, force: true });
      await mkdir(this.dir, { recursive: true });
      await writeFileAtomic(path, bytes);
    }
    this.verified.add(name);
    return name;
  }

  /**
   * Whether a cached file is there, as a plain file (no link), without reading it: for the offline
   * wall on start, which must not hash every picture before it shows. `resolve` checks the bytes.
   */
  has(name: string): boolean {
    if (!NAME.test(name)) return false;
    return lstatSync(join(this.dir, name), { throwIfNoEntry: false })?.isFile() ?? false;
  }

  /**
   * The absolute path of a cached file, or null for any name that is not one of ours. The first
   * time a name is asked for after start, its bytes are hashed and inspected; a file that fails
   * (or a link, or a folder) is removed and never served.
   */
  resolve(name: string): string | null {
    const match = NAME.exec(name);
    if (match === null) return null;
    const path = join(this.dir, name);
    const info = lstatSync(path, { throwIfNoEntry: false });
    if (info === undefined) return null;
    if (this.verified.has(name) && info.isFile()) return path;
    this.verified.delete(name);
    if (!info.isFile() || info.size === 0 || info.size > MAX_SERVED_BYTES || !this.bytesMatch(path, match[1] ?? '', match[2])) {
      rmSync(path, { recursive: true, force: true });
      return null;
    }
    this.verified.add(name);
    return path;
  }

  private bytesMatch(path: string, hash: string, ext: string | undefined): boolean {
    let fd: number | null = null;
    try {
      // O_NOFOLLOW: a link swapped in after the lstat above is refused, not read through.
      fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
      const bytes = readFileSync(fd);
      return contentHash(bytes) === hash && inspectPicture(bytes)?.ext === ext;
    } catch {
      return false;
    } finally {
      if (fd !== null) closeSync(fd);
    }
  }
}
