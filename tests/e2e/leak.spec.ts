import { test, expect } from './fixtures';
import { readOnlyToken } from './support/sim-oracle';
import { filesContaining } from './support/find-secret';

test('after a full session the key appears nowhere: not on disk, not in the page, not in any message', async ({ sim, connect, wall, harness, page }) => {
  const secret = readOnlyToken(sim);
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(message.text()));

  // A failed attempt first (wrong base path makes bintu answer with an error), then the real one.
  await connect.connectWith(sim.baseUrl, `${secret}-wrong`);
  await expect(connect.error).toBeVisible();
  await connect.connectWith(sim.baseUrl, secret);
  await expect.poll(() => wall.decodedPictureCount(), { timeout: 20_000 }).toBeGreaterThan(3);
  await page.getByRole('button', { name: /refresh/i }).first().click();
  await page.reload();
  await expect(wall.tiles.first()).toBeVisible();

  const received = await page.evaluate(() => JSON.stringify((window as unknown as { __wallReceived: unknown[] }).__wallReceived));
  expect(received.length).toBeGreaterThan(100);
  expect(received).not.toContain(secret);
  expect(await page.content()).not.toContain(secret);
  expect(consoleLines.join('\n')).not.toContain(secret);
  expect(filesContaining(harness.userDataDir, secret)).toEqual([]);
  expect(JSON.stringify(harness.app.session.wall())).not.toContain(secret);
  // Invariant 2: the key went to the API host only, never to the asset host.
  expect(sim.stats().assetRequestsWithCredential ?? 0).toBe(0);
});
