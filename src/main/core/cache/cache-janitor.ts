import { lstat, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** What one clean-up did, for the log. */
export interface JanitorReport {
  totalBytes: number;
  evictedFiles: number;
  evictedBytes: number;
}

/**
 * Keeps the picture cache under its size cap: least recently used files go first, but a file
 * that any stored wall still shows (each stream's latest picture) is never evicted.
 */
export async function enforceCacheCap(assetsDir: string, wallsDir: string, capBytes: number, inUse: ReadonlySet<string>): Promise<JanitorReport> {
  const keep = new Set(inUse);
  for (const name of await referencedByStoredWalls(wallsDir)) keep.add(name);
  const files = await listFiles(assetsDir);
  let total = files.reduce((sum, f) => sum + f.size, 0);
  const report: JanitorReport = { totalBytes: total, evictedFiles: 0, evictedBytes: 0 };
  if (total <= capBytes) return report;
  const candidates = files.filter((f) => !keep.has(f.name)).sort((a, b) => a.usedAt - b.usedAt);
  for (const file of candidates) {
    if (total <= capBytes) break;
    await rm(join(assetsDir, file.name), { force: true });
    total -= file.size;
    report.evictedFiles++;
    report.evictedBytes += file.size;
  }
  report.totalBytes = total;
  return report;
}

async function listFiles(dir: string): Promise<Array<{ name: string; size: number; usedAt: number }>> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const files = await Promise.all(
    names.map(async (name) => {
      const info = await lstat(join(dir, name)).catch(() => null);
      // A link in the cache folder is nothing we made: it goes (the link, never what it points to).
      if (info?.isSymbolicLink()) await rm(join(dir, name), { force: true }).catch(() => undefined);
      return info?.isFile() ? [{ name, size: info.size, usedAt: Math.max(info.mtimeMs, info.atimeMs) }] : [];
    }),
  );
  return files.flat();
}

/** File names every stored wall snapshot refers to (other profiles' walls must survive too). */
async function referencedByStoredWalls(wallsDir: string): Promise<Set<string>> {
  const names = new Set<string>();
  for (const file of await readdir(wallsDir).catch(() => [] as string[])) {
    if (!file.endsWith('.json')) continue;
    try {
      const body = JSON.parse(await readFile(join(wallsDir, file), 'utf8')) as { assets?: Array<{ name?: unknown }> };
      for (const record of body.assets ?? []) if (typeof record.name === 'string') names.add(record.name);
    } catch {
      // A damaged snapshot protects nothing; WallCache sets it aside on its next load.
    }
  }
  return names;
}
