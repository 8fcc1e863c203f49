import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures';
import { startHarness } from './harness/harness';
import { readOnlyToken } from './support/sim-oracle';
import { streamIdOf } from '../../src/shared/wall-key';

/** Hero sizes by bintu's stream id: settings name streams by wall key (`profileId/streamId`). */
const byStream = (heroes: Readonly<Record<string, number>>): Record<string, number> => Object.fromEntries(Object.entries(heroes).map(([key, span]) => [streamIdOf(key), span]));

test.use({ simOptions: { streams: 20, groups: 2, seed: 131, lifecycle: false }, viewport: { width: 1920, height: 1080 } });

test.beforeEach(async ({ sim, connect, wall }) => {
  await connect.connectWith(sim.baseUrl, readOnlyToken(sim));
  await expect.poll(() => wall.decodedPictureCount(), { timeout: 30_000 }).toBeGreaterThan(3);
});

/** A tile's box, its picture's 16:9 frame and the shown picture, and whether both lie inside the tile. */
function measure(tile: Locator) {
  return tile.evaluate((element) => {
    const frame = element.querySelector('[data-testid="tile-frame"]');
    const img = element.querySelector<HTMLImageElement>('img[data-testid="tile-thumbnail"]');
    const t = element.getBoundingClientRect();
    const f = frame?.getBoundingClientRect() ?? null;
    const i = img?.getBoundingClientRect() ?? null;
    const inside = (r: DOMRect | null) => r !== null && r.left >= t.left - 0.5 && r.right <= t.right + 0.5 && r.top >= t.top - 0.5 && r.bottom <= t.bottom + 0.5;
    return {
      width: t.width,
      height: t.height,
      frameRatio: f === null ? 0 : f.width / f.height,
      frameWidth: f?.width ?? 0,
      loaded: img !== null && img.complete && img.naturalWidth > 0,
      fit: img === null ? '' : getComputedStyle(img).objectFit,
      inside: inside(f) && inside(i),
      name: parseFloat(getComputedStyle(element.querySelector('h3') as Element).fontSize),
    };
  });
}

/** The cell (grid item) a stream's tile sits in. */
const cellOf = (tile: Locator): Locator => tile.locator('xpath=ancestor::li[1]');

test('a hero tile spans 2x2 or 3x3 cells of a paged grid, its whole picture inside it, and comes back after a restart', async ({ wall, page, harness, vault }, testInfo) => {
  test.setTimeout(120_000);
  await page.getByTestId('grid-select').selectOption('3x3');
  await expect.poll(() => wall.pageOf()).toEqual({ page: 1, pages: 3 });
  const [a, b] = (await wall.ids()) as [string, string];
  const ordinary = await measure(wall.tile(b));

  // From the focus view: 2x2, four cells of the first page, the others around it.
  await wall.tile(a).locator('[data-tile-open]').click();
  await page.getByTestId('focus-hero').getByRole('button', { name: '2x2' }).click();
  await expect(page.getByTestId('focus-hero').getByRole('button', { name: '2x2' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('focus-back').click();
  await expect(cellOf(wall.tile(a))).toHaveAttribute('data-span', '2');
  await expect(wall.tiles).toHaveCount(6);
  const hero = await measure(wall.tile(a));
  expect(hero.width).toBeCloseTo(2 * ordinary.width + 8, -1);
  expect(hero.height).toBeCloseTo(2 * ordinary.height + 8, -1);
  expect(hero.name).toBeGreaterThan(ordinary.name);
  await expect.poll(async () => (await measure(wall.tile(a))).loaded, { timeout: 20_000 }).toBe(true);
  const shown = await measure(wall.tile(a));
  expect(shown.frameRatio).toBeCloseTo(16 / 9, 1);
  expect(shown.fit).toBe('contain');
  expect(shown.inside).toBe(true);
  // Every stream is still on some page: the pages took the larger cell into account.
  await expect.poll(() => wall.pageOf()).toEqual({ page: 1, pages: 3 });

  // From the keyboard: H makes the tile with the tab stop larger, 3x3 fills a page of its own.
  await wall.tile(b).locator('[data-tile-open]').focus();
  await page.keyboard.press('h');
  await expect(cellOf(wall.tile(b))).toHaveAttribute('data-span', '2');
  await page.keyboard.press('h');
  await expect(cellOf(wall.tile(b))).toHaveAttribute('data-span', '3');
  await expect(wall.tiles).toHaveCount(1);
  expect((await wall.pageOf()).page).toBe(2);
  await expect(wall.tile(b).locator('[data-tile-open]')).toBeFocused();
  await page.keyboard.press('h');
  await expect(cellOf(wall.tile(b))).not.toHaveAttribute('data-span');
  await expect.poll(() => byStream(harness.app.settings.get().wall.heroes)).toEqual({ [a]: 2 });

  // A restart: the hero tile comes back at its size.
  const again = await page.context().newPage();
  const restarted = await startHarness({ userDataDir: testInfo.outputPath('user-data'), vault });
  await restarted.attach(again);
  await again.goto(restarted.url);
  const back = again.locator(`[data-testid="tile"][data-stream-id="${a}"]`);
  await expect(back).toBeVisible({ timeout: 20_000 });
  await expect(cellOf(back)).toHaveAttribute('data-span', '2');
  await expect(again.getByTestId('grid-select')).toHaveValue('3x3');
  await expect.poll(async () => (await measure(back)).loaded, { timeout: 20_000 }).toBe(true);
  const after = await measure(back);
  expect(after.frameRatio).toBeCloseTo(16 / 9, 1);
  expect(after.inside).toBe(true);
  await restarted.close();
});

test('auto-fit makes room for hero tiles on one screen, and a saved layout keeps its own', async ({ wall, page, harness }) => {
  await expect(page.getByTestId('grid-select')).toHaveValue('auto');
  const count = await wall.tiles.count();
  // Two streams with a picture, to measure.
  const pictured = await wall.tiles.evaluateAll((tiles) =>
    tiles.filter((tile) => (tile.querySelector<HTMLImageElement>('img[data-testid="tile-thumbnail"]')?.naturalWidth ?? 0) > 0).map((tile) => tile.getAttribute('data-stream-id') ?? ''),
  );
  const [a, b] = pictured as [string, string];
  await wall.tile(a).locator('[data-tile-open]').focus();
  await page.keyboard.press('h');
  await expect(cellOf(wall.tile(a))).toHaveAttribute('data-span', '2');
  await expect(wall.tiles).toHaveCount(count);
  await expect(wall.pager).toHaveCount(0);
  expect(await wall.scrolls()).toBe(false);
  for (const tile of await wall.tiles.all()) await expect(tile).toBeInViewport({ ratio: 1 });
  await expect.poll(async () => (await measure(wall.tile(a))).loaded, { timeout: 20_000 }).toBe(true);
  const hero = await measure(wall.tile(a));
  expect(hero.frameRatio).toBeCloseTo(16 / 9, 1);
  expect(hero.inside).toBe(true);

  // Saved with the layout; a change while the layout is in use goes into the layout too.
  await page.getByTestId('save-layout').click();
  await page.getByLabel('Layout name').fill('Heroes');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('layout-button-1')).toContainText('Heroes');
  await wall.tile(b).locator('[data-tile-open]').focus();
  await page.keyboard.press('h');
  await page.keyboard.press('h');
  await expect(cellOf(wall.tile(b))).toHaveAttribute('data-span', '3');
  await expect.poll(() => byStream(harness.app.settings.get().layouts.find((layout) => layout.name === 'Heroes')?.heroes ?? {})).toEqual({ [a]: 2, [b]: 3 });

  // The free wall, made ordinary again from a tile's own button (a 2x2 grid shows the tiles'
  // buttons), and the layout back with its key: its hero tiles return.
  await page.locator('body').press('0');
  await page.getByTestId('grid-select').selectOption('2x2');
  await expect(wall.tile(b).getByTestId('hero-button')).toHaveAttribute('data-span', '3');
  await wall.tile(b).getByTestId('hero-button').click();
  await expect(cellOf(wall.tile(b))).not.toHaveAttribute('data-span');
  expect(byStream(harness.app.settings.get().layouts.find((layout) => layout.name === 'Heroes')?.heroes ?? {})).toEqual({ [a]: 2, [b]: 3 });
  await page.locator('body').press('1');
  await expect(cellOf(wall.tile(b))).toHaveAttribute('data-span', '3');

  // The scrolling wall spans them too, each picture whole inside its tile.
  const display = { ...harness.app.settings.get().display, overflow: 'scroll' as const };
  expect((await harness.app.dispatch('settings:update', { display })).ok).toBe(true);
  await expect(page.getByTestId('wall-grid')).not.toHaveAttribute('data-per-page');
  await expect(cellOf(wall.tile(a))).toHaveAttribute('data-span', '2');
  await expect(cellOf(wall.tile(b))).toHaveAttribute('data-span', '3');
  await expect(wall.tiles).toHaveCount(count);
  for (const id of [a, b]) {
    await wall.tile(id).scrollIntoViewIfNeeded();
    await expect.poll(async () => (await measure(wall.tile(id))).loaded, { timeout: 20_000 }).toBe(true);
    const box = await measure(wall.tile(id));
    expect(box.frameRatio).toBeCloseTo(16 / 9, 1);
    expect(box.inside).toBe(true);
  }
});
