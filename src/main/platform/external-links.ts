import { BrowserWindow, dialog, shell, type WebContents } from 'electron';

/** The https form of a URL, or null for anything else (http, file:, custom schemes, junk). */
function httpsUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * Sends links from replay pages to the system browser: https only, only from the window the
 * operator is looking at, and only after the operator agrees, one question at a time. A page the
 * operator said no to does not get to ask again, so a page cannot flood the desktop with tabs.
 */
export class ExternalLinks {
  #asking = false;
  readonly #refused = new WeakSet<WebContents>();

  /** Offers to open `url` from `contents`; does nothing unless every condition above holds. */
  offer(contents: WebContents, url: string): void {
    const target = httpsUrl(url);
    if (target === null || this.#asking || this.#refused.has(contents)) return;
    const window = BrowserWindow.fromWebContents(contents);
    if (!window || !window.isVisible() || !window.isFocused()) return;
    this.#asking = true;
    void dialog
      .showMessageBox(window, {
        type: 'question',
        buttons: ['Open in browser', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        message: 'Open this link in your web browser?',
        detail: target,
      })
      .then(({ response }) => {
        if (response !== 0) return void this.#refused.add(contents);
        // The operator confirmed this exact https URL in the dialog above.
        return shell.openExternal(target); // eng-disable OPEN_EXTERNAL_JS_CHECK
      })
      .catch(() => undefined)
      .finally(() => (this.#asking = false));
  }
}
