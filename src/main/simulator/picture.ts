/**
 * What a simulated camera shows. The normal `card` is a test card in the variant's colour with
 * the stream name, the quality and a UTC clock, plus a marker that moves with time, so consecutive
 * versions differ visibly. The other looks are what an alarm detector must tell apart from it:
 * `black` (near-black with a faint clock, dark but not frozen), `slate` (a single-colour "no
 * signal" slate) and `still` (a healthy but nearly static scene: only a small clock changes).
 */
import { textWidth } from './pixel-font';
import { Raster, hsv, type Rgb } from './raster';

/** Thumbnail width (bintu's are larger; small keeps 200 streams cheap). */
export const THUMB_WIDTH = 320;
/** Thumbnail height. */
export const THUMB_HEIGHT = 180;
/** Motion-clip frame width. */
export const CLIP_WIDTH = 160;
/** Motion-clip frame height. */
export const CLIP_HEIGHT = 90;
/** Motion-clip frames per second: a clip of `duration` s has duration x 4 frames. */
export const CLIP_FPS = 4;

/** How a picture looks. */
export type Look = 'card' | 'black' | 'slate' | 'still';

/** What a picture shows. */
export interface SceneInput {
  streamname: string;
  label: string;
  version: number;
  hue: number;
  look: Look;
  /** The slate's colour (look `slate`). */
  slate?: Rgb;
}

const WHITE: Rgb = [245, 245, 245];
const FAINT: Rgb = [14, 14, 14];
/** The classic "no signal" blue. */
export const SLATE_BLUE: Rgb = [20, 40, 170];

/** HH:MM:SS in UTC, so pictures look the same on every machine. */
export function clockText(ms: number): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** Draws the looks that are the same at both sizes; false for `card`, which each size lays out. */
function drawPlain(r: Raster, s: SceneInput, at: number, clockScale: number): boolean {
  if (s.look === 'black') {
    r.fill([0, 0, 0]);
    r.textCentred(Math.floor(r.height / 2) - clockScale * 4, clockText(at), clockScale, FAINT);
    return true;
  }
  if (s.look === 'slate') {
    // Small text only: the slate must stay close to a single colour.
    r.fill(s.slate ?? SLATE_BLUE);
    r.textCentred(Math.floor(r.height / 2) - 4, 'NO SIGNAL', 1, [200, 200, 200]);
    return true;
  }
  if (s.look === 'still') {
    r.fill(hsv(s.hue, 0.55, 0.32));
    // The top right corner: the wall puts its state badge top left.
    const clock = clockText(at);
    r.text(r.width - textWidth(clock, 1) - 4, 4, clock, 1, WHITE);
    return false;
  }
  return false;
}

/** A thumbnail taken at `at` (ms epoch). */
export function drawThumbnail(s: SceneInput, at: number): Raster {
  const r = new Raster(THUMB_WIDTH, THUMB_HEIGHT);
  if (drawPlain(r, s, at, 4)) return r;
  if (s.look === 'card') {
    r.fill(hsv(s.hue, 0.55, 0.32));
    // Name and quality sit in a band at the bottom: the wall puts its state badge top left.
    r.textCentred(40, clockText(at), 4, WHITE);
    r.textCentred(78, `UTC  v${s.version}`, 1, hsv(s.hue, 0.2, 0.9));
    const x = Math.floor(((at / 1000) * 13) % (THUMB_WIDTH - 40));
    r.rect(x, 98, 40, 20, hsv((s.hue + 180) % 360, 0.7, 0.9));
  }
  r.rect(0, 130, THUMB_WIDTH, 50, hsv(s.hue, 0.6, 0.55));
  r.text(8, 138, s.streamname, 2, WHITE);
  r.text(8, 162, s.label, 1, WHITE);
  return r;
}

/** Frame `i` of a clip of `frames` frames that ends at `end` (ms epoch). */
export function drawClipFrame(s: SceneInput, end: number, i: number, frames: number): Raster {
  const r = new Raster(CLIP_WIDTH, CLIP_HEIGHT);
  const at = end - (frames - i) * (1000 / CLIP_FPS);
  if (drawPlain(r, s, at, 2)) return r;
  if (s.look === 'card') {
    r.fill(hsv(s.hue, 0.55, 0.32));
    // Same arrangement as the thumbnail: the wall's badge covers the top left corner.
    r.textCentred(22, clockText(at), 2, WHITE);
    const x = Math.floor((i / Math.max(1, frames - 1)) * (CLIP_WIDTH - 14));
    r.rect(x, 46, 14, 12, hsv((s.hue + 180) % 360, 0.7, 0.9));
  }
  r.rect(0, 64, CLIP_WIDTH, 26, hsv(s.hue, 0.6, 0.55));
  r.text(4, 68, s.streamname, 1, WHITE);
  r.text(4, 79, s.label, 1, WHITE);
  return r;
}
