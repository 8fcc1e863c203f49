// @ts-check
// Electron 45 has no install step of its own: its binary is fetched by the package's installer
// (`install-electron`, the package's install.js) or lazily by `require('electron')`, which throws
// with a stack trace when that fails. This module finds the binary and runs that installer itself,
// so that `npm start` can say in plain words what failed and what to do about it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** @typedef {{ found: true, path: string } | { found: false, reason: string, installable: boolean }} Located */
/** @typedef {{ ok: true, path: string } | { ok: false, message: string }} Ensured */

const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/';

/**
 * The executable's path inside Electron's dist folder, as the package's install.js writes it to path.txt.
 * @param {string} platform
 */
export function platformExecutable(platform = process.platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  return platform === 'win32' ? 'electron.exe' : 'electron';
}

/**
 * The electron package folder of the project in `root`, or null when it is not installed.
 * @param {string} root
 */
export function electronPackageDir(root) {
  try {
    return dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** @param {string} path */
const readTrimmed = (path) => (existsSync(path) ? readFileSync(path, 'utf8').trim() : '');

/**
 * Where the Electron executable is, or why there is none; never downloads. Follows the electron
 * package's own lookup (path.txt, ELECTRON_OVERRIDE_DIST_PATH), and treats a binary left by an
 * older version as missing, as its installer does.
 * @param {string} packageDir
 * @param {NodeJS.ProcessEnv} env
 * @returns {Located}
 */
export function locateElectron(packageDir, env = process.env) {
  const relative = readTrimmed(join(packageDir, 'path.txt')) || platformExecutable();
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) {
    const path = join(override, relative);
    if (existsSync(path)) return { found: true, path };
    return { found: false, installable: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set to ${override}, but ${path} does not exist.` };
  }
  const path = join(packageDir, 'dist', relative);
  const version = packageVersion(packageDir);
  const installed = readTrimmed(join(packageDir, 'dist', 'version')).replace(/^v/, '');
  if (existsSync(path) && installed === version) return { found: true, path };
  return { found: false, installable: true, reason: installed ? `the installed binary is ${installed}, not ${version}` : 'not downloaded yet' };
}

/** @param {string} packageDir */
function packageVersion(packageDir) {
  return /** @type {{ version: string }} */ (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'))).version;
}

/**
 * Makes sure Electron's binary is there, running the electron package's own installer when it is
 * not (it honours ELECTRON_MIRROR and electron_config_cache). Its output is kept, so a failure
 * reaches the user as one plain message rather than the installer's stack trace.
 * @param {string} packageDir
 * @param {{ env?: NodeJS.ProcessEnv, log?: (line: string) => void }} [options]
 * @returns {Ensured}
 */
export function ensureElectron(packageDir, { env = process.env, log = console.log } = {}) {
  const before = locateElectron(packageDir, env);
  if (before.found) return { ok: true, path: before.path };
  const version = packageVersion(packageDir);
  if (!before.installable) return { ok: false, message: failureMessage(version, before.reason, env) };
  log(`Electron ${version}: ${before.reason}; downloading it once (about 100 MB)...`);
  const install = spawnSync(process.execPath, [join(packageDir, 'install.js')], { cwd: packageDir, env, encoding: 'utf8' });
  const after = locateElectron(packageDir, env);
  if (install.status === 0 && after.found) return { ok: true, path: after.path };
  const output = `${install.stderr ?? ''}\n${install.stdout ?? ''}`;
  const error = install.error?.message ?? firstErrorLine(output) ?? (after.found ? `the installer exited with ${install.status}` : 'the installer left no executable behind');
  return { ok: false, message: failureMessage(version, `downloading it failed: ${error}`, env) };
}

/**
 * The first line of an installer's output that is not a stack frame.
 * @param {string} output
 */
export function firstErrorLine(output) {
  return output.split('\n').map((line) => line.trim()).find((line) => line !== '' && !line.startsWith('at ')) ?? null;
}

/**
 * What failed and the three ways out, in plain words.
 * @param {string} version
 * @param {string} what
 * @param {NodeJS.ProcessEnv} env
 */
export function failureMessage(version, what, env = process.env) {
  const file = `electron-v${version}-${process.platform}-${process.arch}.zip`;
  const mirror = env['npm_config_electron_mirror'] || env['ELECTRON_MIRROR'];
  const cache = env['electron_config_cache'];
  return [
    `Cannot start Bintu Wall: Electron ${version}'s binary is missing, and ${what}`,
    `  file:  ${file}`,
    `  from:  ${mirror ? `${mirror} (ELECTRON_MIRROR)` : `${DEFAULT_MIRROR} (the default)`}`,
    `  cache: ${cache ? `${cache} (electron_config_cache)` : "Electron's default cache folder"}`,
    '',
    'Ways out, then run npm start again:',
    '  - a mirror that holds Electron releases (the same folder layout as the default):',
    '      ELECTRON_MIRROR=https://mirror.example/electron/ npm start',
    `  - a cache folder filled where ${file} can be downloaded (by default ~/.cache/electron on`,
    '    Linux, ~/Library/Caches/electron on macOS, %LOCALAPPDATA%\\electron\\Cache on Windows), copied here:',
    '      electron_config_cache=/path/to/that/folder npm start',
    `  - an Electron ${version} already unpacked on this machine (the folder that holds its executable):`,
    '      ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron npm start',
  ].join('\n');
}
