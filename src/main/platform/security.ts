import { app, session, type Session, type WebContents, type WebPreferences } from 'electron';
import { exactOrigin } from './app-protocol';
import type { NavigationGuard } from './navigation-guard';

/** Window options for every window: isolated, sandboxed, no Node in the page. */
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
    // A middle click opens nothing: new windows are refused anyway, this stops the attempt early.
    disableBlinkFeatures: 'Auxclick',
  };
}

/**
 * Denies every permission (camera, notifications, geolocation, ...) to every page, except
 * fullscreen for a replay page on its own origin: the player's fullscreen button needs it, and a
 * denied `requestFullscreen()` never settles.
 */
export function hardenSessions(guard: NavigationGuard): void {
  const allowed = (contents: WebContents | null, permission: string, requestingUrl: string): boolean => {
    const origin = guard.replayOrigin(contents);
    return permission === 'fullscreen' && origin !== null && exactOrigin(requestingUrl) === origin;
  };
  const harden = (s: Session): void => {
    s.setPermissionRequestHandler((contents, permission, callback, details) => callback(allowed(contents, permission, details.requestingUrl)));
    s.setPermissionCheckHandler((contents, permission, requestingOrigin) => allowed(contents, permission, requestingOrigin));
  };
  harden(session.defaultSession);
  app.on('session-created', harden);
}
