import { describe, expect, it, vi } from 'vitest';
import { launch, launchReady } from './launch';

vi.mock('electron', () => import('../../support/electron-stand-in').then((m) => m.electronModule));
vi.mock('../../../src/main/compose', () => import('./app-fakes').then((m) => m.composeModule));
vi.mock('../../../src/main/platform/keychain', () => import('./app-fakes').then((m) => m.keychainModule));
vi.mock('../../../src/main/platform/settings-store', () => import('./app-fakes').then((m) => m.settingsStoreModule));
vi.mock('../../../src/main/platform/window-bounds', () => import('./app-fakes').then((m) => m.windowBoundsModule));

const PAGE = 'app://wall/index.html';

describe('the page on its own privileged scheme', () => {
  it('registers app: and wall-asset: as privileged in the one call Electron allows, before ready', async () => {
    const world = await launch();
    expect(world.protocol.privileged.map((s) => s.scheme).sort()).toEqual(['app', 'wall-asset']);
    for (const scheme of world.protocol.privileged) expect(scheme.privileges).toMatchObject({ standard: true, secure: true });
  });

  it('loads the page from app://wall, served from the built renderer folder', async () => {
    const { world, main } = await launchReady();
    expect(main.webContents.loaded).toEqual([PAGE]);
    const page = await world.protocol.fetch(PAGE);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app"></div>');
  });

  it('trusts the page by its exact origin only', async () => {
    const { world, main } = await launchReady();
    const frame = main.webContents.mainFrame;
    expect(await world.ipcMain.invoke('session:get', frame)).toEqual({ ok: true, value: 'answer to session:get' });
    for (const url of ['app://wall.evil/index.html', 'app://wall:8080/index.html', 'file:///opt/bintu-wall/renderer/index.html', 'https://wall/index.html']) {
      frame.url = url;
      expect(await world.ipcMain.invoke('session:get', frame), url).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    frame.url = PAGE;
    expect(await world.ipcMain.invoke('session:get', main.webContents.subframe)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('uses the dev server only when the app is not packaged', async () => {
    const dev = 'http://localhost:5173/';
    const packaged = await launchReady({ isPackaged: true, env: { ELECTRON_RENDERER_URL: dev } });
    expect(packaged.main.webContents.loaded).toEqual([PAGE]);
    const unpackaged = await launchReady({ isPackaged: false, env: { ELECTRON_RENDERER_URL: dev } });
    expect(unpackaged.main.webContents.loaded).toEqual([dev]);
    expect(await unpackaged.world.ipcMain.invoke('session:get', unpackaged.main.webContents.mainFrame)).toMatchObject({ ok: true });
  });
});
