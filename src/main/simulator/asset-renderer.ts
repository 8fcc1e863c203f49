/**
 * Renders pictures on demand and remembers them: one encode per (name, version, fault tag),
 * shared by concurrent requests, in a byte-bounded LRU so memory stays flat however long it runs.
 */
import { encodeGif, encodeJpeg } from './encode';
import { CLIP_FPS, drawClipFrame, drawThumbnail } from './picture';
import type { Raster } from './raster';
import type { Shot } from './shot';

const DEFAULT_MAX_BYTES = 24 * 1024 * 1024;
const MAX_SIZE_ENTRIES = 20_000;

interface CacheEntry {
  buffer: Promise<Buffer>;
  size: number | null;
}

function keyOf(shot: Shot): string {
  return `${shot.kind}|${shot.scene.streamname}|${shot.version}|${shot.tag}`;
}

function grained(r: Raster, shot: Shot): Raster {
  if (shot.grain !== null) r.grain(shot.grain);
  return r;
}

/** The first half of a file: an upload cut short, which no decoder accepts as a whole picture. */
function truncated(bytes: Buffer): Buffer {
  return bytes.subarray(0, Math.floor(bytes.length / 2));
}

/** Encoded pictures with a memory cap. */
export class AssetRenderer {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly sizes = new Map<string, number>();
  private cachedBytes = 0;
  /** Encodes done so far (cache misses). */
  readonly counters = { jpeg: 0, gif: 0 };

  constructor(private readonly maxBytes = DEFAULT_MAX_BYTES) {}

  /** The JPEG of a thumbnail version. */
  thumbnail(shot: Shot): Promise<Buffer> {
    return this.memo(keyOf(shot), async () => {
      this.counters.jpeg++;
      const raster = grained(drawThumbnail(shot.scene, shot.drawnAt), shot);
      // A GIF where a JPEG belongs: readable bytes, the wrong format for the URL.
      const bytes = shot.unreadable === 'wrongFormat' ? encodeGif([raster], 0) : await encodeJpeg(raster, shot.quality);
      return shot.unreadable === 'truncated' ? truncated(bytes) : bytes;
    });
  }

  /** The GIF of a motion-clip version of `durationS` seconds ending at the shot's instant. */
  motionClip(shot: Shot, durationS: number): Promise<Buffer> {
    return this.memo(keyOf(shot), async () => {
      this.counters.gif++;
      const frames = Math.max(1, Math.round(durationS * CLIP_FPS));
      // A frozen camera repeats one frame: the clip's last.
      const draw = (i: number): Raster => grained(drawClipFrame(shot.scene, shot.drawnAt, shot.stillClip ? frames - 1 : i, frames), shot);
      if (shot.unreadable === 'wrongFormat') return encodeJpeg(draw(frames - 1));
      const bytes = encodeGif(Array.from({ length: frames }, (_, i) => draw(i)), 1000 / CLIP_FPS);
      return shot.unreadable === 'truncated' ? truncated(bytes) : bytes;
    });
  }

  private memo(key: string, make: () => Promise<Buffer>): Promise<Buffer> {
    const hit = this.cache.get(key);
    if (hit) {
      // Re-insert: a Map iterates in insertion order, so the first key is the least recent.
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit.buffer;
    }
    const entry: CacheEntry = { buffer: make(), size: null };
    this.cache.set(key, entry);
    entry.buffer.then(
      (buf) => {
        this.rememberSize(key, buf.length);
        if (this.cache.get(key) !== entry) return;
        entry.size = buf.length;
        this.cachedBytes += buf.length;
        this.evict();
      },
      () => this.cache.delete(key),
    );
    return entry.buffer;
  }

  /** The encoded size of a picture rendered before, if still remembered. */
  knownSize(shot: Shot): number | undefined {
    return this.sizes.get(keyOf(shot));
  }

  private rememberSize(key: string, bytes: number): void {
    this.sizes.set(key, bytes);
    if (this.sizes.size > MAX_SIZE_ENTRIES) {
      const oldest = this.sizes.keys().next().value;
      if (oldest !== undefined) this.sizes.delete(oldest);
    }
  }

  private evict(): void {
    for (const [key, entry] of this.cache) {
      if (this.cachedBytes <= this.maxBytes) return;
      if (entry.size === null) continue; // still encoding
      this.cache.delete(key);
      this.cachedBytes -= entry.size;
    }
  }

  /** Bytes currently held in the cache. */
  get heldBytes(): number {
    return this.cachedBytes;
  }
}
