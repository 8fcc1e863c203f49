import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';

const PIN = '482916';

test.describe('a locked kiosk', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('shows only the wall, the status bar and a clock; its PIN blocks leaving, and five wrong tries lock it for 30 s', async ({ connect, wall, page, harness }) => {
    test.setTimeout(120_000);
    await connect.demo.click();
    await expect(wall.tiles.first()).toBeVisible({ timeout: 30_000 });
    await expect(wall.demoBanner).toBeVisible();
    await expect(page.getByTestId('status-clock')).toContainText(/\d{1,2}:\d{2}:\d{2}/);

    // The PIN is set in Settings and stored only as a hash.
    await page.getByTestId('settings-button').click();
    const pinForm = page.getByTestId('kiosk-pin');
    await expect(page.getByTestId('kiosk-pin-state')).toContainText('No PIN');
    await pinForm.getByLabel('Kiosk PIN').fill('12');
    await pinForm.getByRole('button', { name: 'Set PIN' }).click();
    await expect(pinForm.getByText('4 to 12 digits.')).toHaveClass(/field-error/);
    await pinForm.getByLabel('Kiosk PIN').fill(PIN);
    await pinForm.getByRole('button', { name: 'Set PIN' }).click();
    await expect(page.getByTestId('kiosk-pin-message')).toHaveText('PIN saved.');
    await expect(page.getByTestId('kiosk-pin-state')).toContainText('A PIN is set');
    const stored = readFileSync(join(harness.userDataDir, 'kiosk-pin.json'), 'utf8');
    expect(stored).not.toContain(PIN);

    // Entering kiosk lands on the wall, with no control that edits it.
    await page.getByTestId('enter-kiosk').click();
    await expect.poll(() => harness.desktop.window.kiosk).toBe(true);
    await expect(page.getByTestId('kiosk-bar')).toBeVisible();
    await expect(page.getByTestId('kiosk-clock')).toContainText(/\d{1,2}:\d{2}:\d{2}/);
    await expect(wall.tiles.first()).toBeVisible();
    await expect(wall.statusBar).toBeVisible();
    for (const control of ['search', 'filter-state-live', 'tag-filter', 'sort-select', 'grid-select', 'save-layout', 'settings-button', 'demo-banner', 'downloads-button']) {
      await expect(page.getByTestId(control), control).toHaveCount(0);
    }
    for (const name of ['Profiles', 'Refresh', 'Fullscreen', 'Leave demo']) await expect(page.getByRole('button', { name }), name).toHaveCount(0);
    await expect(page.getByTestId('replay-button').filter({ visible: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Filter by tag/ }).filter({ visible: true })).toHaveCount(0);
    // Keys that would change the wall do nothing either.
    await page.locator('body').press('/');
    await expect(page.getByTestId('search')).toHaveCount(0);

    // Esc twice asks for the PIN; the right one leaves.
    await page.locator('body').press('Escape');
    await page.locator('body').press('Escape');
    const dialog = page.getByTestId('pin-dialog');
    await expect(dialog).toBeVisible();
    expect(harness.desktop.window.kiosk).toBe(true);
    await dialog.getByLabel('Kiosk PIN').fill(PIN);
    await dialog.getByRole('button', { name: 'Leave kiosk' }).click();
    await expect.poll(() => harness.desktop.window.kiosk).toBe(false);
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('settings-button')).toBeVisible();

    // Main's Ctrl+Shift+K asks the page for the PIN; wrong ones count down to a 30 s lockout.
    harness.desktop.setKiosk(true);
    await expect(page.getByTestId('kiosk-bar')).toBeVisible();
    await harness.app.requestKioskExit();
    await expect(dialog).toBeVisible();
    for (let left = 4; left >= 1; left--) {
      await dialog.getByLabel('Kiosk PIN').fill('0000');
      await dialog.getByLabel('Kiosk PIN').press('Enter');
      await expect(page.getByTestId('pin-status')).toHaveText(left === 1 ? 'Wrong PIN. 1 try left.' : `Wrong PIN. ${left} tries left.`);
    }
    await dialog.getByLabel('Kiosk PIN').fill('0000');
    await dialog.getByLabel('Kiosk PIN').press('Enter');
    await expect(page.getByTestId('pin-status')).toContainText(/Too many wrong tries\. Locked until .* \(in (30|29|28) s\)/);
    await expect(dialog.getByLabel('Kiosk PIN')).toBeDisabled();
    const lockedFor = (harness.app.kioskPin.lockedUntilAt() ?? 0) - Date.now();
    expect(lockedFor).toBeGreaterThan(25_000);
    expect(lockedFor).toBeLessThanOrEqual(30_000);
    // Even the right PIN is refused while locked, and asking main to leave is refused too.
    expect(await harness.app.dispatch('kiosk:leave', { pin: PIN })).toEqual({ ok: true, value: { outcome: 'locked', retryAt: expect.any(Number) } });
    expect((await harness.app.dispatch('window:set-kiosk', { on: false })).ok).toBe(false);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await page.keyboard.press('Control+Shift+K');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Kiosk PIN')).toBeDisabled();
    expect(harness.desktop.window.kiosk).toBe(true);
  });
});
