import { test, expect } from './fixtures';
import { credential, readOnlyToken } from './support/sim-oracle';

test.use({ simOptions: { streams: 8, groups: 2, seed: 131, lifecycle: false }, viewport: { width: 1920, height: 1080 } });

test.beforeEach(async ({ sim, connect, wall }) => {
  await connect.connectWith(sim.baseUrl, readOnlyToken(sim));
  await expect.poll(() => wall.decodedPictureCount(), { timeout: 30_000 }).toBeGreaterThan(2);
});

test('the focus view: the thumbnail large, the motion clip at a sensible size, recordings by quality, a long tag wraps', async ({ sim, wall, page, harness }) => {
  const group = sim.control.listStreams().find((s) => s.isGroup && s.state === 'live')!;
  // A 300-character tag, as an operator might paste by mistake.
  const long = `note-${'x'.repeat(295)}`;
  const tagged = await fetch(`${sim.baseUrl}/stream/${group.id}/tag`, {
    method: 'PUT',
    headers: { 'X-BINTU-APIKEY': credential(sim).secret, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ tags: ['auction', long] }),
  });
  expect(tagged.ok).toBe(true);
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect.poll(() => harness.app.session.wall().streams.find((s) => s.streamId === group.id)?.tags.length, { timeout: 20_000 }).toBe(2);
  await wall.tile(group.id).locator('[data-tile-open]').click();
  const focus = page.getByTestId('focus-view');
  await expect(focus).toBeVisible();

  const still = page.getByTestId('focus-thumbnail');
  const clip = page.getByTestId('focus-motionclip');
  await expect(still).toBeVisible();
  await expect(clip).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => clip.evaluate((img: HTMLImageElement) => img.naturalWidth), { timeout: 20_000 }).toBeGreaterThan(0);
  const stillWidth = await still.evaluate((img) => img.getBoundingClientRect().width);
  const clipBox = await clip.evaluate((img: HTMLImageElement) => ({ shown: img.getBoundingClientRect().width, natural: img.naturalWidth }));
  expect(stillWidth).toBeGreaterThan(2 * clipBox.shown);
  expect(clipBox.shown).toBeLessThanOrEqual(Math.max(2 * clipBox.natural, 320) + 1);

  // Every quality with recordings under its own label.
  const view = harness.app.session.wall().streams.find((s) => s.streamId === group.id)!;
  const withRecordings = view.variants.filter((v) => view.recordings.some((r) => r.variantId === v.id));
  const groups = page.getByTestId('recording-group');
  await expect(groups).toHaveCount(withRecordings.length);
  for (const [i, variant] of withRecordings.sort((a, b) => a.index - b.index).entries()) {
    await expect(groups.nth(i)).toHaveAttribute('data-variant-id', variant.id);
    await expect(groups.nth(i).getByRole('heading')).toHaveText(variant.label);
  }

  // Main cuts the tag to its bound (64 characters, marked with an ellipsis); what is left wraps
  // inside its panel: nothing scrolls sideways, the buttons stay on screen.
  await expect(focus.getByRole('button', { name: /^Filter by tag note-x{20,}…/ })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1920);
  await expect(page.getByTestId('focus-download-latest')).toBeInViewport({ ratio: 1 });
  for (const button of await page.getByTestId('download-recording').all()) {
    expect(await button.evaluate((b) => b.getBoundingClientRect().right)).toBeLessThanOrEqual(1920);
  }
});

test('an operator label shows on the tile instead of the ingest name, is found by search, and the focus view keeps the ingest name', async ({ sim, wall, page }) => {
  const id = sim.control.listStreams()[2]!.id;
  const tile = wall.tile(id);
  const ingest = (await tile.getByRole('heading').textContent())?.trim() ?? '';
  await tile.locator('[data-tile-open]').click();
  await page.getByLabel('Your label').fill('Roulette table 7');
  await page.getByRole('button', { name: 'Save label' }).click();
  await expect(page.getByTestId('label-field')).toContainText('Label saved.');
  await expect(page.getByTestId('focus-view').getByRole('heading', { level: 2 })).toContainText('Roulette table 7');
  await expect(page.getByTestId('focus-ingest-name')).toHaveText(ingest);
  await page.keyboard.press('Escape');
  await expect(tile.getByRole('heading')).toHaveText('Roulette table 7');
  await expect(tile.locator('[data-tile-open]')).toHaveAccessibleName('Open Roulette table 7');
  await page.getByTestId('search').fill('roulette');
  await expect.poll(() => wall.ids()).toEqual([id]);
  // The ingest name still finds it too.
  await page.getByTestId('search').fill(ingest);
  await expect.poll(() => wall.ids()).toEqual([id]);
});

for (const side of [
  { name: 'the downloads panel', button: 'downloads-button', panel: 'downloads-panel' },
  { name: 'the alarm drawer', button: 'alarms-button', panel: 'alarm-drawer' },
]) {
  test(`${side.name} never covers a tile: the wall makes room`, async ({ wall, page }) => {
    await page.getByTestId(side.button).click();
    const panel = page.getByTestId(side.panel);
    await expect(panel).toBeVisible();
    const left = await panel.evaluate((p) => p.getBoundingClientRect().left);
    await expect.poll(() => wall.tiles.evaluateAll((tiles) => Math.max(...tiles.map((t) => t.getBoundingClientRect().right)))).toBeLessThanOrEqual(left);
    expect(await wall.scrolls()).toBe(false);
  });
}
