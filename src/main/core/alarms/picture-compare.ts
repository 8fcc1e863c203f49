import type { PictureMeasure } from './picture-measure';

/** The thresholds that tell "the same picture again" from "something changed". */
export interface CompareThresholds {
  /** Mean absolute luma difference (0..255) that JPEG re-encoding and sensor noise stay below. */
  noiseFloor: number;
  /** Mean difference of the most changed 4x4 window that noise stays below; a small clock exceeds it. */
  blockFloor: number;
}

/** How two pictures compare. */
export interface PictureComparison {
  /** True when neither the whole picture nor any region changed beyond noise. */
  same: boolean;
  meanDiff: number;
  maxBlockDiff: number;
}

/** Window side in thumbnail pixels: on the 128-px-wide thumbnail of a 320-px picture, 10 x 10 source pixels. */
const WINDOW = 4;
/** Windows overlap by half, so a change on a window border is not split in two and halved. */
const STRIDE = 2;

/**
 * Compares two measured pictures. Two tests, either of which means "changed": the mean difference
 * over the whole picture (a cut, a pan) and the largest mean over small windows (a ticking clock
 * or a ticker on an otherwise still picture, which the whole-picture mean averages away).
 * Pictures of different sizes are never the same.
 */
export function compareMeasures(a: PictureMeasure, b: PictureMeasure, thresholds: CompareThresholds): PictureComparison {
  if (a.thumbWidth !== b.thumbWidth || a.thumbHeight !== b.thumbHeight || a.width !== b.width || a.height !== b.height) {
    return { same: false, meanDiff: 255, maxBlockDiff: 255 };
  }
  const w = a.thumbWidth;
  const h = a.thumbHeight;
  // Summed-area table of the differences: any window's sum in four lookups.
  const stride = w + 1;
  const table = new Uint32Array(stride * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      row += Math.abs((a.luma[i] as number) - (b.luma[i] as number));
      table[(y + 1) * stride + x + 1] = (table[y * stride + x + 1] as number) + row;
    }
  }
  const total = table[h * stride + w] as number;
  const sizeX = Math.min(WINDOW, w);
  const sizeY = Math.min(WINDOW, h);
  let maxSum = 0;
  for (const y0 of starts(h, sizeY)) {
    for (const x0 of starts(w, sizeX)) {
      const y1 = y0 + sizeY;
      const x1 = x0 + sizeX;
      const sum = (table[y1 * stride + x1] as number) - (table[y0 * stride + x1] as number) - (table[y1 * stride + x0] as number) + (table[y0 * stride + x0] as number);
      if (sum > maxSum) maxSum = sum;
    }
  }
  const meanDiff = total / Math.max(1, w * h);
  const maxBlockDiff = maxSum / (sizeX * sizeY);
  return { same: meanDiff < thresholds.noiseFloor && maxBlockDiff < thresholds.blockFloor, meanDiff, maxBlockDiff };
}

/** Window origins along one side: every STRIDE pixels, plus one flush with the far edge. */
function starts(length: number, size: number): number[] {
  const origins: number[] = [];
  for (let start = 0; start + size <= length; start += STRIDE) origins.push(start);
  if (origins.at(-1) !== length - size) origins.push(length - size);
  return origins;
}
