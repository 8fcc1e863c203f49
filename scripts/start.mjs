// @ts-check
// `npm start`: makes sure Electron's binary is there, builds once, and starts the built app. Run
// from the project's root (npm does that), whose node_modules it uses. Arguments after `--` go to
// the app: `npm start -- --kiosk`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { electronPackageDir, ensureElectron } from './electron-binary.mjs';

const root = process.cwd();

/**
 * Runs electron-vite with `args`; its exit status, or 1 when it could not run at all.
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 */
function electronVite(args, env = process.env) {
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, env, stdio: 'inherit' });
  if (run.error) console.error(`npm start: could not run electron-vite: ${run.error.message}`);
  return run.status ?? 1;
}

function main() {
  const packageDir = electronPackageDir(root);
  if (packageDir === null) {
    console.error('npm start: the electron package is not installed here; run npm install first.');
    return 1;
  }
  const electron = ensureElectron(packageDir);
  if (!electron.ok) {
    console.error(electron.message);
    return 1;
  }
  const built = electronVite(['build']);
  if (built !== 0) return built;
  // electron-vite starts the executable named in ELECTRON_EXEC_PATH (else it reads path.txt
  // itself, ignoring ELECTRON_OVERRIDE_DIST_PATH) and hands what follows `--` to the app.
  const env = { ...process.env, ELECTRON_EXEC_PATH: electron.path };
  return electronVite(['preview', '--skipBuild', '--', ...process.argv.slice(2)], env);
}

process.exitCode = main();
