import { app, BrowserWindow } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeApp } from './compose';
import { assetSrc, handleAssetProtocol, registerAssetScheme } from './platform/asset-protocol';
import { createElectronDesktop } from './platform/desktop';
import { forwardEvents, registerIpc } from './platform/ipc';
import { openKeychainVault } from './platform/keychain';
import { createMainWindow } from './platform/main-window';
import { ReplayWindows } from './platform/replay-windows';
import { hardenSessions } from './platform/security';
import { createElectronSettingsStore } from './platform/settings-store';

// Composition root: builds the core, wires it to Electron, disposes it on quit.
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..');
// Tests and portable installs may keep user data elsewhere (the CLI honours the same variable).
if (process.env['BINTU_WALL_USER_DATA']) app.setPath('userData', process.env['BINTU_WALL_USER_DATA']);
registerAssetScheme();
if (!app.requestSingleInstanceLock()) app.quit();

void app.whenReady().then(async () => {
  hardenSessions();
  const vault = await openKeychainVault({ service: 'bintu-wall' });
  const main = createMainWindow(outDir, process.env['ELECTRON_RENDERER_URL']);
  const replays = new ReplayWindows();
  const desktop = createElectronDesktop(main.window, replays);
  const core = composeApp({
    userDataDir: app.getPath('userData'),
    vault,
    settingsStore: createElectronSettingsStore(),
    assetSrc,
    desktop,
    defaultDownloadDir: join(app.getPath('downloads'), 'Bintu Wall'),
  });
  handleAssetProtocol(core.store);
  const ipc = registerIpc(core, (frame) => main.isTrusted(frame));
  const events = forwardEvents(core, main.window.webContents);
  await core.start();
  main.load();
  if (core.settings.get().kiosk.startInKiosk) desktop.setKiosk(true);
  app.on('second-instance', () => {
    if (main.window.isMinimized()) main.window.restore();
    main.window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  main.window.on('closed', () => replays.closeAll());
  // Quit waits (bounded) for the last wall snapshot and the download queue to reach the disk.
  let quitting: 'no' | 'saving' | 'saved' = 'no';
  app.on('before-quit', (event) => {
    if (quitting === 'saved') return;
    event.preventDefault();
    if (quitting === 'saving') return;
    quitting = 'saving';
    events.dispose();
    ipc.dispose();
    void core.shutdown().finally(() => {
      quitting = 'saved';
      app.quit();
    });
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) main.window.show();
  });
});
