import { app, session, shell, type WebContents, type WebPreferences } from 'electron';
import { originOf } from '../core/http/url-parts';

/** Window options for the operator window: isolated, sandboxed, no Node in the page. */
export function secureWebPreferences(preload: string | null): WebPreferences {
  return {
    ...(preload ? { preload } : {}),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** Denies every permission request (camera, notifications from pages, geolocation, ...). */
export function hardenSessions(): void {
  const deny = (s: Electron.Session): void => {
    s.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    s.setPermissionCheckHandler(() => false);
  };
  deny(session.defaultSession);
  app.on('session-created', deny);
  app.on('web-contents-created', (_event, contents) => lockNavigation(contents, null));
}

/**
 * Denies navigation and new windows. `allowedOrigin` lets a replay window move within the replay
 * host it was opened for; https links elsewhere open in the system browser.
 */
export function lockNavigation(contents: WebContents, allowedOrigin: string | null): void {
  contents.on('will-navigate', (event, url) => {
    if (allowedOrigin !== null && originOf(url) === allowedOrigin) return;
    event.preventDefault();
    // From a replay page, a link elsewhere goes to the system browser, and only over https.
    if (allowedOrigin !== null && url.startsWith('https://')) void shell.openExternal(url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (allowedOrigin !== null && url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
}
