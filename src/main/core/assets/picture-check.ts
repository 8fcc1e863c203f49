import type { AssetExt } from './asset-store';

/** What the bytes of a picture turned out to be. */
export interface PictureInfo {
  ext: AssetExt;
  width: number;
  height: number;
}

/** Sides larger than this are no thumbnail or motion clip bintu makes (and would cost the page dearly to decode). */
export const MAX_PICTURE_SIDE = 8192;
/** Pixels of one frame, so a 8192x8192 "picture" still does not pass. */
const MAX_PICTURE_PIXELS = 16_000_000;

/**
 * Reads the format and size of a picture from its bytes: a JPEG (SOI, then the first
 * start-of-frame marker) or a GIF (its logical screen). Anything else, or a size that is zero or
 * beyond `MAX_PICTURE_SIDE`, is null: such bytes are never cached or shown.
 */
export function inspectPicture(bytes: Uint8Array): PictureInfo | null {
  const info = isGif(bytes) ? gifSize(bytes) : isJpeg(bytes) ? jpegSize(bytes) : null;
  if (info === null) return null;
  const { width, height } = info;
  if (width < 1 || height < 1 || width > MAX_PICTURE_SIDE || height > MAX_PICTURE_SIDE || width * height > MAX_PICTURE_PIXELS) return null;
  return info;
}

function isGif(b: Uint8Array): boolean {
  // "GIF87a" or "GIF89a"
  return b.length >= 10 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38 && (b[4] === 0x37 || b[4] === 0x39) && b[5] === 0x61;
}

function gifSize(b: Uint8Array): PictureInfo {
  return { ext: 'gif', width: (b[6] ?? 0) | ((b[7] ?? 0) << 8), height: (b[8] ?? 0) | ((b[9] ?? 0) << 8) };
}

function isJpeg(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
}

/** Start-of-frame markers (baseline, progressive, lossless, arithmetic); not DHT (C4), JPG (C8) or DAC (CC). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** Walks the JPEG's marker segments up to the first start of frame, which holds the size. */
function jpegSize(b: Uint8Array): PictureInfo | null {
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1] ?? 0;
    // Fill bytes and stand-alone markers carry no length.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2;
      continue;
    }
    // Start of scan or end of image before any frame header: not a picture.
    if (marker === 0xda || marker === 0xd9) return null;
    const length = ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0);
    if (length < 2) return null;
    if (isStartOfFrame(marker)) {
      if (at + 9 > b.length) return null;
      const height = ((b[at + 5] ?? 0) << 8) | (b[at + 6] ?? 0);
      const width = ((b[at + 7] ?? 0) << 8) | (b[at + 8] ?? 0);
      return { ext: 'jpg', width, height };
    }
    at += 2 + length;
  }
  return null;
}
