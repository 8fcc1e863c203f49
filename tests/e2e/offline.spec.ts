import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { startSimulator } from '../../src/main/simulator';
import { startHarness } from './harness/harness';
import { ConnectPage } from './pages/connect-page';
import { WallPage } from './pages/wall-page';
import { readOnlyToken } from './support/sim-oracle';

const SIM = { streams: 10, groups: 2, seed: 31, lifecycle: false } as const;

test('offline: the cached wall appears at once, marked stale, and recovers by itself', async ({ page: firstPage, vault }, testInfo) => {
  let page = firstPage;
  test.setTimeout(150_000);
  const userDataDir = testInfo.outputPath('user-data');
  let sim = await startSimulator(SIM);
  const ports = { port: Number(new URL(sim.baseUrl).port), assetPort: Number(new URL(sim.assetBaseUrl).port) };
  let wall = new WallPage(page);

  // 1. Fill the cache from the simulator.
  let harness = await startHarness({ userDataDir, vault });
  await harness.attach(page);
  await page.goto(harness.url);
  await new ConnectPage(page).connectWith(sim.baseUrl, readOnlyToken(sim));
  const tiles = await (async () => {
    await expect.poll(() => wall.decodedPictureCount(), { timeout: 20_000 }).toBeGreaterThan(4);
    return wall.tiles.count();
  })();
  const walls = join(userDataDir, 'cache', 'walls');
  await expect.poll(() => (existsSync(walls) ? readdirSync(walls).filter((f) => f.endsWith('.json')).length : 0), { timeout: 15_000 }).toBe(1);
  const pictures = await wall.decodedPictureCount();

  // 2. bintu goes away; the app restarts.
  await sim.close();
  await harness.close();
  await page.close();
  // A restart: a new core on the same user-data folder, and a new window.
  page = await page.context().newPage();
  wall = new WallPage(page);
  harness = await startHarness({ userDataDir, vault });
  await harness.attach(page);
  const started = Date.now();
  await page.goto(harness.url);
  await expect(wall.tiles).toHaveCount(tiles);
  await expect.poll(() => wall.decodedPictureCount()).toBe(pictures);
  expect(Date.now() - started).toBeLessThan(5000);
  await expect(page.getByTestId('offline-banner')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('tile-stale').first()).toBeVisible();
  // No badge claims a state as current: each says it is only the last one known.
  await expect(page.getByTestId('tile-stale').first()).toContainText('Last known: ');
  await expect(page.getByTestId('tile-state')).toHaveCount(0);
  await expect(wall.statusBar).toContainText(/offline/i);

  // 3. bintu is back on the same address: the wall catches up without a click.
  sim = await startSimulator({ ...SIM, ...ports });
  await expect(page.getByTestId('offline-banner')).toBeHidden({ timeout: 75_000 });
  await expect(wall.statusBar).toContainText(/online/i);
  await expect(page.getByTestId('tile-stale')).toHaveCount(0);
  await harness.close();
  await sim.close();
});
