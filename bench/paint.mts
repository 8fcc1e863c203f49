/**
 * `npm run bench:paint`: in Chromium, the time from page load to a fully painted wall of 200
 * tiles served from the offline cache (the simulator stopped), the longest frame while scrolling
 * that wall with the mouse wheel (the wall set to scroll rather than page), and on a cached wall
 * of 500 streams on a 4x4 grid the time a page turn takes to paint and the renderer's heap after
 * ten turns. Adds its figures to bench/results.json.
 *
 * "Fully painted" means every tile in the viewport shows its decoded picture: as many as the
 * online wall showed there, none pending.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { MemoryVault, type CredentialVault } from '../src/main/core/credential-vault';
import { startHarness } from '../tests/e2e/harness/harness';
// The paint files are .mts so the node project (no DOM types) leaves them out; TypeScript names
// another .mts module by its output extension, hence the .mjs specifiers.
import { fillCache, VIEWPORT, type FilledWall } from './paint-fill.mjs';
import { bridgeWaitMs, scrollWall, timedLoad, wallRendered, type ScrollFigures } from './paint-measure.mjs';
import { installBridgeTimer, installPaintProbe, KEEP_NAMES_SHIM, type LoadMilestones } from './paint-probe.mjs';
import { heapAfterGcMb } from './heap';
import { measurePageTurns, type PageTurnFigures } from './paint-pages.mjs';
import { checkTarget, mergeResults, RESULTS_PATH } from './results-file';
import { formatTable, formatTargets, round } from './table';

const LOADS = 5;
/** Quiet time before each load. */
const SETTLE_MS = 500;
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Five loads of the cached wall, each in a fresh browser context, then a scroll on the last. */
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
        page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
        await page.addInitScript(KEEP_NAMES_SHIM);
        await page.addInitScript(installPaintProbe, filled.visiblePictures);
        await page.addInitScript(installBridgeTimer);
        await harness.attach(page);
        // The harness shares this process with Playwright: garbage left by the cache fill or the
        // previous load is collected now, not in a pause while the page waits on the harness.
        // Then a pause, so the previous context's teardown is not measured with this load.
        heapAfterGcMb();
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        loads.push(await timedLoad(page, harness.url));
        if (i === LOADS - 1) {
          // Scrolling is measured on the wall that scrolls (auto-fit pages by default).
          const display = { ...harness.app.settings.get().display, overflow: 'scroll' as const };
          await harness.app.dispatch('settings:update', { display });
          await wallRendered(page, filled.tiles);
          scroll = await scrollWall(page, { x: VIEWPORT.width / 2, y: VIEWPORT.height / 2 });
        }
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

function report(loads: readonly LoadMilestones[], scroll: ScrollFigures, cachedTiles: number, filled: FilledWall, turns: PageTurnFigures): void {
  const turnMs = median(turns.turnsMs);
  const paintMs = median(loads.map((l) => l.paintedMs));
  const bridge = loads.map((l) => bridgeWaitMs(l.invokes));
  const waitMs = median(bridge.map((b) => b.waitMs));
  const withoutBridgeMs = median(loads.map((l, i) => l.paintedMs - (bridge[i]?.waitMs ?? Number.NaN)));
  const fields = {
    paint_ms: round(paintMs),
    paint_runs_ms: loads.map((l) => round(l.paintedMs)),
    paint_dom_ready_ms: round(median(loads.map((l) => l.domReadyMs))),
    paint_wall_data_ms: round(median(bridge.map((b) => b.wallDataMs))),
    paint_tiles_shown_ms: round(median(loads.map((l) => l.tilesMs))),
    paint_bridge_wait_ms: round(waitMs),
    paint_without_bridge_ms: round(withoutBridgeMs),
    paint_source: 'offline cache, simulator stopped',
    paint_tiles: cachedTiles,
    paint_viewport: `${VIEWPORT.width}x${VIEWPORT.height}`,
    paint_viewport_pictures: filled.visiblePictures,
    longest_frame_ms: round(scroll.longestMs),
    frame_p95_ms: round(scroll.p95Ms),
    scroll_frames: scroll.frames,
    frames_over_50ms: scroll.over50,
    scrolled_px: Math.round(scroll.scrolledPx),
    page_turn_ms: round(turnMs),
    page_turn_runs_ms: turns.turnsMs.map(round),
    page_turn_wall: `${turns.tiles} streams, 4x4, ${turns.pages} pages, offline cache`,
    renderer_heap_mb: round(turns.heapMb),
    paint_load_avg: round(loadavg()[0] ?? 0),
    paint_measured_at: new Date().toISOString(),
  };
  const targets = {
    paint_ms: checkTarget(fields.paint_ms, '<', 500),
    longest_frame_ms: checkTarget(fields.longest_frame_ms, '<', 50),
    page_turn_ms: checkTarget(fields.page_turn_ms, '<', 200),
    renderer_heap_mb: checkTarget(fields.renderer_heap_mb, '<', 150),
  };
  mergeResults(fields, targets);
  const ms = (value: number): string => `${Math.round(value)} ms`;
  console.log('');
  console.log(formatTable([
    ['measure (medians of 5 loads)', 'value'],
    ['load -> painted viewport', ms(paintMs)],
    ['each load', `${loads.map((l) => Math.round(l.paintedMs)).join(', ')} ms`],
    ['  page ready (DOMContentLoaded)', ms(fields.paint_dom_ready_ms)],
    ['  wall data arrived', ms(fields.paint_wall_data_ms)],
    ['  first tiles in view', ms(fields.paint_tiles_shown_ms)],
    ['  waiting on the harness bridge', ms(waitMs)],
    ['painted minus bridge wait', ms(withoutBridgeMs)],
    ['longest frame while scrolling', `${round(scroll.longestMs)} ms`],
    ['frame p95 / frames / over 50 ms', `${round(scroll.p95Ms)} ms / ${scroll.frames} / ${scroll.over50}`],
    ['scrolled', `${Math.round(scroll.scrolledPx)} px down and back up`],
    ['page turn, 500 streams 4x4 (median of 10)', ms(turnMs)],
    ['  each turn', `${turns.turnsMs.map((t) => Math.round(t)).join(', ')} ms`],
    ['renderer heap after the turns', `${round(turns.heapMb)} MB`],
    ['machine load (1 min average)', `${fields.paint_load_avg}`],
  ]));
  console.log('');
  console.log(formatTargets(targets, { paint_ms: ' ms', longest_frame_ms: ' ms', page_turn_ms: ' ms', renderer_heap_mb: ' MB' }));
  console.log(`wrote ${RESULTS_PATH}`);
}

async function main(): Promise<void> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'bintu-wall-paint-'));
  const pagedDir = mkdtempSync(join(tmpdir(), 'bintu-wall-pages-'));
  const vault = new MemoryVault(null);
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: LAUNCH_ARGS });
  try {
    console.log('paint bench: filling the cache from a simulator with 200 streams');
    const filled = await fillCache(browser, userDataDir, vault);
    console.log(`cached ${filled.tiles} tiles (${filled.tilesWithPicture} with a picture); online the viewport showed ${filled.visiblePictures} pictures in ${filled.visibleTiles} tiles; simulator stopped`);
    const { loads, scroll, cachedTiles } = await measureOffline(browser, userDataDir, vault, filled);
    console.log('paint bench: filling a second cache from a simulator with 500 streams, 4x4');
    const turns = await measurePageTurns(browser, pagedDir, vault);
    report(loads, scroll, cachedTiles, filled, turns);
  } finally {
    await browser.close();
    rmSync(userDataDir, { recursive: true, force: true });
    rmSync(pagedDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
