import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import { currentWorld } from './current';
import { makeEvent } from './events';
import type { StandInBrowserWindow } from './browser-window';

/** A frame of a page: the main frame, or one subframe per page for navigation tests. */
export interface StandInFrame {
  url: string;
  readonly parent: StandInFrame | null;
}

type OpenAction = { action: 'allow' | 'deny' };
type OpenHandler = (details: { url: string; frameName: string; features: string; disposition: string }) => OpenAction;

let nextId = 1;

/** Electron's `webContents` of one window, with test controls for what a page can do. */
export class StandInWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame: StandInFrame = { url: '', parent: null };
  readonly subframe: StandInFrame = { url: '', parent: this.mainFrame };
  /** Every URL handed to `loadURL`/`loadFile`, in order. */
  readonly loaded: string[] = [];
  /** Every message sent to the page with `send`. */
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  #openHandler: OpenHandler | null = null;
  #destroyed = false;

  constructor(readonly owner: StandInBrowserWindow) {
    super();
    // app.md "web-contents-created": "Emitted when a new webContents is created". Electron emits it
    // from the WebContents' own initialisation (lib/browser/api/web-contents.ts, `_init`), which runs
    // inside `new BrowserWindow(...)`: listeners see the contents before the constructor returns.
    currentWorld().app.emit('web-contents-created', makeEvent({}), this);
  }

  get session() {
    return currentWorld().defaultSession;
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  /** Called by the window when it is destroyed. */
  destroy(): void {
    this.#destroyed = true;
    this.emit('destroyed');
  }

  setWindowOpenHandler(handler: OpenHandler): void {
    this.#openHandler = handler;
  }

  loadURL(url: string): Promise<void> {
    this.#live();
    this.loaded.push(url);
    this.mainFrame.url = url;
    return Promise.resolve();
  }

  loadFile(path: string): Promise<void> {
    return this.loadURL(pathToFileURL(path).toString());
  }

  send(channel: string, payload: unknown): void {
    this.#live();
    this.sent.push({ channel, payload });
  }

  // web-contents.md "will-frame-navigate"/"will-navigate": emitted when "a user or the page wants to
  // start navigation"; "Calling event.preventDefault() will prevent the navigation." Order as in
  // shell/browser/electron_navigation_throttle.cc (WillStartRequest): will-frame-navigate first, and
  // only if nobody prevented it, will-navigate for the main frame. Electron 45 still passes the
  // deprecated positional arguments of will-navigate (url, isInPlace, ...); the stand-in withholds
  // them, so code that reads them instead of `details.url` fails here first.
  /** Test control: the page starts a navigation (a link, `location = ...`); true when it went ahead. */
  navigate(url: string, { mainFrame = true }: { mainFrame?: boolean } = {}): boolean {
    this.#live();
    const frame = mainFrame ? this.mainFrame : this.subframe;
    const details = { url, isMainFrame: mainFrame, isSameDocument: false, frame, initiator: frame };
    const frameEvent = makeEvent(details);
    this.emit('will-frame-navigate', frameEvent);
    if (frameEvent.defaultPrevented) return false;
    if (mainFrame) {
      const event = makeEvent(details);
      this.emit('will-navigate', event);
      if (event.defaultPrevented) return false;
    }
    frame.url = url;
    return true;
  }

  // web-contents.md "will-redirect": "Emitted when a server side redirect occurs during navigation
  // ... Calling event.preventDefault() will prevent the navigation (not just the redirect)."
  /** Test control: the server answers a navigation with a redirect to `url`; true when it went ahead. */
  redirect(url: string, { mainFrame = true }: { mainFrame?: boolean } = {}): boolean {
    this.#live();
    const frame = mainFrame ? this.mainFrame : this.subframe;
    const event = makeEvent({ url, isMainFrame: mainFrame, isSameDocument: false, frame, initiator: null });
    this.emit('will-redirect', event);
    if (event.defaultPrevented) return false;
    frame.url = url;
    return true;
  }

  // web-contents.md "contents.setWindowOpenHandler": without a handler Electron opens the window.
  /** Test control: `window.open(url)` or a `target=_blank` link; what the window-open handler decided. */
  openWindow(url: string, disposition = 'foreground-tab'): 'allow' | 'deny' {
    this.#live();
    if (this.#openHandler === null) return 'allow';
    return this.#openHandler({ url, frameName: '', features: '', disposition }).action;
  }

  /** Test control: the page asks for a permission, from its main frame's URL unless told otherwise. */
  requestPermission(permission: string, requestingUrl = this.mainFrame.url): Promise<boolean> {
    return this.session.request(this, permission, requestingUrl);
  }

  /** Test control: the page checks a permission (no prompt), from its main frame's origin. */
  checkPermission(permission: string, requestingOrigin = new URL(this.mainFrame.url).origin): boolean {
    return this.session.check(this, permission, requestingOrigin);
  }

  #live(): void {
    // Electron throws for any call on a destroyed webContents.
    if (this.#destroyed) throw new TypeError('Object has been destroyed');
  }
}
