/**
 * The page-turn part of `npm run bench:paint`: a cached wall of 500 streams on a 4x4 grid (32
 * pages), the simulator stopped. Times each turn from the click on "Next page" to the first frame
 * in which the new page is in place with every picture in view decoded, and reads the
 * renderer's JS heap after the turns.
 */
import type { Browser, Page } from '@playwright/test';
import type { CredentialVault } from '../src/main/core/credential-vault';
import { startHarness } from '../tests/e2e/harness/harness';
import { fillCache, PAGED_WALL, VIEWPORT } from './paint-fill.mjs';
import { KEEP_NAMES_SHIM } from './paint-probe.mjs';

/** Page turns measured; the heap is read after them. */
const TURNS = 10;

/** What the page-turn run measured. */
export interface PageTurnFigures {
  turnsMs: number[];
  heapMb: number;
  tiles: number;
  pages: number;
}

/** Clicks "Next page" and resolves with the ms to the first frame showing the new page fully painted. */
function turnPage(): Promise<number> {
  const tiles = (): HTMLElement[] => Array.from(document.querySelectorAll<HTMLElement>('[data-testid="tile"]'));
  const painted = (): boolean =>
    tiles().every((tile) => {
      const img = tile.querySelector<HTMLImageElement>('img[data-testid="tile-thumbnail"]');
      if (img !== null) return img.complete && img.naturalWidth > 0;
      return tile.querySelector('[data-testid="tile-placeholder"][data-kind="thumbnail"]') === null;
    });
  const first = tiles()[0]?.getAttribute('data-stream-id');
  const next = Array.from(document.querySelectorAll<HTMLButtonElement>('[data-testid="pager"] button')).at(-1);
  return new Promise((done, fail) => {
    const started = performance.now();
    const frame = (): void => {
      if (tiles()[0]?.getAttribute('data-stream-id') !== first && painted()) done(performance.now() - started);
      else if (performance.now() - started > 10_000) fail(new Error('the page did not turn within 10 s'));
      else requestAnimationFrame(frame);
    };
    next?.click();
    requestAnimationFrame(frame);
  });
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / (1024 * 1024);
}

/** Fills a cache of 500 streams on a 4x4 grid, then turns its pages offline. */
export async function measurePageTurns(browser: Browser, userDataDir: string, vault: CredentialVault): Promise<PageTurnFigures> {
  const filled = await fillCache(browser, userDataDir, vault, PAGED_WALL, { wall: { grid: '4x4', filter: { search: '', states: [], tags: [] }, sort: 'slot' } });
  const harness = await startHarness({ userDataDir, vault });
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.addInitScript(KEEP_NAMES_SHIM);
    await harness.attach(page);
    await page.goto(harness.url);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="tile"]').length === 16, null, { timeout: 20_000 });
    const pages = Number(await page.getByTestId('pager').getAttribute('data-pages'));
    // The first page's pictures settle before the first turn, as on a wall left running.
    await page.waitForTimeout(1000);
    const turnsMs: number[] = [];
    for (let i = 0; i < TURNS; i++) {
      turnsMs.push(await page.evaluate(turnPage));
      await page.waitForTimeout(300);
    }
    return { turnsMs, heapMb: await heapMb(page), tiles: filled.tiles, pages };
  } finally {
    await context.close();
    await harness.close();
  }
}
