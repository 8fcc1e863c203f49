import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fuses from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import afterPack, { FUSES, packedExecutable } from '../../../build/fuses.mjs';

const { FuseV1Options, getCurrentFuseWire } = fuses;
// @electron/fuses' wire format: the sentinel, the wire version, its length, one byte per fuse.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLE = 49;
const DISABLE = 48;

/** A stand-in executable whose fuse wire has `length` fuses, all enabled (Electron's defaults vary). */
function fakeElectron(dir: string, name: string, length: number): string {
  const path = join(dir, name);
  const wire = Buffer.from([1, length, ...Array.from({ length }, () => ENABLE)]);
  writeFileSync(path, Buffer.concat([Buffer.from('binary before '), Buffer.from(SENTINEL), wire, Buffer.from(' binary after')]));
  return path;
}

const context = (appOutDir: string, electronPlatformName: string) => ({
  appOutDir,
  electronPlatformName,
  arch: 1,
  packager: { appInfo: { productFilename: 'Bintu Wall' }, executableName: 'bintu-wall' },
});

describe('the fuses set at packaging', () => {
  it('turns run-as-Node, NODE_OPTIONS and --inspect off; cookie encryption, asar integrity and asar-only on', () => {
    expect(FUSES).toMatchObject({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('flips exactly those fuses in the packed executable, and leaves fuses it does not know alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wall-fuses-'));
    const binary = fakeElectron(dir, 'bintu-wall', 9);
    const before = readFileSync(binary);
    await afterPack(context(dir, 'linux'));
    const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
    expect([0, 1, 2, 3, 4, 5, 7].map((fuse) => wire[fuse])).toEqual([DISABLE, ENABLE, DISABLE, DISABLE, ENABLE, ENABLE, DISABLE]);
    expect(wire[8]).toBe(ENABLE);
    expect(readFileSync(binary).length).toBe(before.length);
  });

  it('finds the executable electron-builder packed on each system', () => {
    expect(packedExecutable(context('/out', 'linux'))).toBe(join('/out', 'bintu-wall'));
    expect(packedExecutable(context('/out', 'win32'))).toBe(join('/out', 'Bintu Wall.exe'));
    expect(packedExecutable(context('/out', 'darwin'))).toBe(join('/out', 'Bintu Wall.app'));
  });
});
