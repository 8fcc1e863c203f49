import { BrowserWindow, type WebFrameMain } from 'electron';
import { exactOrigin, type PageSource } from './app-protocol';
import { secureWebPreferences } from './security';
import type { SavedBounds } from './window-bounds';
import { guardKiosk } from './kiosk-keys';

/** What the operator window is made from. */
export interface MainWindowOptions {
  page: PageSource;
  preload: string;
  saved: SavedBounds | null;
  /** Starts remembering the window's position and size. */
  remember(window: BrowserWindow): void;
  /**
   * What Ctrl+Shift+K does in kiosk: asks the core, which leaves at once or, with a PIN set,
   * asks the page for it. Null until the core has started (then it leaves at once: no PIN can
   * be checked yet, and the operator must never be shut in by a start-up that hangs).
   */
  kioskExit?: () => ((() => void) | null);
}

/** The operator window and a check that a frame is its own top-level page. */
export interface MainWindow {
  window: BrowserWindow;
  /** Loads the page; its commands wait in main until the core has started. */
  load(): void;
  isTrusted(frame: WebFrameMain | null): boolean;
}

// If the page never paints (a broken build), the window still appears, so start-up is never invisible.
const SHOW_ANYWAY_MS = 3_000;

/** Creates the wall window where it was last time; it appears once its page has painted. */
export function createMainWindow({ page, preload, saved, remember, kioskExit }: MainWindowOptions): MainWindow {
  // The scanner does not follow secureWebPreferences(), which sets contextIsolation, sandbox and
  // disableBlinkFeatures: 'Auxclick' (security.ts).
  const window = new BrowserWindow({ // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
    width: 1600,
    height: 960,
    ...(saved?.bounds ?? {}),
    minWidth: 800,
    minHeight: 500,
    show: false,
    backgroundColor: '#0f1115',
    title: 'Bintu Wall',
    // The alarm tone must sound on a kiosk wall nobody has clicked since it started.
    webPreferences: { ...secureWebPreferences(preload), autoplayPolicy: 'no-user-gesture-required' },
  });
  remember(window);
  // The way out of kiosk works even when the page does not answer; no other shortcut leaves it.
  guardKiosk(window, () => kioskExit?.() ?? null);
  // maximize() also shows the window, so a saved maximized window waits for its page like any other.
  let revealed = false;
  const reveal = (): void => {
    if (revealed || window.isDestroyed()) return;
    revealed = true;
    if (saved?.maximized) window.maximize();
    else window.show();
  };
  window.once('ready-to-show', reveal);
  setTimeout(reveal, SHOW_ANYWAY_MS).unref();
  return {
    window,
    load() {
      void window.loadURL(page.url);
    },
    isTrusted(frame) {
      return frame !== null && frame === window.webContents.mainFrame && exactOrigin(frame.url) === page.origin;
    },
  };
}
