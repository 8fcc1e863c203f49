import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { appEnv, sandboxArgs } from './app-env';
import { findElectronBinary, missingDisplayReason } from './electron-binary';

const REPO = resolve(import.meta.dirname, '../..');
const MAIN_ENTRY = join(REPO, 'out/main/index.js');
const MIN_TILES = 10;

const binary = findElectronBinary();
const skipReason = binary.found ? missingDisplayReason() : binary.reason;

test.beforeEach(() => {
  if (skipReason !== null) {
    // The list reporter shows a skip without its reason, so say it out loud as well.
    console.log(`Electron smoke test skipped: ${skipReason}`);
    test.skip(true, skipReason);
  }
  expect(existsSync(MAIN_ENTRY), `${MAIN_ENTRY} is missing: run "npm run build" first`).toBe(true);
});

/** Launches the built app with `userData` as its user-data folder (which need not exist yet). */
async function launch(userData: string): Promise<ElectronApplication> {
  if (!binary.found) throw new Error('no Electron binary');
  return electron.launch({ executablePath: binary.path, args: [...sandboxArgs(), MAIN_ENTRY], cwd: REPO, env: appEnv(userData), timeout: 60_000 });
}

/** Runs `body` against an app on a fresh user-data folder, and removes both afterwards. */
async function withApp(body: (app: ElectronApplication, page: Page, userData: string) => Promise<void>, folder = ''): Promise<void> {
  const base = await mkdtemp(join(tmpdir(), 'bintu-wall-electron-'));
  const userData = join(base, folder);
  const app = await launch(userData);
  try {
    await body(app, await app.firstWindow(), userData);
  } finally {
    await app.close();
    await rm(base, { recursive: true, force: true });
  }
}

/** Starts the demo and waits until the wall has tiles. */
async function startDemo(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Try the demo' }).click();
  await expect.poll(() => page.locator('[data-testid="tile"]').count(), { message: 'tiles on the demo wall' }).toBeGreaterThanOrEqual(MIN_TILES);
}

test('the built app starts, and "Try the demo" fills the wall with live pictures', async () => {
  await withApp(async (_app, page) => {
    expect(page.url()).toBe('app://wall/index.html');
    await startDemo(page);
    // Decoded pictures, not just <img> elements: naturalWidth is 0 until the image really loaded.
    const decodedPictures = () =>
      page
        .locator('img[data-testid="tile-thumbnail"]')
        .evaluateAll((images) => images.filter((img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0).length);
    await expect.poll(decodedPictures, { message: 'tiles showing a decoded thumbnail' }).toBeGreaterThanOrEqual(MIN_TILES);
    // The page is a sandboxed web page: no Node, and the bridge is the only way to main.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { wall?: unknown }).wall)).toBe('object');
  });
});

test('a replay window opens and moves within its own origin', async () => {
  await withApp(async (app, page) => {
    await startDemo(page);
    const opened = app.waitForEvent('window');
    await page.locator('[data-testid="replay-button"][aria-disabled="false"]').first().click();
    const replay = await opened;
    await replay.waitForLoadState();
    const origin = new URL(replay.url()).origin;
    await replay.evaluate(() => location.assign('/live-replay/demo/?streamname=moved-within'));
    await replay.waitForURL(/streamname=moved-within/);
    expect(new URL(replay.url()).origin).toBe(origin);
    expect(await replay.evaluate(() => typeof (globalThis as { wall?: unknown }).wall)).toBe('undefined');
  });
});

test('starts with a user-data folder that does not exist yet, and creates it', async () => {
  await withApp(async (app, page, userData) => {
    await expect(page.getByRole('button', { name: 'Try the demo' })).toBeVisible();
    expect(existsSync(userData)).toBe(true);
    expect(await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))).toBe(userData);
  }, join('not', 'there', 'yet'));
});

test('a second start exits at once and brings the running window to the front', async () => {
  await withApp(async (app, page, userData) => {
    await expect(page.getByRole('button', { name: 'Try the demo' })).toBeVisible();
    const handedOver = app.evaluate(({ app: electronApp }) => new Promise<string[]>((done) => electronApp.once('second-instance', (_event, argv) => done(argv))));
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.minimize());
    if (!binary.found) return;
    const second = spawn(binary.path, [...sandboxArgs(), MAIN_ENTRY, '--second-start'], { cwd: REPO, env: appEnv(userData), stdio: 'ignore' });
    const exitCode = await new Promise<number | null>((done) => second.once('exit', (code) => done(code)));
    expect(exitCode).toBe(0);
    expect(await handedOver).toContain('--second-start');
    const front = () =>
      app.evaluate(({ BrowserWindow }) => {
        const window = BrowserWindow.getAllWindows()[0];
        return window ? !window.isMinimized() && window.isVisible() && window.isFocused() : false;
      });
    await expect.poll(front, { message: 'the first window, restored and focused' }).toBe(true);
  });
});
