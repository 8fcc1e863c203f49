import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { appEnv, sandboxArgs } from './app-env';
import { findElectronBinary, missingDisplayReason } from './electron-binary';

// The app as an operator installs it: packed by electron-builder (`--dir`: the unpacked app an
// installer would carry, with app.asar and the fuses flipped), then started from its own
// executable. Packing needs the Electron binary as well (it is copied into the package), so this
// runs where the smoke test does and is skipped, with its reason, elsewhere.
//
// The packed app is driven over the Chrome DevTools protocol rather than `_electron.launch`:
// Playwright's Electron launcher attaches to the main process with `--inspect`, which the shipped
// fuses refuse (EnableNodeCliInspectArguments off, build/fuses.mjs). The test keeps the fuses as
// they ship; `--remote-debugging-port` reaches the page, which is what the operator sees.
const REPO = resolve(import.meta.dirname, '../..');
const MAIN_ENTRY = join(REPO, 'out/main/index.js');
const MIN_TILES = 10;

const binary = findElectronBinary();
const skipReason = binary.found ? missingDisplayReason() : binary.reason;

let work = '';
let executable = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  if (skipReason !== null || !binary.found) return;
  // Packing copies Electron and the production dependencies: minutes on a slow disk.
  test.setTimeout(600_000);
  expect(existsSync(MAIN_ENTRY), `${MAIN_ENTRY} is missing: run "npm run build" first`).toBe(true);
  // As `npm run dist` does: a fresh record of node_modules, so electron-builder finds every
  // production dependency (see tests/integration/packaging/electron-builder-dir.test.ts).
  const deps = spawnSync('npm', ['run', '-s', 'dist:deps'], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
  expect(deps.status, `${deps.stdout}\n${deps.stderr}`).toBe(0);
  work = await mkdtemp(join(tmpdir(), 'bintu-wall-packed-'));
  const cli = join(REPO, 'node_modules', 'electron-builder', 'cli.js');
  const args = ['--dir', '--publish', 'never', `-c.electronDist=${electronDist(binary.path)}`, `-c.directories.output=${work}`];
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: REPO, encoding: 'utf8', timeout: 300_000 });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  executable = packedExecutable(work);
});

test.afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

test.beforeEach(() => {
  if (skipReason !== null) {
    // The list reporter shows a skip without its reason, so say it out loud as well.
    console.log(`Packaged-app test skipped: ${skipReason}`);
    test.skip(true, skipReason);
  }
});

/** Electron's dist folder, which electron-builder copies into the package (`electronDist`). */
function electronDist(binaryPath: string): string {
  // macOS: dist/Electron.app/Contents/MacOS/Electron; elsewhere the executable sits in dist/.
  return process.platform === 'darwin' ? resolve(binaryPath, '../../../..') : dirname(binaryPath);
}

/** The packed app's executable in electron-builder's `--dir` output, for this system. */
function packedExecutable(output: string): string {
  const folders = readdirSync(output);
  if (process.platform === 'darwin') {
    const folder = folders.find((name) => /^mac/.test(name));
    if (folder) return join(output, folder, 'Bintu Wall.app', 'Contents', 'MacOS', 'Bintu Wall');
  }
  const folder = folders.find((name) => name.endsWith('-unpacked'));
  if (folder) return join(output, folder, process.platform === 'win32' ? 'bintu-wall.exe' : 'bintu-wall');
  throw new Error(`no unpacked app in ${output}: ${folders.join(', ')}`);
}

/** Starts the packed app with a debugging port for the page; resolves with the port's address. */
async function startPacked(userData: string): Promise<{ child: ChildProcess; endpoint: string; log: () => string }> {
  const child = spawn(executable, [...sandboxArgs(), '--remote-debugging-port=0'], { env: appEnv(userData), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const endpoint = await new Promise<string>((resolveEndpoint, reject) => {
    const timer = setTimeout(() => reject(new Error(`the packed app opened no debugging port within 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (found?.[1]) {
        clearTimeout(timer);
        resolveEndpoint(found[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the packed app exited (${code}) before it opened its window:\n${output}`));
    });
  });
  return { child, endpoint, log: () => output };
}

/** The operator window's page once it has loaded the app. */
async function wallPage(browser: Browser): Promise<Page> {
  let found: Page | undefined;
  await expect
    .poll(() => (found = browser.contexts().flatMap((context) => context.pages()).find((page) => page.url().startsWith('app://wall/'))), { message: 'the operator window' })
    .toBeTruthy();
  if (!found) throw new Error('unreachable');
  return found;
}

test('the packaged app starts from its own executable, runs the demo, and has updates off', async () => {
  const userData = await mkdtemp(join(tmpdir(), 'bintu-wall-packed-data-'));
  const { child, endpoint } = await startPacked(userData);
  let browser: Browser | null = null;
  try {
    browser = await chromium.connectOverCDP(endpoint);
    const page = await wallPage(browser);
    expect(page.url()).toBe('app://wall/index.html');
    // The packed page is as sandboxed as the built one: no Node, the bridge is the only way to main.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { wall?: unknown }).wall)).toBe('object');
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await expect.poll(() => page.locator('[data-testid="tile"]').count(), { message: 'tiles on the demo wall' }).toBeGreaterThanOrEqual(MIN_TILES);
    // An installed app with no feed set asks no server for updates and says so.
    await page.getByTestId('settings-button').click();
    await expect(page.getByTestId('update-state')).toHaveText('Updates are off: no update feed is set.');
  } finally {
    await browser?.close();
    child.kill();
    await new Promise((done) => (child.exitCode !== null ? done(null) : child.once('exit', done)));
    await rm(userData, { recursive: true, force: true });
  }
});
