import { app, type WebContents } from 'electron';
import { exactOrigin } from './app-protocol';
import type { ExternalLinks } from './external-links';

/** What a web contents may do: by default nothing; a replay window may stay on its own origin. */
export type Allowance = { kind: 'replay'; origin: string };

interface NavigationDetails {
  url: string;
  isMainFrame: boolean;
  preventDefault(): void;
}

/**
 * The one navigation guard for every web contents the app creates. Electron announces a new web
 * contents while its window is being constructed, before the window's own code runs, so the guard
 * attaches first and reads each window's allowance when a navigation happens: the allowance a
 * replay window is given right after construction is the one that counts.
 */
export class NavigationGuard {
  readonly #allowances = new WeakMap<WebContents, Allowance>();

  constructor(private readonly links: ExternalLinks) {}

  /** Attaches the guard to every web contents from now on; call before any window exists. */
  install(): void {
    app.on('web-contents-created', (_event, contents) => this.#attach(contents));
  }

  /** Lets a replay window's frames move within `origin`. */
  allow(contents: WebContents, allowance: Allowance): void {
    this.#allowances.set(contents, allowance);
  }

  /** The origin a replay window is held to; null for any other web contents. */
  replayOrigin(contents: WebContents | null): string | null {
    return contents ? (this.#allowances.get(contents)?.origin ?? null) : null;
  }

  #attach(contents: WebContents): void {
    // Electron emits will-frame-navigate first (every frame) and, only if nobody prevented it,
    // will-navigate (main frame); will-redirect for server redirects. Each reads `details.url`.
    contents.on('will-frame-navigate', (details) => this.#check(contents, details, true));
    contents.on('will-navigate', (details) => this.#check(contents, details, false));
    contents.on('will-redirect', (details) => this.#check(contents, details, false));
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url, disposition }) => {
      // A link the operator did not bring to the front (a background tab) is not offered.
      if (this.replayOrigin(contents) !== null && disposition !== 'background-tab') this.links.offer(contents, url);
      return { action: 'deny' };
    });
  }

  #check(contents: WebContents, details: NavigationDetails, offer: boolean): void {
    const allowed = this.replayOrigin(contents);
    if (allowed !== null && exactOrigin(details.url) === allowed) return;
    details.preventDefault();
    // From a replay page, a link elsewhere may go to the system browser (see ExternalLinks).
    if (offer && allowed !== null && details.isMainFrame) this.links.offer(contents, details.url);
  }
}
