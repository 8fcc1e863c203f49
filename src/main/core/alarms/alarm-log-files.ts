import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { syncDir } from '../fs/atomic-file';
import { codeOf } from '../downloads/download-fs';

/** The file-system calls the alarm log makes; tests swap in failing ones (a full disk, a denied folder). */
export interface LogFs {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  rm: typeof fsp.rm;
  readFile: typeof fsp.readFile;
  mkdir: typeof fsp.mkdir;
}

/** Node's own file system. */
export const NODE_LOG_FS: LogFs = { open: fsp.open, rename: fsp.rename, rm: fsp.rm, readFile: fsp.readFile, mkdir: fsp.mkdir };

/** The log's file names: `alarms.jsonl` now, `alarms.1.jsonl` the newest rotated, up to `alarms.<keep>.jsonl`. */
export function logFile(folder: string, index: number): string {
  return join(folder, index === 0 ? 'alarms.jsonl' : `alarms.${index}.jsonl`);
}

/**
 * Cuts a torn last line (the process died inside a write) so the next append starts on a line of
 * its own; a torn line left in place would corrupt the first line written after it. Returns the size.
 */
export async function repairTail(fs: LogFs, path: string): Promise<number> {
  let handle;
  try {
    handle = await fs.open(path, 'r+');
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return 0;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return 0;
    const chunk = Buffer.alloc(Math.min(size, 64 * 1024));
    let end = size;
    // Walk back in chunks to the last newline; a line is far shorter than the cap, so this is brief.
    while (end > 0) {
      const start = Math.max(0, end - chunk.length);
      const { bytesRead } = await handle.read(chunk, 0, end - start, start);
      const newline = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (newline >= 0) {
        const keep = start + newline + 1;
        if (keep !== size) {
          await handle.truncate(keep);
          await handle.sync();
        }
        return keep;
      }
      end = start;
    }
    await handle.truncate(0);
    await handle.sync();
    return 0;
  } finally {
    await handle.close();
  }
}

/** Shifts `alarms.jsonl` to `alarms.1.jsonl` and so on, dropping what is beyond `keep`; each rename is atomic. */
export async function rotate(fs: LogFs, folder: string, keep: number): Promise<void> {
  await fs.rm(logFile(folder, keep), { force: true });
  for (let index = keep - 1; index >= 0; index--) {
    try {
      await fs.rename(logFile(folder, index), logFile(folder, index + 1));
    } catch (error) {
      if (codeOf(error) !== 'ENOENT') throw error;
    }
  }
  await syncDir(folder);
}

/** The complete lines of every kept file, oldest first; a torn last line is left out. */
export async function readLines(fs: LogFs, folder: string, keep: number): Promise<string[]> {
  const lines: string[] = [];
  for (let index = keep; index >= 0; index--) {
    let text: string;
    try {
      text = await fs.readFile(logFile(folder, index), 'utf8');
    } catch (error) {
      if (codeOf(error) === 'ENOENT') continue;
      throw error;
    }
    const parts = text.split('\n');
    // Whatever follows the last newline is an unfinished write.
    parts.pop();
    for (const line of parts) if (line.length > 0) lines.push(line);
  }
  return lines;
}
