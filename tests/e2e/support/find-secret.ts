import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under a folder whose bytes contain the secret (as text, or base64 of it). */
export function filesContaining(dir: string, secret: string): string[] {
  const needles = [Buffer.from(secret), Buffer.from(Buffer.from(secret).toString('base64'))];
  const hits: string[] = [];
  const walk = (folder: string): void => {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(folder, name);
      // The app keeps running while we look: a temporary file may vanish between list and read.
      const info = statSync(path, { throwIfNoEntry: false });
      if (!info) continue;
      if (info.isDirectory()) walk(path);
      else {
        let bytes: Buffer;
        try {
          bytes = readFileSync(path);
        } catch {
          continue;
        }
        if (needles.some((needle) => bytes.includes(needle))) hits.push(path);
      }
    }
  };
  walk(dir);
  return hits;
}
