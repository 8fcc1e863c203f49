import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ElectronWorld, StandInOptions } from '../../support/electron-stand-in';
import { fakes } from './app-fakes';
import { launchReady } from './launch';

vi.mock('electron', () => import('../../support/electron-stand-in').then((m) => m.electronModule));
vi.mock('../../../src/main/compose', () => import('./app-fakes').then((m) => m.composeModule));
vi.mock('../../../src/main/platform/keychain', () => import('./app-fakes').then((m) => m.keychainModule));
vi.mock('../../../src/main/platform/settings-store', () => import('./app-fakes').then((m) => m.settingsStoreModule));
vi.mock('../../../src/main/platform/window-bounds', () => import('./app-fakes').then((m) => m.windowBoundsModule));

/** Starts the app and turns "start at login" on or off in its settings, as the Settings screen does. */
async function startAtLogin(options: StandInOptions & { env?: Record<string, string> }, ...switches: boolean[]): Promise<ElectronWorld> {
  const { world } = await launchReady(options);
  for (const on of switches) fakes.core?.settings.update((s) => ({ ...s, kiosk: { ...s.kiosk, startAtLogin: on } }));
  return world;
}

const entry = (world: ElectronWorld): string => join(world.root, 'config', 'autostart', 'bintu-wall.desktop');
const execLine = (world: ElectronWorld): string | undefined => readFileSync(entry(world), 'utf8').split('\n').find((line) => line.startsWith('Exec='));

describe('start at login', () => {
  it('on Linux writes an autostart entry that starts this app, and removes it again', async () => {
    const world = await startAtLogin({ platform: 'linux' }, true);
    expect(world.app.getLoginItemSettings()).toEqual({ openAtLogin: false });
    const text = readFileSync(entry(world), 'utf8');
    expect(text).toMatch(/^\[Desktop Entry\]\n/);
    expect(text).toContain('Type=Application\n');
    expect(execLine(world)).toBe(`Exec=${process.execPath} ${join(world.root, 'app')}`);
    fakes.core?.settings.update((s) => ({ ...s, kiosk: { ...s.kiosk, startAtLogin: false } }));
    expect(existsSync(entry(world))).toBe(false);
  });

  it('on Linux, a packaged AppImage starts itself, its path quoted for the desktop entry', async () => {
    const world = await startAtLogin({ platform: 'linux', isPackaged: true, env: { APPIMAGE: '/opt/Bintu Wall/bintu-wall-100%.AppImage' } }, true);
    expect(execLine(world)).toBe('Exec="/opt/Bintu Wall/bintu-wall-100%%.AppImage"');
  });

  it('on Windows registers the executable with the app folder as its argument when unpackaged', async () => {
    const world = await startAtLogin({ platform: 'win32' }, true);
    expect(world.app.getLoginItemSettings()).toEqual({ openAtLogin: true, path: process.execPath, args: [`"${join(world.root, 'app')}"`] });
    const packaged = await startAtLogin({ platform: 'win32', isPackaged: true }, true, false);
    expect(packaged.app.getLoginItemSettings()).toEqual({ openAtLogin: false, path: process.execPath, args: [] });
  });

  it('on macOS works for the installed app, and says why not when run from the source folder', async () => {
    const installed = await startAtLogin({ platform: 'darwin', isPackaged: true }, true);
    expect(installed.app.getLoginItemSettings()).toEqual({ openAtLogin: true });
    expect(fakes.core?.options.desktop.loginItem()).toEqual({ available: true, reason: null });
    const unpackaged = await startAtLogin({ platform: 'darwin' }, true);
    expect(unpackaged.app.getLoginItemSettings()).toEqual({ openAtLogin: false });
    expect(fakes.core?.options.desktop.loginItem()).toEqual({ available: false, reason: 'installed-app-only' });
  });

  it('is not offered on a system Electron cannot start it on', async () => {
    await startAtLogin({ platform: 'freebsd' }, true);
    expect(fakes.core?.options.desktop.loginItem()).toEqual({ available: false, reason: 'unsupported-system' });
  });

  it('quotes each part of the start command the way desktop entries require', async () => {
    const { execArgument } = await import('../../../src/main/platform/login-item');
    expect(execArgument('/usr/bin/electron')).toBe('/usr/bin/electron');
    expect(execArgument('/opt/Bintu Wall')).toBe('"/opt/Bintu Wall"');
    // Inside quotes `"`, `$`, `` ` `` and `\` are escaped; then the file's own escaping doubles each backslash.
    expect(execArgument('/opt/a"b')).toBe(String.raw`"/opt/a\\"b"`);
    expect(execArgument(String.raw`C:\wall`)).toBe(String.raw`"C:\\\\wall"`);
    expect(execArgument('/opt/$HOME/100%')).toBe(String.raw`"/opt/\\$HOME/100%%"`);
    expect(() => execArgument('/opt/a\nb')).toThrow(/line break/);
  });
});
