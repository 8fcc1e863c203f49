/**
 * Turns drawn rasters into real files: JPEG through sharp, animated GIF through gifenc.
 */
import sharp from 'sharp';
import * as gifenc from 'gifenc';
import type { Raster } from './raster';

// Node loads gifenc's CommonJS build (everything under `default`); bundlers load its ES build
// (named exports, `default` is the encoder function). Accept both.
type GifLib = typeof gifenc.default;
const ns = gifenc as unknown as Partial<GifLib> & { default: GifLib };
const gif: GifLib = typeof ns.quantize === 'function' ? (ns as GifLib) : ns.default;

/** Encodes one raster as a baseline JPEG (quality 70 unless asked). */
export async function encodeJpeg(r: Raster, quality = 70): Promise<Buffer> {
  return sharp(r.data, { raw: { width: r.width, height: r.height, channels: 4 } })
    .removeAlpha()
    .jpeg({ quality })
    .toBuffer();
}

/** Encodes frames as a looping animated GIF with one shared palette. */
export function encodeGif(frames: Raster[], delayMs: number): Buffer {
  const first = frames[0];
  if (!first) throw new Error('a GIF needs at least one frame');
  // The scene uses few flat colours, so one palette from the first frame fits every frame.
  const palette = gif.quantize(first.data, 32);
  const encoder = gif.GIFEncoder();
  frames.forEach((f, i) => {
    encoder.writeFrame(gif.applyPalette(f.data, palette), f.width, f.height, i === 0 ? { palette, delay: delayMs, repeat: 0 } : { delay: delayMs });
  });
  encoder.finish();
  return Buffer.from(encoder.bytes());
}
