import { test, expect } from './fixtures';
import { axeViolations } from './support/axe';
import { readOnlyToken } from './support/sim-oracle';

test.describe('the Connect screen under a policy that pins the API base and turns the demo off', () => {
  test.use({ policyJson: JSON.stringify({ apiBase: 'https://bintu.corp.example', disableDemo: true }) });

  test('shows the API base read-only and marked, and says the demo is off instead of offering it', async ({ page, connect, harness }) => {
    const managed = page.getByTestId('api-base-managed');
    await expect(managed.getByTestId('managed-mark')).toHaveText('Set by your organisation');
    await expect(connect.apiBase).toHaveValue('https://bintu.corp.example');
    await expect(connect.apiBase).not.toBeEditable();
    await expect(connect.apiBase).toHaveAccessibleDescription('Set by your organisation This workstation connects only to this API base.');
    await expect(page.getByTestId('demo-managed')).toHaveText('Your organisation has turned the demo off on this workstation.');
    await expect(connect.demo).toHaveCount(0);
    // Main refuses the demo anyway, whatever the page sends.
    expect(await harness.app.dispatch('demo:start', undefined)).toMatchObject({ ok: false, error: { code: 'policy-managed' } });
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe('the Connect screen without a policy', () => {
  test('offers the demo and an editable API base, unmarked', async ({ page, connect }) => {
    await expect(connect.demo).toBeVisible();
    await expect(connect.apiBase).toBeEditable();
    await expect(page.getByTestId('managed-mark')).toHaveCount(0);
    await expect(page.getByTestId('demo-managed')).toHaveCount(0);
  });
});

test.describe('updates in Settings', () => {
  test.use({ simOptions: { streams: 2, groups: 1, seed: 5, lifecycle: false } });

  test.beforeEach(async ({ sim, connect, wall, page }) => {
    await connect.connectWith(sim.baseUrl, readOnlyToken(sim));
    await expect(wall.tiles.first()).toBeVisible();
    await page.getByTestId('settings-button').click();
    await expect(page.getByTestId('settings-screen')).toBeVisible();
  });

  test('are off by default; the feed address is checked as typed, saved, and this copy says it cannot update itself', async ({ page, harness }) => {
    const state = page.getByTestId('update-state');
    await expect(state).toHaveText('Updates are off: no update feed is set.');
    await expect(page.getByTestId('check-updates')).toHaveCount(0);
    const feed = page.getByTestId('update-feed');
    await expect(feed).toHaveValue('');

    await feed.fill('http://updates.corp.example/bintu-wall');
    await expect(page.getByTestId('update-settings')).toContainText('Enter the update feed as https://host/path');
    await feed.press('Enter');
    expect(harness.app.settings.get().updateFeed).toBe('');

    await feed.fill('https://updates.corp.example/bintu-wall/');
    await feed.press('Enter');
    await expect.poll(() => harness.app.settings.get().updateFeed).toBe('https://updates.corp.example/bintu-wall');
    // The harness, like a copy run from the sources, has no updater: it says so and offers no check.
    await expect(state).toHaveText(/^This copy of Bintu Wall cannot update itself/);
    await expect(page.getByTestId('check-updates')).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);

    // Emptied, updates are off again.
    await feed.fill('');
    await feed.press('Enter');
    await expect(state).toHaveText('Updates are off: no update feed is set.');
  });
});

test.describe('updates in Settings under a policy that pins the feed', () => {
  test.use({
    simOptions: { streams: 2, groups: 1, seed: 5, lifecycle: false },
    policyJson: JSON.stringify({ updateFeed: 'https://updates.corp.example/bintu-wall' }),
  });

  test('shows the pinned feed read-only and marked; main refuses another one', async ({ sim, connect, wall, page, harness }) => {
    await connect.connectWith(sim.baseUrl, readOnlyToken(sim));
    await expect(wall.tiles.first()).toBeVisible();
    await page.getByTestId('settings-button').click();
    const pinned = page.locator('[data-managed="updateFeed"]');
    await expect(pinned.getByTestId('managed-mark')).toHaveText('Managed by your organisation');
    await expect(page.getByTestId('update-feed')).toHaveValue('https://updates.corp.example/bintu-wall');
    await expect(page.getByTestId('update-feed')).toBeDisabled();
    const refused = await harness.app.dispatch('settings:update', { updateFeed: '' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'policy-managed' } });
  });
});
