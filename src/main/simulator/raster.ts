/**
 * A minimal RGBA drawing surface: filled rectangles and bitmap text. Enough to draw a test card
 * with a name and a clock, cheaply, into a buffer sharp and gifenc can encode.
 */
import { GLYPH_WIDTH, glyphRows, textWidth } from './pixel-font';
import { createRng } from './rng';

/** An RGB colour, 0..255 per channel. */
export type Rgb = readonly [number, number, number];

/** An RGBA pixel buffer. */
export class Raster {
  readonly data: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8Array(width * height * 4);
  }

  /** Fills a rectangle, clipped to the surface. */
  rect(x: number, y: number, w: number, h: number, c: Rgb): void {
    const x0 = Math.max(0, Math.floor(x));
    const y0 = Math.max(0, Math.floor(y));
    const x1 = Math.min(this.width, Math.floor(x + w));
    const y1 = Math.min(this.height, Math.floor(y + h));
    for (let row = y0; row < y1; row++) {
      let i = (row * this.width + x0) * 4;
      for (let col = x0; col < x1; col++) {
        this.data[i] = c[0];
        this.data[i + 1] = c[1];
        this.data[i + 2] = c[2];
        this.data[i + 3] = 255;
        i += 4;
      }
    }
  }

  /** Fills the whole surface. */
  fill(c: Rgb): void {
    this.rect(0, 0, this.width, this.height, c);
  }

  /**
   * Nudges one pixel in `every` by up to +-`amount` per channel, seeded: the sensor noise and
   * encoder drift that make two encodings of one frozen frame differ in bytes but not to the eye.
   */
  grain(seed: number, every = 64, amount = 2): void {
    const rng = createRng(seed);
    for (let i = rng.int(0, every - 1) * 4; i < this.data.length; i += rng.int(1, 2 * every - 1) * 4) {
      for (let c = 0; c < 3; c++) this.data[i + c] = Math.max(0, Math.min(255, this.data[i + c]! + rng.int(-amount, amount)));
    }
  }

  /** Draws text with its top-left corner at (x, y), each font pixel `scale` pixels wide. */
  text(x: number, y: number, text: string, scale: number, c: Rgb): void {
    let cx = x;
    for (const ch of text) {
      const rows = glyphRows(ch);
      rows.forEach((bits, row) => {
        for (let col = 0; col < 5; col++) {
          if (bits & (0x10 >> col)) this.rect(cx + col * scale, y + row * scale, scale, scale, c);
        }
      });
      cx += GLYPH_WIDTH * scale;
    }
  }

  /** Draws text centred horizontally on the surface. */
  textCentred(y: number, text: string, scale: number, c: Rgb): void {
    this.text(Math.floor((this.width - textWidth(text, scale)) / 2), y, text, scale, c);
  }
}

/** HSV (h in degrees, s and v in 0..1) to RGB. */
export function hsv(h: number, s: number, v: number): Rgb {
  const f = (n: number): number => {
    const k = (n + h / 60) % 6;
    return Math.round(255 * (v - v * s * Math.max(0, Math.min(k, 4 - k, 1))));
  };
  return [f(5), f(3), f(1)];
}
