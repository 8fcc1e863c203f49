import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fuses from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// electron-builder packs for real (`--linux dir`, no installer), offline: Electron's binary is a
// stand-in folder handed over as `electronDist`, and the app is a stand-in `out/`, so the test
// needs neither a download nor a build. What it checks is the configuration's effect: what goes
// into the asar, what is unpacked beside it, and the fuses flipped by the afterPack hook.
const REPO = resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as { listPackage: (archive: string, options: object) => string[]; extractFile: (archive: string, file: string) => Buffer };
const { getCurrentFuseWire, FuseV1Options } = fuses;
// @electron/fuses' wire: the sentinel, the wire version, its length, one byte per fuse ('1' on).
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

let work = '';
let unpacked = '';
let output = '';

/** A project with the real manifest, builder configuration, build resources and node_modules, and a stand-in out/. */
function standInProject(root: string): void {
  for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml']) copyFileSync(join(REPO, file), join(root, file));
  cpSync(join(REPO, 'build'), join(root, 'build'), { recursive: true });
  symlinkSync(realpathSync(join(REPO, 'node_modules')), join(root, 'node_modules'), 'dir');
  for (const [file, text] of [['out/main/index.js', '// main'], ['out/preload/index.cjs', '// preload'], ['out/renderer/index.html', '<!doctype html>']] as const) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src', 'not-shipped.ts'), '// sources stay out of the package');
}

/** An unpacked "Electron" whose executable carries a fuse wire with every fuse on. */
function standInElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const wire = Buffer.from([1, 9, ...Array.from({ length: 9 }, () => 49)]);
  writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\n#'), Buffer.from(SENTINEL), wire, Buffer.from('\n')]));
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), '45.5.0');
  writeFileSync(join(dir, 'LICENSE'), 'stand-in');
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'wall-pack-'));
  const project = join(work, 'project');
  mkdirSync(project);
  standInProject(project);
  standInElectron(join(work, 'electron'));
  // As `npm run dist` does: electron-builder finds the production dependencies with `npm ls`,
  // which trusts npm's record of node_modules only while no folder there is newer than it (a
  // build or a test run adds cache folders). Without a fresh record the native modules' platform
  // packages were left out of the package.
  const deps = spawnSync('npm', ['run', '-s', 'dist:deps'], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
  expect(deps.status, `${deps.stdout}\n${deps.stderr}`).toBe(0);
  const cli = join(REPO, 'node_modules', 'electron-builder', 'cli.js');
  const args = ['--linux', 'dir', '--publish', 'never', `-c.electronDist=${join(work, 'electron')}`, `-c.directories.output=${join(work, 'dist')}`];
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: project, encoding: 'utf8', timeout: 240_000 });
  output = `${run.stdout}\n${run.stderr}`;
  expect(run.status, output).toBe(0);
  unpacked = join(work, 'dist', 'linux-unpacked');
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('electron-builder --dir with this configuration', () => {
  it('ships only out/, package.json and the production dependencies inside app.asar', () => {
    const files = asar.listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false });
    const own = files.filter((file) => !file.startsWith('/node_modules'));
    expect(own).toEqual(expect.arrayContaining(['/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/package.json']));
    expect(own.filter((file) => file !== '/package.json' && !file.startsWith('/out'))).toEqual([]);
    for (const dependency of ['electron-store', 'zod', 'sharp', '@napi-rs/keyring']) expect(files).toContain(`/node_modules/${dependency}`);
    for (const development of ['electron', 'vitest', 'electron-builder', 'svelte']) expect(files).not.toContain(`/node_modules/${development}`);
  });

  it('unpacks the native modules beside the asar', () => {
    const nativeDir = join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules');
    expect(existsSync(join(nativeDir, 'sharp', 'package.json'))).toBe(true);
    const keyringPackages = ['keyring', ...readdirSync(join(REPO, 'node_modules', '@napi-rs')).filter((name) => name.startsWith('keyring-'))];
    for (const name of keyringPackages) expect(existsSync(join(nativeDir, '@napi-rs', name, 'package.json')), name).toBe(true);
  });

  it('flips the fuses in the packed executable (afterPack: build/fuses.mjs)', async () => {
    const wire = (await getCurrentFuseWire(join(unpacked, 'bintu-wall'))) as unknown as Record<number, number>;
    expect(wire[FuseV1Options.RunAsNode]).toBe(48);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(48);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(49);
  });

  it('keeps the app name bintu-wall in the packed manifest, so the user-data folder is the one the CLI reads', () => {
    const manifest = JSON.parse(asar.extractFile(join(unpacked, 'resources', 'app.asar'), 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: 'bintu-wall', main: 'out/main/index.js', desktopName: 'bintu-wall.desktop' });
    expect(manifest['productName']).toBeUndefined();
    expect(manifest['scripts']).toBeUndefined();
  });
});
