import { tick } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleRows } from '../../../src/renderer/src/lib/state/idle-rows';

/** The browser's schedulers, run by hand: frames and idle periods happen when the test says. */
function fakeBrowser() {
  const frames = new Map<number, () => void>();
  const idles = new Map<number, (deadline: IdleDeadline) => void>();
  let next = 1;
  const win = new EventTarget();
  const observers: Array<{ observed: number }> = [];
  vi.stubGlobal('window', win);
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => (frames.set(next, callback), next++));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  vi.stubGlobal('requestIdleCallback', (callback: (deadline: IdleDeadline) => void) => (idles.set(next, callback), next++));
  vi.stubGlobal('cancelIdleCallback', (id: number) => idles.delete(id));
  vi.stubGlobal(
    'ResizeObserver',
    class {
      readonly record = { observed: 0 };
      constructor() {
        observers.push(this.record);
      }
      observe(): void {
        this.record.observed++;
      }
      disconnect(): void {
        this.record.observed = 0;
      }
    },
  );
  const runAll = <T>(map: Map<number, (arg: T) => void>, arg: T): void => {
    const due = [...map.values()];
    map.clear();
    for (const callback of due) callback(arg);
  };
  return {
    scroll: () => win.dispatchEvent(new Event('scroll')),
    frame: () => runAll(frames, undefined),
    idle: (ms: number) => runAll(idles, { didTimeout: false, timeRemaining: () => ms }),
    pending: () => ({ frames: frames.size, idles: idles.size }),
    observing: () => observers.reduce((sum, observer) => sum + observer.observed, 0),
  };
}

describe('IdleRows', () => {
  let browser: ReturnType<typeof fakeBrowser>;
  beforeEach(() => {
    browser = fakeBrowser();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('puts the rows in view in place once a new shape is in the page, not again for the same shape', async () => {
    const steps: boolean[] = [];
    const rows = new IdleRows((now) => (steps.push(now), false));
    rows.reshape({ width: 800, rows: 10, columns: 3 });
    expect(steps).toEqual([]);
    await tick();
    expect(steps).toEqual([true]);
    rows.reshape({ width: 800, rows: 10, columns: 3 });
    await tick();
    expect(steps).toEqual([true]);
    rows.reshape({ width: 800, rows: 12, columns: 3 });
    await tick();
    expect(steps).toEqual([true, true]);
  });

  it('renders in-view rows in a frame after a scroll, and the rest one step per idle period', () => {
    let remaining = 2;
    const steps: boolean[] = [];
    const rows = new IdleRows((now) => {
      steps.push(now);
      if (!now) remaining--;
      return remaining > 0;
    });
    const detach = rows.attach({} as Element);
    browser.scroll();
    browser.scroll();
    expect(browser.pending().frames).toBe(1);
    browser.frame();
    expect(steps).toEqual([true]);
    // An idle period shorter than a row costs is left alone.
    browser.idle(1);
    expect(steps).toEqual([true]);
    browser.idle(50);
    expect(steps).toEqual([true, false]);
    browser.frame();
    browser.idle(50);
    expect(steps).toEqual([true, false, false]);
    browser.frame();
    expect(browser.pending()).toEqual({ frames: 0, idles: 0 });
    detach();
  });

  it('stops following the page when detached', () => {
    const steps: boolean[] = [];
    const rows = new IdleRows((now) => (steps.push(now), true));
    const detach = rows.attach({} as Element);
    expect(browser.observing()).toBe(1);
    browser.scroll();
    browser.frame();
    expect(browser.pending().idles).toBe(1);
    detach();
    expect(browser.observing()).toBe(0);
    expect(browser.pending()).toEqual({ frames: 0, idles: 0 });
    browser.scroll();
    expect(browser.pending().frames).toBe(0);
    expect(steps).toEqual([true]);
  });
});
