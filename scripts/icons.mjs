// @ts-check
// `npm run icons`: every platform's icon from build/icon.svg (drawn by build/make-icon.ts or by
// hand). Writes build/icon.png (512 px: the window icon and electron-builder's default),
// build/icon.ico (Windows and the NSIS installer), build/icon.icns (macOS) and build/icons/NxN.png
// (Linux: the AppImage and the deb's hicolor theme). The outputs are committed, so packaging
// needs no rendering step.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { icns, ico } from './icon-formats.mjs';

const BUILD = join(import.meta.dirname, '..', 'build');
const MASTER = 1024;
/** The sizes each platform reads. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
export const ICNS_SIZES = [16, 32, 64, 128, 256, 512, 1024];
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

/**
 * Renders the SVG once at 1024 px (its own size is 512, so at twice the density) and scales down
 * from there, which keeps the small sizes sharp and every output from one raster.
 * @param {Buffer} svg
 */
export async function renderIcons(svg) {
  const width = (await sharp(svg).metadata()).width ?? 512;
  const master = await sharp(svg, { density: (72 * MASTER) / width }).resize(MASTER, MASTER).png().toBuffer();
  /** @param {number} size */
  const png = (size) => sharp(master).resize(size, size, { kernel: 'lanczos3' }).png({ compressionLevel: 9 }).toBuffer();
  /** @param {number} size */
  const rgba = (size) => sharp(master).resize(size, size, { kernel: 'lanczos3' }).ensureAlpha().raw().toBuffer();
  const all = [...new Set([...ICO_SIZES, ...ICNS_SIZES, ...LINUX_SIZES])];
  const pngs = new Map(await Promise.all(all.map(async (size) => /** @type {const} */ ([size, await png(size)]))));
  const icoImages = await Promise.all(
    ICO_SIZES.map(async (size) => ({ size, png: /** @type {Buffer} */ (pngs.get(size)), ...(size < 256 ? { rgba: await rgba(size) } : {}) })),
  );
  return { png: /** @type {Buffer} */ (pngs.get(512)), ico: ico(icoImages), icns: icns(pngs), linux: LINUX_SIZES.map((size) => ({ size, png: /** @type {Buffer} */ (pngs.get(size)) })) };
}

async function main() {
  const icons = await renderIcons(await readFile(join(BUILD, 'icon.svg')));
  await writeFile(join(BUILD, 'icon.png'), icons.png);
  await writeFile(join(BUILD, 'icon.ico'), icons.ico);
  await writeFile(join(BUILD, 'icon.icns'), icons.icns);
  await mkdir(join(BUILD, 'icons'), { recursive: true });
  for (const { size, png } of icons.linux) await writeFile(join(BUILD, 'icons', `${size}x${size}.png`), png);
  console.log(`build/icon.png, build/icon.ico (${ICO_SIZES.join(', ')}), build/icon.icns (${ICNS_SIZES.join(', ')}), build/icons/ (${LINUX_SIZES.join(', ')})`);
}

if (process.argv[1] === import.meta.filename) await main();
