import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { test, expect } from './fixtures';
import { axeViolations } from './support/axe';
import { readOnlyToken } from './support/sim-oracle';

const PASSWORD = 'proxy-pa55-Zq81';

test.describe('managed settings and the proxy sign-in', () => {
  test.use({
    simOptions: { streams: 4, groups: 1, seed: 17, lifecycle: false },
    // Quantity and the proxy pinned (direct, so the wall still reaches the simulator); one field
    // invalid and one unknown, which Settings must report in plain words.
    policyJson: JSON.stringify({ quantity: 80, proxy: { mode: 'direct', url: '' }, listIntervalS: 1, apiKey: 'never-here' }),
  });

  test.beforeEach(async ({ sim, connect, wall, page }) => {
    await connect.connectWith(sim.baseUrl, readOnlyToken(sim));
    await expect(wall.tiles.first()).toBeVisible();
    await page.getByTestId('settings-button').click();
    await expect(page.getByTestId('settings-screen')).toBeVisible();
  });

  test('a pinned field shows its value read-only and marked; the policy’s problems are said at the top', async ({ page, harness }) => {
    const problems = page.getByTestId('policy-problems');
    await expect(problems).toContainText('"listIntervalS" was ignored');
    await expect(problems).toContainText('"apiKey" is not known');
    const quantity = page.getByLabel('Streams to load');
    await expect(quantity).toHaveValue('80');
    await expect(quantity).toBeDisabled();
    // The mark names the group the field is in: what a screen reader says on entering it.
    const pinned = page.locator('[data-managed="quantity"]');
    await expect(pinned.getByTestId('managed-mark')).toHaveText('Managed by your organisation');
    await expect(pinned).toHaveAccessibleName('Managed by your organisation');
    await expect(pinned.getByLabel('Streams to load')).toBeDisabled();
    // A field the policy left alone (its value was invalid) stays editable and unmarked.
    await expect(page.getByLabel('List poll interval (seconds)')).toBeEnabled();
    await expect(page.locator('[data-managed="listIntervalS"]')).toHaveCount(0);
    // The proxy's mode and address are pinned; its sign-in stays the workstation's.
    await expect(page.getByTestId('proxy-mode')).toBeDisabled();
    await expect(page.getByTestId('proxy-mode')).toHaveValue('direct');
    await expect(page.getByTestId('proxy-url')).toBeDisabled();
    await expect(page.getByTestId('proxy-user')).toBeEnabled();
    // Main refuses the pinned field whatever the page sends.
    const refused = await harness.app.dispatch('settings:update', { quantity: 90 });
    expect(refused.ok).toBe(false);
    expect(harness.app.settings.get().quantity).toBe(80);
    expect(await axeViolations(page), 'dark').toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await axeViolations(page), 'light').toEqual([]);
  });

  test('the proxy sign-in is stored, shown only as "stored", and removed; the password never comes back', async ({ page, harness }, testInfo) => {
    const bodies: string[] = [];
    page.on('response', (response) => {
      if (response.request().method() === 'POST') void response.text().then((text) => bodies.push(text), () => undefined);
    });
    const state = page.getByTestId('proxy-sign-in-state');
    await expect(state).toHaveText('No sign-in is stored.');
    await page.getByTestId('proxy-user').fill('operator');
    await page.getByTestId('proxy-password').fill(PASSWORD);
    await page.getByTestId('proxy-store').click();
    await expect(state).toHaveText('A sign-in is stored.');
    await expect(page.getByTestId('proxy-password')).toHaveValue('');
    await expect(page.getByTestId('proxy-user')).toHaveValue('');
    expect(await harness.app.dispatch('proxy:get', undefined)).toEqual({ ok: true, value: { signInStored: true } });
    expect(await axeViolations(page)).toEqual([]);

    // Leave Settings and come back: the state is asked of main again, the password stays out.
    await page.getByTestId('settings-back').click();
    await page.getByTestId('settings-button').click();
    await expect(state).toHaveText('A sign-in is stored.');
    const html = await page.content();
    const values = await page.locator('input').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(html).not.toContain(PASSWORD);
    expect(values.join('\n')).not.toContain(PASSWORD);

    // "Save diagnostics" writes the archive where the dialog said, without the stored password.
    harness.desktop.nextSaveFile = testInfo.outputPath('support.tar.gz');
    await page.getByTestId('save-diagnostics').click();
    await expect(page.getByTestId('diagnostics-status')).toHaveText(`Diagnostics saved to ${harness.desktop.nextSaveFile}.`);
    const archive = gunzipSync(readFileSync(harness.desktop.nextSaveFile));
    expect(archive.includes('bintu-wall-diagnostics/policy.json')).toBe(true);
    expect(archive.includes(PASSWORD)).toBe(false);
    expect(archive.includes(Buffer.from(PASSWORD).toString('base64'))).toBe(false);

    await page.getByTestId('proxy-clear').click();
    await expect(state).toHaveText('No sign-in is stored.');
    await expect(page.getByTestId('proxy-clear')).toHaveCount(0);
    expect(await harness.app.dispatch('proxy:get', undefined)).toEqual({ ok: true, value: { signInStored: false } });
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) expect(body).not.toContain(PASSWORD);
  });
});
