/**
 * Picture helpers for the fault tests: decode what the asset host served with sharp and measure
 * it the way an alarm detector would (colour spread, how much and where two pictures differ).
 */
import sharp from 'sharp';
import type { Simulator } from '../../../src/main/simulator/index';
import { getJson, raw, type RawResponse, type StreamJson } from './helpers';

/** Decoded RGB pixels. */
export interface Pixels {
  data: Buffer;
  width: number;
  height: number;
}

/** Decodes a JPEG (or the first frame of a GIF) to RGB. */
export async function decode(bytes: Buffer): Promise<Pixels> {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Decodes every frame of an animated GIF to RGB, one buffer per frame. */
export async function frames(bytes: Buffer): Promise<Buffer[]> {
  const { data, info } = await sharp(bytes, { animated: true }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const size = info.width * (info.pageHeight ?? info.height) * 3;
  return Array.from({ length: data.length / size }, (_, i) => data.subarray(i * size, (i + 1) * size));
}

/** Mean absolute difference per channel value (0..255) between two same-sized pictures. */
export function meanDiff(a: Pixels, b: Pixels): number {
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += Math.abs(a.data[i]! - b.data[i]!);
  return sum / a.data.length;
}

/** The box around every pixel where any channel differs by more than `threshold`, or null. */
export function diffBox(a: Pixels, b: Pixels, threshold = 12): { x0: number; y0: number; x1: number; y1: number; share: number } | null {
  let [x0, y0, x1, y1, changed] = [Infinity, Infinity, -1, -1, 0];
  for (let p = 0; p < a.width * a.height; p++) {
    const i = p * 3;
    if (Math.max(Math.abs(a.data[i]! - b.data[i]!), Math.abs(a.data[i + 1]! - b.data[i + 1]!), Math.abs(a.data[i + 2]! - b.data[i + 2]!)) <= threshold) continue;
    const [x, y] = [p % a.width, Math.floor(p / a.width)];
    [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    changed++;
  }
  return x1 < 0 ? null : { x0, y0, x1, y1, share: changed / (a.width * a.height) };
}

/** Mean and standard deviation of each RGB channel. */
export async function colourStats(bytes: Buffer): Promise<{ mean: number[]; stdev: number[] }> {
  const channels = (await sharp(bytes).stats()).channels.slice(0, 3);
  return { mean: channels.map((c) => c.mean), stdev: channels.map((c) => c.stdev) };
}

/** The live single streams whose details carry a thumbnail and a motion clip. */
export async function livePictured(sim: Simulator): Promise<StreamJson[]> {
  const ids = sim.control.listStreams().filter((s) => s.state === 'live' && !s.isGroup).map((s) => s.id);
  const details = await Promise.all(ids.map(async (id) => (await getJson<StreamJson>(sim, `/stream/${id}`)).json));
  return details.filter((d) => d.playout.thumbnails?.length && d.playout.motionclip?.length);
}

/** Sends a control request; resolves to the raw answer. */
export function control(sim: Simulator, method: string, path: string, body?: unknown): Promise<RawResponse> {
  return raw(`${sim.baseUrl}/_sim/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
}
