import { BrowserWindow, type WebFrameMain } from 'electron';
import { join } from 'node:path';
import { lockNavigation, secureWebPreferences } from './security';
import { rememberBounds, restoredBounds } from './window-bounds';

/** The operator window and a check that a frame is its own top-level page. */
export interface MainWindow {
  window: BrowserWindow;
  /** Loads the page: call once IPC is registered, so its first request finds a handler. */
  load(): void;
  isTrusted(frame: WebFrameMain | null): boolean;
}

/** Creates the wall window where it was last time, for the built renderer or the dev server. */
export function createMainWindow(outDir: string, devUrl: string | undefined): MainWindow {
  const saved = restoredBounds();
  const window = new BrowserWindow({
    width: 1600,
    height: 960,
    ...(saved?.bounds ?? {}),
    minWidth: 800,
    minHeight: 500,
    show: false,
    backgroundColor: '#0f1115',
    title: 'Bintu Wall',
    // The alarm tone must sound on a kiosk wall nobody has clicked since it started.
    webPreferences: { ...secureWebPreferences(join(outDir, 'preload', 'index.cjs')), autoplayPolicy: 'no-user-gesture-required' },
  });
  if (saved?.maximized) window.maximize();
  rememberBounds(window);
  lockNavigation(window.webContents, null);
  // The way out of kiosk works even when the page does not answer.
  window.webContents.on('before-input-event', (event, input) => {
    if (input.type === 'keyDown' && input.control && input.shift && input.key.toLowerCase() === 'k' && window.isKiosk()) {
      event.preventDefault();
      window.setKiosk(false);
    }
  });
  window.once('ready-to-show', () => window.show());
  const expectedOrigin = devUrl ? new URL(devUrl).origin : null;
  return {
    window,
    load() {
      if (devUrl) void window.loadURL(devUrl);
      else void window.loadFile(join(outDir, 'renderer', 'index.html'));
    },
    isTrusted(frame) {
      if (!frame || frame !== window.webContents.mainFrame) return false;
      return expectedOrigin ? new URL(frame.url).origin === expectedOrigin : frame.url.startsWith('file://');
    },
  };
}
