import type { PictureMeasure } from './picture-measure';

/** The thresholds that tell "the same picture again" from "something changed". */
export interface CompareThresholds {
  /** Mean absolute luma difference (0..255) that JPEG re-encoding and sensor noise stay below. */
  noiseFloor: number;
  /** Mean difference of the most changed 4x4 block that noise stays below; a small clock exceeds it. */
  blockFloor: number;
}

/** How two pictures compare. */
export interface PictureComparison {
  /** True when neither the whole picture nor any region changed beyond noise. */
  same: boolean;
  meanDiff: number;
  maxBlockDiff: number;
}

/** Block side in thumbnail pixels: on a 64-px-wide thumbnail of a 320-px picture a block covers 20 x 20 source pixels. */
const BLOCK = 4;

/**
 * Compares two measured pictures. Two tests, either of which means "changed": the mean difference
 * over the whole picture (a cut, a pan) and the largest per-block mean (a ticking clock or a
 * ticker on an otherwise still picture, which the whole-picture mean averages away).
 * Pictures of different sizes are never the same.
 */
export function compareMeasures(a: PictureMeasure, b: PictureMeasure, thresholds: CompareThresholds): PictureComparison {
  if (a.thumbWidth !== b.thumbWidth || a.thumbHeight !== b.thumbHeight || a.width !== b.width || a.height !== b.height) {
    return { same: false, meanDiff: 255, maxBlockDiff: 255 };
  }
  const w = a.thumbWidth;
  const h = a.thumbHeight;
  const columns = Math.ceil(w / BLOCK);
  const blockSums = new Float64Array(columns * Math.ceil(h / BLOCK));
  const blockCounts = new Uint16Array(blockSums.length);
  let total = 0;
  for (let y = 0; y < h; y++) {
    const row = Math.floor(y / BLOCK) * columns;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const diff = Math.abs((a.luma[i] as number) - (b.luma[i] as number));
      total += diff;
      const block = row + Math.floor(x / BLOCK);
      blockSums[block] = (blockSums[block] as number) + diff;
      blockCounts[block] = (blockCounts[block] as number) + 1;
    }
  }
  let maxBlockDiff = 0;
  for (let k = 0; k < blockSums.length; k++) maxBlockDiff = Math.max(maxBlockDiff, (blockSums[k] as number) / Math.max(1, blockCounts[k] as number));
  const meanDiff = total / Math.max(1, w * h);
  return { same: meanDiff < thresholds.noiseFloor && maxBlockDiff < thresholds.blockFloor, meanDiff, maxBlockDiff };
}
