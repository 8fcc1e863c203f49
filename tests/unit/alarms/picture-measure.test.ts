import { describe, expect, it } from 'vitest';
import { analysePicture, type PictureAnalysis, type PictureMeasure } from '../../../src/main/core/alarms/picture-measure';
import { compareMeasures } from '../../../src/main/core/alarms/picture-compare';
import { DEFAULT_ALARM_SETTINGS } from '../../../src/shared/alarms';
import { copy, drawClock, fillRect, gif, jpeg, png, scene, solid, withNoise } from './pictures';

const thresholds = DEFAULT_ALARM_SETTINGS.frozen;

function picture(analysis: PictureAnalysis): PictureMeasure {
  if (analysis.kind !== 'picture') throw new Error(`expected a picture, got ${analysis.reason}: ${analysis.detail}`);
  return analysis;
}

async function measured(bytes: Promise<Buffer>): Promise<PictureMeasure> {
  return picture(await analysePicture(await bytes));
}

describe('analysePicture', () => {
  it('measures a busy scene as neither black nor uniform', async () => {
    const m = await measured(jpeg(scene(3)));
    expect(m.width).toBe(320);
    expect(m.height).toBe(180);
    expect(m.thumbWidth).toBe(128);
    expect(m.luma).toHaveLength(m.thumbWidth * m.thumbHeight);
    expect(m.blackFraction).toBeLessThan(0.5);
    expect(m.uniformFraction).toBeLessThan(0.9);
  });

  it('sees a black frame with a small bright logo as black', async () => {
    const frame = solid(320, 180, [3, 3, 3]);
    drawClock(frame, '12', 280, 160);
    const m = await measured(jpeg(withNoise(frame, 6, 2), 70));
    expect(m.blackFraction).toBeGreaterThanOrEqual(DEFAULT_ALARM_SETTINGS.black.minFraction);
  });

  it('sees a dim but visible picture as not black', async () => {
    const m = await measured(jpeg(solid(320, 180, [60, 60, 60])));
    expect(m.blackFraction).toBe(0);
  });

  it('sees a single-colour slate with tiny text as uniform', async () => {
    const frame = solid(320, 180, [20, 40, 200]);
    drawClock(frame, '00:00:00', 120, 84);
    const m = await measured(jpeg(withNoise(frame, 4, 1), 70));
    expect(m.blackFraction).toBeLessThan(0.05);
    expect(m.uniformFraction).toBeGreaterThanOrEqual(DEFAULT_ALARM_SETTINGS.uniform.minFraction);
  });

  it('keeps the aspect of a portrait picture inside 128 x 128', async () => {
    const m = await measured(jpeg(scene(4, 180, 320)));
    expect(m.thumbHeight).toBe(128);
    expect(m.thumbWidth).toBeLessThan(128);
  });

  it('reads a small JPEG down to the size floor', async () => {
    const m = await measured(jpeg(scene(5, 16, 16)));
    expect(m.width).toBe(16);
  });

  it.each([
    ['0 bytes', () => Promise.resolve(Buffer.alloc(0)), 'empty'],
    ['text', () => Promise.resolve(Buffer.from('<html><body>Not found</body></html>')), 'not-an-image'],
    ['random bytes', () => Promise.resolve(Buffer.from([0x00, 0x13, 0x80, 0x01, 0x02, 0xfe, 0x00, 0x07])), 'not-an-image'],
    ['a GIF', () => gif(scene(1)), 'wrong-format'],
    ['a PNG', () => png(scene(1)), 'wrong-format'],
    ['a JPEG cut in half', async () => (await jpeg(scene(1))).subarray(0, 4000), 'truncated'],
    ['a JPEG missing only its end marker', async () => { const b = await jpeg(scene(1)); return b.subarray(0, b.length - 2); }, 'truncated'],
    ['a JPEG header only', async () => (await jpeg(scene(1))).subarray(0, 100), 'truncated'],
    ['a 2 x 2 JPEG', () => jpeg(solid(2, 2, [9, 9, 9])), 'bad-size'],
    ['a JPEG with garbage in its data', async () => { const b = Buffer.from(await jpeg(scene(1))); b.fill(0x55, 2000, 5000); return b; }, 'corrupt'],
  ] as const)('calls %s unreadable and does not throw', async (_name, make, reason) => {
    const result = await analysePicture(await make());
    expect(result.kind).toBe('unreadable');
    if (result.kind === 'unreadable') {
      expect(result.reason).toBe(reason);
      expect(result.detail.length).toBeGreaterThan(0);
    }
  });

  it('accepts a GIF when a GIF was promised', async () => {
    expect((await analysePicture(await gif(scene(1)), 'gif')).kind).toBe('picture');
  });
});

describe('compareMeasures', () => {
  const base = (seed: number) => {
    const frame = scene(seed);
    drawClock(frame, '12:00:01');
    return frame;
  };

  it.each([1, 2, 3, 7])('calls re-encodes of one frame the same (seed %i)', async (seed) => {
    const original = await measured(jpeg(base(seed), 80));
    for (const other of [jpeg(base(seed), 40), jpeg(withNoise(base(seed), 8, seed + 100), 55), jpeg(withNoise(base(seed), 8, seed), 95), jpeg(base(seed), 95)]) {
      expect(compareMeasures(original, await measured(other), thresholds).same).toBe(true);
    }
  });

  it.each([1, 2, 3, 7])('sees every tick of a small clock, even one segment of a 10-px digit (seed %i)', async (seed) => {
    for (let digit = 0; digit < 10; digit++) {
      const before = copy(base(seed));
      drawClock(before, `12:00:0${digit}`);
      const after = copy(base(seed));
      drawClock(after, `12:00:0${(digit + 1) % 10}`);
      const result = compareMeasures(await measured(jpeg(before, 40)), await measured(jpeg(withNoise(after, 6, 5), 95)), thresholds);
      expect(result.same, `${digit} -> ${(digit + 1) % 10}`).toBe(false);
      // The change is local: the whole-picture mean alone would have missed it.
      expect(result.meanDiff).toBeLessThan(thresholds.noiseFloor);
    }
  });

  it('sees a full change', async () => {
    const result = compareMeasures(await measured(jpeg(base(1))), await measured(jpeg(base(51))), thresholds);
    expect(result.same).toBe(false);
    expect(result.meanDiff).toBeGreaterThan(thresholds.noiseFloor);
  });

  it('sees a small ticker box move', async () => {
    const a = base(9);
    const b = copy(a);
    fillRect(a, 200, 150, 30, 12, [250, 250, 0]);
    fillRect(b, 230, 150, 30, 12, [250, 250, 0]);
    expect(compareMeasures(await measured(jpeg(a)), await measured(jpeg(b)), thresholds).same).toBe(false);
  });

  it('never calls pictures of different sizes the same', async () => {
    const small = await measured(jpeg(scene(1, 160, 90)));
    const large = await measured(jpeg(scene(1, 320, 180)));
    expect(compareMeasures(small, large, thresholds).same).toBe(false);
  });
});
