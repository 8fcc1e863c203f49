import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { Simulator } from '../../src/main/simulator';
import { AlarmDrawer } from './pages/alarm-drawer';
import { ConnectPage } from './pages/connect-page';
import { axeViolations } from './support/axe';
import { englishLeftovers } from './support/english-leftovers';
import { rawWall, readOnlyToken } from './support/sim-oracle';

/** Every thumbnail every 10 s: the fastest bintu allows, so a fault shows within seconds. */
const INTERVAL_S = 10;
test.use({ simOptions: { streams: 6, groups: 1, seed: 111, lifecycle: false, thumbIntervalRange: [INTERVAL_S, INTERVAL_S] } });

/** The sound as the page's audio graph has it (exposed only under the test flag). */
const soundOf = (page: Page) => page.evaluate(() => (window as unknown as { __wallSound: { playing: boolean; chimes: number; context: string } }).__wallSound);

/** Sets or clears a stream's faults through the simulator's control route, as an operator's test rig would. */
async function fault(sim: Simulator, streamId: string, spec: Record<string, unknown> | null): Promise<void> {
  const response = await fetch(`${sim.baseUrl}/_sim/streams/${streamId}/faults`, {
    method: spec === null ? 'DELETE' : 'PUT',
    headers: { 'Content-Type': 'application/json' },
    ...(spec === null ? {} : { body: JSON.stringify(spec) }),
  });
  expect(response.ok).toBe(true);
}

test('a black stream raises an alarm on its tile, in the drawer and as a tone, and the log holds the whole story', async ({ sim, harness, page }, testInfo) => {
  test.setTimeout(180_000);
  await page.addInitScript({ content: 'window.__wallTestHooks = true;' });
  await page.goto(harness.url);
  await new ConnectPage(page).connectWith(sim.baseUrl, readOnlyToken(sim));
  const oracle = await rawWall(sim);
  const streamId = oracle.live.find((id) => oracle.withThumbnail.includes(id)) as string;
  const tile = page.locator(`[data-testid="tile"][data-stream-id="${streamId}"]`);
  const drawer = new AlarmDrawer(page);

  // Thresholds lowered in Settings, so one black picture is enough (the rules allow it).
  await page.getByTestId('settings-button').click();
  for (const [field, value] of [['black.minVersions', '1'], ['black.minSeconds', '0']] as const) {
    await page.locator(`[data-setting="${field}"]`).fill(value);
    await page.locator(`[data-setting="${field}"]`).press('Enter');
  }
  await expect.poll(() => harness.app.settings.get().alarms.black).toMatchObject({ minVersions: 1, minSeconds: 0 });
  await page.getByTestId('settings-back').click();

  // Watched from its tile: its alarms are critical, and a critical alarm loops the tone.
  await expect(tile.locator('img[data-testid="tile-thumbnail"]')).toBeVisible({ timeout: 30_000 });
  await tile.getByTestId('watch-button').click();
  await expect(tile.getByTestId('watch-button')).toHaveAttribute('aria-pressed', 'true');
  // The watch list names the stream by wall key: its profile and its bintu id.
  const watchKey = `${harness.app.settings.get().activeProfileId ?? ''}/${streamId}`;
  expect(harness.app.settings.get().watch.streamIds).toEqual([watchKey]);
  expect((await soundOf(page)).context).toBe('running');

  // The operator looks elsewhere: the alarm is also a desktop notification.
  harness.desktop.focused = false;
  const injectedAt = Date.now();
  await fault(sim, streamId, { black: true });
  // The rule's own bound: one black picture (at most an interval away) fetched at most an
  // interval later, and no time threshold; plus a few seconds for a busy machine.
  await expect(tile).toHaveAttribute('data-alarm-state', 'alarm', { timeout: (2 * INTERVAL_S + 10) * 1000 });
  expect(Date.now() - injectedAt).toBeLessThan((2 * INTERVAL_S + 10) * 1000);
  await expect(tile.getByTestId('alarm-label')).toContainText('Black');
  await expect(tile.getByTestId('alarm-label')).toHaveAttribute('data-severity', 'critical');
  await expect(drawer.count).toHaveText(/^1/);
  await expect.poll(async () => (await soundOf(page)).playing).toBe(true);

  // Clicking the notification brings the stream's tile into focus.
  const notification = harness.desktop.notifications.find((n) => n.critical);
  expect(notification).toBeDefined();
  harness.desktop.focused = true;
  notification?.click();
  await expect(tile.locator('[data-tile-open]')).toBeFocused();

  // The penalty box holds just this stream, large.
  await page.getByTestId('alarms-only').click();
  await expect(page.getByTestId('tile')).toHaveCount(1);
  await expect(page.getByTestId('wall-grid')).toHaveAttribute('data-grid', '1x1');
  await page.getByTestId('alarms-only').click();

  // The drawer (key A) lists it with the last good and the first bad picture.
  await tile.locator('[data-tile-open]').focus();
  await page.keyboard.press('a');
  await expect(drawer.panel).toBeVisible();
  const row = drawer.rows(streamId);
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-alarm-type', 'black');
  for (const picture of ['evidence-lastGood', 'evidence-firstBad']) {
    await expect.poll(() => drawer.decoded(row.getByTestId(picture))).toBe(true);
  }
  for (const scheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page), `alarm shown, ${scheme}`).toEqual([]);
  }

  // Acknowledged: the tone stops, the tile calms down, the counter empties.
  await row.getByTestId('alarm-acknowledge').click();
  await expect.poll(async () => (await soundOf(page)).playing).toBe(false);
  await expect(tile).toHaveAttribute('data-alarm-state', 'acknowledged');
  await expect(drawer.count).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(drawer.panel).toBeHidden();
  // Back where the drawer was opened from with A.
  await expect(tile.locator('[data-tile-open]')).toBeFocused();

  // In German, nothing on the wall or in the drawer is left in English.
  await page.getByTestId('settings-button').click();
  await page.getByTestId('language-select').selectOption('de');
  await expect(page.locator('html')).toHaveAttribute('lang', /^de/);
  await page.getByTestId('settings-back').click();
  await drawer.button.click();
  await expect(drawer.rows(streamId)).toHaveCount(1);
  await expect(drawer.history.getByTestId('history-row').first()).toBeVisible();
  expect(await englishLeftovers(page), 'drawer in German').toEqual([]);
  await page.keyboard.press('Escape');

  // Recovered: the next good picture clears the tile.
  await fault(sim, streamId, null);
  await expect(tile).toHaveAttribute('data-alarm-state', 'ok', { timeout: (2 * INTERVAL_S + 10) * 1000 });
  await expect(tile.getByTestId('alarm-label')).toHaveCount(0);

  // The log has the whole story, in the drawer and in the CSV export.
  await drawer.button.click();
  await expect.poll(() => drawer.historyStates(streamId)).toEqual(expect.arrayContaining(['alarm', 'acknowledged', 'cleared']));
  harness.desktop.nextSaveFile = testInfo.outputPath('alarms.csv');
  await page.getByTestId('alarm-export').click();
  await expect(page.getByTestId('alarm-exported')).toContainText('alarms.csv');
  const csv = readFileSync(harness.desktop.nextSaveFile, 'utf8').split('\n').filter((line) => line.includes(streamId));
  for (const state of ['alarm', 'acknowledged', 'cleared']) expect(csv.some((line) => line.includes(`,${state},`)), state).toBe(true);

  // W on the tile stops watching it (and starts again).
  await page.keyboard.press('Escape');
  await tile.locator('[data-tile-open]').focus();
  await page.keyboard.press('w');
  await expect.poll(() => harness.app.settings.get().watch.streamIds).toEqual([]);
  await expect(tile.getByTestId('watch-button')).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('w');
  await expect.poll(() => harness.app.settings.get().watch.streamIds).toEqual([watchKey]);
});
