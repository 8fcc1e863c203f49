import { describe, expect, it, vi } from 'vitest';
import { settle, type ElectronWorld } from '../../support/electron-stand-in';
import type { StandInMenu, StandInMenuItem } from '../../support/electron-stand-in/menu';
import { fakes } from './app-fakes';
import { launchReady } from './launch';

vi.mock('electron', () => import('../../support/electron-stand-in').then((m) => m.electronModule));
vi.mock('../../../src/main/compose', () => import('./app-fakes').then((m) => m.composeModule));
vi.mock('../../../src/main/platform/keychain', () => import('./app-fakes').then((m) => m.keychainModule));
vi.mock('../../../src/main/platform/settings-store', () => import('./app-fakes').then((m) => m.settingsStoreModule));
vi.mock('../../../src/main/platform/window-bounds', () => import('./app-fakes').then((m) => m.windowBoundsModule));

function applicationMenu(world: ElectronWorld): StandInMenu {
  const menu = world.Menu.getApplicationMenu();
  if (!menu) throw new Error('no application menu was set');
  return menu;
}

const roles = (item: StandInMenuItem | null): Array<string | undefined> => item?.submenu?.items.filter((i) => i.type !== 'separator').map((i) => i.role ?? i.id) ?? [];
const labels = (menu: StandInMenu): Array<string | undefined> => menu.items.map((item) => item.label);

describe('the application menu', () => {
  it('has the standard roles: edit, view, window, help with About', async () => {
    const { world } = await launchReady({ platform: 'linux', isPackaged: true });
    const menu = applicationMenu(world);
    expect(labels(menu)).toEqual(['Edit', 'View', 'Window', 'Help']);
    expect(roles(menu.getMenuItemById('edit'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(roles(menu.getMenuItemById('view'))).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(menu.getMenuItemById('window'))).toEqual(['minimize', 'close']);
    expect(roles(menu.getMenuItemById('help'))).toEqual(['about']);
  });

  it('offers reload and the developer tools only in development (not packaged)', async () => {
    const { world } = await launchReady({ platform: 'linux', isPackaged: false });
    expect(roles(applicationMenu(world).getMenuItemById('view'))).toEqual(['reload', 'forceReload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('on macOS starts with the app menu holding About and Quit', async () => {
    const { world } = await launchReady({ platform: 'darwin', isPackaged: true });
    const menu = applicationMenu(world);
    expect(labels(menu)).toEqual(['Bintu Wall', 'Edit', 'View', 'Window', 'Help']);
    expect(roles(menu.items[0] ?? null)).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(roles(menu.getMenuItemById('window'))).toEqual(['minimize', 'zoom', 'front']);
  });

  it('About shows the app version over the operator window', async () => {
    const { world, main } = await launchReady({ platform: 'linux', isPackaged: true });
    world.dialog.answers.push(0);
    applicationMenu(world).getMenuItemById('about')?.click?.();
    await settle();
    expect(world.dialog.messageBoxes).toHaveLength(1);
    const box = world.dialog.messageBoxes[0] as { title: string; message: string; detail: string; buttons: string[] };
    expect(box.title).toBe('About Bintu Wall');
    expect(box.message).toBe(`Bintu Wall Version ${world.app.getVersion()}`);
    expect(box.detail).toContain(`Node.js ${process.versions.node}`);
    expect(box.buttons).toEqual(['OK']);
    expect(main.isDestroyed()).toBe(false);
  });

  it('speaks the system language at start and follows the language setting', async () => {
    const { world } = await launchReady({ platform: 'linux', isPackaged: true, locale: 'de-DE' });
    expect(labels(applicationMenu(world))).toEqual(['Bearbeiten', 'Ansicht', 'Fenster', 'Hilfe']);
    expect(applicationMenu(world).getMenuItemById('about')?.label).toBe('Über Bintu Wall');
    const core = fakes.core;
    if (!core) throw new Error('the core did not start');
    core.settings.update((s) => ({ ...s, language: 'en' }));
    expect(labels(applicationMenu(world))).toEqual(['Edit', 'View', 'Window', 'Help']);
  });
});
