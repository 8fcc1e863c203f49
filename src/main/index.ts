import { app, BrowserWindow } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeApp } from './compose';
import { assetSrc, handleAssetProtocol, registerAssetScheme } from './platform/asset-protocol';
import { forwardEvents, registerIpc } from './platform/ipc';
import { openKeychainVault } from './platform/keychain';
import { createMainWindow } from './platform/main-window';
import { hardenSessions } from './platform/security';
import { createElectronSettingsStore } from './platform/settings-store';

// Composition root: builds the core, wires it to Electron, disposes it on quit.
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..');
registerAssetScheme();
if (!app.requestSingleInstanceLock()) app.quit();

void app.whenReady().then(async () => {
  hardenSessions();
  const vault = await openKeychainVault({ service: 'bintu-wall' });
  const core = composeApp({ userDataDir: app.getPath('userData'), vault, settingsStore: createElectronSettingsStore(), assetSrc });
  handleAssetProtocol(core.store);
  const main = createMainWindow(outDir, process.env['ELECTRON_RENDERER_URL']);
  const ipc = registerIpc(core, (frame) => main.isTrusted(frame));
  const events = forwardEvents(core, main.window.webContents);
  await core.start();
  app.on('second-instance', () => {
    if (main.window.isMinimized()) main.window.restore();
    main.window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    events.dispose();
    ipc.dispose();
    core.dispose();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) main.window.show();
  });
});
