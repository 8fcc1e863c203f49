import type { Locator, Page } from '@playwright/test';

/** The Connect screen: credential form, demo button, stored profiles. */
export class ConnectPage {
  readonly name: Locator;
  readonly secret: Locator;
  readonly apiBase: Locator;
  readonly save: Locator;
  readonly demo: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByLabel('Profile name');
    this.secret = page.getByLabel('API key', { exact: true });
    this.apiBase = page.getByLabel('API base');
    this.save = page.getByRole('button', { name: 'Test and save' });
    this.demo = page.getByRole('button', { name: 'Try the demo' });
    this.error = page.getByTestId('connect-error');
  }

  /** Fills the form and presses "Test and save". */
  async connectWith(apiBase: string, secret: string, name = 'Control room'): Promise<void> {
    await this.name.fill(name);
    await this.apiBase.fill(apiBase);
    await this.secret.fill(secret);
    await this.save.click();
  }
}
