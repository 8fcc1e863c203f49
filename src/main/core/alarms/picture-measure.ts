import sharp from 'sharp';
import { jpegSize, sniffFormat } from './picture-sniff';

/** What the alarm rules need to know about one readable picture; small enough to keep one per stream. */
export interface PictureMeasure {
  readonly kind: 'picture';
  /** The picture's own size. */
  readonly width: number;
  readonly height: number;
  /** Size of the luma thumbnail (at most 128 x 128, aspect kept). */
  readonly thumbWidth: number;
  readonly thumbHeight: number;
  /** Rec. 601 luma (0..255) of the thumbnail, row by row. */
  readonly luma: Uint8Array;
  readonly meanLuma: number;
  /** Share of pixels darker than 10 % luma (ffmpeg blackdetect's pixel threshold). */
  readonly blackFraction: number;
  /** Share of pixels within a small tolerance of the median colour in every channel. */
  readonly uniformFraction: number;
  /** Standard deviation of each channel (R, G, B) over the thumbnail. */
  readonly channelStddev: readonly [number, number, number];
}

/** Why a picture could not be used. */
export type UnreadableReason = 'empty' | 'wrong-format' | 'not-an-image' | 'truncated' | 'corrupt' | 'bad-size';

/** A picture that is not one: the analysis result instead of an exception. */
export interface UnreadablePicture {
  readonly kind: 'unreadable';
  readonly reason: UnreadableReason;
  /** Plain words for the log. */
  readonly detail: string;
}

/** The result of analysing one picture. */
export type PictureAnalysis = PictureMeasure | UnreadablePicture;

/** The picture formats an asset URL promises. */
export type ExpectedFormat = 'jpeg' | 'gif';

/**
 * 128 px, not 64: JPEG shrink-on-load then decodes a 320-px thumbnail at 1/2 scale, which keeps a
 * one-segment change of a 10-px clock digit visible; at 64 px (1/4 scale) it drowns in re-encoding
 * noise, and a healthy stream with a small clock would be called frozen. Costs about 1 ms more.
 */
const THUMB_SIDE = 128;
const MIN_SIDE = 8;
const MAX_SIDE = 8192;
/** Bounds what a hostile picture can cost to decode (the header check catches most first). */
const MAX_INPUT_PIXELS = 40_000_000;
/** 10 % of full-range luma, as ffmpeg blackdetect's `pix_th` default. */
const BLACK_LUMA = 25;
/** How far from the median colour a pixel may be and still count as the slate's colour. */
const UNIFORM_TOLERANCE = 16;

/**
 * Decodes a picture once into a small RGB thumbnail (JPEG shrink-on-load does most of the work)
 * and measures it (about 9 KB kept per stream). Never throws: anything that is not a readable picture of the expected format
 * comes back as `unreadable` with the reason.
 */
export async function analysePicture(bytes: Uint8Array, expected: ExpectedFormat = 'jpeg'): Promise<PictureAnalysis> {
  try {
    const early = checkBytes(bytes, expected);
    if (early.kind === 'unreadable') return early;
    const { data, info } = await sharp(bytes, { failOn: 'warning', limitInputPixels: MAX_INPUT_PIXELS })
      .resize({ width: THUMB_SIDE, height: THUMB_SIDE, fit: 'inside', kernel: 'linear', fastShrinkOnLoad: true })
      // No removeAlpha: one pipeline step fewer; `measure` reads the colour channels and skips alpha.
      .raw()
      .toBuffer({ resolveWithObject: true });
    return measure(data, info.width, info.height, info.channels, early.width ?? info.width, early.height ?? info.height);
  } catch (error) {
    return decodeFailure(error);
  }
}

type EarlyCheck = UnreadablePicture | { kind: 'ok'; width?: number; height?: number };

/** The cheap checks before decoding: empty, wrong format, implausible size in the JPEG header. */
function checkBytes(bytes: Uint8Array, expected: ExpectedFormat): EarlyCheck {
  if (bytes.length === 0) return unreadable('empty', 'The picture was empty (0 bytes).');
  const format = sniffFormat(bytes);
  if (format === 'text' || format === 'unknown') return unreadable('not-an-image', `The picture is not an image (${format === 'text' ? 'text' : 'unknown bytes'}).`);
  if (format !== expected) return unreadable('wrong-format', `A ${format.toUpperCase()} arrived where a ${expected.toUpperCase()} was expected.`);
  if (format !== 'jpeg') return { kind: 'ok' };
  const size = jpegSize(bytes);
  if (!size) return unreadable('truncated', 'The JPEG ends before its frame header.');
  if (size.width < MIN_SIDE || size.height < MIN_SIDE || size.width > MAX_SIDE || size.height > MAX_SIDE) {
    return unreadable('bad-size', `The picture has an implausible size (${size.width} x ${size.height}).`);
  }
  return { kind: 'ok', ...size };
}

/** One pass for luma, black share and per-channel histograms, one more for the share near the median colour. */
function measure(data: Buffer, w: number, h: number, channels: number, width: number, height: number): PictureMeasure {
  const count = w * h;
  const luma = new Uint8Array(count);
  // One channel (a greyscale JPEG) stands for all three; a fourth (alpha) is skipped by the stride.
  const gOffset = channels >= 3 ? 1 : 0;
  const bOffset = channels >= 3 ? 2 : 0;
  const histR = new Uint32Array(256);
  const histG = new Uint32Array(256);
  const histB = new Uint32Array(256);
  let sumR = 0, sumG = 0, sumB = 0, sqR = 0, sqG = 0, sqB = 0;
  let lumaSum = 0;
  let black = 0;
  for (let i = 0, base = 0; i < count; i++, base += channels) {
    const r = data[base] as number;
    const g = data[base + gOffset] as number;
    const b = data[base + bOffset] as number;
    const y = (77 * r + 150 * g + 29 * b) >> 8;
    luma[i] = y;
    lumaSum += y;
    if (y <= BLACK_LUMA) black++;
    histR[r] = (histR[r] as number) + 1;
    histG[g] = (histG[g] as number) + 1;
    histB[b] = (histB[b] as number) + 1;
    sumR += r;
    sumG += g;
    sumB += b;
    sqR += r * r;
    sqG += g * g;
    sqB += b * b;
  }
  const mR = medianOf(histR, count);
  const mG = medianOf(histG, count);
  const mB = medianOf(histB, count);
  let near = 0;
  for (let i = 0, base = 0; i < count; i++, base += channels) {
    if (Math.abs((data[base] as number) - mR) <= UNIFORM_TOLERANCE
      && Math.abs((data[base + gOffset] as number) - mG) <= UNIFORM_TOLERANCE
      && Math.abs((data[base + bOffset] as number) - mB) <= UNIFORM_TOLERANCE) near++;
  }
  const stddev = (sum: number, squares: number): number => Math.sqrt(Math.max(0, squares / count - (sum / count) ** 2));
  return {
    kind: 'picture', width, height, thumbWidth: w, thumbHeight: h, luma,
    meanLuma: lumaSum / count,
    blackFraction: black / count,
    uniformFraction: near / count,
    channelStddev: [stddev(sumR, sqR), stddev(sumG, sqG), stddev(sumB, sqB)],
  };
}

function medianOf(histogram: Uint32Array, count: number): number {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v] as number;
    if (seen * 2 >= count) return v;
  }
  return 255;
}

function decodeFailure(error: unknown): UnreadablePicture {
  const message = error instanceof Error ? error.message : '';
  // libjpeg says "Corrupt JPEG data: premature end of data segment" for damaged scans: corrupt, not short.
  if (/corrupt jpeg data/i.test(message)) return unreadable('corrupt', 'The picture is damaged and cannot be decoded.');
  if (/premature end|truncated/i.test(message)) return unreadable('truncated', 'The picture is truncated (it ends before its last byte).');
  if (/pixel limit/i.test(message)) return unreadable('bad-size', 'The picture is too large to check.');
  if (/unsupported image format/i.test(message)) return unreadable('not-an-image', 'The picture is not an image.');
  return unreadable('corrupt', 'The picture is damaged and cannot be decoded.');
}

function unreadable(reason: UnreadableReason, detail: string): UnreadablePicture {
  return { kind: 'unreadable', reason, detail };
}
