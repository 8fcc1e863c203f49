import type { Locator, Page } from '@playwright/test';
import type { CredentialKind } from '../../../src/shared/domain';

/** The Connect screen: credential form, demo button, stored profiles. */
export class ConnectPage {
  readonly name: Locator;
  /** The secret field while "API key" is chosen. */
  readonly secret: Locator;
  /** The secret field while "bintu token" is chosen (the form's default). */
  readonly token: Locator;
  readonly apiBase: Locator;
  readonly save: Locator;
  readonly demo: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByLabel('Profile name');
    this.secret = page.getByLabel('API key', { exact: true });
    this.token = page.getByLabel('bintu token', { exact: true });
    this.apiBase = page.getByLabel('API base');
    this.save = page.getByRole('button', { name: 'Test and save' });
    this.demo = page.getByRole('button', { name: 'Try the demo' });
    this.error = page.getByTestId('connect-error');
  }

  /** The credential-kind toggle button of a kind. */
  kindButton(kind: CredentialKind): Locator {
    return this.page.getByRole('group', { name: 'Credential' }).getByRole('button', { name: kind === 'apiKey' ? 'API key' : 'bintu token', exact: true });
  }

  /** Fills the form (a bintu token unless told otherwise) and presses "Test and save". */
  async connectWith(apiBase: string, secret: string, name = 'Control room', kind: CredentialKind = 'token'): Promise<void> {
    await this.name.fill(name);
    await this.apiBase.fill(apiBase);
    await this.kindButton(kind).click();
    await (kind === 'apiKey' ? this.secret : this.token).fill(secret);
    await this.save.click();
  }
}
