import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { Harness } from './harness/harness';
import { readOnlyToken } from './support/sim-oracle';
import { axeViolations } from './support/axe';
import { englishLeftovers } from './support/english-leftovers';

test.use({ simOptions: { streams: 8, groups: 2, seed: 81, lifecycle: false } });

for (const scheme of ['dark', 'light'] as const) {
  test(`every screen passes axe-core with no violations (${scheme})`, async ({ sim, connect, wall, page, harness }) => {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page), 'connect').toEqual([]);
    await connect.connectWith(sim.baseUrl, readOnlyToken(sim));
    await expect.poll(() => wall.decodedPictureCount(), { timeout: 20_000 }).toBeGreaterThan(2);
    expect(await axeViolations(page), 'wall').toEqual([]);
    await wall.tiles.first().locator('[data-tile-open]').click();
    await expect(page.getByTestId('focus-view')).toBeVisible();
    expect(await axeViolations(page), 'focus view').toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('downloads-button').click();
    await expect(page.getByTestId('downloads-panel')).toBeVisible();
    expect(await axeViolations(page), 'downloads panel').toEqual([]);
    await page.keyboard.press('Escape');
    await wall.tiles.first().locator('[data-tile-open]').focus();
    await page.keyboard.press('?');
    await expect(page.getByTestId('help-overlay')).toBeVisible();
    expect(await axeViolations(page), 'help').toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('settings-button').click();
    await expect(page.getByTestId('settings-screen')).toBeVisible();
    expect(await axeViolations(page), 'settings').toEqual([]);
    await lockKiosk(page, harness);
    expect(await axeViolations(page), 'kiosk').toEqual([]);
    await askForPin(page);
    expect(await axeViolations(page), 'kiosk PIN').toEqual([]);
  });
}

/** Sets a kiosk PIN and enters kiosk from the Settings screen; the wall shows. */
async function lockKiosk(page: Page, harness: Harness): Promise<void> {
  expect((await harness.app.dispatch('kiosk:set-pin', { pin: '2468' })).ok).toBe(true);
  await page.getByTestId('enter-kiosk').click();
  await expect(page.getByTestId('kiosk-bar')).toBeVisible();
}

/** Esc twice in a locked kiosk: the PIN dialog, after one wrong try so its message shows. */
async function askForPin(page: Page): Promise<void> {
  await page.locator('body').press('Escape');
  await page.locator('body').press('Escape');
  await expect(page.getByTestId('pin-dialog')).toBeVisible();
  await page.getByTestId('pin-input').fill('1111');
  await page.getByTestId('pin-input').press('Enter');
  await expect(page.getByTestId('pin-status')).toContainText(/4/);
}

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });

  test('no English is left on any screen', async ({ sim, page, wall, harness, connect: _connect }) => {
    const leftovers = (): Promise<string[]> => englishLeftovers(page);
    await expect(page.locator('html')).toHaveAttribute('lang', /^de/);
    expect(await leftovers(), 'connect').toEqual([]);
    await page.getByLabel('Profilname').fill('Leitstand');
    await page.getByLabel('API-Adresse').fill(sim.baseUrl);
    await page.getByLabel('bintu-Token', { exact: true }).fill(readOnlyToken(sim));
    await page.getByRole('button', { name: 'Prüfen und speichern' }).click();
    await expect.poll(() => wall.decodedPictureCount(), { timeout: 20_000 }).toBeGreaterThan(2);
    expect(await leftovers(), 'wall').toEqual([]);
    await wall.tiles.first().locator('[data-tile-open]').click();
    expect(await leftovers(), 'focus view').toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('settings-button').click();
    expect(await leftovers(), 'settings').toEqual([]);
    await lockKiosk(page, harness);
    expect(await leftovers(), 'kiosk').toEqual([]);
    await askForPin(page);
    expect(await leftovers(), 'kiosk PIN').toEqual([]);
  });
});
