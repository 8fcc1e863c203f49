import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/main/simulator/index';
import { getJson, raw, type StreamJson } from './helpers';

// Debian's Chromium plays the recordings the simulator serves. Without it (apt-get install
// chromium) this suite is skipped and says so.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`playback tests skipped: no Chromium at ${CHROMIUM}`);

describe.skipIf(!hasChromium)('recordings play in Chromium', () => {
  let sim: Simulator;
  let browser: Browser;
  let streams: StreamJson[];

  beforeAll(async () => {
    sim = await startSimulator({ streams: 30, groups: 5, seed: 12, lifecycle: false });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--autoplay-policy=no-user-gesture-required'],
    });
    const ids = sim.control.listStreams().map((s) => s.id);
    streams = await Promise.all(ids.map(async (id) => (await getJson<StreamJson>(sim, `/stream/${id}?asset_limit=20`)).json));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sim?.close();
  });

  it('every distinct MP4 the simulator serves reaches readyState 2 and its time advances', async () => {
    const byFile = new Map<string, string>();
    for (const url of streams.flatMap((s) => s.playout.web.filter((w) => w.type === 'vod').map((w) => w.url))) {
      const sha = createHash('sha256').update((await raw(url)).body).digest('hex');
      if (!byFile.has(sha)) byFile.set(sha, url);
    }
    expect(byFile.size).toBeGreaterThanOrEqual(3);
    const page = await browser.newPage();
    await page.goto(`${sim.assetBaseUrl}/live-replay/demo/?streamname=none`);
    for (const url of byFile.values()) {
      const result = await page.evaluate(async (src) => {
        const v = document.createElement('video');
        v.muted = true;
        v.src = src;
        document.body.append(v);
        await v.play();
        const start = v.currentTime;
        await new Promise((r) => setTimeout(r, 1200));
        const out = { readyState: v.readyState, advanced: v.currentTime - start, width: v.videoWidth, error: v.error?.code ?? null };
        v.remove();
        return out;
      }, url);
      expect(result.error, url).toBeNull();
      expect(result.readyState, url).toBeGreaterThanOrEqual(2);
      expect(result.advanced, url).toBeGreaterThan(0.3);
      expect(result.width, url).toBe(320);
    }
    await page.close();
  }, 60_000);

  it('the replay page plays the recent recording and "Back 30 s" jumps back', async () => {
    const stream = streams.find((s) => s.playout.replay?.length && s.playout.web.some((w) => w.type === 'vod'))!;
    const page = await browser.newPage();
    await page.goto(stream.playout.replay![0]!.url);
    await page.waitForFunction(() => {
      const v = document.querySelector('video');
      return !!v && v.readyState >= 2 && v.currentTime > 1;
    }, null, { timeout: 20_000 });
    const before = await page.evaluate(() => document.querySelector('video')!.currentTime);
    await page.getByRole('button', { name: 'Back 30 s' }).click();
    const after = await page.evaluate(() => document.querySelector('video')!.currentTime);
    expect(after).toBeLessThan(before);
    await page.close();
  }, 60_000);
});
