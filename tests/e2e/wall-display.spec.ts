import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { Harness } from './harness/harness';
import type { WallPage } from './pages/wall-page';
import { readOnlyToken } from './support/sim-oracle';

const HD = { width: 1920, height: 1080 };
const UHD = { width: 3840, height: 2160 };

/** Sets the display settings as the Settings screen would, and waits until main holds them. */
async function setDisplay(harness: Harness, change: Partial<ReturnType<Harness['app']['settings']['get']>['display']>): Promise<void> {
  const display = { ...harness.app.settings.get().display, ...change };
  const result = await harness.app.dispatch('settings:update', { display });
  expect(result.ok).toBe(true);
}

/**
 * Every picture in the page, measured: its 16:9 frame, the rendered picture inside it
 * (object-fit), and whether both lie inside the tile with the caption below.
 */
function pictureBoxes(page: Page) {
  return page.$$eval('[data-testid="tile"]', (tiles) =>
    tiles.flatMap((tile) => {
      const frame = tile.querySelector('[data-testid="tile-frame"]');
      const img = tile.querySelector<HTMLImageElement>('img[data-testid="tile-thumbnail"]');
      const caption = tile.querySelector('h3');
      if (frame === null || img === null || caption === null || !img.complete || img.naturalWidth === 0) return [];
      const t = tile.getBoundingClientRect();
      const f = frame.getBoundingClientRect();
      const i = img.getBoundingClientRect();
      const scale = Math.min(i.width / img.naturalWidth, i.height / img.naturalHeight);
      const inside = (r: DOMRect) => r.left >= t.left - 0.5 && r.right <= t.right + 0.5 && r.top >= t.top - 0.5 && r.bottom <= t.bottom + 0.5;
      return [
        {
          frameRatio: f.width / f.height,
          shownRatio: (img.naturalWidth * scale) / (img.naturalHeight * scale),
          naturalRatio: img.naturalWidth / img.naturalHeight,
          fit: getComputedStyle(img).objectFit,
          inside: inside(f) && inside(i),
          captionBelow: caption.getBoundingClientRect().top >= f.bottom - 0.5,
        },
      ];
    }),
  );
}

async function connectAndWait(page: Page, sim: { baseUrl: string }, connect: { connectWith(a: string, s: string): Promise<void> }, wall: WallPage, secret: string, pictures = 3): Promise<void> {
  await connect.connectWith(sim.baseUrl, secret);
  await expect.poll(() => wall.decodedPictureCount(), { timeout: 30_000 }).toBeGreaterThanOrEqual(pictures);
}

test.describe('a wall read from across the room', () => {
  test.use({ simOptions: { streams: 20, groups: 2, seed: 101, lifecycle: false }, viewport: HD });

  test('tile text grows with the tile: 4x4 at 1080p names in 24 px and more, badges in 20 px, larger at 2x2 and at 4K', async ({ sim, connect, wall, page }) => {
    await connectAndWait(page, sim, connect, wall, readOnlyToken(sim));
    const sizes: Record<string, { name: number; badge: number }> = {};
    for (const viewport of [HD, UHD]) {
      await page.setViewportSize(viewport);
      for (const grid of ['4x4', '2x2'] as const) {
        await page.getByTestId('grid-select').selectOption(grid);
        await expect(page.getByTestId('wall-grid')).toHaveAttribute('data-grid', grid);
        sizes[`${viewport.width} ${grid}`] = await wall.captionSizes();
      }
    }
    const hd4 = sizes['1920 4x4']!;
    expect(hd4.name).toBeGreaterThanOrEqual(24);
    expect(hd4.badge).toBeGreaterThanOrEqual(20);
    expect(sizes['1920 2x2']!.name).toBeGreaterThan(hd4.name);
    expect(sizes['3840 4x4']!.name).toBeGreaterThan(hd4.name);
    expect(sizes['3840 4x4']!.badge).toBeGreaterThan(hd4.badge);
    expect(sizes['3840 2x2']!.name).toBeGreaterThan(sizes['3840 4x4']!.name);
  });

  test('no layout crops a picture: the whole 16:9 frame inside its tile, the caption below it', async ({ sim, connect, wall, page, harness }) => {
    await connectAndWait(page, sim, connect, wall, readOnlyToken(sim), 6);
    const check = async (what: string): Promise<void> => {
      await expect.poll(() => pictureBoxes(page).then((boxes) => boxes.length), { message: what }).toBeGreaterThan(0);
      for (const box of await pictureBoxes(page)) {
        expect(Math.abs(box.frameRatio - 16 / 9), `${what}: frame 16:9`).toBeLessThan(0.02);
        expect(Math.abs(box.shownRatio - box.naturalRatio), `${what}: picture keeps its shape`).toBeLessThan(0.01);
        expect(box.fit, what).toBe('contain');
        expect(box.inside, `${what}: inside the tile`).toBe(true);
        expect(box.captionBelow, `${what}: caption below`).toBe(true);
      }
    };
    await check('auto-fit');
    for (const grid of ['2x2', '3x3', '4x4', '5x5'] as const) {
      await page.getByTestId('grid-select').selectOption(grid);
      await expect(page.getByTestId('wall-grid')).toHaveAttribute('data-grid', grid);
      await check(grid);
    }
    await page.getByTestId('grid-select').selectOption('auto');
    await setDisplay(harness, { overflow: 'scroll' });
    await expect(page.getByTestId('wall-grid')).not.toHaveAttribute('data-grid', 'auto');
    await check('scrolling auto-fit');
  });

  test('pages turn by themselves when asked to, and hold while the pointer moves', async ({ sim, connect, wall, page, harness }) => {
    await connectAndWait(page, sim, connect, wall, readOnlyToken(sim));
    await page.getByTestId('grid-select').selectOption('3x3');
    await expect.poll(() => wall.pageOf()).toEqual({ page: 1, pages: 3 });
    await expect(page.getByTestId('pager-rotation')).toHaveCount(0);
    await setDisplay(harness, { rotateOnDesk: true, rotateS: 5 });
    await expect(page.getByTestId('pager-rotation')).toBeVisible();
    const first = await wall.ids();
    await expect.poll(() => wall.pageOf(), { timeout: 9000 }).toEqual({ page: 2, pages: 3 });
    expect(await wall.ids()).not.toEqual(first);
    // An operator pointing at the wall keeps the page for as long as they do.
    for (let i = 0; i < 16; i++) {
      await page.mouse.move(400 + (i % 2) * 40, 500);
      await page.waitForTimeout(500);
    }
    expect(await wall.pageOf()).toEqual({ page: 2, pages: 3 });
    await expect.poll(() => wall.pageOf(), { timeout: 9000 }).toEqual({ page: 3, pages: 3 });
    await expect.poll(() => wall.pageOf(), { timeout: 9000 }).toEqual({ page: 1, pages: 3 });
  });
});

for (const count of [2, 12, 24]) {
  test.describe(`auto-fit with ${count} streams`, () => {
    test.use({ simOptions: { streams: count, groups: 1, seed: 110 + count, lifecycle: false }, viewport: HD });

    test('shows every stream on one screen, no scrollbar, no pages, as large as fits', async ({ sim, connect, wall }) => {
      await connect.connectWith(sim.baseUrl, readOnlyToken(sim));
      await expect(wall.tiles).toHaveCount(count);
      expect(await wall.scrolls()).toBe(false);
      await expect(wall.pager).toHaveCount(0);
      for (const tile of await wall.tiles.all()) await expect(tile).toBeInViewport({ ratio: 1 });
      const width = await wall.tiles.first().evaluate((tile) => tile.getBoundingClientRect().width);
      // Fewer streams, larger tiles: two share the width, 24 still leave more than 280 px each.
      expect(width).toBeGreaterThan(count === 2 ? 900 : 280);
    });
  });
}

test.describe('auto-fit with 200 streams', () => {
  test.use({ simOptions: { streams: 200, groups: 10, seed: 113, lifecycle: false }, viewport: HD });

  test('puts what does not fit at the minimum size on further pages, every stream reachable, never a scrollbar', async ({ sim, connect, wall, harness }) => {
    test.setTimeout(120_000);
    expect((await harness.app.dispatch('settings:update', { quantity: 250 })).ok).toBe(true);
    await connect.connectWith(sim.baseUrl, readOnlyToken(sim));
    await expect.poll(() => harness.app.session.wall().streams.length, { timeout: 30_000 }).toBe(200);
    await expect(wall.pager).toBeVisible();
    const { pages } = await wall.pageOf();
    const perPage = await wall.tiles.count();
    expect(pages).toBe(Math.ceil(200 / perPage));
    expect(perPage).toBeGreaterThan(12);
    expect(await wall.tiles.first().evaluate((tile) => tile.getBoundingClientRect().width)).toBeGreaterThanOrEqual(256);
    const seen = new Set<string>();
    for (let at = 1; at <= pages; at++) {
      expect(await wall.scrolls()).toBe(false);
      for (const id of await wall.ids()) seen.add(id);
      if (at < pages) await wall.pager.getByRole('button', { name: 'Next page' }).click();
      await expect.poll(() => wall.pageOf()).toEqual({ page: Math.min(at + 1, pages), pages });
    }
    expect(seen.size).toBe(200);
  });
});
