import { streamIdOf } from '../../src/shared/wall-key';
import { test, expect } from './fixtures';
import { rawWall, readOnlyToken } from './support/sim-oracle';
import { startHarness } from './harness/harness';
import type { WallPage } from './pages/wall-page';

test.use({ simOptions: { streams: 12, groups: 2, seed: 71, lifecycle: false } });

test.beforeEach(async ({ sim, connect, wall }) => {
  await connect.connectWith(sim.baseUrl, readOnlyToken(sim));
  await expect(wall.tiles.first()).toBeVisible();
});

const shownIds = (wall: WallPage) => wall.tiles.evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-stream-id')).sort());

test('filters narrow the wall to exactly the right tiles', async ({ sim, wall, page }) => {
  const streams = sim.control.listStreams();
  await expect(wall.tiles).toHaveCount(streams.length);

  const one = streams[3]!;
  await page.getByTestId('search').fill(one.id.slice(0, 8));
  await expect.poll(() => shownIds(wall)).toEqual([one.id]);
  await page.getByTestId('search').fill('');
  await expect(wall.tiles).toHaveCount(streams.length);

  const ended = streams.filter((s) => s.state === 'ended').map((s) => s.id).sort();
  await page.getByTestId('filter-state-ended').click();
  await expect.poll(() => shownIds(wall)).toEqual(ended);
  await page.getByTestId('filter-state-ended').click();

  // A tag chip on a tile is a filter; two tags combine with AND.
  const tag = streams.flatMap((s) => s.tags).find((t, i, all) => all.indexOf(t) !== i) as string;
  const withTag = streams.filter((s) => s.tags.includes(tag)).map((s) => s.id).sort();
  await wall.tile(withTag[0]!).getByRole('button', { name: tag, exact: false }).first().click();
  await expect.poll(() => shownIds(wall)).toEqual(withTag);
  await expect(page.getByTestId('tag-filter')).toContainText(tag);
});

test('a saved layout survives a restart and comes back with its key', async ({ page, wall, vault }, testInfo) => {
  await page.getByTestId('grid-select').selectOption('2x2');
  await page.getByTestId('save-layout').click();
  await page.getByLabel('Layout name').fill('Desk A');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('layout-button-1')).toContainText('Desk A');
  await page.getByTestId('grid-select').selectOption('auto');
  await expect(wall.tiles).toHaveCount(12);

  const again = await page.context().newPage();
  const harness = await startHarness({ userDataDir: testInfo.outputPath('user-data'), vault });
  await harness.attach(again);
  await again.goto(harness.url);
  await expect(again.getByTestId('layout-button-1')).toContainText('Desk A');
  await again.locator('body').press('1');
  await expect(again.getByTestId('grid-select')).toHaveValue('2x2');
  await expect(again.getByTestId('tile')).toHaveCount(4);
  await harness.close();
});

test('the keyboard reaches every tile and every action', async ({ sim, wall, page, harness }) => {
  const count = await wall.tiles.count();
  await wall.tiles.first().locator('[data-tile-open]').focus();
  const visited = new Set<string>();
  for (let i = 0; i < count + 2; i++) {
    visited.add((await page.evaluate(() => document.activeElement?.closest('[data-testid="tile"]')?.getAttribute('data-stream-id'))) ?? '');
    await page.keyboard.press('ArrowRight');
  }
  expect([...visited].filter(Boolean).sort()).toEqual(sim.control.listStreams().map((s) => s.id).sort());

  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('focus-view')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('focus-view')).toBeHidden();
  // Back on the wall, focus returns to the tile that was opened.
  await expect(wall.tiles.first().locator('[data-tile-open]')).toBeFocused();

  // R replays the focused tile when it can.
  const oracle = await rawWall(sim);
  const replayable = oracle.live.find((id) => oracle.withThumbnail.includes(id)) as string;
  await wall.tile(replayable).locator('[data-tile-open]').focus();
  await expect(wall.tile(replayable).locator('[data-tile-open]')).toBeFocused();
  await page.keyboard.press('r');
  await expect.poll(() => harness.desktop.calls.some((c) => c.method === 'openReplay' && streamIdOf(String(c.args[0])) === replayable)).toBe(true);

  await page.keyboard.press('f');
  await expect.poll(() => harness.desktop.window.fullscreen).toBe(true);
  await page.keyboard.press('/');
  await expect(page.getByTestId('search')).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await wall.tiles.first().locator('[data-tile-open]').focus();
  await page.keyboard.press('?');
  await expect(page.getByTestId('help-overlay')).toBeVisible();
  for (const key of ['Enter', 'Esc', '/', 'R', 'D', 'F', '?']) await expect(page.getByTestId('help-overlay')).toContainText(key);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-overlay')).toBeHidden();
});
