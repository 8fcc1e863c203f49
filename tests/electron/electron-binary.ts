import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where the Electron executable is, or why the smoke test cannot run here. */
export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

/**
 * Finds the Electron executable the way `require('electron')` does, without calling it: when the
 * binary is missing, the electron package's `index.js` starts a download, which must not happen
 * on machines without network access (CI, or ELECTRON_SKIP_BINARY_DOWNLOAD=1 installs).
 */
export function findElectronBinary(): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { found: false, reason: 'the electron package is not installed (run npm ci)' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      found: false,
      reason:
        'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD or no network): ' +
        `${pathFile} is missing; run "node node_modules/electron/install.js" where downloads work`,
    };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const path = override ? join(override, relative) : join(packageDir, 'dist', relative);
  if (!existsSync(path)) {
    return { found: false, reason: `Electron binary not installed: ${path} does not exist` };
  }
  return { found: true, path };
}

/** Why Electron cannot open a window here (no display on Linux), or null when it can. */
export function missingDisplayReason(): string | null {
  if (process.platform !== 'linux') return null;
  if (process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']) return null;
  return 'no display (DISPLAY and WAYLAND_DISPLAY are unset): run under xvfb-run, as .ci/run does';
}
