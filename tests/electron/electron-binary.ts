import { resolve } from 'node:path';
import { electronPackageDir, locateElectron } from '../../scripts/electron-binary.mjs';

/** Where the Electron executable is, or why the smoke test cannot run here. */
export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

/**
 * Finds the Electron executable as `npm start` does, without downloading it: when the binary is
 * missing, the electron package's `index.js` starts a download, which must not happen on machines
 * without network access (CI).
 */
export function findElectronBinary(): ElectronBinary {
  const packageDir = electronPackageDir(resolve(import.meta.dirname, '../..'));
  if (packageDir === null) return { found: false, reason: 'the electron package is not installed (run npm ci)' };
  const located = locateElectron(packageDir);
  if (located.found) return located;
  return { found: false, reason: `Electron binary not installed (${located.reason}): npm start downloads it where downloads work` };
}

/** Why Electron cannot open a window here (no display on Linux), or null when it can. */
export function missingDisplayReason(): string | null {
  if (process.platform !== 'linux') return null;
  if (process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']) return null;
  return 'no display (DISPLAY and WAYLAND_DISPLAY are unset): run under xvfb-run, as .ci/run does';
}
