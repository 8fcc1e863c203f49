import type { Page } from '@playwright/test';
import { percentile } from './freshness';
import { loadMilestones, startFrameRecorder, stopFrameRecorder, type InvokeTiming, type LoadMilestones } from './paint-probe.mjs';

/** Frame gaps while the wall was wheeled down to its end and back up. */
export interface ScrollFigures {
  longestMs: number;
  p95Ms: number;
  frames: number;
  over50: number;
  scrolledPx: number;
}

const WHEEL_PX = 400;
const WHEEL_PAUSE_MS = 50;

/** Loads the page (probes already installed) and waits for the painted viewport. */
export async function timedLoad(page: Page, url: string): Promise<LoadMilestones> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __benchPaintedAt?: number }).__benchPaintedAt, null, { timeout: 20_000, polling: 50 });
  return page.evaluate(loadMilestones);
}

/**
 * Waits until the page has rendered every tile of the wall: the rows out of view follow the first
 * screen while the page is idle, and the scroll measures the loaded wall, not that work.
 */
export async function wallRendered(page: Page, tiles: number): Promise<void> {
  await page.waitForFunction((count) => document.querySelectorAll('[data-testid="tile"]').length >= count, tiles, { timeout: 20_000, polling: 100 });
}

/** Wheels down to the end of the wall and back to the top with the mouse over it, recording every frame. */
export async function scrollWall(page: Page, at: { x: number; y: number }): Promise<ScrollFigures> {
  await page.mouse.move(at.x, at.y);
  await page.evaluate(startFrameRecorder);
  let scrolledPx = 0;
  for (const direction of [1, -1]) {
    for (let step = 0; step < 500; step++) {
      const before = await page.evaluate(() => window.scrollY);
      await page.mouse.wheel(0, direction * WHEEL_PX);
      await page.waitForTimeout(WHEEL_PAUSE_MS);
      const after = await page.evaluate(() => window.scrollY);
      scrolledPx += Math.abs(after - before);
      if (after === before) break;
    }
  }
  const gaps = (await page.evaluate(stopFrameRecorder)).sort((a, b) => a - b);
  return { longestMs: gaps[gaps.length - 1] ?? 0, p95Ms: percentile(gaps, 0.95), frames: gaps.length, over50: gaps.filter((g) => g > 50).length, scrolledPx };
}

/**
 * How long the page waited on the harness's bridge before it had the wall: the time covered by
 * `wall:get` and every command that finished before it (overlaps counted once). Electron's IPC
 * does the same work with a structured clone; this is the part the harness's Playwright binding
 * adds, since each of its calls crosses the DevTools protocol twice.
 */
export function bridgeWaitMs(invokes: readonly InvokeTiming[]): { wallDataMs: number; waitMs: number } {
  const wall = [...invokes].filter((i) => i.channel === 'wall:get').sort((a, b) => a.startMs - b.startMs)[0];
  if (!wall) return { wallDataMs: Number.NaN, waitMs: Number.NaN };
  const chain = invokes.filter((i) => i === wall || i.endMs <= wall.startMs).sort((a, b) => a.startMs - b.startMs);
  let waitMs = 0;
  let coveredTo = -Infinity;
  for (const call of chain) {
    const from = Math.max(call.startMs, coveredTo);
    if (call.endMs > from) waitMs += call.endMs - from;
    coveredTo = Math.max(coveredTo, call.endMs);
  }
  return { wallDataMs: wall.endMs, waitMs };
}
