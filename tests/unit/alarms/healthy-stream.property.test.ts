import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analysePicture } from '../../../src/main/core/alarms/picture-measure';
import { type Frame, copy, drawClock, fillRect, jpeg, scene } from './pictures';
import { setup, stream } from './harness';

const INTERVAL_S = 10;

/** One healthy step: some region of the picture changes visibly; it arrives on time. */
const step = fc.record({
  x: fc.integer({ min: 0, max: 300 }),
  y: fc.integer({ min: 0, max: 165 }),
  w: fc.integer({ min: 12, max: 80 }),
  h: fc.integer({ min: 12, max: 60 }),
  /** A small clock tick instead of a region: the hardest healthy change to see. */
  clock: fc.boolean(),
  quality: fc.integer({ min: 40, max: 95 }),
  delayS: fc.double({ min: INTERVAL_S * 0.6, max: INTERVAL_S * 1.4, noNaN: true }),
  /** 304s the poller got between versions. */
  polls: fc.integer({ min: 0, max: 3 }),
});

/** Paints the region in a colour far from what is there, so the change is real (bright on dark, dark on bright). */
function paint(frame: Frame, x: number, y: number, w: number, h: number): void {
  let sum = 0;
  let count = 0;
  for (let yy = y; yy < Math.min(frame.height, y + h); yy++) {
    for (let xx = x; xx < Math.min(frame.width, x + w); xx++) {
      const i = (yy * frame.width + xx) * 3;
      sum += 0.299 * (frame.data[i] as number) + 0.587 * (frame.data[i + 1] as number) + 0.114 * (frame.data[i + 2] as number);
      count++;
    }
  }
  fillRect(frame, x, y, w, h, sum / Math.max(1, count) < 128 ? [230, 230, 230] : [90, 60, 30]);
}

describe('a healthy stream', () => {
  it('never raises an alarm (nor a pending fault) when every picture changes somewhere and arrives on time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1000 }), fc.array(step, { minLength: 4, maxLength: 8 }), async (seed, steps) => {
        const h = setup({ watched: { streamIds: ['s'] } });
        h.list([stream('s', { thumbnailIntervalS: INTERVAL_S })]);
        let frame = scene(seed);
        drawClock(frame, '10:00:00');
        h.picture('s', await analysePicture(await jpeg(frame, 80)));
        let t = 0;
        for (const [index, change] of steps.entries()) {
          for (let poll = 1; poll <= change.polls; poll++) {
            h.at(t + (change.delayS * poll) / (change.polls + 1));
            h.refresh('s', 'not-modified');
          }
          t += change.delayS;
          h.at(t);
          frame = copy(frame);
          if (change.clock) drawClock(frame, `10:00:${String((index + 1) % 60).padStart(2, '0')}`);
          else paint(frame, change.x, change.y, change.w, change.h);
          h.picture('s', await analysePicture(await jpeg(frame, change.quality)));
        }
        expect(h.events.filter((event) => event.state === 'alarm' || event.state === 'pending')).toEqual([]);
        expect(h.health('s').state).toBe('ok');
      }),
      { numRuns: 20, seed: 424242 },
    );
  }, 120_000);
});
