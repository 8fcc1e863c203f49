// @ts-check
// The two icon containers the installers need, written by hand: both are a short header and a
// table of images, which is less code than a dependency would be.

/** @typedef {{ size: number, png: Buffer, rgba?: Buffer }} IconImage */

/**
 * A Windows .ico: PNG for 256 px (as Windows expects there), a 32-bit bitmap with its AND mask for
 * the smaller sizes, which every Windows version and NSIS's installer icon read.
 * @param {IconImage[]} images sorted by size; smaller than 256 px need `rgba` (size*size*4 bytes)
 * @returns {Buffer}
 */
export function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1: icon, not cursor
  header.writeUInt16LE(images.length, 4);
  const bodies = images.map((image) => (image.size >= 256 ? image.png : bitmap(image)));
  let offset = 6 + 16 * images.length;
  const entries = images.map((image, index) => {
    const body = /** @type {Buffer} */ (bodies[index]);
    const entry = Buffer.alloc(16);
    entry.writeUInt8(image.size >= 256 ? 0 : image.size, 0); // 0 stands for 256
    entry.writeUInt8(image.size >= 256 ? 0 : image.size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(body.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += body.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...bodies]);
}

/**
 * An icon bitmap: BITMAPINFOHEADER (height doubled for the mask), BGRA rows bottom-up, then the
 * 1-bit AND mask, all zero because the alpha channel already carries transparency.
 * @param {IconImage} image
 */
function bitmap({ size, rgba }) {
  if (!rgba || rgba.length !== size * size * 4) throw new Error(`the ${size} px icon needs ${size * size * 4} bytes of RGBA`);
  const info = Buffer.alloc(40);
  info.writeUInt32LE(40, 0);
  info.writeInt32LE(size, 4);
  info.writeInt32LE(size * 2, 8);
  info.writeUInt16LE(1, 12);
  info.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size; col += 1) {
      const from = (row * size + col) * 4;
      const to = ((size - 1 - row) * size + col) * 4;
      pixels[to] = /** @type {number} */ (rgba[from + 2]);
      pixels[to + 1] = /** @type {number} */ (rgba[from + 1]);
      pixels[to + 2] = /** @type {number} */ (rgba[from]);
      pixels[to + 3] = /** @type {number} */ (rgba[from + 3]);
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  info.writeUInt32LE(pixels.length + maskRow * size, 20);
  return Buffer.concat([info, pixels, Buffer.alloc(maskRow * size)]);
}

/** The PNG-carrying icns types, by pixel size (two types share a size where one is the double-density variant). */
export const ICNS_TYPES = /** @type {const} */ ([
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256],
  ['ic09', 512],
  ['ic14', 512],
  ['ic10', 1024],
]);

/**
 * A macOS .icns: the 'icns' header, then one PNG per type, each a type code and a big-endian length.
 * @param {Map<number, Buffer>} pngBySize PNGs for 16, 32, 64, 128, 256, 512 and 1024 px
 * @returns {Buffer}
 */
export function icns(pngBySize) {
  const chunks = ICNS_TYPES.map(([type, size]) => {
    const png = pngBySize.get(size);
    if (!png) throw new Error(`icns needs a ${size} px PNG for ${type}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}
