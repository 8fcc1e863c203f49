import { streamIdOf } from '../../src/shared/wall-key';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { startHarness } from './harness/harness';
import { credential, readOnlyToken } from './support/sim-oracle';

test.use({ simOptions: { streams: 10, groups: 1, seed: 121, lifecycle: false }, viewport: { width: 1920, height: 1080 } });

test.beforeEach(async ({ sim, connect, wall }) => {
  await connect.connectWith(sim.baseUrl, readOnlyToken(sim));
  await expect.poll(() => wall.decodedPictureCount(), { timeout: 30_000 }).toBeGreaterThan(3);
});

test('an ended stream is visibly not live: its last picture without colour, "Ended" with the time', async ({ sim, wall, page }) => {
  const live: string[] = [];
  for (const s of sim.control.listStreams()) {
    if (s.state === 'live' && (await wall.tile(s.id).locator('img[data-testid="tile-thumbnail"]').count()) > 0) live.push(s.id);
  }
  expect(live.length, 'live streams with a picture').toBeGreaterThan(1);
  const [ending, staying] = live as [string, string];
  sim.control.setState(ending, 'ended');
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  const tile = wall.tile(ending);
  await expect(tile).toHaveAttribute('data-state', 'ended', { timeout: 20_000 });
  await expect(tile.getByTestId('tile-state')).toHaveText(/Ended \d{1,2}:\d{2}/);
  expect(await tile.locator('img[data-testid="tile-thumbnail"]').evaluate((img) => getComputedStyle(img).filter)).toContain('grayscale(1)');
  await expect(wall.tile(staying).getByTestId('tile-state')).toHaveText('Live');
  expect(await wall.tile(staying).locator('img[data-testid="tile-thumbnail"]').evaluate((img) => getComputedStyle(img).filter)).toBe('none');
});

test('a bintu outage gets a banner after 15 s, and the status bar tells the last attempt from the last success', async ({ sim, wall, page }) => {
  test.setTimeout(90_000);
  await expect(page.getByTestId('last-success')).toContainText('Last success');
  sim.control.setGlobalFaults({ scope: 'both', errorRate: 1, errorStatuses: [503] });
  const failing = Date.now();
  // Not for a passing error: only once nothing got through for 15 s (counted from the last success).
  await expect(page.getByTestId('outage-banner')).toBeHidden();
  await page.waitForTimeout(8000);
  await expect(page.getByTestId('outage-banner')).toBeHidden();
  await expect(page.getByTestId('outage-banner')).toBeVisible({ timeout: 45_000 });
  expect(Date.now() - failing).toBeGreaterThan(10_000);
  await expect(page.getByTestId('outage-banner')).toContainText('nothing has got through since');
  const attempt = await page.getByTestId('last-poll').textContent();
  const success = await page.getByTestId('last-success').textContent();
  expect(attempt).toMatch(/^Last attempt /);
  expect(success).toMatch(/^Last success /);
  expect(attempt?.replace('Last attempt ', '')).not.toBe(success?.replace('Last success ', ''));
  await expect(wall.tiles.first()).toBeVisible();
  sim.control.clearFaults();
  await expect(page.getByTestId('outage-banner')).toBeHidden({ timeout: 45_000 });
});

test('tiles keep their slots: a new stream joins at the end, after Settings and back, and after a restart', async ({ sim, wall, page, vault }, testInfo) => {
  const before = await wall.ids();
  expect(before).toHaveLength(10);
  // bintu lists the newest stream first; the wall must not move every tile along for it.
  const created = await fetch(`${sim.baseUrl}/stream`, {
    method: 'POST',
    headers: { 'X-BINTU-APIKEY': credential(sim).secret, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ tags: ['late'] }),
  });
  expect(created.ok).toBe(true);
  const { id } = (await created.json()) as { id: string };
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect.poll(() => wall.ids(), { timeout: 20_000 }).toEqual([...before, id]);

  await page.getByTestId('settings-button').click();
  await expect(page.getByTestId('settings-screen')).toBeVisible();
  await page.getByTestId('settings-back').click();
  await expect(wall.tiles).toHaveCount(11);
  expect(await wall.ids()).toEqual([...before, id]);

  // A restart: the order comes back from settings, whatever order bintu lists.
  // Slots name streams by wall key (`profileId/streamId`); the tiles show bintu's id.
  const savedSlots = (): string[] => ((JSON.parse(readFileSync(join(testInfo.outputPath('user-data'), 'settings.json'), 'utf8')) as { settings: { slots?: string[] } }).settings.slots ?? []).map(streamIdOf);
  await expect.poll(savedSlots, { timeout: 20_000 }).toEqual([...before, id]);
  const again = await page.context().newPage();
  const harness = await startHarness({ userDataDir: testInfo.outputPath('user-data'), vault });
  await harness.attach(again);
  await again.goto(harness.url);
  await expect(again.getByTestId('tile')).toHaveCount(11, { timeout: 20_000 });
  expect(await again.getByTestId('tile').evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-stream-id')))).toEqual([...before, id]);
  await harness.close();
});

test('the operator moves tiles by keyboard and by drag and drop, and they stay there after a restart', async ({ wall, page, vault }, testInfo) => {
  const [a, b, c, d, ...rest] = await wall.ids();
  await wall.tile(a!).locator('[data-tile-open]').focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => wall.ids()).toEqual([b, a, c, d, ...rest]);
  await expect(wall.tile(a!).locator('[data-tile-open]')).toBeFocused();
  await wall.tile(d!).dragTo(wall.tile(b!));
  await expect.poll(() => wall.ids()).toEqual([d, b, a, c, ...rest]);
  // Slots name streams by wall key (`profileId/streamId`); the tiles show bintu's id.
  const savedSlots = (): string[] => ((JSON.parse(readFileSync(join(testInfo.outputPath('user-data'), 'settings.json'), 'utf8')) as { settings: { slots?: string[] } }).settings.slots ?? []).map(streamIdOf);
  await expect.poll(savedSlots, { timeout: 20_000 }).toEqual([d, b, a, c, ...rest]);
  // Another order in force: tiles are not moved.
  await page.getByTestId('sort-select').selectOption('name');
  const byName = await wall.ids();
  await wall.tile(byName[0]!).locator('[data-tile-open]').focus();
  await page.keyboard.press('Shift+ArrowRight');
  expect(await wall.ids()).toEqual(byName);
  await page.getByTestId('sort-select').selectOption('slot');

  const again = await page.context().newPage();
  const harness = await startHarness({ userDataDir: testInfo.outputPath('user-data'), vault });
  await harness.attach(again);
  await again.goto(harness.url);
  await expect(again.getByTestId('tile')).toHaveCount(10, { timeout: 20_000 });
  expect(await again.getByTestId('tile').evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-stream-id')))).toEqual([d, b, a, c, ...rest]);
  await harness.close();
});
