import type { Locator, Page } from '@playwright/test';

/** The wall: tiles, their pictures, the status bar and banners. */
export class WallPage {
  readonly tiles: Locator;
  readonly statusBar: Locator;
  readonly demoBanner: Locator;

  constructor(readonly page: Page) {
    this.tiles = page.getByTestId('tile');
    this.statusBar = page.getByTestId('status-bar');
    this.demoBanner = page.getByTestId('demo-banner');
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
