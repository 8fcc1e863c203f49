import { describe, expect, it, vi } from 'vitest';
import { makeEvent, SECOND_DISPLAY, settle } from '../../support/electron-stand-in';
import { fakes } from './app-fakes';
import { launch } from './launch';

vi.mock('electron', () => import('../../support/electron-stand-in').then((m) => m.electronModule));
vi.mock('../../../src/main/compose', () => import('./app-fakes').then((m) => m.composeModule));
vi.mock('../../../src/main/platform/keychain', () => import('./app-fakes').then((m) => m.keychainModule));
vi.mock('../../../src/main/platform/settings-store', () => import('./app-fakes').then((m) => m.settingsStoreModule));
vi.mock('../../../src/main/platform/window-bounds', () => import('./app-fakes').then((m) => m.windowBoundsModule));

const filter = { search: '', states: [], tags: [], profiles: [] };
const LAYOUT = { name: 'Studios', grid: '3x3', slots: [], filter, sort: 'slot', heroes: {} };

/** Starts the app with two monitors and these wall windows kept from the last run. */
async function startWith(wallWindows: unknown[]) {
  const world = await launch();
  fakes.storedSettings = { layouts: [LAYOUT], wallWindows };
  world.screen.displays.push(SECOND_DISPLAY);
  await world.ready();
  world.windows[0]?.firstPaint();
  await settle();
  const core = fakes.core;
  if (core === null) throw new Error('no core');
  return { world, core, main: world.windows[0] };
}

describe('more wall windows', () => {
  it('come back at start-up where they were, each with its id in the page address, its commands trusted', async () => {
    const { world } = await startWith([
      { id: 'w-on-2', displayId: 2, layout: 'Studios', bounds: null },
      { id: 'w-moved', displayId: 2, layout: null, bounds: { x: 2000, y: 100, width: 1500, height: 900 } },
    ]);
    expect(world.windows).toHaveLength(3);
    const [, onDisplay, moved] = world.windows;
    expect(onDisplay?.webContents.loaded[0]).toMatch(/[?&]wall=w-on-2$/);
    expect(onDisplay?.getBounds()).toEqual(SECOND_DISPLAY.workArea);
    expect(moved?.getBounds()).toEqual({ x: 2000, y: 100, width: 1500, height: 900 });
    // The wall windows' pages may use the contract like the main window's; any other frame may not.
    expect(await world.ipcMain.invoke('session:get', onDisplay?.webContents.mainFrame ?? null)).toEqual({ ok: true, value: 'answer to session:get' });
    expect(await world.ipcMain.invoke('session:get', onDisplay?.webContents.subframe ?? null)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('a window whose monitor was unplugged opens where the system puts it, not off screen', async () => {
    const world = await launch();
    fakes.storedSettings = { wallWindows: [{ id: 'w-gone', displayId: 9, layout: null, bounds: { x: 9000, y: 0, width: 1200, height: 800 } }] };
    await world.ready();
    const wall = world.windows[1];
    expect(wall).toBeDefined();
    const bounds = wall?.getBounds();
    expect(bounds?.x).toBeLessThan(1920);
  });

  it('opens a new window on the chosen display, remembers where the operator moves it, forgets it when they close it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { world, core } = await startWith([]);
      const opened = core.wallWindows.open({ displayId: 2, layout: 'Studios' });
      expect(core.settings.get().wallWindows).toEqual([opened]);
      const wall = world.windows[1];
      expect(wall?.getBounds()).toEqual(SECOND_DISPLAY.workArea);
      expect(wall?.webContents.loaded[0]).toContain(`wall=${opened.id}`);
      wall?.setBounds({ x: 2100, y: 50, width: 1600, height: 1000 });
      wall?.emit('move');
      vi.advanceTimersByTime(600);
      expect(core.settings.get().wallWindows[0]?.bounds).toEqual({ x: 2100, y: 50, width: 1600, height: 1000 });
      wall?.close();
      expect(core.settings.get().wallWindows).toEqual([]);
      expect(() => core.wallWindows.open({ displayId: 7, layout: null })).toThrow(/not connected/);
      expect(() => core.wallWindows.open({ displayId: null, layout: 'Nope' })).toThrow(/no saved layout named "Nope"/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('kiosk covers every display with a wall: each window on its own display', async () => {
    const { world, core, main } = await startWith([{ id: 'w-on-2', displayId: 2, layout: null, bounds: null }]);
    core.options.desktop.setKiosk(true);
    const wall = world.windows[1];
    expect(main?.isKiosk()).toBe(true);
    expect(wall?.isKiosk()).toBe(true);
    expect(wall?.getBounds()).toEqual(SECOND_DISPLAY.bounds);
    // A window opened while in kiosk joins it.
    core.wallWindows.open({ displayId: 2, layout: null });
    expect(world.windows[2]?.isKiosk()).toBe(true);
    core.options.desktop.setKiosk(false);
    expect(wall?.isKiosk()).toBe(false);
  });

  it('in kiosk a wall window cannot be closed by a shortcut, and Ctrl+Shift+K there asks the core (and its PIN)', async () => {
    const { world, core } = await startWith([{ id: 'w-on-2', displayId: 2, layout: null, bounds: null }]);
    core.options.desktop.setKiosk(true);
    const wall = world.windows[1];
    if (!wall) throw new Error('no wall window');
    const key = (over: object) => ({ type: 'keyDown', control: false, shift: false, alt: false, meta: false, key: 'w', ...over });
    const closing = makeEvent({});
    wall.webContents.emit('before-input-event', closing, key({ control: true }));
    expect(closing.defaultPrevented).toBe(true);
    wall.webContents.emit('before-input-event', makeEvent({}), key({ control: true, shift: true, key: 'K' }));
    await settle();
    expect(core.kioskExits).toBe(1);
    // The core decides (with a PIN the page asks for it): the window stays in kiosk here.
    expect(wall.isKiosk()).toBe(true);
  });

  it('quitting closes them without forgetting them; the next start opens them again', async () => {
    const { world, core } = await startWith([{ id: 'w-on-2', displayId: 2, layout: null, bounds: null }]);
    world.app.quit();
    await settle();
    expect(world.windows.every((window) => window.isDestroyed())).toBe(true);
    expect(core.settings.get().wallWindows.map((w) => w.id)).toEqual(['w-on-2']);
  });
});
