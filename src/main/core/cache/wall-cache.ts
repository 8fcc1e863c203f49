import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { streamSchema, type Stream } from '../../../shared/domain';
import { boundStream } from '../bintu/bounds';
import { writeFileAtomic } from '../fs/atomic-file';
import type { AssetRecord } from '../assets/asset-fetcher';
import type { AssetStore } from '../assets/asset-store';

/** The wall as last seen, for one profile: shown at once on the next start, online or not. */
export interface WallSnapshot {
  savedAt: number;
  lastSuccessAt: number | null;
  streams: Stream[];
  assets: Map<string, AssetRecord>;
}

const FORMAT = 1;

const assetRecordSchema = z.object({
  url: z.string(),
  name: z.string().nullable(),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  producedAt: z.number().nullable(),
  fetchedAt: z.number(),
  changedAt: z.number(),
});

const fileSchema = z.object({
  format: z.literal(FORMAT),
  savedAt: z.number(),
  lastSuccessAt: z.number().nullable(),
  streams: z.array(z.unknown()),
  assets: z.array(z.unknown()),
});

/** A stable file key per profile and API base; holds no secret. */
export function cacheKey(profileId: string, apiBase: string): string {
  return createHash('sha256').update(`${profileId}\n${apiBase}`).digest('hex').slice(0, 24);
}

/**
 * Reads and writes wall snapshots under `cache/walls/`. Writes are atomic (temporary file, fsync,
 * rename), so a crash leaves the previous snapshot. A damaged snapshot is set aside and the wall
 * starts empty: the cache can never stop the app from starting.
 */
export class WallCache {
  private readonly dir: string;

  constructor(
    cacheDir: string,
    private readonly store: AssetStore,
  ) {
    this.dir = join(cacheDir, 'walls');
  }

  /** The folder holding every profile's snapshot. */
  get folder(): string {
    return this.dir;
  }

  /** Saves a snapshot (the newest wins; a failed write keeps the previous one). */
  async save(key: string, snapshot: WallSnapshot): Promise<void> {
    const body = {
      format: FORMAT,
      savedAt: snapshot.savedAt,
      lastSuccessAt: snapshot.lastSuccessAt,
      streams: snapshot.streams,
      assets: [...snapshot.assets.values()],
    };
    await writeFileAtomic(this.file(key), JSON.stringify(body));
  }

  /**
   * Loads a snapshot, or null when there is none or it is unreadable. Streams and asset records
   * that do not parse are dropped one by one; pictures whose file is gone lose their file name so
   * the poller fetches them again.
   */
  async load(key: string): Promise<{ snapshot: WallSnapshot | null; problem: string | null }> {
    await this.removeLeftovers();
    let text: string;
    try {
      text = await readFile(this.file(key), 'utf8');
    } catch {
      return { snapshot: null, problem: null };
    }
    let parsed: z.infer<typeof fileSchema>;
    try {
      parsed = fileSchema.parse(JSON.parse(text));
    } catch {
      await rename(this.file(key), `${this.file(key)}.damaged`).catch(() => undefined);
      return { snapshot: null, problem: 'The cached wall was damaged and has been set aside; it will be rebuilt from bintu.' };
    }
    // The file is ours, but the disk is not trusted: every stream is held to the same bounds again.
    const streams = parsed.streams.flatMap((item) => {
      const stream = streamSchema.safeParse(item);
      const bounded = stream.success ? boundStream(stream.data) : null;
      return bounded === null ? [] : [bounded];
    });
    const assets = new Map<string, AssetRecord>();
    for (const item of parsed.assets) {
      const record = assetRecordSchema.safeParse(item);
      if (!record.success) continue;
      // Only whether the file is there (and no link): its bytes are checked when first served.
      const name = record.data.name && this.store.has(record.data.name) ? record.data.name : null;
      assets.set(record.data.url, { ...record.data, name });
    }
    const dropped = parsed.streams.length - streams.length;
    return {
      snapshot: { savedAt: parsed.savedAt, lastSuccessAt: parsed.lastSuccessAt, streams, assets },
      problem: dropped > 0 ? `${dropped} cached stream(s) could not be read and were dropped.` : null,
    };
  }

  /** Temporary files of writes a crash interrupted: never read, safe to delete (one writer). */
  private async removeLeftovers(): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    await Promise.all(names.filter((n) => n.endsWith('.tmp')).map((n) => rm(join(this.dir, n), { force: true })));
  }

  private file(key: string): string {
    if (!/^[a-f0-9]{24}$/.test(key)) throw new Error('invalid cache key');
    return join(this.dir, `${key}.json`);
  }
}
