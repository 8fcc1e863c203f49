import { describe, expect, it } from 'vitest';
import { ProgressMeter } from '../../../src/main/core/downloads/progress-meter';

describe('ProgressMeter', () => {
  const clock = (): { now: () => number; tick: (ms: number) => void } => {
    let t = 0;
    return { now: () => t, tick: (ms) => { t += ms; } };
  };

  it('reports the speed over the last seconds and the time left', () => {
    const c = clock();
    const meter = new ProgressMeter(c.now);
    meter.reset(0);
    for (let i = 1; i <= 4; i++) {
      c.tick(500);
      meter.sample(i * 50_000);
    }
    expect(meter.speedBps()).toBe(100_000);
    expect(meter.etaS(200_000, 1_000_000)).toBe(8);
  });

  it('says nothing about speed in the first second (a first burst is not a speed)', () => {
    const c = clock();
    const meter = new ProgressMeter(c.now);
    meter.reset(0);
    c.tick(5);
    meter.sample(64_000);
    expect(meter.speedBps()).toBe(0);
    expect(meter.etaS(64_000, 100_000)).toBeNull();
  });

  it('a resume does not count the bytes already on disk as speed', () => {
    const c = clock();
    const meter = new ProgressMeter(c.now);
    meter.reset(400_000);
    c.tick(2000);
    meter.sample(420_000);
    expect(meter.speedBps()).toBe(10_000);
  });

  it('follows a slowdown: old samples leave the window', () => {
    const c = clock();
    const meter = new ProgressMeter(c.now);
    meter.reset(0);
    let bytes = 0;
    for (let i = 0; i < 10; i++) { c.tick(1000); bytes += 100_000; meter.sample(bytes); }
    for (let i = 0; i < 10; i++) { c.tick(1000); bytes += 1000; meter.sample(bytes); }
    expect(meter.speedBps()).toBe(1000);
    expect(meter.etaS(bytes, null)).toBeNull();
  });
});
