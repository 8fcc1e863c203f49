import { EventEmitter } from 'node:events';
import { mkdirSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { makeEvent } from './events';

/** What the app module was told to be: its system, packaging, and whether another copy holds the lock. */
export interface AppSetup {
  root: string;
  platform: NodeJS.Platform;
  isPackaged: boolean;
  appPath: string;
  lockHeldElsewhere: boolean;
  /** What `getLocale()` answers once ready. */
  locale: string;
}

/** What a losing instance sends to the one that holds the lock. */
export interface HandedOver {
  argv: string[];
  workingDirectory: string;
  additionalData: unknown;
}

// app.md "app.getPath(name)": the names Electron knows; anything else throws.
const PATH_NAMES = ['home', 'appData', 'userData', 'sessionData', 'temp', 'exe', 'module', 'desktop', 'documents', 'downloads', 'music', 'pictures', 'videos', 'recent', 'logs', 'crashDumps'];

/** Electron's `app`, with the behaviours start-up code depends on. */
export class StandInApp extends EventEmitter {
  readonly isPackaged: boolean;
  // app.md "app.name": "defaults to the name in the package.json's productName or name".
  name = 'Bintu Wall';
  /** What this instance handed to the lock holder when it lost the single-instance lock. */
  readonly handedOver: HandedOver[] = [];
  /** The exit code once `app.exit()` ran; the process is gone after that. */
  exitCode: number | null = null;
  /** `setLoginItemSettings` as the OS keeps it (macOS and Windows only). */
  loginItem: Record<string, unknown> = { openAtLogin: false };
  quitCalls = 0;
  /** Windows are closing because the app quits or exits. */
  quitting = false;
  /** `quit` went all the way through `will-quit`: the app has ended. */
  quitted = false;
  readonly #setup: AppSetup;
  readonly #paths = new Map<string, string>();
  readonly #pending: HandedOver[] = [];
  #ready = false;
  #lock: boolean | null = null;
  readonly #whenReady: Promise<void>;
  #resolveReady: () => void = () => undefined;

  constructor(setup: AppSetup) {
    super();
    this.#setup = setup;
    this.isPackaged = setup.isPackaged;
    this.#whenReady = new Promise((resolve) => (this.#resolveReady = resolve));
    for (const name of PATH_NAMES) this.#paths.set(name, join(setup.root, 'paths', name));
    this.#paths.set('userData', join(setup.root, 'paths', 'appData', 'Bintu Wall'));
    for (const path of this.#paths.values()) mkdirSync(path, { recursive: true });
  }

  // app.md "app.whenReady()": "fulfilled when Electron is initialized". The `ready` listeners run
  // in the emit, the promise's continuations a microtask later.
  whenReady(): Promise<void> {
    return this.#whenReady;
  }

  isReady(): boolean {
    return this.#ready;
  }

  /** Test control: Electron finished initialising. Nothing happens once the process has exited. */
  becomeReady(): void {
    if (this.#ready || this.exitCode !== null) return;
    this.#ready = true;
    this.emit('ready', makeEvent({}), {});
    this.#resolveReady();
    // app.md "second-instance": "This event is guaranteed to be emitted after the ready event".
    for (const message of this.#pending.splice(0)) this.#deliver(message);
  }

  getPath(name: string): string {
    const path = this.#paths.get(name);
    if (path === undefined) throw new Error(`Failed to get '${name}' path`);
    return path;
  }

  // app.md "app.setPath": "If the path specifies a directory that does not exist, an Error is thrown."
  setPath(name: string, path: string): void {
    if (!this.#paths.has(name)) throw new Error(`Failed to set path: unknown name '${name}'`);
    if (!isAbsolute(path)) throw new Error('Path must be absolute');
    if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`Failed to set path: ${path} does not exist`);
    this.#paths.set(name, path);
  }

  getAppPath(): string {
    return this.#setup.appPath;
  }

  getName(): string {
    return 'Bintu Wall';
  }

  // app.md "app.getLocale()": "This API must be called after the ready event is emitted."
  getLocale(): string {
    if (!this.#ready) throw new Error('app.getLocale() must be called after the ready event');
    return this.#setup.locale;
  }

  getVersion(): string {
    return '0.1.0';
  }

  // app.md "app.requestSingleInstanceLock": false means "your process should immediately quit as it
  // has sent its parameters to another instance that has already acquired the lock".
  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    if (this.#setup.lockHeldElsewhere) {
      this.handedOver.push({ argv: [...process.argv], workingDirectory: process.cwd(), additionalData });
      this.#lock = false;
      return false;
    }
    this.#lock = true;
    return true;
  }

  hasSingleInstanceLock(): boolean {
    return this.#lock === true;
  }

  /** Test control: another copy of the app was started and lost the lock to this one. */
  launchSecondInstance(argv: string[], workingDirectory = process.cwd(), additionalData: unknown = null): void {
    if (this.#lock !== true) throw new Error('electron stand-in: this instance does not hold the single-instance lock');
    const message = { argv, workingDirectory, additionalData };
    if (this.#ready) this.#deliver(message);
    else this.#pending.push(message);
  }

  #deliver({ argv, workingDirectory, additionalData }: HandedOver): void {
    this.emit('second-instance', makeEvent({}), argv, workingDirectory, additionalData);
  }

  // app.md "app.setLoginItemSettings" is marked `@platform darwin,win32`: elsewhere it does nothing.
  setLoginItemSettings(settings: Record<string, unknown>): void {
    if (this.#setup.platform !== 'darwin' && this.#setup.platform !== 'win32') return;
    this.loginItem = { ...settings };
  }

  getLoginItemSettings(): Record<string, unknown> {
    return { ...this.loginItem };
  }

  // app.md "app.quit()": "The before-quit event will be emitted first. If all windows are
  // successfully closed, the will-quit event will be emitted and by default the application will
  // terminate." The world closes the windows (see `ElectronWorld.quit`).
  quit(): void {
    this.quitCalls += 1;
    const beforeQuit = makeEvent({});
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    this.quitting = true;
    this.emit('-close-all-windows');
    const willQuit = makeEvent({});
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return;
    this.emit('quit', makeEvent({}), 0);
    this.quitted = true;
  }

  // app.md "app.exit": "All windows will be closed immediately without asking the user, and the
  // before-quit and will-quit events will not be emitted."
  exit(exitCode = 0): void {
    if (this.exitCode !== null) return;
    this.exitCode = exitCode;
    this.quitting = true;
    this.emit('-destroy-all-windows');
  }
}
