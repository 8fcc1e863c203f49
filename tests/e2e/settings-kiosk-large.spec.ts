import { test, expect } from './fixtures';
import { credential } from './support/sim-oracle';

test.describe('settings and kiosk', () => {
  test.use({ simOptions: { streams: 6, groups: 1, seed: 91, lifecycle: false } });

  test.beforeEach(async ({ sim, connect, wall, page }) => {
    await connect.connectWith(sim.baseUrl, credential(sim).secret);
    await expect(wall.tiles.first()).toBeVisible();
    await page.getByTestId('settings-button').click();
    await expect(page.getByTestId('settings-screen')).toBeVisible();
  });

  test('a bad value is refused with a clear message and nothing is stored; a good one is', async ({ page, harness }) => {
    const quantity = page.getByLabel('Streams to load');
    await quantity.fill('0');
    await expect(page.getByText(/Enter a number from 1 to 1,?000\./)).toBeVisible();
    await expect(quantity).toHaveAttribute('aria-invalid', 'true');
    await quantity.press('Enter');
    expect(harness.app.settings.get().quantity).toBe(50);
    await quantity.fill('120');
    await quantity.press('Enter');
    await expect.poll(() => harness.app.settings.get().quantity).toBe(120);
    // Main validates too: a crafted request is refused, naming the field and its bound, and nothing changes.
    const refused = await harness.app.dispatch('settings:update', { listIntervalS: 1 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/listIntervalS.*2/);
    expect(harness.app.settings.get().listIntervalS).toBe(5);
  });

  test('kiosk: entered from settings on the chosen display, left with Ctrl+Shift+K; the pointer hides when idle', async ({ page, harness }) => {
    await page.getByTestId('kiosk-display').selectOption({ label: 'Display 2 (3840x2160)' });
    await expect.poll(() => harness.app.settings.get().kiosk.displayId).toBe(2);
    await page.getByTestId('enter-kiosk').click();
    await expect.poll(() => harness.desktop.window.kiosk).toBe(true);
    await page.getByTestId('settings-back').click();
    await expect(page.getByTestId('kiosk-hint')).toContainText('Ctrl+Shift+K');
    await page.mouse.move(400, 400);
    const hideAfter = harness.app.settings.get().kiosk.hideCursorAfterS;
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).cursor + getComputedStyle(document.body).cursor), { timeout: (hideAfter + 5) * 1000 }).toContain('none');
    await page.keyboard.press('Control+Shift+K');
    await expect.poll(() => harness.desktop.window.kiosk).toBe(false);
  });
});

test.describe('a wall of 500 streams', () => {
  test.use({ simOptions: { streams: 500, groups: 20, seed: 92, lifecycle: false } });

  test('renders only what is on screen and reaches the last tile by scrolling', async ({ sim, connect, wall, page, harness }) => {
    test.setTimeout(120_000);
    await connect.connectWith(sim.baseUrl, credential(sim).secret);
    await page.getByTestId('settings-button').click();
    await page.getByLabel('Streams to load').fill('600');
    await page.getByLabel('Streams to load').press('Enter');
    await expect.poll(() => harness.app.settings.get().quantity).toBe(600);
    await page.getByTestId('settings-back').click();
    await expect.poll(() => harness.app.session.wall().streams.length, { timeout: 30_000 }).toBe(500);
    await expect(wall.tiles.first()).toBeVisible();
    const inPage = await wall.tiles.count();
    expect(inPage).toBeGreaterThan(10);
    expect(inPage).toBeLessThan(200);
    const last = harness.app.session.wall().streams.at(-1)!.id;
    await expect(async () => {
      await page.mouse.move(800, 600);
      await page.mouse.wheel(0, 20_000);
      await expect(wall.tile(last)).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30_000 });
  });
});
