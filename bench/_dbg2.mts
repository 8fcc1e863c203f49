import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { MemoryVault } from '../src/main/core/credential-vault';
import { startHarness } from '../tests/e2e/harness/harness';
import { fillCache, VIEWPORT } from './paint-fill.mjs';
import { installPaintProbe, KEEP_NAMES_SHIM, startFrameRecorder, stopFrameRecorder } from './paint-probe.mjs';

async function scroll(page: Page, mouse: { x: number; y: number }): Promise<string> {
  await page.mouse.move(mouse.x, mouse.y);
  await page.evaluate(startFrameRecorder);
  for (const d of [1, -1]) for (let i = 0; i < 500; i++) {
    const b = await page.evaluate(() => window.scrollY);
    await page.mouse.wheel(0, d * 400);
    await page.waitForTimeout(50);
    if ((await page.evaluate(() => window.scrollY)) === b) break;
  }
  const gaps = (await page.evaluate(stopFrameRecorder)).sort((a, b) => a - b);
  const p = (q: number) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))]?.toFixed(1);
  return `frames ${gaps.length} p50 ${p(0.5)} p95 ${p(0.95)} max ${gaps.at(-1)?.toFixed(1)} over50 ${gaps.filter((g) => g > 50).length}`;
}

const dir = mkdtempSync(join(tmpdir(), 'dbg-'));
const vault = new MemoryVault(null);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
// Calibration: a plain long page.
{
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript(KEEP_NAMES_SHIM);
  await page.setContent(`<div style="height:9000px;background:linear-gradient(#fff,#000)">${'<p>text line</p>'.repeat(400)}</div>`);
  await page.evaluate(KEEP_NAMES_SHIM);
  console.log('plain page       ', await scroll(page, { x: 960, y: 540 }));
  await context.close();
}
const filled = await fillCache(browser, dir, vault);
const harness = await startHarness({ userDataDir: dir, vault });
const variants: [string, string | null, { x: number; y: number }][] = [
  ['stale, mouse on wall ', null, { x: 960, y: 540 }],
  ['stale, mouse at edge ', null, { x: 1915, y: 1075 }],
  ['no filter, mouse edge', '.frame img, img { filter: none !important; }', { x: 1915, y: 1075 }],
  ['no filter, mouse wall', 'img { filter: none !important; }', { x: 960, y: 540 }],
];
for (const [name, css, mouse] of variants) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript(KEEP_NAMES_SHIM);
  await page.addInitScript(installPaintProbe, filled.visiblePictures);
  await harness.attach(page);
  await page.goto(harness.url);
  await page.waitForFunction(() => (window as unknown as { __benchPaintedAt?: number }).__benchPaintedAt, null, { timeout: 20_000 });
  if (css) await page.addStyleTag({ content: css });
  await page.waitForTimeout(500);
  console.log(name, await scroll(page, mouse));
  await context.close();
}
await harness.close();
await browser.close();
