import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { Harness } from './harness/harness';
import { readOnlyToken } from './support/sim-oracle';

test.describe('settings and kiosk', () => {
  test.use({ simOptions: { streams: 6, groups: 1, seed: 91, lifecycle: false } });

  test.beforeEach(async ({ sim, connect, wall, page }) => {
    await connect.connectWith(sim.baseUrl, readOnlyToken(sim));
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

  test('an address is checked as it is typed, and saved on Enter only when good (webhook and proxy)', async ({ page, harness }) => {
    const webhook = page.getByTestId('webhook-url');
    await webhook.fill('http://alarms.example/hook');
    await expect(page.getByText('Enter an https:// address (http:// only to this computer).')).toBeVisible();
    await expect(webhook).toHaveAttribute('aria-invalid', 'true');
    await webhook.press('Enter');
    expect(harness.app.settings.get().alarms.webhookUrl).toBeNull();
    await webhook.fill('https://alarms.example/hook');
    await expect(webhook).toHaveAttribute('aria-invalid', 'false');
    await webhook.press('Enter');
    await expect.poll(() => harness.app.settings.get().alarms.webhookUrl).toBe('https://alarms.example/hook');

    const proxy = page.getByTestId('proxy-url');
    await proxy.fill('http://user:secret@proxy.example:3128');
    await expect(page.getByText(/Enter the proxy as http:\/\/host:port/)).toBeVisible();
    await proxy.press('Enter');
    expect(harness.app.settings.get().proxy.url).toBe('');
    await proxy.fill(' http://proxy.example:3128 ');
    await proxy.press('Enter');
    await expect.poll(() => harness.app.settings.get().proxy.url).toBe('http://proxy.example:3128');
  });

  test('kiosk: entered from settings on the chosen display, left with Ctrl+Shift+K; the pointer hides when idle', async ({ page, harness }) => {
    await page.getByTestId('kiosk-display').selectOption({ label: 'Display 2 (3840x2160)' });
    await expect.poll(() => harness.app.settings.get().kiosk.displayId).toBe(2);
    await page.getByTestId('enter-kiosk').click();
    await expect.poll(() => harness.desktop.window.kiosk).toBe(true);
    // A kiosk shows the wall, not Settings.
    await expect(page.getByTestId('settings-screen')).toHaveCount(0);
    await expect(page.getByTestId('kiosk-hint')).toContainText('Ctrl+Shift+K');
    await page.mouse.move(400, 400);
    const hideAfter = harness.app.settings.get().kiosk.hideCursorAfterS;
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).cursor + getComputedStyle(document.body).cursor), { timeout: (hideAfter + 5) * 1000 }).toContain('none');
    await page.keyboard.press('Control+Shift+K');
    await expect.poll(() => harness.desktop.window.kiosk).toBe(false);
  });
});

/** Raises "Streams to load" past `streams` in Settings and waits until main's wall holds them all. */
async function loadEveryStream(page: Page, harness: Harness, streams: number): Promise<void> {
  const quantity = String(streams + 50);
  await page.getByTestId('settings-button').click();
  await page.getByLabel('Streams to load').fill(quantity);
  await page.getByLabel('Streams to load').press('Enter');
  await expect.poll(() => harness.app.settings.get().quantity).toBe(streams + 50);
  await page.getByTestId('settings-back').click();
  await expect.poll(() => harness.app.session.wall().streams.length, { timeout: 30_000 }).toBe(streams);
}

test.describe('a wall of 500 streams', () => {
  test.use({ simOptions: { streams: 500, groups: 20, seed: 92, lifecycle: false }, viewport: { width: 1920, height: 1080 } });

  test('pages of 4x4 reach every stream, never a scrollbar, and a page turn paints at once', async ({ sim, connect, wall, page, harness }) => {
    test.setTimeout(180_000);
    await connect.connectWith(sim.baseUrl, readOnlyToken(sim));
    await loadEveryStream(page, harness, 500);
    await page.getByTestId('grid-select').selectOption('4x4');
    await expect.poll(() => wall.pageOf()).toEqual({ page: 1, pages: 32 });
    await expect(wall.tiles).toHaveCount(16);
    // Each turn, run in the page so nothing but the page is measured: from the click to the first
    // frame painted with the new page's tiles in place.
    const run = await page.evaluate(async () => {
      const ids = (): string[] => [...document.querySelectorAll('[data-testid="tile"]')].map((tile) => tile.getAttribute('data-stream-id') ?? '');
      const frame = (): Promise<number> => new Promise((done) => requestAnimationFrame(done));
      const seen = new Set(ids());
      const turns: number[] = [];
      let scrolled = false;
      for (let turn = 1; turn < 32; turn++) {
        const first = ids()[0];
        const next = [...document.querySelectorAll<HTMLButtonElement>('[data-testid="pager"] button')].at(-1);
        const started = performance.now();
        next?.click();
        while (ids()[0] === first && performance.now() - started < 15_000) await frame();
        await frame();
        turns.push(performance.now() - started);
        for (const id of ids()) seen.add(id);
        scrolled ||= document.documentElement.scrollHeight > window.innerHeight;
        // A pause as an operator's would be, so each turn starts from a settled page.
        await new Promise((done) => setTimeout(done, 100));
      }
      return { seen: [...seen], turns, scrolled, at: document.querySelector('[data-testid="pager"]')?.getAttribute('data-page') };
    });
    const seen = new Set(run.seen);
    expect(run.scrolled).toBe(false);
    expect(run.at).toBe('32');
    const turns = run.turns;
    expect(seen.size).toBe(500);
    const median = [...turns].sort((a, b) => a - b)[Math.floor(turns.length / 2)] ?? Infinity;
    console.log(`page turn: median ${Math.round(median)} ms over ${turns.length} turns`);
    // Here the core polls 500 live streams in this very process and pushes each change to the
    // page; bench:paint measures the turn on the cached wall against its 200 ms target.
    expect(median).toBeLessThan(500);
  });
});

test.describe('a wall of 200 streams', () => {
  test.use({ simOptions: { streams: 200, groups: 10, seed: 93, lifecycle: false } });

  test('scrolling instead of pages: ends with every tile in the page, scrolls to its end rendering nothing anew, and tells true ages back on screen', async ({ sim, connect, wall, page, harness }) => {
    test.setTimeout(120_000);
    const display = { ...harness.app.settings.get().display, overflow: 'scroll' as const };
    expect((await harness.app.dispatch('settings:update', { display })).ok).toBe(true);
    await connect.connectWith(sim.baseUrl, readOnlyToken(sim));
    await loadEveryStream(page, harness, 200);
    // The first screen comes first; the other rows follow while the page is idle.
    await expect(wall.tiles).toHaveCount(200, { timeout: 30_000 });
    const ids = await page.$$eval('[data-testid="tile"]', (tiles) => tiles.map((tile) => tile.getAttribute('data-stream-id')));
    expect(new Set(ids)).toEqual(new Set(harness.app.session.wall().streams.map((tile) => tile.streamId)));
    await page.mouse.move(800, 600);
    await page.mouse.wheel(0, 100_000);
    await expect.poll(() => page.evaluate(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2)).toBe(true);
    const lastTile = wall.tiles.last();
    await expect(lastTile).toBeInViewport();
    expect(await page.$$eval('[data-testid="tile"]', (tiles) => tiles.map((tile) => tile.getAttribute('data-stream-id')))).toEqual(ids);

    // Ages off screen rest; back on screen they tell the true age again at once.
    await page.waitForTimeout(3000);
    await page.mouse.wheel(0, -100_000);
    await expect(wall.tiles.first()).toBeInViewport();
    const ages = await page.$$eval('[data-testid="tile"] [data-testid="tile-age"]', (times) =>
      times
        .filter((time) => time.getBoundingClientRect().bottom < window.innerHeight)
        .map((time) => ({ text: time.textContent ?? '', ageS: (Date.now() - Date.parse(time.getAttribute('datetime') ?? '')) / 1000 })),
    );
    expect(ages.length).toBeGreaterThan(3);
    for (const { text, ageS } of ages) {
      const seconds = /(\d+) sec/.exec(text);
      const minutes = /(\d+) min/.exec(text);
      if (seconds) expect(Math.abs(Number(seconds[1]) - ageS), text).toBeLessThan(2.5);
      else if (minutes) expect(Math.abs(Number(minutes[1]) - Math.floor(ageS / 60)), text).toBeLessThanOrEqual(1);
      else expect(text).toMatch(/now|hr|day/);
    }
  });
});
