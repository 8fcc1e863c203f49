import { streamIdOf } from '../../src/shared/wall-key';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { rawWall, readOnlyToken } from './support/sim-oracle';
import { recordingsOf, sha256 } from './support/sim-files';

test.use({ simOptions: { streams: 8, groups: 2, seed: 61, lifecycle: false, motionIntervalRange: [10, 10] } });

test.beforeEach(async ({ sim, connect, wall }) => {
  await connect.connectWith(sim.baseUrl, readOnlyToken(sim));
  await expect.poll(() => wall.decodedPictureCount(), { timeout: 20_000 }).toBeGreaterThan(3);
});

test('hovering a tile plays its motion clip: the picture really moves', async ({ sim, wall, page }) => {
  const oracle = await rawWall(sim);
  const id = oracle.live.find((candidate) => oracle.withThumbnail.includes(candidate)) as string;
  const tile = wall.tile(id);
  const clip = tile.getByTestId('tile-motionclip');
  await expect(clip).toHaveCount(0);
  await tile.hover();
  await expect(clip).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => clip.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 15_000 }).toBe(true);
  const frames = new Set<string>();
  for (let i = 0; i < 6; i++) {
    frames.add(sha256(await clip.screenshot()));
    await page.waitForTimeout(300);
  }
  expect(frames.size).toBeGreaterThan(1);
  await page.mouse.move(0, 0);
  await expect(clip).toHaveCount(0);
});

test('the focus view shows every quality of a group and switches between them', async ({ sim, wall, page }) => {
  const group = sim.control.listStreams().find((s) => s.isGroup && s.state === 'live');
  expect(group, 'the simulator has a live ABR group').toBeTruthy();
  await wall.tile(group!.id).locator('[data-tile-open]').click();
  const focus = page.getByTestId('focus-view');
  await expect(focus).toBeVisible();
  const qualities = page.getByTestId('focus-quality').getByRole('button');
  await expect(qualities).toHaveCount(group!.variantIds.length);
  const second = qualities.nth(1);
  await second.click();
  await expect(second).toHaveAttribute('aria-pressed', 'true');
  await expect(qualities.nth(0)).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('processing-table')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(focus).toBeHidden();
});

test('Replay opens the stream\'s own replay page in its window, and that page plays', async ({ sim, wall, harness, page }) => {
  const oracle = await rawWall(sim);
  const id = oracle.live.find((candidate) => oracle.withThumbnail.includes(candidate)) as string;
  const replay = wall.tile(id).getByTestId('replay-button');
  await expect(replay).toHaveAttribute('aria-disabled', 'false');
  await replay.click();
  await expect.poll(() => harness.desktop.calls.filter((c) => c.method === 'openReplay').length).toBe(1);
  const [streamId, url] = harness.desktop.calls.find((c) => c.method === 'openReplay')!.args as [string, string];
  // One replay window per stream, known by its wall key (profile and bintu id).
  expect(streamIdOf(streamId)).toBe(id);
  expect(url.startsWith(sim.assetBaseUrl)).toBe(true);
  // What the replay window would show: the page bintu named, without any preload.
  const player = await page.context().newPage();
  await player.goto(url);
  await expect.poll(() => player.locator('video').evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  await player.close();
});

test('Download fetches the latest recording to disk, byte for byte, with progress to 100%', async ({ sim, wall, harness, page }) => {
  const oracle = await rawWall(sim);
  let target: { id: string; files: Awaited<ReturnType<typeof recordingsOf>> } | null = null;
  for (const id of oracle.ids) {
    const files = await recordingsOf(sim, id);
    if (files.length > 0) {
      target = { id, files };
      break;
    }
  }
  expect(target, 'the simulator has a stream with recordings').toBeTruthy();
  // Slow the transfer so the progress bar is seen moving.
  sim.control.setStreamFaults(target!.id, { scope: 'assets', slowBodyBytesPerSec: 40_000 });
  await wall.tile(target!.id).getByTestId('download-latest').click();
  await page.getByTestId('downloads-button').click();
  const row = page.getByTestId('download-row').first();
  await expect(row).toBeVisible();
  // While it runs the bar moves: some bytes, not yet all.
  await expect.poll(() => row.getByTestId('download-progress').evaluate((p: HTMLProgressElement) => p.value > 0 && p.value < p.max), { timeout: 10_000 }).toBe(true);
  await expect(row).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  const progress = row.getByTestId('download-progress');
  const bar = await progress.evaluate((p: HTMLProgressElement) => ({ value: p.value, max: p.max }));
  expect(bar.max).toBeGreaterThan(1000);
  expect(bar.value).toBe(bar.max);
  const folder = join(harness.userDataDir, 'Downloads');
  const written = readdirSync(folder);
  expect(written.filter((name) => name.endsWith('.part'))).toEqual([]);
  expect(written).toHaveLength(1);
  const file = join(folder, written[0] as string);
  expect(existsSync(file)).toBe(true);
  expect(target!.files.map((f) => f.sha256)).toContain(sha256(readFileSync(file)));
});
