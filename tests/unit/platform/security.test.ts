import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PERMISSIONS, resetElectron, StandInBrowserWindow, type ElectronWorld } from '../../support/electron-stand-in';

vi.mock('electron', () => import('../../support/electron-stand-in').then((m) => m.electronModule));

const { secureWebPreferences, hardenSessions } = await import('../../../src/main/platform/security');
const { NavigationGuard } = await import('../../../src/main/platform/navigation-guard');
const { ExternalLinks } = await import('../../../src/main/platform/external-links');

describe('window security', () => {
  let world: ElectronWorld;
  beforeEach(async () => {
    world = resetElectron();
    await world.ready();
  });

  it('every window is isolated and sandboxed, without Node, webviews or middle-click windows', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({ preload: '/app/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false });
    expect(prefs).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, disableBlinkFeatures: 'Auxclick' });
    expect(secureWebPreferences(null)).not.toHaveProperty('preload');
  });

  it('denies every documented permission to a page that is not a replay on its own origin', async () => {
    const guard = new NavigationGuard(new ExternalLinks());
    guard.install();
    hardenSessions(guard);
    const page = new StandInBrowserWindow({ show: false });
    await page.loadURL('app://wall/index.html');
    const replay = new StandInBrowserWindow();
    guard.allow(replay.webContents as never, { kind: 'replay', origin: 'https://replay.example' });
    await replay.loadURL('https://replay.example/live-replay/');
    for (const permission of PERMISSIONS) {
      expect(await page.webContents.requestPermission(permission), permission).toBe(false);
      expect(page.webContents.checkPermission(permission, 'app://wall'), permission).toBe(false);
      expect(await replay.webContents.requestPermission(permission), permission).toBe(permission === 'fullscreen');
    }
  });
});
