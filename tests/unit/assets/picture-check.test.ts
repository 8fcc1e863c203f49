import { lstatSync, mkdtempSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { inspectPicture } from '../../../src/main/core/assets/picture-check';
import { AssetStore, contentHash } from '../../../src/main/core/assets/asset-store';

const jpeg = (width: number, height: number): Promise<Buffer> => sharp({ create: { width, height, channels: 3, background: '#336699' } }).jpeg().toBuffer();
const gifHeader = (width: number, height: number): Buffer => Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, width & 0xff, width >> 8, height & 0xff, height >> 8, 0, 0, 0]);

describe('picture bytes', () => {
  it('reads JPEG and GIF sizes from their headers', async () => {
    expect(inspectPicture(await jpeg(320, 180))).toEqual({ ext: 'jpg', width: 320, height: 180 });
    expect(inspectPicture(await sharp({ create: { width: 16, height: 9, channels: 3, background: '#000' } }).jpeg({ progressive: true }).toBuffer())).toMatchObject({ width: 16, height: 9 });
    expect(inspectPicture(gifHeader(160, 90))).toEqual({ ext: 'gif', width: 160, height: 90 });
  });

  it('refuses anything else: HTML, JSON, PNG, empty, zero or absurd sizes, a JPEG without a frame', () => {
    for (const bytes of [Buffer.from('<html><body>admin</body></html>'), Buffer.from('{"users":[]}'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0, 0]), Buffer.alloc(0), gifHeader(0, 90), gifHeader(65535, 65535), Buffer.from([0xff, 0xd8, 0xff, 0xd9])]) {
      expect(inspectPicture(bytes)).toBeNull();
    }
  });
});

describe('the cache trusts nothing on disk', () => {
  it('serves a file from an earlier run only when its bytes hash to its name and are the picture its name says', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wall-trust-'));
    const earlier = new AssetStore(dir);
    const good = await earlier.put(await jpeg(32, 18), 'jpg');
    const html = Buffer.from('<html>not a picture</html>');
    const lying = await earlier.put(html, 'jpg');
    const swapped = await earlier.put(await jpeg(40, 20), 'jpg');
    writeFileSync(join(dir, 'assets', swapped), await jpeg(41, 21));
    const store = new AssetStore(dir);
    expect(store.resolve(good)).toBe(join(dir, 'assets', good));
    expect(store.resolve(lying)).toBeNull();
    expect(store.resolve(swapped)).toBeNull();
    // Whatever failed is gone, so nothing else can pick it up either.
    expect(existsSync(join(dir, 'assets', lying))).toBe(false);
    expect(existsSync(join(dir, 'assets', swapped))).toBe(false);
  });

  it('never follows a link planted under one of its names: the link is removed, its target untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wall-link-'));
    const store = new AssetStore(dir);
    const target = join(dir, 'elsewhere.jpg');
    const bytes = await jpeg(8, 8);
    writeFileSync(target, bytes);
    const name = `${contentHash(bytes)}.jpg`;
    await store.put(await jpeg(9, 9), 'jpg');
    symlinkSync(target, join(dir, 'assets', name));
    expect(store.has(name)).toBe(false);
    expect(store.resolve(name)).toBeNull();
    expect(lstatSync(join(dir, 'assets', name), { throwIfNoEntry: false })).toBeUndefined();
    expect(existsSync(target)).toBe(true);
    // Storing those bytes now writes a real file in place of the link.
    expect(await store.put(bytes, 'jpg')).toBe(name);
    expect(lstatSync(join(dir, 'assets', name)).isFile()).toBe(true);
  });
});
