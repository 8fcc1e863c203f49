import { test, expect } from '../e2e/fixtures';

for (const scheme of ['dark', 'light'] as const) {
  test(`the demo wall in the ${scheme} theme`, async ({ connect, wall, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await connect.demo.click();
    await expect.poll(() => wall.decodedPictureCount(), { timeout: 30_000 }).toBeGreaterThanOrEqual(16);
    // The pointer rests off the wall (a hovered tile would play its motion clip), and the ages
    // tick and late pictures arrive, so the shot shows a settled wall.
    await page.mouse.move(5, 1075);
    await page.waitForTimeout(3000);
    await page.screenshot({ path: `docs/wall-${scheme}.png` });
  });
}
