import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StandInApp } from './app';
import { StandInBrowserWindow } from './browser-window';
import { StandInProtocol } from './protocol';
import { StandInMenuModule } from './menu';
import { StandInClipboard, StandInCrashReporter, StandInDialog, StandInIpcMain, StandInScreen, StandInShell } from './services';
import { StandInSession } from './session';

/** How the Electron of one test is set up. */
export interface StandInOptions {
  /** The system Electron runs on (`process.platform` is set to it while the world lives). */
  platform?: NodeJS.Platform;
  isPackaged?: boolean;
  /** Another instance of the app already holds the single-instance lock. */
  lockHeldElsewhere?: boolean;
  /** The system's locale (`app.getLocale()`); en-US when left out. */
  locale?: string;
}

/** One running Electron: its app, sessions, windows and services, plus the folders it made. */
export class ElectronWorld {
  readonly root = mkdtempSync(join(tmpdir(), 'electron-stand-in-'));
  readonly platform: NodeJS.Platform;
  readonly app: StandInApp;
  readonly protocol: StandInProtocol;
  readonly ipcMain = new StandInIpcMain();
  readonly shell = new StandInShell();
  readonly dialog = new StandInDialog();
  readonly clipboard = new StandInClipboard();
  readonly screen: StandInScreen;
  readonly crashReporter: StandInCrashReporter;
  readonly Menu = new StandInMenuModule();
  readonly windows: StandInBrowserWindow[] = [];
  // The class this world's windows are made from. The code under test may load the stand-in afresh
  // (`vi.resetModules()`); its `new BrowserWindow` must still make windows of the test's class.
  readonly BrowserWindow = StandInBrowserWindow;
  readonly #defaultSession = new StandInSession();
  readonly #partitions = new Map<string, StandInSession>();

  constructor(options: StandInOptions = {}) {
    this.platform = options.platform ?? 'linux';
    this.app = new StandInApp({
      root: this.root,
      platform: this.platform,
      isPackaged: options.isPackaged ?? false,
      appPath: join(this.root, 'app'),
      lockHeldElsewhere: options.lockHeldElsewhere ?? false,
      locale: options.locale ?? 'en-US',
    });
    this.protocol = new StandInProtocol(this.app);
    this.screen = new StandInScreen(this.app);
    this.crashReporter = new StandInCrashReporter(this.app);
    this.app.on('-close-all-windows', () => this.windows.forEach((window) => window.close()));
    this.app.on('-destroy-all-windows', () => this.windows.forEach((window) => window.destroy()));
  }

  // session.md "session.defaultSession"; Electron refuses sessions before the app is ready.
  get defaultSession(): StandInSession {
    if (!this.app.isReady()) throw new Error('Session can only be received when app is ready');
    return this.#defaultSession;
  }

  /** The main process's `session` module. */
  get sessionModule(): { readonly defaultSession: StandInSession; fromPartition(partition: string): StandInSession } {
    const defaultSession = (): StandInSession => this.defaultSession;
    const partitions = this.#partitions;
    const ready = (): boolean => this.app.isReady();
    return {
      get defaultSession() {
        return defaultSession();
      },
      // session.md "session.fromPartition(partition)": "Returns Session - A session instance from
      // partition string"; the same partition gives the same session.
      fromPartition(partition: string): StandInSession {
        if (!ready()) throw new Error('Session can only be received when app is ready');
        let found = partitions.get(partition);
        if (!found) partitions.set(partition, (found = new StandInSession()));
        return found;
      },
    };
  }

  /** Test control: Electron is initialised; waits until the start-up chain has run as far as it can. */
  async ready(): Promise<void> {
    this.app.becomeReady();
    await settle();
  }

  // app.md "window-all-closed": "If you do not subscribe to this event and all windows are closed,
  // the default behavior is to quit the app"; during app.quit() it is not emitted.
  /** Called by a window once it is destroyed. */
  windowClosed(): void {
    if (this.app.quitting || this.windows.some((window) => !window.isDestroyed())) return;
    if (this.app.listenerCount('window-all-closed') > 0) this.app.emit('window-all-closed');
    else this.app.quit();
  }
}

/** Lets pending promise chains and timers of zero delay run (several rounds, for chains of awaits). */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await new Promise((resolve) => setImmediate(resolve));
}
