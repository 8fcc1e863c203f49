import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeApp } from './compose';
import { startApp } from './platform/app-start';
import { openKeychainVault } from './platform/keychain';
import { createElectronSettingsStore } from './platform/settings-store';
import { rememberBounds, restoredBounds } from './platform/window-bounds';

// Composition root: the real core, keychain and stores, handed to the platform's start-up, which
// wires them to Electron and disposes them on quit.
startApp({
  outDir: join(dirname(fileURLToPath(import.meta.url)), '..'),
  compose: composeApp,
  openVault: (onUnavailable) => openKeychainVault({ service: 'bintu-wall', onUnavailable }),
  settingsStore: createElectronSettingsStore,
  bounds: { restored: restoredBounds, remember: rememberBounds },
});
