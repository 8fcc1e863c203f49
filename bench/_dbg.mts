import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { MemoryVault } from '../src/main/core/credential-vault';
import { startHarness } from '../tests/e2e/harness/harness';
import { fillCache, VIEWPORT } from './paint-fill.mjs';
import { installPaintProbe, KEEP_NAMES_SHIM, loadMilestones } from './paint-probe.mjs';

const dir = mkdtempSync(join(tmpdir(), 'dbg-'));
const vault = new MemoryVault(null);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
const filled = await fillCache(browser, dir, vault);
const harness = await startHarness({ userDataDir: dir, vault });
const orig = harness.app.dispatch;
let t0 = 0;
(harness.app as { dispatch: typeof orig }).dispatch = async (c, p) => {
  const s = Date.now() - t0;
  const r = await orig(c, p);
  console.log(`invoke ${String(c)} at ${s} ms took ${Date.now() - t0 - s} ms, ${JSON.stringify(r).length} bytes`);
  return r;
};
for (let i = 0; i < 2; i++) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript(KEEP_NAMES_SHIM);
  await page.addInitScript(installPaintProbe, filled.visiblePictures);
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    let bridge: unknown;
    Object.defineProperty(window, 'wall', { configurable: true, get: () => bridge, set(v: { invoke: (c: string, p?: unknown) => Promise<unknown> }) {
      const inner = v.invoke.bind(v);
      v.invoke = async (c, p) => { const s = performance.now(); const r = await inner(c, p); (w['__marks'] ??= [] as string[]); (w['__marks'] as string[]).push(`${c} ${Math.round(s)}->${Math.round(performance.now())}`); return r; };
      bridge = v;
    } });
  });
  await harness.attach(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  t0 = Date.now();
  await page.goto(harness.url);
  console.log('goto returned', Date.now() - t0);
  await page.waitForFunction(() => (window as unknown as { __benchPaintedAt?: number }).__benchPaintedAt, null, { timeout: 20_000, polling: 50 });
  console.log(JSON.stringify(await page.evaluate(loadMilestones)));
  console.log(JSON.stringify(await page.evaluate(() => (window as unknown as { __marks: string[] }).__marks)));
  const { profile } = await cdp.send('Profiler.stop') as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[]; samples: number[]; timeDeltas: number[] } };
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFn = new Map<string, number>();
  for (const n of profile.nodes) { const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.slice(-30)}:${n.callFrame.lineNumber}`; byFn.set(k, (byFn.get(k) ?? 0) + (self.get(n.id) ?? 0)); }
  console.log([...byFn].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${(v / 1000).toFixed(1)} ms ${k}`).join('\n'));
  const res = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => `${r.name.slice(-40)} ${Math.round(r.startTime)}-${Math.round(r.responseEnd)}`));

  await context.close();
}
await harness.close();
await browser.close();
