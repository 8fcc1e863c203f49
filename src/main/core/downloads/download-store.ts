import { readFile } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-file';
import { safeFileName } from './safe-file-name';
import { stateFileSchema, storedDownloadSchema, type StoredDownload } from './download-types';

/** The state file: the download queue and its history, so neither is lost to a restart or crash. */
export class DownloadStore {
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly file: string) {}

  /**
   * Reads the records back. A missing or unreadable file is an empty queue (the `.part` files stay
   * on disk either way); a record that fails a check is dropped, since the file could have been
   * edited by hand: its folder must be absolute, its names plain file names, its URL http(s).
   */
  async load(): Promise<StoredDownload[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return [];
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return [];
    }
    const file = stateFileSchema.safeParse(parsed);
    if (!file.success) return [];
    const out: StoredDownload[] = [];
    for (const item of file.data.downloads) {
      const record = storedDownloadSchema.safeParse(item);
      if (record.success && isSound(record.data)) out.push(record.data);
    }
    return out;
  }

  /** Writes the records atomically; saves run one after another, so the last one wins. */
  save(records: readonly StoredDownload[]): Promise<void> {
    const text = JSON.stringify({ version: 1, downloads: records }, null, 1);
    const next = this.chain.then(() => writeFileAtomic(this.file, text));
    // A failed save must not block the ones after it; the caller still hears about this one.
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Resolves when every save asked for so far, and any asked for meanwhile, has finished. */
  async flushed(): Promise<void> {
    for (let seen = this.chain; ; seen = this.chain) {
      await seen;
      if (seen === this.chain) return;
    }
  }
}

function isSound(record: StoredDownload): boolean {
  return (
    isAbsolute(record.folder) &&
    safeFileName(record.fileName) === record.fileName &&
    safeFileName(record.baseName) === record.baseName &&
    /^https?:\/\//i.test(record.url)
  );
}
