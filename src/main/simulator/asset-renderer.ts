/**
 * Renders pictures on demand and remembers them: one encode per (name, version, black), shared
 * by concurrent requests, in a byte-bounded LRU so memory stays flat however long it runs.
 */
import { encodeGif, encodeJpeg } from './encode';
import { CLIP_FPS, drawClipFrame, drawThumbnail, type SceneInput } from './picture';

const DEFAULT_MAX_BYTES = 24 * 1024 * 1024;
const MAX_SIZE_ENTRIES = 20_000;

interface CacheEntry {
  buffer: Promise<Buffer>;
  size: number | null;
}

/** Encoded pictures with a memory cap. */
export class AssetRenderer {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly sizes = new Map<string, number>();
  private cachedBytes = 0;
  /** Encodes done so far (cache misses). */
  readonly counters = { jpeg: 0, gif: 0 };

  constructor(private readonly maxBytes = DEFAULT_MAX_BYTES) {}

  /** The JPEG of a thumbnail version taken at `at`. */
  thumbnail(scene: SceneInput, at: number): Promise<Buffer> {
    return this.memo(`t|${scene.streamname}|${scene.version}|${scene.black ? 1 : 0}`, () => {
      this.counters.jpeg++;
      return encodeJpeg(drawThumbnail(scene, at));
    });
  }

  /** The GIF of a motion-clip version of `durationS` seconds ending at `end`. */
  motionClip(scene: SceneInput, end: number, durationS: number): Promise<Buffer> {
    return this.memo(`m|${scene.streamname}|${scene.version}|${scene.black ? 1 : 0}`, async () => {
      this.counters.gif++;
      const frames = Math.max(1, Math.round(durationS * CLIP_FPS));
      const rasters = Array.from({ length: frames }, (_, i) => drawClipFrame(scene, end, i, frames));
      return encodeGif(rasters, 1000 / CLIP_FPS);
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
  knownSize(kind: 't' | 'm', scene: SceneInput): number | undefined {
    return this.sizes.get(`${kind}|${scene.streamname}|${scene.version}|${scene.black ? 1 : 0}`);
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
