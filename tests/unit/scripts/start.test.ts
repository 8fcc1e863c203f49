import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronPackageDir, ensureElectron, locateElectron, platformExecutable } from '../../../scripts/electron-binary.mjs';

const REPO = resolve(import.meta.dirname, '../../..');
const REAL_ELECTRON = electronPackageDir(REPO)!;
const VERSION = (await import(join(REAL_ELECTRON, 'package.json'), { with: { type: 'json' } })).default.version as string;

/**
 * A project folder whose electron package is the real one without a binary: its installer and
 * checksums, with @electron/get beside it, so the real download runs and fails.
 */
function projectWithoutBinary(): { root: string; packageDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'wall-start-'));
  const packageDir = join(root, 'node_modules', 'electron');
  mkdirSync(packageDir, { recursive: true });
  for (const file of ['package.json', 'install.js', 'checksums.json']) copyFileSync(join(REAL_ELECTRON, file), join(packageDir, file));
  const get = realpathSync(join(REAL_ELECTRON, '..', '@electron', 'get'));
  mkdirSync(join(root, 'node_modules', '@electron'));
  symlinkSync(get, join(root, 'node_modules', '@electron', 'get'), 'dir');
  writeFileSync(join(root, 'package.json'), '{ "name": "fresh-clone", "private": true }');
  return { root, packageDir };
}

/** A loopback port nothing listens on: the download is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** The environment without any Electron download setting of the machine's own. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(([key]) => !/electron/i.test(key));
  return { ...Object.fromEntries(kept), ...extra };
}

/** Puts a stand-in executable where the installer would, as `version`. */
function fakeBinary(dir: string, version: string): string {
  mkdirSync(join(dir, dirname(platformExecutable())), { recursive: true });
  const exe = join(dir, platformExecutable());
  writeFileSync(exe, '#!/bin/sh\n');
  chmodSync(exe, 0o755);
  writeFileSync(join(dir, 'version'), `v${version}`);
  return exe;
}

describe('npm start without Electron binary', () => {
  it('stops with a plain message, the ways out and exit 1 when the download fails, and no stack trace', async () => {
    const { root } = projectWithoutBinary();
    const cache = mkdtempSync(join(tmpdir(), 'wall-start-cache-'));
    const mirror = `http://127.0.0.1:${await closedPort()}/`;
    const run = spawnSync(process.execPath, [join(REPO, 'scripts', 'start.mjs')], {
      cwd: root,
      env: cleanEnv({ ELECTRON_MIRROR: mirror, electron_config_cache: cache }),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`Electron ${VERSION}: not downloaded yet; downloading it once`);
    expect(run.stderr).toContain(`Cannot start Bintu Wall: Electron ${VERSION}'s binary is missing, and downloading it failed: TypeError: fetch failed`);
    expect(run.stderr).toContain(`from:  ${mirror} (ELECTRON_MIRROR)`);
    expect(run.stderr).toContain(`cache: ${cache} (electron_config_cache)`);
    for (const wayOut of ['ELECTRON_MIRROR=', 'electron_config_cache=', 'ELECTRON_OVERRIDE_DIST_PATH=']) expect(run.stderr).toContain(wayOut);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/^\s+at /m);
    expect(readdirSync(cache)).toEqual([]);
  });

  it('names a wrong ELECTRON_OVERRIDE_DIST_PATH without trying to download', () => {
    const { packageDir } = projectWithoutBinary();
    const nowhere = join(tmpdir(), 'wall-start-no-electron-here');
    const logged: string[] = [];
    const result = ensureElectron(packageDir, { env: cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: nowhere }), log: (line) => logged.push(line) });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(`ELECTRON_OVERRIDE_DIST_PATH is set to ${nowhere}, but ${join(nowhere, platformExecutable())} does not exist.`);
    expect(logged).toEqual([]);
  });
});

describe('npm start with Electron binary', () => {
  it('uses an installed binary of the right version without running the installer', () => {
    const { packageDir } = projectWithoutBinary();
    writeFileSync(join(packageDir, 'install.js'), 'process.exit(3);');
    const exe = fakeBinary(join(packageDir, 'dist'), VERSION);
    writeFileSync(join(packageDir, 'path.txt'), platformExecutable());
    expect(ensureElectron(packageDir, { env: cleanEnv({}), log: () => {} })).toEqual({ ok: true, path: exe });
  });

  it('counts a binary of another version as missing, and uses what the installer puts there', () => {
    const { packageDir } = projectWithoutBinary();
    fakeBinary(join(packageDir, 'dist'), '1.0.0');
    writeFileSync(join(packageDir, 'path.txt'), platformExecutable());
    expect(locateElectron(packageDir, cleanEnv({}))).toEqual({ found: false, installable: true, reason: `the installed binary is 1.0.0, not ${VERSION}` });
    // The installer stubbed: it writes the version file as the real one unpacks the zip.
    writeFileSync(join(packageDir, 'install.js'), `require('fs').writeFileSync(__dirname + '/dist/version', 'v${VERSION}');`);
    const result = ensureElectron(packageDir, { env: cleanEnv({}), log: () => {} });
    expect(result).toEqual({ ok: true, path: join(packageDir, 'dist', platformExecutable()) });
  });

  it('takes the executable from ELECTRON_OVERRIDE_DIST_PATH when it is there', () => {
    const { packageDir } = projectWithoutBinary();
    const override = mkdtempSync(join(tmpdir(), 'wall-start-override-'));
    const exe = fakeBinary(override, VERSION);
    expect(locateElectron(packageDir, cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: override }))).toEqual({ found: true, path: exe });
  });
});
