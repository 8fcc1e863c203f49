import { BrowserWindow, screen, type Rectangle, type WebContents, type WebFrameMain } from 'electron';
import type { WallWindowEvents } from '../core/desktop-port';
import type { WallWindow } from '../../shared/settings-view';
import { exactOrigin, type PageSource } from './app-protocol';
import { secureWebPreferences } from './security';
import { guardKiosk } from './kiosk-keys';

/** What the wall windows are made from and told. */
export interface WallWindowSetOptions {
  page: PageSource;
  preload: string;
  /** Whether the app is quitting: windows closed by the quit come back at the next start. */
  quitting: () => boolean;
  /** Whether the main window is in kiosk: a new window joins it on its own display. */
  kiosk: () => boolean;
  /** The core's way out of kiosk (with its PIN), or null while the core is not up (see `guardKiosk`). */
  kioskExit?: () => (() => void) | null;
}

/** A window settles this long after its last move or resize before it is remembered. */
const SETTLE_MS = 500;

/**
 * The wall windows besides the main one, in Electron: each loads the same page with `?wall=<id>`,
 * is as trusted as the main window (`isTrusted`), opens where it was or on its display, enters
 * kiosk with the main window, each on its own display, and reports the operator closing it.
 */
export class WallWindowSet {
  readonly #options: WallWindowSetOptions;
  readonly #windows = new Map<string, { window: BrowserWindow; spec: WallWindow }>();
  /** The core's way of sending events to a new window's page, once the core is up. */
  #forward: ((contents: WebContents) => { dispose(): void }) | null = null;

  constructor(options: WallWindowSetOptions) {
    this.#options = options;
  }

  /** Sends the core's events to every wall window's page, present and future. */
  forwardWith(forward: (contents: WebContents) => { dispose(): void }): void {
    this.#forward = forward;
    for (const { window } of this.#windows.values()) this.#follow(window);
  }

  open(spec: WallWindow, events: WallWindowEvents): void {
    const existing = this.#windows.get(spec.id);
    if (existing && !existing.window.isDestroyed()) return existing.window.focus();
    const bounds = placeOf(spec);
    // The scanner does not follow secureWebPreferences(), which sets contextIsolation, sandbox and
    // disableBlinkFeatures: 'Auxclick' (security.ts).
    const window = new BrowserWindow({ // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
      width: 1280,
      height: 800,
      ...(bounds ?? {}),
      minWidth: 800,
      minHeight: 500,
      backgroundColor: '#0f1115',
      title: 'Bintu Wall',
      webPreferences: { ...secureWebPreferences(this.#options.preload), autoplayPolicy: 'no-user-gesture-required' },
    });
    this.#windows.set(spec.id, { window, spec });
    guardKiosk(window, () => this.#options.kioskExit?.() ?? null);
    let timer: NodeJS.Timeout | undefined;
    const settle = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (window.isDestroyed() || window.isKiosk() || window.isFullScreen()) return;
        events.moved(window.getNormalBounds());
      }, SETTLE_MS);
    };
    window.on('move', settle);
    window.on('resize', settle);
    // Closed by the operator: forgotten. Closed by the quit or by the core: it knows already.
    window.on('close', () => {
      clearTimeout(timer);
      if (this.#windows.get(spec.id)?.window === window && !this.#options.quitting()) events.closed();
    });
    window.on('closed', () => {
      if (this.#windows.get(spec.id)?.window === window) this.#windows.delete(spec.id);
    });
    if (this.#options.kiosk()) this.#kiosk(window, spec, true);
    this.#follow(window);
    void window.loadURL(pageFor(this.#options.page, spec.id));
  }

  /** Closes a window the core forgot already. */
  close(id: string): void {
    const entry = this.#windows.get(id);
    this.#windows.delete(id);
    if (entry && !entry.window.isDestroyed()) entry.window.close();
  }

  /** Closes every wall window, to come back at the next start (the main window closed). */
  closeAll(): void {
    const all = [...this.#windows.values()];
    this.#windows.clear();
    for (const { window } of all) if (!window.isDestroyed()) window.close();
  }

  /** Kiosk on or off in every wall window, each covering its own display. */
  setKiosk(on: boolean): void {
    for (const { window, spec } of this.#windows.values()) if (!window.isDestroyed()) this.#kiosk(window, spec, on);
  }

  /** Whether a frame is the top-level page of one of the wall windows. */
  isTrusted(frame: WebFrameMain | null): boolean {
    if (frame === null || exactOrigin(frame.url) !== this.#options.page.origin) return false;
    return [...this.#windows.values()].some(({ window }) => !window.isDestroyed() && window.webContents.mainFrame === frame);
  }

  /** How many wall windows are open (tests, and the quit). */
  get size(): number {
    return this.#windows.size;
  }

  #kiosk(window: BrowserWindow, spec: WallWindow, on: boolean): void {
    const display = screen.getAllDisplays().find((d) => d.id === spec.displayId);
    if (on && display) window.setBounds(display.bounds);
    window.setKiosk(on);
  }

  #follow(window: BrowserWindow): void {
    if (this.#forward === null || window.isDestroyed()) return;
    const forwarding = this.#forward(window.webContents);
    window.on('closed', () => forwarding.dispose());
  }
}

/** The page with the window's id in its address, so it knows which window it is. */
export function pageFor(page: PageSource, id: string): string {
  const url = new URL(page.url);
  url.searchParams.set('wall', id);
  return url.href;
}

/**
 * Where a wall window opens: where it was when that still lies on a connected display, else on
 * its display's work area, else (a display unplugged, or none chosen) where the system puts it.
 */
function placeOf(spec: WallWindow): Rectangle | null {
  const displays = screen.getAllDisplays();
  if (spec.bounds && displays.some((d) => intersects(d.workArea, spec.bounds as Rectangle))) return spec.bounds;
  return displays.find((d) => d.id === spec.displayId)?.workArea ?? null;
}

function intersects(a: Rectangle, b: Rectangle): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
