import { BrowserWindow, type WebFrameMain } from 'electron';
import { join } from 'node:path';
import { lockNavigation, secureWebPreferences } from './security';

/** The operator window and a check that a frame is its own top-level page. */
export interface MainWindow {
  window: BrowserWindow;
  isTrusted(frame: WebFrameMain | null): boolean;
}

/** Creates the wall window, loading the built renderer (or the dev server in development). */
export function createMainWindow(outDir: string, devUrl: string | undefined): MainWindow {
  const window = new BrowserWindow({
    width: 1600,
    height: 960,
    minWidth: 800,
    minHeight: 500,
    show: false,
    backgroundColor: '#0f1115',
    title: 'Bintu Wall',
    webPreferences: secureWebPreferences(join(outDir, 'preload', 'index.cjs')),
  });
  lockNavigation(window.webContents, null);
  window.once('ready-to-show', () => window.show());
  const pageUrl = devUrl ?? null;
  if (pageUrl) void window.loadURL(pageUrl);
  else void window.loadFile(join(outDir, 'renderer', 'index.html'));
  const expected = pageUrl ? new URL(pageUrl).origin : 'file://';
  return {
    window,
    isTrusted(frame) {
      if (!frame || frame !== window.webContents.mainFrame) return false;
      return pageUrl ? new URL(frame.url).origin === expected : frame.url.startsWith('file://');
    },
  };
}
