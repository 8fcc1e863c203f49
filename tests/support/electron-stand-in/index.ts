/**
 * An Electron stand-in for the platform unit tests: Electron's behaviour where start-up and
 * security code depend on it, each imitated behaviour citing the Electron doc line it follows.
 * Use it as the whole `electron` module:
 *
 *   vi.mock('electron', () => import('../../support/electron-stand-in').then((m) => m.electronModule));
 *   const world = resetElectron({ platform: 'linux' });
 */
import { currentWorld, setWorld } from './current';
import { standInNet } from './protocol';
import { ElectronWorld, type StandInOptions } from './world';

export { ElectronWorld, settle, type StandInOptions } from './world';
export { StandInBrowserWindow } from './browser-window';
export type { StandInWebContents, StandInFrame } from './web-contents';
export { makeEvent, type StandInEvent } from './events';
export { PERMISSIONS } from './session';
export { SECOND_DISPLAY, type StandInDisplay } from './services';

// The real platform is restored when the next world does not ask for another one.
const PLATFORM_KEY = Symbol.for('bintu-wall.electron-stand-in.platform');
const holder = globalThis as { [PLATFORM_KEY]?: NodeJS.Platform };
const realPlatform = (holder[PLATFORM_KEY] ??= process.platform);

/** Starts a fresh Electron (not yet ready) that every later `import 'electron'` talks to. */
export function resetElectron(options: StandInOptions = {}): ElectronWorld {
  Object.defineProperty(process, 'platform', { value: options.platform ?? realPlatform, configurable: true });
  const world = new ElectronWorld(options);
  setWorld(world);
  return world;
}

/** The `electron` module as the main process imports it; each name reads the current world. */
export const electronModule = {
  get app() {
    return currentWorld().app;
  },
  get BrowserWindow() {
    return currentWorld().BrowserWindow;
  },
  get protocol() {
    return currentWorld().protocol;
  },
  net: standInNet,
  get session() {
    return currentWorld().sessionModule;
  },
  get ipcMain() {
    return currentWorld().ipcMain;
  },
  get shell() {
    return currentWorld().shell;
  },
  get dialog() {
    return currentWorld().dialog;
  },
  get screen() {
    return currentWorld().screen;
  },
  get clipboard() {
    return currentWorld().clipboard;
  },
  get Menu() {
    return currentWorld().Menu;
  },
  get crashReporter() {
    return currentWorld().crashReporter;
  },
};
