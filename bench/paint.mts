/**
 * `npm run bench:paint`: in Chromium, the time from page load to a fully painted wall of 200
 * tiles served from the offline cache (the simulator stopped), and the longest frame while
 * scrolling that wall with the mouse wheel. Adds its figures to bench/results.json.
 *
 * The wall virtualises off-screen rows past 96 tiles, so "fully painted" means every tile in the
 * viewport shows its decoded picture: as many as the online wall showed there, none pending.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { MemoryVault, type CredentialVault } from '../src/main/core/credential-vault';
import { startHarness } from '../tests/e2e/harness/harness';
import { percentile } from './freshness';
// The paint files are .mts so the node project (no DOM types) leaves them out; TypeScript names
// another .mts module by its output extension, hence the .mjs specifiers.
import { fillCache, VIEWPORT, type FilledWall } from './paint-fill.mjs';
import { installPaintProbe, KEEP_NAMES_SHIM, loadMilestones, startFrameRecorder, stopFrameRecorder, type LoadMilestones } from './paint-probe.mjs';
import { checkTarget, mergeResults, RESULTS_PATH } from './results-file';
import { formatTable, formatTargets, round } from './table';

const LOADS = 5;
const WHEEL_PX = 400;
const WHEEL_PAUSE_MS = 50;
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

interface ScrollFigures {
  longestMs: number;
  p95Ms: number;
  frames: number;
  over50: number;
  scrolledPx: number;
}

/** One page load: its milestones in ms from navigation start to the painted viewport. */
async function timedLoad(page: Page, url: string): Promise<LoadMilestones> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __benchPaintedAt?: number }).__benchPaintedAt, null, { timeout: 20_000, polling: 50 });
  return page.evaluate(loadMilestones);
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Wheels down to the end of the wall and back to the top, recording every frame. */
async function scrollWall(page: Page): Promise<ScrollFigures> {
  await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
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

async function measureOffline(browser: Browser, userDataDir: string, vault: CredentialVault, filled: FilledWall): Promise<{ loads: LoadMilestones[]; scroll: ScrollFigures; cachedTiles: number }> {
  const harness = await startHarness({ userDataDir, vault });
  try {
    const wall = harness.app.session.wall();
    if (!wall.fromCache || wall.streams.length !== filled.tiles) {
      throw new Error(`expected the cached wall of ${filled.tiles} tiles, got ${wall.streams.length} (fromCache ${wall.fromCache})`);
    }
    const loads: LoadMilestones[] = [];
    let scroll: ScrollFigures | null = null;
    for (let i = 0; i < LOADS; i++) {
      // A fresh context per load: no HTTP cache, no compiled code, no decoded pictures carried over.
      const context = await browser.newContext({ viewport: VIEWPORT });
      try {
        const page = await context.newPage();
        await page.addInitScript(KEEP_NAMES_SHIM);
        await page.addInitScript(installPaintProbe, filled.visiblePictures);
        await harness.attach(page);
        loads.push(await timedLoad(page, harness.url));
        if (i === LOADS - 1) scroll = await scrollWall(page);
      } finally {
        await context.close();
      }
    }
    if (!scroll) throw new Error('no scroll was measured');
    return { loads, scroll, cachedTiles: wall.streams.length };
  } finally {
    await harness.close();
  }
}

async function main(): Promise<void> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'bintu-wall-paint-'));
  const vault = new MemoryVault(null);
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: LAUNCH_ARGS });
  try {
    console.log('paint bench: filling the cache from a simulator with 200 streams');
    const filled = await fillCache(browser, userDataDir, vault);
    console.log(`cached ${filled.tiles} tiles (${filled.tilesWithPicture} with a picture); online the viewport showed ${filled.visiblePictures} pictures in ${filled.visibleTiles} tiles; simulator stopped`);
    const { loads, scroll, cachedTiles } = await measureOffline(browser, userDataDir, vault, filled);
    const loadsMs = loads.map((l) => l.paintedMs);
    const paintMs = median(loadsMs);
    const domReadyMs = median(loads.map((l) => l.domReadyMs));
    const tilesMs = median(loads.map((l) => l.tilesMs));
    const fields = {
      paint_ms: round(paintMs),
      paint_runs_ms: loadsMs.map(round),
      paint_dom_ready_ms: round(domReadyMs),
      paint_tiles_shown_ms: round(tilesMs),
      paint_source: 'offline cache, simulator stopped',
      paint_tiles: cachedTiles,
      paint_viewport: `${VIEWPORT.width}x${VIEWPORT.height}`,
      paint_viewport_pictures: filled.visiblePictures,
      longest_frame_ms: round(scroll.longestMs),
      frame_p95_ms: round(scroll.p95Ms),
      scroll_frames: scroll.frames,
      frames_over_50ms: scroll.over50,
      scrolled_px: Math.round(scroll.scrolledPx),
      paint_load_avg: round(loadavg()[0] ?? 0),
      paint_measured_at: new Date().toISOString(),
    };
    const targets = { paint_ms: checkTarget(fields.paint_ms, '<', 500), longest_frame_ms: checkTarget(fields.longest_frame_ms, '<', 50) };
    mergeResults(fields, targets);
    console.log('');
    console.log(formatTable([
      ['measure', 'value'],
      ['load -> painted viewport (median of 5)', `${Math.round(paintMs)} ms`],
      ['each load', loadsMs.map((ms) => `${Math.round(ms)}`).join(', ') + ' ms'],
      ['  of which: page ready (DOMContentLoaded)', `${Math.round(domReadyMs)} ms`],
      ['  first tiles in view (pictures pending)', `${Math.round(tilesMs)} ms`],
      ['longest frame while scrolling', `${round(scroll.longestMs)} ms`],
      ['frame p95 / frames / over 50 ms', `${round(scroll.p95Ms)} ms / ${scroll.frames} / ${scroll.over50}`],
      ['scrolled', `${Math.round(scroll.scrolledPx)} px down and back up`],
      ['machine load (1 min average, 2 CPUs)', `${round(loadavg()[0] ?? 0)}`],
    ]));
    console.log('');
    console.log(formatTargets(targets, { paint_ms: ' ms', longest_frame_ms: ' ms' }));
    console.log(`wrote ${RESULTS_PATH}`);
  } finally {
    await browser.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
