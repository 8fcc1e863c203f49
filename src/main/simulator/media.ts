/**
 * The MP4 recordings: a few tiny real clips (made by media/make-media.sh), loaded once and handed
 * out per recording name, so every recording is a playable file with a stable checksum.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashSeed } from './rng';

/** One clip in memory. */
export interface MediaFile {
  file: string;
  data: Buffer;
  sha256: string;
}

/**
 * The folder that holds the committed clips: next to this module in the sources; in the built app
 * the simulator is a chunk in `out/main/chunks/` and the build copies the clips to `out/main/media/`.
 */
export function defaultMediaDir(): string {
  const candidates = ['./media/', '../media/'].map((path) => fileURLToPath(new URL(path, import.meta.url)));
  return candidates.find((dir) => existsSync(dir)) ?? (candidates[0] as string);
}

/** The clips, and which one backs each recording name. */
export class MediaLibrary {
  private readonly files: MediaFile[];

  constructor(dir: string) {
    this.files = readdirSync(dir)
      .filter((f) => f.endsWith('.mp4'))
      .sort()
      .map((file) => {
        const data = readFileSync(join(dir, file));
        return { file, data, sha256: createHash('sha256').update(data).digest('hex') };
      });
    if (this.files.length === 0) throw new Error(`no .mp4 recordings in ${dir}`);
  }

  /** The clip behind a recording name; the same name always gets the same clip. */
  forRecording(name: string): MediaFile {
    return this.files[hashSeed(name) % this.files.length] ?? this.files[0]!;
  }
}
