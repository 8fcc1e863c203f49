import type { Locator, Page } from '@playwright/test';

/** The wall: tiles, their pictures, the status bar and banners. */
export class WallPage {
  readonly tiles: Locator;
  readonly statusBar: Locator;
  readonly demoBanner: Locator;
  readonly pager: Locator;

  constructor(readonly page: Page) {
    this.tiles = page.getByTestId('tile');
    this.statusBar = page.getByTestId('status-bar');
    this.demoBanner = page.getByTestId('demo-banner');
    this.pager = page.getByTestId('pager');
  }

  /** The stream ids of the tiles in the page, in slot order. */
  ids(): Promise<string[]> {
    return this.tiles.evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute('data-stream-id') ?? ''));
  }

  /** The rendered font sizes (px) of the first tile's name and state badge. */
  captionSizes(): Promise<{ name: number; badge: number }> {
    return this.tiles.first().evaluate((tile) => ({
      name: parseFloat(getComputedStyle(tile.querySelector('h3') as Element).fontSize),
      badge: parseFloat(getComputedStyle(tile.querySelector('.badge') as Element).fontSize),
    }));
  }

  /** Whether the page can scroll in either direction (a scrollbar would show). */
  scrolls(): Promise<boolean> {
    return this.page.evaluate(() => {
      const root = document.documentElement;
      return root.scrollHeight > window.innerHeight || root.scrollWidth > window.innerWidth;
    });
  }

  /** Which page the pager shows, and of how many (1 of 1 without a pager). */
  async pageOf(): Promise<{ page: number; pages: number }> {
    if ((await this.pager.count()) === 0) return { page: 1, pages: 1 };
    return { page: Number(await this.pager.getAttribute('data-page')), pages: Number(await this.pager.getAttribute('data-pages')) };
  }

  /** The tile of one stream. */
  tile(streamId: string): Locator {
    return this.page.locator(`[data-testid="tile"][data-stream-id="${streamId}"]`);
  }

  /** How many tile pictures are fully decoded (loaded with real pixels), not merely present. */
  decodedPictureCount(): Promise<number> {
    return this.page.$$eval('img[data-testid="tile-thumbnail"]', (imgs) =>
      (imgs as HTMLImageElement[]).filter((img) => img.complete && img.naturalWidth > 0 && img.naturalHeight > 0).length,
    );
  }

  /** The current picture address of a tile. */
  pictureSrc(streamId: string): Promise<string | null> {
    return this.tile(streamId).locator('img[data-testid="tile-thumbnail"]').getAttribute('src');
  }
}
