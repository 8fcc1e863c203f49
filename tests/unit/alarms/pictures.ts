// Pictures made in the test: a textured scene with a small clock, black frames, slates, broken bytes.
import sharp from 'sharp';

/** A raw RGB frame the helpers draw into. */
export interface Frame {
  width: number;
  height: number;
  data: Buffer;
}

/** A small deterministic PRNG (mulberry32), so every picture is repeatable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A frame filled with one colour. */
export function solid(width: number, height: number, rgb: readonly [number, number, number]): Frame {
  const data = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) data.set(rgb, i * 3);
  return { width, height, data };
}

/** Fills a rectangle (clipped to the frame). */
export function fillRect(frame: Frame, x: number, y: number, w: number, h: number, rgb: readonly [number, number, number]): void {
  for (let yy = Math.max(0, y); yy < Math.min(frame.height, y + h); yy++) {
    for (let xx = Math.max(0, x); xx < Math.min(frame.width, x + w); xx++) frame.data.set(rgb, (yy * frame.width + xx) * 3);
  }
}

/** A busy camera-like scene: gradient, coloured shapes and fine texture, all from the seed. */
export function scene(seed: number, width = 320, height = 180): Frame {
  const random = rng(seed);
  const frame = solid(width, height, [0, 0, 0]);
  const [r0, g0, b0] = [random() * 200, random() * 200, random() * 200];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const t = (x + y) / (width + height);
      frame.data[i] = r0 * (1 - t) + 40 * t;
      frame.data[i + 1] = g0 * t + 30;
      frame.data[i + 2] = b0 * (1 - t) + 20;
    }
  }
  for (let n = 0; n < 25; n++) {
    const colour = [random() * 255, random() * 255, random() * 255] as const;
    fillRect(frame, Math.floor(random() * width), Math.floor(random() * height), 8 + Math.floor(random() * 60), 8 + Math.floor(random() * 40), colour);
  }
  for (let i = 0; i < frame.data.length; i++) frame.data[i] = clamp((frame.data[i] as number) + (random() - 0.5) * 30);
  return frame;
}

const SEGMENTS: Record<string, string> = {
  '0': 'abcdef', '1': 'bc', '2': 'abdeg', '3': 'abcdg', '4': 'bcfg', '5': 'acdfg', '6': 'acdefg', '7': 'abc', '8': 'abcdefg', '9': 'abcdfg',
};

/** Draws a small seven-segment clock (`HH:MM:SS`, digits 6 px wide, 10 px high) in a dark box. */
export function drawClock(frame: Frame, text: string, x = 8, y = 8): void {
  fillRect(frame, x - 2, y - 2, text.length * 8 + 3, 14, [10, 10, 10]);
  const white = [240, 240, 240] as const;
  [...text].forEach((char, index) => {
    const cx = x + index * 8;
    if (char === ':') {
      fillRect(frame, cx + 2, y + 2, 2, 2, white);
      fillRect(frame, cx + 2, y + 7, 2, 2, white);
      return;
    }
    for (const segment of SEGMENTS[char] ?? '') {
      const [sx, sy, sw, sh] = ({ a: [0, 0, 6, 1], b: [5, 0, 1, 5], c: [5, 5, 1, 5], d: [0, 9, 6, 1], e: [0, 5, 1, 5], f: [0, 0, 1, 5], g: [0, 4, 6, 1] } as Record<string, number[]>)[segment] as [number, number, number, number];
      fillRect(frame, cx + sx, y + sy, sw, sh, white);
    }
  });
}

/** Adds seeded sensor-like noise of the given amplitude to every channel. */
export function withNoise(frame: Frame, amplitude: number, seed: number): Frame {
  const random = rng(seed);
  const data = Buffer.from(frame.data);
  for (let i = 0; i < data.length; i++) data[i] = clamp((data[i] as number) + (random() - 0.5) * 2 * amplitude);
  return { ...frame, data };
}

/** A copy of a frame, so a test can draw on it without touching the original. */
export function copy(frame: Frame): Frame {
  return { ...frame, data: Buffer.from(frame.data) };
}

/** Encodes a frame as JPEG at the given quality. */
export function jpeg(frame: Frame, quality = 80): Promise<Buffer> {
  return sharp(frame.data, { raw: { width: frame.width, height: frame.height, channels: 3 } }).jpeg({ quality }).toBuffer();
}

/** Encodes a frame as GIF (what a motion clip is). */
export function gif(frame: Frame): Promise<Buffer> {
  return sharp(frame.data, { raw: { width: frame.width, height: frame.height, channels: 3 } }).gif().toBuffer();
}

/** Encodes a frame as PNG. */
export function png(frame: Frame): Promise<Buffer> {
  return sharp(frame.data, { raw: { width: frame.width, height: frame.height, channels: 3 } }).png().toBuffer();
}

function clamp(value: number): number {
  return Math.max(0, Math.min(255, Math.round(value)));
}
