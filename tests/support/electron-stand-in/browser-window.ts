import { EventEmitter } from 'node:events';
import { currentWorld } from './current';
import { makeEvent } from './events';
import { StandInWebContents } from './web-contents';

interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Electron's `BrowserWindow`: visibility, focus and state as start-up code sees them. */
export class StandInBrowserWindow extends EventEmitter {
  static getAllWindows(): StandInBrowserWindow[] {
    return currentWorld().windows.filter((window) => !window.isDestroyed());
  }

  static fromWebContents(contents: StandInWebContents): StandInBrowserWindow | null {
    return StandInBrowserWindow.getAllWindows().find((window) => window.webContents === contents) ?? null;
  }

  static getFocusedWindow(): StandInBrowserWindow | null {
    return StandInBrowserWindow.getAllWindows().find((window) => window.isFocused()) ?? null;
  }

  readonly options: Record<string, unknown>;
  readonly webContents: StandInWebContents;
  #visible: boolean;
  #focused: boolean;
  #minimized = false;
  #maximized = false;
  #kiosk = false;
  #fullscreen = false;
  #destroyed = false;
  #painted = false;
  #bounds: Rectangle;

  constructor(options: Record<string, unknown> = {}) {
    super();
    const world = currentWorld();
    // browser-window.md: "This module cannot be used until the ready event of the app module is emitted."
    if (!world.app.isReady()) throw new Error('Cannot create BrowserWindow before app is ready');
    this.options = options;
    this.#visible = options['show'] !== false;
    this.#focused = this.#visible;
    const size = (key: string, fallback: number): number => (typeof options[key] === 'number' ? (options[key] as number) : fallback);
    this.#bounds = { x: size('x', 0), y: size('y', 0), width: size('width', 800), height: size('height', 600) };
    world.windows.push(this);
    if (this.#focused) this.#takeFocus();
    this.webContents = new StandInWebContents(this);
  }

  /** Test control: the page painted for the first time (browser-window.md "ready-to-show"). */
  firstPaint(): void {
    this.#live();
    if (this.#painted) return;
    this.#painted = true;
    this.emit('ready-to-show');
  }

  show(): void {
    this.#live();
    this.#visible = true;
    this.#takeFocus();
    this.emit('show');
  }
  hide(): void {
    this.#live();
    this.#visible = false;
    this.#focused = false;
  }
  isVisible(): boolean {
    return this.#live() && this.#visible;
  }
  // browser-window.md "win.maximize()": "This will also show (but not focus) the window if it isn't
  // being displayed already."
  maximize(): void {
    this.#live();
    this.#maximized = true;
    this.#visible = true;
    this.emit('maximize');
  }
  isMaximized(): boolean {
    return this.#live() && this.#maximized;
  }
  minimize(): void {
    this.#live();
    this.#minimized = true;
    this.#focused = false;
  }
  isMinimized(): boolean {
    return this.#live() && this.#minimized;
  }
  restore(): void {
    this.#live();
    this.#minimized = false;
    this.#visible = true;
  }
  focus(): void {
    this.#live();
    if (this.#visible && !this.#minimized) this.#takeFocus();
  }
  blur(): void {
    this.#live();
    this.#focused = false;
  }
  isFocused(): boolean {
    return this.#live() && this.#focused;
  }
  setKiosk(on: boolean): void {
    this.#live();
    this.#kiosk = on;
  }
  isKiosk(): boolean {
    return this.#live() && this.#kiosk;
  }
  setFullScreen(on: boolean): void {
    this.#live();
    this.#fullscreen = on;
    this.emit(on ? 'enter-full-screen' : 'leave-full-screen');
  }
  isFullScreen(): boolean {
    return this.#live() && this.#fullscreen;
  }
  setBounds(bounds: Partial<Rectangle>): void {
    this.#live();
    this.#bounds = { ...this.#bounds, ...bounds };
  }
  getBounds(): Rectangle {
    this.#live();
    return { ...this.#bounds };
  }
  getNormalBounds(): Rectangle {
    return this.getBounds();
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  loadFile(path: string): Promise<void> {
    return this.webContents.loadFile(path);
  }

  // browser-window.md "win.close()": "Try to close the window. This has the same effect as a user
  // manually clicking the close button of the window. The web page may cancel the close though."
  close(): void {
    if (this.#destroyed) return;
    const event = makeEvent({});
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }

  // browser-window.md "win.destroy()": "Force closing the window, the unload and beforeunload event
  // won't be emitted for the web page, and close event will also not be emitted".
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#visible = false;
    this.#focused = false;
    this.webContents.destroy();
    this.emit('closed');
    currentWorld().windowClosed();
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  // One window has the keyboard focus at a time.
  #takeFocus(): void {
    for (const window of currentWorld().windows) window.#focused = false;
    this.#focused = true;
  }

  #live(): true {
    // Electron throws for any call on a destroyed window.
    if (this.#destroyed) throw new TypeError('Object has been destroyed');
    return true;
  }
}
