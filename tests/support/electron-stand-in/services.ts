import type { StandInApp } from './app';
import type { StandInFrame } from './web-contents';

type InvokeHandler = (event: { senderFrame: StandInFrame | null; processId: number; frameId: number }, payload: unknown) => unknown;

/** Electron's `ipcMain` for `handle`/`invoke`, with Electron's own errors. */
export class StandInIpcMain {
  readonly #handlers = new Map<string, InvokeHandler>();

  // lib/browser/ipc-main-impl.ts: a second `handle` for a channel throws.
  handle(channel: string, handler: InvokeHandler): void {
    if (this.#handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.#handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.#handlers.delete(channel);
  }

  /** The channels that have a handler now. */
  channels(): string[] {
    return [...this.#handlers.keys()];
  }

  // What `ipcRenderer.invoke` rejects with when main has no handler (ipc-renderer.md, and
  // lib/browser/ipc-main-impl.ts "No handler registered for ...").
  /** Test control: the page at `frame` invokes `channel`. */
  async invoke(channel: string, frame: StandInFrame | null, payload?: unknown): Promise<unknown> {
    const handler = this.#handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    return handler({ senderFrame: frame, processId: 1, frameId: 1 }, payload);
  }
}

/** Electron's `shell`: what was opened and revealed. */
export class StandInShell {
  readonly opened: string[] = [];
  readonly revealed: string[] = [];
  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  }
  showItemInFolder(path: string): void {
    this.revealed.push(path);
  }
}

/** Electron's `dialog`: error boxes shown, and message boxes answered with `answers` in turn (then 0). */
export class StandInDialog {
  readonly errorBoxes: Array<{ title: string; content: string }> = [];
  readonly messageBoxes: Array<Record<string, unknown>> = [];
  /** Button indexes the operator presses, one per message box; a box with none left stays open. */
  readonly answers: number[] = [];
  // dialog.md "dialog.showErrorBox": "This API can be called safely before the ready event".
  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content });
  }
  showMessageBox(_window: unknown, options: Record<string, unknown>): Promise<{ response: number; checkboxChecked: boolean }> {
    this.messageBoxes.push(options);
    const response = this.answers.shift();
    return response === undefined ? new Promise(() => undefined) : Promise.resolve({ response, checkboxChecked: false });
  }
  showOpenDialog(): Promise<{ canceled: boolean; filePaths: string[] }> {
    return Promise.resolve({ canceled: true, filePaths: [] });
  }
}

const DISPLAY = { id: 1, label: 'Built-in', size: { width: 1920, height: 1080 }, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
/** A display as `screen` describes it (display-object.md): the fields the app reads. */
export type StandInDisplay = typeof DISPLAY;
/** A second monitor, a 4K one right of the first, for tests of several wall windows. */
export const SECOND_DISPLAY: StandInDisplay = {
  id: 2,
  label: 'Wall',
  size: { width: 3840, height: 2160 },
  bounds: { x: 1920, y: 0, width: 3840, height: 2160 },
  workArea: { x: 1920, y: 0, width: 3840, height: 2120 },
};

/** Electron's `screen`: one 1920x1080 display unless a test plugs in more, and only once the app is ready. */
export class StandInScreen {
  /** The displays connected, the primary first; a test may plug monitors in or out. */
  displays: StandInDisplay[] = [DISPLAY];
  constructor(private readonly app: StandInApp) {}
  // screen.md: "This module cannot be used until the ready event of the app module is emitted."
  getAllDisplays(): StandInDisplay[] {
    this.#ready();
    return [...this.displays];
  }
  getPrimaryDisplay(): StandInDisplay {
    this.#ready();
    return this.displays[0] ?? DISPLAY;
  }
  #ready(): void {
    if (!this.app.isReady()) throw new Error('The screen module cannot be used before the app is ready');
  }
}

/** Electron's `clipboard`. */
export class StandInClipboard {
  text = '';
  writeText(text: string): void {
    this.text = text;
  }
  readText(): string {
    return this.text;
  }
}

/** Electron's `crashReporter`: the options it was started with, and whether Electron was ready then. */
export class StandInCrashReporter {
  readonly starts: Array<{ options: Record<string, unknown>; appReady: boolean }> = [];

  constructor(private readonly app: StandInApp) {}

  // crash-reporter.md "crashReporter.start(options)": "submitURL string (optional) - URL that crash
  // reports will be sent to as POST. Required unless uploadToServer is false"; uploadToServer
  // "Default is true". "This method should be called as early as possible in app startup,
  // preferably before app.on('ready')".
  start(options: Record<string, unknown>): void {
    if (options['uploadToServer'] !== false && typeof options['submitURL'] !== 'string') throw new Error('submitURL must be specified when uploadToServer is true');
    this.starts.push({ options: { ...options }, appReady: this.app.isReady() });
  }

  // crash-reporter.md "crashReporter.getUploadToServer()": false when not started.
  getUploadToServer(): boolean {
    const last = this.starts.at(-1);
    return last !== undefined && last.options['uploadToServer'] !== false;
  }
}
