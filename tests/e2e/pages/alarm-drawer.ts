import type { Locator, Page } from '@playwright/test';

/** The alarm drawer and the header's Alarms button. */
export class AlarmDrawer {
  readonly button: Locator;
  readonly count: Locator;
  readonly panel: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByTestId('alarms-button');
    this.count = page.getByTestId('alarms-count');
    this.panel = page.getByTestId('alarm-drawer');
    this.history = page.getByTestId('alarm-history');
  }

  /** The open alarm rows of one stream. */
  rows(streamId: string): Locator {
    return this.panel.locator(`[data-testid="alarm-row"][data-stream-id="${streamId}"]`);
  }

  /** The states the history lists for one stream, newest first. */
  historyStates(streamId: string): Promise<string[]> {
    return this.history
      .locator(`[data-testid="history-row"][data-stream-id="${streamId}"]`)
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-event-state') ?? ''));
  }

  /** Whether a picture in the drawer has loaded real pixels. */
  decoded(picture: Locator): Promise<boolean> {
    return picture.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0);
  }
}
