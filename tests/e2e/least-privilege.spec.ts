import { test, expect } from './fixtures';
import { startHarness } from './harness/harness';
import { ConnectPage } from './pages/connect-page';
import { credential, readOnlyToken } from './support/sim-oracle';
import { englishLeftovers } from './support/english-leftovers';
import { axeViolations } from './support/axe';

test.describe('least privilege', () => {
  test.use({ simOptions: { streams: 6, groups: 1, seed: 141, lifecycle: false } });

  test('Connect starts on a bintu token and explains both kinds', async ({ connect }) => {
    await expect(connect.kindButton('token')).toHaveAttribute('aria-pressed', 'true');
    await expect(connect.token).toBeVisible();
    await expect(connect.page.getByTestId('kind-help')).toContainText('nanoReadOnly');
    await expect(connect.page.getByTestId('kind-help')).toContainText('Recommended');
    await connect.kindButton('apiKey').click();
    await expect(connect.page.getByTestId('kind-help')).toContainText('master key');
    expect(await axeViolations(connect.page), 'connect with the API key chosen').toEqual([]);
  });

  test('an API key connects, with a warning on the wall and the steps to a read-only token; dismissed, it stays away for that profile', async ({ sim, connect, wall, harness, page }) => {
    await connect.connectWith(sim.baseUrl, credential(sim).secret, 'Control room', 'apiKey');
    await expect(wall.tiles.first()).toBeVisible();
    const warning = page.getByTestId('master-key-warning');
    await expect(warning).toBeVisible();
    await expect(warning).toContainText('master key');
    await expect(warning).toContainText('nanoReadOnly');
    await expect(warning.locator('li')).toHaveCount(3);
    expect(await axeViolations(page), 'wall with the master-key warning').toEqual([]);
    // Profiles show which kind each uses.
    await page.getByRole('button', { name: 'Profiles' }).first().click();
    await expect(page.getByTestId('credential-kind')).toHaveText(/API key\s*\(master key\)/);
    await page.getByRole('button', { name: 'Back to the wall' }).click();
    await warning.getByRole('button', { name: 'Dismiss' }).click();
    await expect(warning).toHaveCount(0);
    const profileId = (await harness.app.session.view()).activeProfileId;
    expect(harness.app.settings.get().keyWarningDismissed).toEqual([profileId]);
    await page.reload();
    await expect(wall.tiles.first()).toBeVisible();
    await expect(page.getByTestId('master-key-warning')).toHaveCount(0);
  });

  test('with a read-only token there is no warning', async ({ sim, connect, wall, page }) => {
    await connect.connectWith(sim.baseUrl, readOnlyToken(sim));
    await expect.poll(() => wall.decodedPictureCount(), { timeout: 20_000 }).toBeGreaterThan(1);
    await expect(page.getByTestId('master-key-warning')).toHaveCount(0);
    await expect(page.getByTestId('rejected-banner')).toHaveCount(0);
  });

  test('"Replace with a token" swaps the master key of that profile for a token: one profile, no warning', async ({ sim, connect, wall, harness, page }) => {
    await connect.connectWith(sim.baseUrl, credential(sim).secret, 'Control room', 'apiKey');
    await page.getByTestId('master-key-warning').getByRole('button', { name: 'Replace with a token' }).click();
    await expect(page.getByTestId('credential-prompt')).toHaveAttribute('data-reason', 'asked');
    await expect(connect.kindButton('token')).toHaveAttribute('aria-pressed', 'true');
    await expect(connect.name).toHaveValue('Control room');
    await connect.token.fill(readOnlyToken(sim));
    await connect.save.click();
    await expect(wall.tiles.first()).toBeVisible();
    await expect(page.getByTestId('master-key-warning')).toHaveCount(0);
    const view = await harness.app.session.view();
    expect(view.profiles.map((p) => p.credentialKind)).toEqual(['token']);
  });

  test('a token bintu stops accepting says tokens expire or are revoked, and a new one is entered for the same profile', async ({ sim, connect, wall, harness, page }) => {
    await connect.connectWith(sim.baseUrl, readOnlyToken(sim));
    await expect(wall.tiles.first()).toBeVisible();
    sim.revokeCredential(readOnlyToken(sim));
    const banner = page.getByTestId('rejected-banner');
    await expect(banner).toBeVisible({ timeout: 20_000 });
    await expect(banner).toContainText('tokens expire and can be revoked');
    await expect(banner).not.toContainText('API key');
    await banner.getByRole('button', { name: 'Enter a new token' }).click();
    await expect(page.getByTestId('credential-prompt')).toHaveAttribute('data-reason', 'rejected');
    await connect.token.fill(credential(sim, 'nanoUser', 'token').secret);
    await connect.save.click();
    await expect(page.getByTestId('rejected-banner')).toHaveCount(0, { timeout: 20_000 });
    expect((await harness.app.session.view()).profiles).toHaveLength(1);
  });

  test('a refused token on Connect is "expired or revoked", not a wrong key', async ({ sim, connect }) => {
    await connect.connectWith(sim.baseUrl, 'simtok_not-a-token-at-all');
    await expect(connect.error).toContainText('Token expired or revoked');
    await expect(connect.page.getByTestId('token-rejected')).toContainText('Ask your organisation’s administrator for a new token');
    await expect(connect.error).not.toContainText('Check the key');
  });
});

test('a profile whose keychain entry was deleted outside the app asks for it again after a restart, filled in for that profile', async ({ sim, connect, wall, harness, vault, page }, testInfo) => {
  await connect.connectWith(sim.baseUrl, readOnlyToken(sim), 'Studio');
  await expect(wall.tiles.first()).toBeVisible();
  const profileId = (await harness.app.session.view()).activeProfileId as string;
  await harness.close();
  // Someone clears the entry in the system's keychain tool while the app is closed.
  await vault.delete(profileId);
  const again = await startHarness({ userDataDir: testInfo.outputPath('user-data'), vault });
  try {
    await again.attach(page);
    await page.goto(again.url);
    const form = new ConnectPage(page);
    await expect(page.getByTestId('credential-prompt')).toHaveAttribute('data-reason', 'missing');
    await expect(page.getByTestId('credential-prompt')).toContainText('“Studio” is no longer in the system keychain');
    await expect(page.getByTestId('key-stored')).toHaveAttribute('data-stored', 'false');
    await expect(form.name).toHaveValue('Studio');
    await form.token.fill(readOnlyToken(sim));
    await form.save.click();
    await expect(wall.tiles.first()).toBeVisible();
    const view = await again.app.session.view();
    expect(view.profiles.map((p) => [p.id, p.hasCredential])).toEqual([[profileId, true]]);
  } finally {
    await again.close();
  }
});

test.describe('in German', () => {
  test.use({ locale: 'de-DE', simOptions: { streams: 4, groups: 0, seed: 142, lifecycle: false } });

  test('the master-key warning and the refused token speak German', async ({ sim, connect: _connect, wall, page }) => {
    await page.getByLabel('Profilname').fill('Leitstand');
    await page.getByLabel('API-Adresse').fill(sim.baseUrl);
    await page.getByRole('group', { name: 'Zugangsdaten' }).getByRole('button', { name: 'API-Schlüssel', exact: true }).click();
    await page.getByLabel('API-Schlüssel', { exact: true }).fill(credential(sim).secret);
    await page.getByRole('button', { name: 'Prüfen und speichern' }).click();
    await expect(wall.tiles.first()).toBeVisible();
    const warning = page.getByTestId('master-key-warning');
    await expect(warning).toContainText('Generalschlüssel');
    await expect(warning.getByRole('button', { name: 'Ausblenden' })).toBeVisible();
    expect(await englishLeftovers(page)).toEqual([]);
    await page.getByRole('button', { name: 'Profile' }).first().click();
    await page.getByRole('group', { name: 'Zugangsdaten' }).getByRole('button', { name: 'bintu-Token', exact: true }).click();
    await page.getByLabel('Profilname').fill('Zweiter Leitstand');
    await page.getByLabel('API-Adresse').fill(sim.baseUrl);
    await page.getByLabel('bintu-Token', { exact: true }).fill('simtok_kein-token');
    await page.getByRole('button', { name: 'Prüfen und speichern' }).click();
    await expect(page.getByTestId('connect-error')).toContainText('Token abgelaufen oder widerrufen');
    await expect(page.getByTestId('token-rejected')).toContainText('laufen ab und können widerrufen werden');
  });
});
