import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ICNS_TYPES } from '../../../scripts/icon-formats.mjs';
import { ICO_SIZES, ICNS_SIZES, LINUX_SIZES, renderIcons } from '../../../scripts/icons.mjs';

const BUILD = resolve(import.meta.dirname, '../../../build');
const read = (name: string) => readFileSync(join(BUILD, name));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The images of an .ico, as its directory lists them. */
function icoImages(file: Buffer): { size: number; body: Buffer }[] {
  expect(file.readUInt16LE(0)).toBe(0);
  expect(file.readUInt16LE(2)).toBe(1);
  return Array.from({ length: file.readUInt16LE(4) }, (_, index) => {
    const entry = 6 + 16 * index;
    const offset = file.readUInt32LE(entry + 12);
    return { size: file.readUInt8(entry) || 256, body: file.subarray(offset, offset + file.readUInt32LE(entry + 8)) };
  });
}

/** A 32-bit icon bitmap back to top-down RGBA. */
function bitmapToRgba(body: Buffer, size: number): Buffer {
  expect([body.readUInt32LE(0), body.readInt32LE(4), body.readInt32LE(8), body.readUInt16LE(14)]).toEqual([40, size, size * 2, 32]);
  expect(body.length).toBe(40 + size * size * 4 + Math.ceil(size / 32) * 4 * size);
  const rgba = Buffer.alloc(size * size * 4);
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size; col += 1) {
      const from = 40 + ((size - 1 - row) * size + col) * 4;
      rgba.set([body[from + 2]!, body[from + 1]!, body[from]!, body[from + 3]!], (row * size + col) * 4);
    }
  }
  return rgba;
}

/** The chunks of an .icns: type and data. */
function icnsChunks(file: Buffer): { type: string; data: Buffer }[] {
  expect(file.toString('ascii', 0, 4)).toBe('icns');
  expect(file.readUInt32BE(4)).toBe(file.length);
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < file.length; at += file.readUInt32BE(at + 4)) {
    chunks.push({ type: file.toString('ascii', at, at + 4), data: file.subarray(at + 8, at + file.readUInt32BE(at + 4)) });
  }
  return chunks;
}

const pixels = async (png: Buffer) => sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });

describe('the generated icons', () => {
  it('icon.ico holds every Windows size: bitmaps with the same pixels as the PNGs, and a PNG at 256 px', async () => {
    const images = icoImages(read('icon.ico'));
    expect(images.map((image) => image.size)).toEqual(ICO_SIZES);
    for (const { size, body } of images) {
      if (size === 256) {
        expect(body.subarray(0, 8)).toEqual(PNG_SIGNATURE);
        expect((await pixels(body)).info).toMatchObject({ width: 256, height: 256 });
      } else {
        expect(bitmapToRgba(body, size)).toEqual((await pixels(read(`icons/${size}x${size}.png`))).data);
      }
    }
  });

  it('icon.icns holds a PNG of the right size for every macOS type', async () => {
    const chunks = icnsChunks(read('icon.icns'));
    expect(chunks.map((chunk) => chunk.type)).toEqual(ICNS_TYPES.map(([type]) => type));
    for (const [index, { data }] of chunks.entries()) {
      const size = ICNS_TYPES[index]![1];
      expect((await pixels(data)).info).toMatchObject({ width: size, height: size });
    }
    expect([...new Set(ICNS_TYPES.map(([, size]) => size as number))].sort((a, b) => a - b)).toEqual(ICNS_SIZES);
  });

  it('build/icons has the Linux sizes and icon.png is 512 px', async () => {
    for (const size of LINUX_SIZES) expect((await pixels(read(`icons/${size}x${size}.png`))).info).toMatchObject({ width: size, height: size });
    expect((await pixels(read('icon.png'))).info).toMatchObject({ width: 512, height: 512 });
  });

  it('are what npm run icons makes of build/icon.svg today (run it after changing the SVG)', async () => {
    const fresh = await renderIcons(read('icon.svg'));
    expect(fresh.ico.equals(read('icon.ico'))).toBe(true);
    expect(fresh.icns.equals(read('icon.icns'))).toBe(true);
    expect(fresh.png.equals(read('icon.png'))).toBe(true);
    for (const { size, png } of fresh.linux) expect(png.equals(read(`icons/${size}x${size}.png`)), `${size}x${size}.png`).toBe(true);
  });
});
