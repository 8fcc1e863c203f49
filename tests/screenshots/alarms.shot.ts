import sharp from 'sharp';
import { test, expect } from '../e2e/fixtures';
import { rawWall, readOnlyToken } from '../e2e/support/sim-oracle';

test.use({ simOptions: { streams: 18, groups: 2, seed: 7, lifecycle: false, thumbIntervalRange: [10, 10] } });

/**
 * The README's pictures of alarms: a 4 x 4 wall at 1920 x 1080 with a critical alarm, a warning,
 * an acknowledged alarm, a fault still being checked and a gone stream; the same picture at a
 * third of its size, as it reads from three metres; and the alarm drawer.
 */
for (const scheme of ['dark', 'light'] as const) {
  test(`a wall with alarms in the ${scheme} theme`, async ({ sim, connect, harness, wall, page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: scheme });
    await connect.connectWith(sim.baseUrl, readOnlyToken(sim));
    await expect.poll(() => wall.decodedPictureCount(), { timeout: 30_000 }).toBeGreaterThanOrEqual(8);
    const defaults = harness.app.settings.get().alarms;
    await harness.app.dispatch('settings:update', {
      alarms: { ...defaults, black: { ...defaults.black, minVersions: 1, minSeconds: 0 }, frozen: { ...defaults.frozen, minVersions: 1, minSeconds: 0 }, uniform: { ...defaults.uniform, minVersions: 1, minSeconds: 0 } },
    });
    await page.getByTestId('grid-select').selectOption('4x4');
    await expect.poll(() => harness.app.settings.get().wall.grid).toBe('4x4');
    const { live, withThumbnail } = await rawWall(sim);
    // Streams on the first page of the 4 x 4 wall.
    const shown = await page.getByTestId('tile').evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-stream-id') ?? ''));
    const [black, frozen, slate, late, acked, gone] = shown.filter((id) => live.includes(id) && withThumbnail.includes(id));
    const tile = (id: string | undefined) => page.locator(`[data-testid="tile"][data-stream-id="${id}"]`);
    // A dense wall shows no buttons on its tiles: watched as the focus view or Settings would.
    for (const id of [black, slate]) await harness.app.dispatch('watch:set', { streamId: id as string, watched: true });
    // A gone stream keeps its last picture: it must have had one.
    await expect(tile(gone).locator('img[data-testid="tile-thumbnail"]')).toBeVisible({ timeout: 30_000 });
    const faults: [string | undefined, object][] = [[black, { black: true }], [frozen, { frozen: 'identical' }], [slate, { uniform: true }], [late, { thumbnail404: true }], [acked, { black: true }], [gone, { gone: true }]];
    for (const [id, spec] of faults) sim.control.setStreamFaults(id as string, spec);
    await expect(tile(acked)).toHaveAttribute('data-alarm-state', 'alarm', { timeout: 60_000 });
    await harness.app.dispatch('alarms:acknowledge', { id: acked as string });
    for (const id of [black, frozen, slate]) await expect(tile(id)).toHaveAttribute('data-alarm-state', 'alarm', { timeout: 60_000 });
    await expect(tile(gone)).toHaveAttribute('data-gone', 'true', { timeout: 60_000 });
    // No tile moved: a gone stream keeps its slot.
    expect(await page.getByTestId('tile').evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-stream-id') ?? ''))).toEqual(shown);
    await expect(tile(late)).toHaveAttribute('data-alarm-state', 'pending', { timeout: 60_000 });
    await page.mouse.move(5, 1075);
    await page.waitForTimeout(1500);
    // The dark wall (a control room's usual theme) goes into the README, full size and as from 3 m.
    const full = scheme === 'dark' ? 'docs/wall-alarms.png' : `test-results/screenshots/wall-alarms-${scheme}.png`;
    await page.screenshot({ path: full });
    await sharp(full).resize(640).toFile(scheme === 'dark' ? 'docs/wall-alarms-3m.png' : `test-results/screenshots/wall-alarms-${scheme}-3m.png`);
    await page.keyboard.press('a');
    await expect(page.getByTestId('alarm-drawer')).toBeVisible();
    await page.waitForTimeout(1000);
    await page.screenshot({ path: `test-results/screenshots/alarm-drawer-${scheme}.png` });
    await page.keyboard.press('Escape');
    await tile(black).locator('[data-tile-open]').click();
    await expect(page.getByTestId('focus-alarms')).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/alarm-focus-${scheme}.png` });
    await page.keyboard.press('Escape');
    await page.getByTestId('settings-button').click();
    await page.getByTestId('alarm-settings').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screenshots/alarm-settings-${scheme}.png`, fullPage: true });
  });
}
