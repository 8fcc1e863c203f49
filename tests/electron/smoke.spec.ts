import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary, missingDisplayReason } from './electron-binary';

const REPO = resolve(import.meta.dirname, '../..');
const MAIN_ENTRY = join(REPO, 'out/main/index.js');
const MIN_TILES = 10;

const binary = findElectronBinary();

test('the built app starts, and "Try the demo" fills the wall with live pictures', async () => {
  const skipReason = binary.found ? missingDisplayReason() : binary.reason;
  if (skipReason !== null) {
    // The list reporter shows a skip without its reason, so say it out loud as well.
    console.log(`Electron smoke test skipped: ${skipReason}`);
    test.skip(true, skipReason);
  }
  if (!binary.found) return;
  expect(existsSync(MAIN_ENTRY), `${MAIN_ENTRY} is missing: run "npm run build" first`).toBe(true);

  // A user-data folder of its own, so the test neither sees nor changes the operator's profiles.
  const userData = await mkdtemp(join(tmpdir(), 'bintu-wall-electron-'));
  const args = [`--user-data-dir=${userData}`];
  // Chromium refuses to run its sandbox as root (containers, CI); the app's own sandboxing of the
  // page (contextIsolation, sandboxed renderer) is unaffected by this switch.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const app = await electron.launch({
    executablePath: binary.path,
    args: [...args, MAIN_ENTRY],
    cwd: REPO,
    env: {
      ...process.env,
      BINTU_WALL_USER_DATA: userData,
      XDG_CONFIG_HOME: join(userData, 'config'),
      ELECTRON_ENABLE_LOGGING: '1',
    },
    timeout: 60_000,
  });
  try {
    const page = await app.firstWindow();
    await page.getByRole('button', { name: 'Try the demo' }).click();

    const tiles = page.locator('[data-testid="tile"]');
    await expect.poll(() => tiles.count(), { message: 'tiles on the demo wall' }).toBeGreaterThanOrEqual(MIN_TILES);

    // Decoded pictures, not just <img> elements: naturalWidth is 0 until the image really loaded.
    const decodedPictures = () =>
      page
        .locator('img[data-testid="tile-thumbnail"]')
        .evaluateAll((images) => images.filter((img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0).length);
    await expect.poll(decodedPictures, { message: 'tiles showing a decoded thumbnail' }).toBeGreaterThanOrEqual(MIN_TILES);

    // The page is a sandboxed web page: no Node, and the bridge is the only way to main.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { wall?: unknown }).wall)).toBe('object');
  } finally {
    await app.close();
    await rm(userData, { recursive: true, force: true });
  }
});
