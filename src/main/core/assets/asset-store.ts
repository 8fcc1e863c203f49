import { createHash } from 'node:crypto';
import { mkdir, utimes } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-file';

/** The picture kinds the wall caches. */
export type AssetExt = 'jpg' | 'gif';

/** A cached file's name: `<sha256>.<ext>`. Anything else is refused by `resolve`. */
const NAME = /^[a-f0-9]{64}\.(jpg|gif)$/;

/** Hashes content: the cache is content-addressed, so an unchanged picture is stored once. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Content-addressed picture files in the cache folder. The asset protocol serves only names this
 * store resolves, so the page can never read anything else on disk.
 */
export class AssetStore {
  /** The folder of cached pictures. */
  readonly dir: string;

  constructor(cacheDir: string) {
    this.dir = join(cacheDir, 'assets');
  }

  /** Stores bytes (once per content) and returns the file name the page will ask for. */
  async put(bytes: Uint8Array, ext: AssetExt): Promise<string> {
    const name = `${contentHash(bytes)}.${ext}`;
    const path = join(this.dir, name);
    if (!existsSync(path)) {
      await mkdir(this.dir, { recursive: true });
      await writeFileAtomic(path, bytes);
    } else {
      // Seen again: mark it recently used, so the size cap evicts older pictures first.
      const now = new Date();
      await utimes(path, now, now).catch(() => undefined);
    }
    return name;
  }

  /** The absolute path of a cached file, or null for any name that is not one of ours. */
  resolve(name: string): string | null {
    if (!NAME.test(name)) return null;
    const path = join(this.dir, name);
    return existsSync(path) ? path : null;
  }
}
