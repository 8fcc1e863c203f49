import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { Simulator } from '../../src/main/simulator';
import type { Harness } from './harness/harness';
import type { WallPage } from './pages/wall-page';
import { rawWall, readOnlyToken } from './support/sim-oracle';

test.use({ simOptions: { streams: 20, groups: 2, seed: 121, lifecycle: false }, viewport: { width: 1920, height: 1080 } });

/** Takes a stream out of bintu's list through the simulator's control route: a live stream that leaves raises "gone". */
async function removeStream(sim: Simulator, streamId: string): Promise<void> {
  const response = await fetch(`${sim.baseUrl}/_sim/streams/${streamId}/faults`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ gone: true }),
  });
  expect(response.ok).toBe(true);
}

/** The stream ids on each page, read by paging through with the pager, then back to page 1. */
async function idsByPage(page: Page, wall: WallPage): Promise<string[][]> {
  const { pages } = await wall.pageOf();
  const out: string[][] = [];
  for (let at = 1; at <= pages; at++) {
    await expect.poll(() => wall.pageOf()).toEqual({ page: at, pages });
    out.push(await wall.ids());
    if (at < pages) await wall.pager.getByRole('button', { name: 'Next page' }).click();
  }
  for (let at = pages; at > 1; at--) await wall.pager.getByRole('button', { name: 'Previous page' }).click();
  await expect.poll(() => wall.pageOf()).toEqual({ page: 1, pages });
  return out;
}

/** Seconds the pager says are left until the next page turns. */
async function secondsLeft(page: Page): Promise<number> {
  return Number(/(\d+)/.exec((await page.getByTestId('pager-rotation').textContent()) ?? '')?.[1]);
}

async function setDisplay(harness: Harness, change: Partial<ReturnType<Harness['app']['settings']['get']>['display']>): Promise<void> {
  const result = await harness.app.dispatch('settings:update', { display: { ...harness.app.settings.get().display, ...change } });
  expect(result.ok).toBe(true);
}

test('a new alarm on another page brings that page up and holds it a whole rotation period: offered while the operator uses the wall, shown by itself on a wall nobody touches', async ({ sim, connect, wall, page, harness }) => {
  test.setTimeout(120_000);
  await connect.connectWith(sim.baseUrl, readOnlyToken(sim));
  await expect(wall.tiles.first()).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('grid-select').selectOption('3x3');
  await expect.poll(async () => (await wall.pageOf()).pages).toBeGreaterThanOrEqual(3);
  // Rotation on, slow enough never to turn by itself during the test.
  await setDisplay(harness, { rotateOnDesk: true, rotateInKiosk: true, rotateS: 300 });
  await expect(page.getByTestId('pager-rotation')).toBeVisible();

  const byPage = await idsByPage(page, wall);
  const live = new Set((await rawWall(sim)).live);
  const onPage = (index: number): string => {
    const id = byPage[index]?.find((candidate) => live.has(candidate));
    expect(id, `a live stream on page ${index + 1}`).toBeDefined();
    return id as string;
  };
  const third = onPage(2);
  const second = onPage(1);

  // At the desk, while the operator uses the wall, the page waits and the pager offers it.
  await removeStream(sim, third);
  const waiting = page.getByTestId('pager-alarm-waiting');
  await expect
    .poll(
      async () => {
        await page.mouse.move(300 + Math.round(Math.random() * 100), 400);
        return waiting.count();
      },
      { timeout: 30_000, intervals: [1000] },
    )
    .toBe(1);
  await expect(waiting).toContainText('page 3');
  expect((await wall.pageOf()).page).toBe(1);
  await waiting.getByRole('button').click();
  await expect.poll(() => wall.pageOf()).toMatchObject({ page: 3 });
  await expect(wall.tile(third)).toHaveAttribute('data-alarm-state', 'alarm');
  await expect(page.getByTestId('pager-alarm')).toBeVisible();
  // The countdown started afresh: a whole period on this page.
  expect(await secondsLeft(page)).toBeGreaterThan(290);

  // Turning the page by hand takes the note away.
  await wall.pager.getByRole('button', { name: 'Previous page' }).click();
  await expect(page.getByTestId('pager-alarm')).toHaveCount(0);
  await wall.pager.getByRole('button', { name: 'Next page' }).click();
  await expect.poll(() => wall.pageOf()).toMatchObject({ page: 3 });

  // In kiosk, a wall nobody touches: a stream on page 2 leaves, and page 2 comes up by itself
  // (once the last input here is ten seconds old).
  expect((await harness.app.dispatch('window:set-kiosk', { on: true })).ok).toBe(true);
  await expect(page.getByTestId('kiosk-bar')).toBeVisible();
  await expect.poll(() => wall.pageOf()).toMatchObject({ page: 3 });
  await removeStream(sim, second);
  await expect.poll(() => wall.pageOf(), { timeout: 40_000 }).toMatchObject({ page: 2 });
  await expect(wall.tile(second)).toHaveAttribute('data-alarm-state', 'alarm');
  await expect(page.getByTestId('pager-alarm')).toContainText('new alarm');
  expect(await secondsLeft(page)).toBeGreaterThan(290);
});
