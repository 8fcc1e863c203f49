import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { startHarness, type Harness } from './harness/harness';
import { axeViolations } from './support/axe';
import { readOnlyToken } from './support/sim-oracle';

test.use({ simOptions: { streams: 12, groups: 2, seed: 141, lifecycle: false }, viewport: { width: 1600, height: 1000 } });

const filter = { search: '', states: [], tags: [] };

/** Opens a page for a wall window the desktop was asked for, as Electron loads its window. */
async function openWallPage(page: Page, harness: Harness, id: string): Promise<Page> {
  const wall = await page.context().newPage();
  await harness.attach(wall);
  await wall.goto(`${harness.url}?wall=${id}`);
  return wall;
}

test('a second wall window on another display shows its own layout, comes back after a restart, and joins kiosk', async ({ sim, connect, wall, page, harness, vault }, testInfo) => {
  test.setTimeout(120_000);
  await connect.connectWith(sim.baseUrl, readOnlyToken(sim));
  await expect(wall.tiles).toHaveCount(12, { timeout: 30_000 });
  expect((await harness.app.dispatch('settings:update', { layouts: [{ name: 'Studios', grid: '2x2', slots: [], filter, sort: 'name' }] })).ok).toBe(true);

  // Settings: a wall on the second display with the layout "Studios".
  await page.getByTestId('settings-button').click();
  await page.getByTestId('wall-window-display').selectOption('2');
  await page.getByTestId('wall-window-layout').selectOption('Studios');
  await page.getByTestId('open-wall-window').getByRole('button', { name: 'Open wall window' }).click();
  await expect(page.getByTestId('wall-windows').locator('li')).toHaveCount(1);
  const [opened] = harness.app.settings.get().wallWindows;
  expect(opened).toMatchObject({ displayId: 2, layout: 'Studios', bounds: null });
  const id = opened?.id as string;
  expect(harness.desktop.calls.filter((call) => call.method === 'openWallWindow')).toEqual([{ method: 'openWallWindow', args: [opened] }]);
  await expect(page.getByTestId('wall-windows')).toContainText('Display 2 (3840x2160)');
  for (const theme of ['dark', 'light'] as const) {
    expect((await harness.app.dispatch('settings:update', { theme })).ok).toBe(true);
    expect(await axeViolations(page), `settings, ${theme}`).toEqual([]);
  }
  await page.getByTestId('settings-back').click();

  // The second window's page: its layout, while the main wall stays as it was.
  const second = await openWallPage(page, harness, id);
  await expect(second.getByTestId('grid-select')).toHaveValue('2x2');
  await expect(second.getByTestId('tile')).toHaveCount(4, { timeout: 30_000 });
  await expect(page.getByTestId('grid-select')).toHaveValue('auto');
  await expect(wall.tiles).toHaveCount(12);
  // A change there goes into its layout, not into the main wall.
  await second.getByTestId('grid-select').selectOption('3x3');
  await expect.poll(() => harness.app.settings.get().layouts[0]?.grid).toBe('3x3');
  await expect(second.getByTestId('tile')).toHaveCount(9);
  expect(harness.app.settings.get().wall.grid).toBe('auto');
  expect(harness.app.settings.get().activeLayout).toBeNull();
  await expect(page.getByTestId('grid-select')).toHaveValue('auto');

  // Kiosk covers every wall: the second page is locked too.
  expect((await harness.app.dispatch('window:set-kiosk', { on: true })).ok).toBe(true);
  await expect(second.getByTestId('kiosk-bar')).toBeVisible();
  await expect(page.getByTestId('kiosk-bar')).toBeVisible();
  expect((await harness.app.dispatch('window:set-kiosk', { on: false })).ok).toBe(true);
  await expect(second.getByTestId('grid-select')).toBeVisible();

  // A restart: the window opens again with its display and layout.
  const restarted = await startHarness({ userDataDir: testInfo.outputPath('user-data'), vault });
  expect(restarted.desktop.wallWindows.get(id)?.window).toMatchObject({ id, displayId: 2, layout: 'Studios' });
  const again = await openWallPage(page, restarted, id);
  await expect(again.getByTestId('grid-select')).toHaveValue('3x3', { timeout: 20_000 });
  await again.close();
  await restarted.close();

  // Closed from Settings: it is gone, and does not come back.
  await page.getByTestId('settings-button').click();
  await page.getByTestId('wall-windows').getByRole('button', { name: 'Close Wall 2' }).click();
  await expect(page.getByTestId('wall-windows-none')).toBeVisible();
  expect(harness.desktop.calls.at(-1)).toEqual({ method: 'closeWallWindow', args: [id] });
  expect(harness.app.settings.get().wallWindows).toEqual([]);
  await second.close();
});
