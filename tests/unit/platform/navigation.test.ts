import { describe, expect, it, vi } from 'vitest';
import { settle, StandInBrowserWindow, type ElectronWorld } from '../../support/electron-stand-in';
import { fakes } from './app-fakes';
import { launchReady } from './launch';

vi.mock('electron', () => import('../../support/electron-stand-in').then((m) => m.electronModule));
vi.mock('../../../src/main/compose', () => import('./app-fakes').then((m) => m.composeModule));
vi.mock('../../../src/main/platform/keychain', () => import('./app-fakes').then((m) => m.keychainModule));
vi.mock('../../../src/main/platform/settings-store', () => import('./app-fakes').then((m) => m.settingsStoreModule));
vi.mock('../../../src/main/platform/window-bounds', () => import('./app-fakes').then((m) => m.windowBoundsModule));

const REPLAY = 'https://replay.example/live-replay/demo/?streamname=a-b';

/** Opens a replay window the way the core does (through the desktop port) and returns it. */
async function openReplay(url = REPLAY): Promise<{ world: ElectronWorld; main: StandInBrowserWindow; replay: StandInBrowserWindow }> {
  const { world, main } = await launchReady();
  fakes.core?.options.desktop.openReplay('stream-1', url);
  const replay = world.windows[1];
  if (!replay) throw new Error('no replay window');
  return { world, main, replay };
}

describe('replay windows and the operator window', () => {
  it('a replay window moves within its own origin (read from details.url) and nowhere else', async () => {
    const { replay } = await openReplay();
    expect(replay.webContents.loaded).toEqual([REPLAY]);
    expect(replay.options['webPreferences']).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect((replay.options['webPreferences'] as Record<string, unknown>)['preload']).toBeUndefined();
    expect(replay.webContents.navigate('https://replay.example/live-replay/other')).toBe(true);
    expect(replay.webContents.navigate('https://elsewhere.example/page')).toBe(false);
    expect(replay.webContents.navigate('http://replay.example/live-replay/other')).toBe(false);
    expect(replay.webContents.navigate('https://replay.example:8443/')).toBe(false);
  });

  it('holds server redirects and subframes to the same rule', async () => {
    const { main, replay } = await openReplay();
    expect(replay.webContents.redirect('https://replay.example/live-replay/moved')).toBe(true);
    expect(replay.webContents.redirect('https://tracker.example/')).toBe(false);
    expect(replay.webContents.navigate('https://replay.example/frame', { mainFrame: false })).toBe(true);
    expect(replay.webContents.navigate('https://ads.example/frame', { mainFrame: false })).toBe(false);
    expect(main.webContents.navigate('https://evil.example/')).toBe(false);
    expect(main.webContents.navigate('https://evil.example/', { mainFrame: false })).toBe(false);
    expect(main.webContents.redirect('https://evil.example/')).toBe(false);
    expect(main.webContents.openWindow('https://evil.example/')).toBe('deny');
  });

  it('any other web contents is locked too', async () => {
    await openReplay();
    const other = new StandInBrowserWindow({});
    expect(other.webContents.navigate('https://replay.example/live-replay/other')).toBe(false);
    expect(other.webContents.openWindow('https://replay.example/')).toBe('deny');
  });

  it('allows fullscreen to replay pages only, and nothing else to anyone', async () => {
    const { main, replay } = await openReplay();
    expect(await replay.webContents.requestPermission('fullscreen')).toBe(true);
    expect(replay.webContents.checkPermission('fullscreen')).toBe(true);
    expect(await replay.webContents.requestPermission('fullscreen', 'https://ads.example/frame')).toBe(false);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'pointerLock']) {
      expect(await replay.webContents.requestPermission(permission), permission).toBe(false);
    }
    expect(await main.webContents.requestPermission('fullscreen')).toBe(false);
    expect(main.webContents.checkPermission('fullscreen', 'app://wall')).toBe(false);
  });

  it('sends an https link to the system browser once the operator agrees, one request at a time', async () => {
    const { world, replay } = await openReplay();
    world.dialog.answers.push(0);
    for (let i = 0; i < 50; i += 1) expect(replay.webContents.openWindow(`https://elsewhere.example/${i}`)).toBe('deny');
    await settle();
    expect(world.dialog.messageBoxes).toHaveLength(1);
    expect(world.shell.opened).toEqual(['https://elsewhere.example/0']);
    expect(replay.webContents.openWindow('http://plain.example/')).toBe('deny');
    expect(replay.webContents.openWindow('file:///etc/passwd')).toBe('deny');
    await settle();
    expect(world.dialog.messageBoxes).toHaveLength(1);
    // A link the page follows itself is offered the same way; once the operator says no, the page
    // does not get to ask again.
    world.dialog.answers.push(1);
    expect(replay.webContents.navigate('https://elsewhere.example/next')).toBe(false);
    await settle();
    expect(world.dialog.messageBoxes).toHaveLength(2);
    expect(replay.webContents.openWindow('https://elsewhere.example/again')).toBe('deny');
    await settle();
    expect(world.dialog.messageBoxes).toHaveLength(2);
    expect(world.shell.opened).toHaveLength(1);
  });

  it('a page in the background opens nothing, and the operator page never opens links', async () => {
    const { world, main, replay } = await openReplay();
    world.dialog.answers.push(0, 0, 0);
    replay.blur();
    replay.webContents.openWindow('https://elsewhere.example/');
    replay.focus();
    replay.webContents.openWindow('https://elsewhere.example/', 'background-tab');
    main.webContents.openWindow('https://elsewhere.example/');
    await settle();
    expect(world.dialog.messageBoxes).toHaveLength(0);
    expect(world.shell.opened).toEqual([]);
  });

  it('a replay page must be https; plain http only on this computer, and no other scheme', async () => {
    const { world } = await launchReady();
    const desktop = fakes.core?.options.desktop;
    for (const url of ['http://replay.example/a', 'file://127.0.0.1/etc/passwd', 'file://localhost/etc/passwd', 'ftp://127.0.0.1/x', 'javascript:alert(1)']) {
      expect(() => desktop?.openReplay(`s-${url}`, url), url).toThrow(/https/);
    }
    expect(world.windows).toHaveLength(1);
    expect(() => desktop?.openReplay('local', 'http://127.0.0.1:9000/live-replay/')).not.toThrow();
    expect(() => desktop?.openReplay('local6', 'http://[::1]:9000/live-replay/')).not.toThrow();
    expect(world.windows).toHaveLength(3);
  });

  it('one replay window per stream: a second request focuses it', async () => {
    const { world, replay } = await openReplay();
    replay.minimize();
    fakes.core?.options.desktop.openReplay('stream-1', REPLAY);
    expect(world.windows).toHaveLength(2);
    expect(replay.isMinimized()).toBe(false);
    expect(replay.isFocused()).toBe(true);
    fakes.core?.options.desktop.openReplay('stream-2', 'https://replay.example/b');
    expect(world.windows).toHaveLength(3);
  });
});
