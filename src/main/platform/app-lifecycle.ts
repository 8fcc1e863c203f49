import { app, type BrowserWindow } from 'electron';
import type { ComposedApp } from '../compose';
import type { Disposable } from '../core/lifecycle';
import type { Logger } from '../core/log/logger';
import { handedOverArgs, parseLaunchArgs, type LaunchRequests } from './launch-args';

/**
 * The app's lifecycle: a second start, the dock icon, the last window closing and quit. Registered
 * before start-up awaits anything, so each works while the keychain and the core are still starting;
 * the window and the core are handed in as they come into being.
 */
export class AppLifecycle {
  #window: BrowserWindow | null = null;
  #core: ComposedApp | null = null;
  readonly #transports: Disposable[] = [];
  #quit: 'no' | 'saving' | 'saved' = 'no';

  constructor(
    private readonly log: Logger,
    private readonly launches: LaunchRequests,
  ) {}

  /** Registers every handler; call once, first thing. */
  register(): void {
    app.on('second-instance', (_event, argv, _workingDirectory, additionalData) => {
      const args = handedOverArgs(argv, additionalData);
      this.log.info(`a second start (${args.length} arguments) was handed to the running app`);
      this.reveal();
      // Its --kiosk, --display and --profile apply here: the second copy itself has exited.
      this.launches.request(parseLaunchArgs(args));
    });
    // macOS: the dock icon was clicked.
    app.on('activate', () => this.reveal());
    app.on('window-all-closed', () => app.quit());
    app.on('before-quit', (event) => this.#beforeQuit(event));
  }

  /** Whether the app has begun to quit: start-up stops building things then. */
  get quitting(): boolean {
    return this.#quit !== 'no';
  }

  /** The operator window, once it exists. */
  attachWindow(window: BrowserWindow): void {
    this.#window = window;
  }

  /** The core, once composed: quit waits for its last saves. */
  attachCore(core: ComposedApp): void {
    this.#core = core;
  }

  /** IPC registrations and event forwarding: disposed first when the app quits. */
  track(transport: Disposable): void {
    this.#transports.push(transport);
  }

  /** Brings the operator window to the front, if it is still there. */
  reveal(): void {
    const window = this.#window;
    if (window === null || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }

  // Quit waits (bounded, see compose.ts) for the last wall snapshot and the download queue.
  #beforeQuit(event: Electron.Event): void {
    if (this.#quit === 'saved') return;
    if (this.#quit === 'no') this.#transports.splice(0).forEach((transport) => transport.dispose());
    const core = this.#core;
    if (core === null) {
      this.#quit = 'saved';
      return;
    }
    event.preventDefault();
    if (this.#quit === 'saving') return;
    this.#quit = 'saving';
    void core.shutdown().finally(() => {
      this.#quit = 'saved';
      app.quit();
    });
  }
}
