import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { makeEvent, settle } from '../../support/electron-stand-in';
import { AppError } from '../../../src/main/core/errors';
import { fakes, gate } from './app-fakes';
import { launch, launchReady } from './launch';

vi.mock('electron', () => import('../../support/electron-stand-in').then((m) => m.electronModule));
vi.mock('../../../src/main/compose', () => import('./app-fakes').then((m) => m.composeModule));
vi.mock('../../../src/main/platform/keychain', () => import('./app-fakes').then((m) => m.keychainModule));
vi.mock('../../../src/main/platform/settings-store', () => import('./app-fakes').then((m) => m.settingsStoreModule));
vi.mock('../../../src/main/platform/window-bounds', () => import('./app-fakes').then((m) => m.windowBoundsModule));

const LIFECYCLE = ['second-instance', 'activate', 'window-all-closed', 'before-quit'];

describe('start-up', () => {
  it('registers the lifecycle handlers before anything is awaited', async () => {
    const world = await launch();
    for (const event of LIFECYCLE) expect(world.app.listenerCount(event), event).toBeGreaterThan(0);
  });

  it('keeps crash reports on this computer: the crash reporter starts before ready with uploads off', async () => {
    const world = await launch();
    expect(world.crashReporter.starts).toEqual([{ options: { uploadToServer: false }, appReady: false }]);
    expect(world.crashReporter.getUploadToServer()).toBe(false);
    await world.ready();
    expect(world.crashReporter.starts).toHaveLength(1);
  });

  it('shows the window and loads the page while the keychain probe is still running', async () => {
    const world = await launch();
    fakes.vaultGate = gate();
    await world.ready();
    expect(fakes.probes).toBe(1);
    const main = world.windows[0];
    expect(main?.webContents.loaded).toHaveLength(1);
    main?.firstPaint();
    expect(main?.isVisible()).toBe(true);
    expect(fakes.core).toBeNull();
  });

  it('holds the page\'s commands until the core has started, then answers them', async () => {
    const world = await launch();
    fakes.vaultGate = gate();
    fakes.startGate = gate();
    await world.ready();
    const main = world.windows[0];
    let answer: unknown = 'pending';
    void world.ipcMain.invoke('session:get', main?.webContents.mainFrame ?? null).then((value) => (answer = value));
    await settle();
    expect(answer).toBe('pending');
    fakes.vaultGate.open();
    await settle();
    expect(fakes.core?.dispatched).toEqual([]);
    expect(answer).toBe('pending');
    fakes.startGate.open();
    await settle();
    expect(answer).toEqual({ ok: true, value: 'answer to session:get' });
  });

  it('says in plain words when start-up fails, logs why, answers the waiting page, and exits', async () => {
    const world = await launch();
    fakes.startFailure = new Error('the cache folder is on a disk that went away');
    fakes.startGate = gate();
    await world.ready();
    const waiting = world.ipcMain.invoke('session:get', world.windows[0]?.webContents.mainFrame ?? null);
    fakes.startGate.open();
    await settle();
    expect(world.dialog.errorBoxes).toHaveLength(1);
    expect(world.dialog.errorBoxes[0]?.title).toMatch(/could not start/i);
    expect(world.dialog.errorBoxes[0]?.content).toContain('the cache folder is on a disk that went away');
    expect(world.app.exitCode).toBe(1);
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'internal' } });
    const log = readFileSync(join(world.app.getPath('userData'), 'logs', 'main.log'), 'utf8');
    expect(log).toContain('the cache folder is on a disk that went away');
  });

  it('logs why the keychain could not be used', async () => {
    const world = await launch();
    fakes.unavailable = new AppError('keychain-unavailable', 'The system keychain could not be used.', {
      cause: new Error('The name org.freedesktop.secrets was not provided by any .service files'),
    });
    await world.ready();
    const log = readFileSync(join(world.app.getPath('userData'), 'logs', 'main.log'), 'utf8');
    expect(log).toContain('org.freedesktop.secrets was not provided');
  });

  it('the instance that loses the single-instance lock exits at once and hands its arguments over', async () => {
    const world = await launch({ lockHeldElsewhere: true });
    expect(world.app.exitCode).toBe(0);
    expect(world.app.handedOver).toHaveLength(1);
    expect(world.app.handedOver[0]?.argv).toEqual(process.argv);
    await world.ready();
    expect(world.windows).toHaveLength(0);
    expect(fakes.probes).toBe(0);
  });

  it('a second start brings the running window to the front, also while the core is starting', async () => {
    const world = await launch();
    fakes.vaultGate = gate();
    await world.ready();
    const main = world.windows[0];
    main?.firstPaint();
    main?.minimize();
    world.app.launchSecondInstance(['bintu-wall', '--from-the-menu']);
    expect(main?.isMinimized()).toBe(false);
    expect(main?.isVisible()).toBe(true);
    expect(main?.isFocused()).toBe(true);
  });

  it("a second start's --kiosk and --profile reach the running app, read from the lock's data", async () => {
    const { world, main } = await launchReady();
    world.app.launchSecondInstance(['bintu-wall', '--profile', '--kiosk'], process.cwd(), { argv: ['--kiosk', '--profile', 'control room'] });
    await settle();
    expect(fakes.core?.activated).toEqual(['p-1']);
    expect(main.isKiosk()).toBe(true);
  });

  it("the first start's own --kiosk and --display apply once the core is up", async () => {
    const argv = process.argv;
    process.argv = [...argv, '--kiosk', '--display', '1'];
    try {
      const world = await launch();
      fakes.startGate = gate();
      await world.ready();
      const main = world.windows[0];
      expect(main?.isKiosk()).toBe(false);
      fakes.startGate.open();
      await settle();
      expect(main?.isKiosk()).toBe(true);
      expect(main?.getBounds()).toMatchObject({ x: 0, y: 0, width: 1920, height: 1080 });
    } finally {
      process.argv = argv;
    }
  });

  it('creates the BINTU_WALL_USER_DATA folder before using it', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'wall-user-data-')), 'not', 'there', 'yet');
    const world = await launch({ env: { BINTU_WALL_USER_DATA: dir } });
    expect(existsSync(dir)).toBe(true);
    expect(world.app.getPath('userData')).toBe(dir);
  });

  it('resolves a relative BINTU_WALL_USER_DATA against the working folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wall-user-data-'));
    const world = await launch({ env: { BINTU_WALL_USER_DATA: relative(process.cwd(), dir) } });
    expect(world.app.getPath('userData')).toBe(dir);
  });

  it('shows a window saved maximized only when its page is ready, and maximized', async () => {
    const world = await launch();
    fakes.savedBounds = { bounds: { x: 10, y: 10, width: 1200, height: 800 }, maximized: true };
    await world.ready();
    const main = world.windows[0];
    expect(main?.isVisible()).toBe(false);
    main?.firstPaint();
    expect(main?.isVisible()).toBe(true);
    expect(main?.isMaximized()).toBe(true);
  });

  it('activate after the window has gone does not throw', async () => {
    const { world, main } = await launchReady();
    main.destroy();
    await settle();
    expect(() => world.app.emit('activate', makeEvent({}), false)).not.toThrow();
  });

  it('quitting while the keychain or the core is still starting ends quietly', async () => {
    const probing = await launch();
    fakes.vaultGate = gate();
    await probing.ready();
    probing.app.quit();
    expect(probing.app.quitted).toBe(true);
    fakes.vaultGate.open();
    await settle();
    expect(fakes.core).toBeNull();
    expect(probing.dialog.errorBoxes).toEqual([]);

    const starting = await launch();
    fakes.startGate = gate();
    await starting.ready();
    fakes.core?.settings.update((s) => ({ ...s, kiosk: { ...s.kiosk, startInKiosk: true } }));
    starting.app.quit();
    await settle();
    expect(starting.app.quitted).toBe(true);
    fakes.startGate.open();
    await settle();
    expect(starting.dialog.errorBoxes).toEqual([]);
    expect(starting.app.exitCode).toBeNull();
  });

  it('quit waits for the last saves, then lets the app go', async () => {
    const { world } = await launchReady();
    world.app.quit();
    expect(fakes.core?.shutdowns).toBe(1);
    await settle();
    expect(world.app.quitCalls).toBe(2);
    expect(world.app.quitted).toBe(true);
    expect(world.windows.every((window) => window.isDestroyed())).toBe(true);
  });
});

describe('the way out of kiosk', () => {
  const ctrlShiftK = { type: 'keyDown', control: true, shift: true, alt: false, meta: false, key: 'K' };

  it('Ctrl+Shift+K leaves at once while the core starts, and asks the core (and its PIN) once it runs', async () => {
    const world = await launch();
    const held = (fakes.startGate = gate());
    await world.ready();
    const main = world.windows[0];
    if (!main) throw new Error('no window');
    main.setKiosk(true);
    const early = makeEvent({});
    main.webContents.emit('before-input-event', early, ctrlShiftK);
    expect(early.defaultPrevented).toBe(true);
    // No PIN can be checked before the core runs: a hanging start-up must not shut the operator in.
    expect(main.isKiosk()).toBe(false);
    held.open();
    await settle();
    main.setKiosk(true);
    main.webContents.emit('before-input-event', makeEvent({}), ctrlShiftK);
    await settle();
    expect(fakes.core?.kioskExits).toBe(1);
    // The core decides: with a PIN set the page asks for it, so the window stays in kiosk here.
    expect(main.isKiosk()).toBe(true);
  });

  it('no other shortcut closes, reloads or un-fullscreens a kiosk wall; outside kiosk they all work', async () => {
    const world = await launch();
    await world.ready();
    const main = world.windows[0];
    if (!main) throw new Error('no window');
    const keys = [
      { key: 'w', control: true }, { key: 'q', control: true }, { key: 'W', meta: true }, { key: 'F4', alt: true },
      { key: 'F4', control: true }, { key: 'F11' }, { key: 'F5' }, { key: 'r', control: true }, { key: 'f', control: true, meta: true },
    ].map((k) => ({ type: 'keyDown', control: false, shift: false, alt: false, meta: false, ...k }));
    const prevented = () =>
      keys.map((input) => {
        const event = makeEvent({});
        main.webContents.emit('before-input-event', event, input);
        return event.defaultPrevented;
      });
    main.setKiosk(true);
    expect(prevented()).toEqual(keys.map(() => true));
    main.setKiosk(false);
    expect(prevented()).toEqual(keys.map(() => false));
    // Typing goes on: a plain W in a kiosk's PIN field is no shortcut.
    main.setKiosk(true);
    const typed = makeEvent({});
    main.webContents.emit('before-input-event', typed, { type: 'keyDown', control: false, shift: false, alt: false, meta: false, key: 'w' });
    expect(typed.defaultPrevented).toBe(false);
  });
});
