import { test, expect } from './fixtures';
import { startSimulator, type Simulator } from '../../src/main/simulator';
import { readOnlyToken } from './support/sim-oracle';
import type { Page } from '@playwright/test';

/** Each tile's organisation and bintu id, in wall order. */
const tileKeys = (page: Page): Promise<string[]> =>
  page.getByTestId('tile').evaluateAll((tiles) => tiles.map((tile) => `${tile.getAttribute('data-profile-id') ?? ''}/${tile.getAttribute('data-stream-id') ?? ''}`));

test('two organisations from two simulators on one wall: chips, one offline marks only its tiles stale, removing one leaves the other in its slots', async ({ page, connect, wall, sim, harness }) => {
  test.setTimeout(120_000);
  let bravo: Simulator | null = await startSimulator({ streams: 5, groups: 0, seed: 23, lifecycle: false });
  try {
    // Alpha first, then Bravo from the Connect screen: Bravo is the active profile, alone on the wall.
    await connect.connectWith(sim.baseUrl, readOnlyToken(sim), 'Alpha');
    await expect.poll(() => wall.tiles.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const alphaCount = await wall.tiles.count();
    await page.getByRole('button', { name: 'Profiles', exact: true }).click();
    await connect.connectWith(bravo.baseUrl, readOnlyToken(bravo), 'Bravo');
    await expect(wall.tiles).toHaveCount(5, { timeout: 20_000 });
    // With one organisation on the wall nothing changes: no chips, one connection state.
    await expect(page.getByTestId('organisation-chip')).toHaveCount(0);

    // Settings: Alpha joins the wall beside Bravo, with a chip of its own.
    await page.getByTestId('settings-button').click();
    const alphaRow = page.getByTestId('organisation-row').filter({ hasText: 'Alpha' });
    await alphaRow.getByTestId('organisation-on-wall').check();
    await expect(page.getByTestId('organisations-setting').getByText('Saved.')).toBeVisible();
    await alphaRow.getByTestId('organisation-short').fill('ALPHA');
    await alphaRow.getByTestId('organisation-short').press('Enter');
    await alphaRow.getByTestId('organisation-short').blur();
    await alphaRow.getByTestId('organisation-colour').selectOption('orange');
    const alphaId = (await alphaRow.getAttribute('data-profile-id')) ?? '';
    await page.getByTestId('settings-back').click();

    await expect(wall.tiles).toHaveCount(alphaCount + 5, { timeout: 20_000 });
    const alphaTiles = page.locator(`[data-testid="tile"][data-profile-id="${alphaId}"]`);
    const bravoTiles = page.locator(`[data-testid="tile"]:not([data-profile-id="${alphaId}"])`);
    await expect(alphaTiles).toHaveCount(alphaCount);
    await expect(bravoTiles).toHaveCount(5);
    // Every tile carries its organisation's chip; Alpha's as the operator chose it.
    await expect(page.getByTestId('tile').getByTestId('organisation-chip')).toHaveCount(alphaCount + 5);
    await expect(alphaTiles.first().getByTestId('organisation-chip')).toHaveAttribute('data-colour', 'orange');
    await expect(alphaTiles.first().getByTestId('organisation-chip')).toContainText('ALPHA');
    await expect(bravoTiles.first().getByTestId('organisation-chip')).toContainText('Bravo');
    // The status bar shows each organisation's state.
    await expect(page.getByTestId('organisation-status')).toHaveCount(2);
    for (const status of await page.getByTestId('organisation-status').getByTestId('connection-status').all()) await expect(status).toHaveAttribute('data-status', 'online');
    // Filter by organisation: the toolbar's chip shows only Alpha's streams.
    await page.getByTestId('filter-organisation').filter({ hasText: 'ALPHA' }).click();
    await expect(wall.tiles).toHaveCount(alphaCount);
    await page.getByTestId('clear-filter').click();
    await expect(wall.tiles).toHaveCount(alphaCount + 5);
    // A tile's chip is readable from across the room: as large as the state badge beside it.
    const chipHeight = await alphaTiles.first().getByTestId('organisation-chip').evaluate((el) => el.getBoundingClientRect().height);
    expect(chipHeight).toBeGreaterThanOrEqual(18);

    // Bravo's bintu goes away: only Bravo's tiles turn stale, Alpha's stay current. (The connection
    // alarm after 2 s unreachable, as an operator may set it, so the drawer shows it within the test.)
    harness.app.settings.update((s) => ({ ...s, alarms: { ...s.alarms, connection: { ...s.alarms.connection, unreachableSeconds: 2 } } }));
    await bravo.close();
    bravo = null;
    await expect(bravoTiles.getByTestId('tile-stale')).toHaveCount(5, { timeout: 30_000 });
    await expect(alphaTiles.getByTestId('tile-stale')).toHaveCount(0);
    await expect(alphaTiles.getByTestId('tile-state')).toHaveCount(alphaCount);
    await expect(page.locator(`[data-testid="organisation-status"][data-profile-id="${alphaId}"] [data-testid="connection-status"]`)).toHaveAttribute('data-status', 'online');
    await expect(page.locator(`[data-testid="organisation-status"]:not([data-profile-id="${alphaId}"]) [data-testid="connection-status"]`)).toHaveAttribute('data-status', 'offline');
    // A strip names the organisation that is down; the wall as a whole is not called offline.
    await expect(page.getByTestId('organisation-offline-banner')).toContainText('Bravo is offline since');
    await expect(page.getByTestId('offline-banner')).toHaveCount(0);
    // The alarm drawer's connection row names the organisation that is down, and only that one.
    await page.getByTestId('alarms-button').click();
    const connectionRows = page.getByTestId('alarm-drawer').locator('[data-testid="alarm-row"][data-alarm-type="connection"]');
    await expect(connectionRows).toHaveCount(1, { timeout: 20_000 });
    await expect(connectionRows).toContainText('Bravo: connection to bintu');
    await expect(connectionRows).toContainText('since');
    await expect(connectionRows).not.toContainText('Alpha');
    await expect(connectionRows.getByTestId('alarm-acknowledge')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('alarm-drawer')).toHaveCount(0);

    // Bravo is removed: its tiles leave, Alpha's keep their slots.
    const alphaOrder = (await tileKeys(page)).filter((key) => key.startsWith(`${alphaId}/`));
    await page.getByTestId('settings-button').click();
    const bravoProfile = page.getByTestId('profile').filter({ hasText: 'Bravo' });
    await bravoProfile.getByRole('button', { name: 'Remove Bravo' }).click();
    await bravoProfile.getByRole('button', { name: 'Remove Bravo' }).click();
    await expect(page.getByTestId('profile')).toHaveCount(1);
    await page.getByTestId('settings-back').click();
    await expect(wall.tiles).toHaveCount(alphaCount, { timeout: 20_000 });
    expect(await tileKeys(page)).toEqual(alphaOrder);
    // One organisation again: no chips, Alpha's tiles current.
    await expect(page.getByTestId('organisation-chip')).toHaveCount(0);
    await expect(alphaTiles.getByTestId('tile-stale')).toHaveCount(0);
  } finally {
    await bravo?.close();
  }
});
