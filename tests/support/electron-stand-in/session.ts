import type { StandInWebContents } from './web-contents';

// session.md "ses.setPermissionRequestHandler": the permission names Electron 45 documents
// (electron.d.ts lists the same union). A name outside it is a typo in a test.
export const PERMISSIONS = [
  'ar', 'automatic-fullscreen', 'background-fetch', 'background-sync', 'captured-surface-control', 'clipboard-read',
  'clipboard-sanitized-write', 'deprecated-sync-clipboard-read', 'display-capture', 'fileSystem', 'fullscreen', 'geolocation',
  'geolocation-approximate', 'hand-tracking', 'hid', 'idle-detection', 'keyboardLock', 'local-fonts', 'local-network',
  'local-network-access', 'loopback-network', 'media', 'mediaKeySystem', 'midi', 'midiSysex', 'nfc', 'notifications', 'openExternal',
  'payment-handler', 'periodic-background-sync', 'persistent-storage', 'pointerLock', 'screen-wake-lock', 'sensors', 'serial',
  'smart-card', 'speaker-selection', 'storage-access', 'system-wake-lock', 'top-level-storage-access', 'usb', 'vr',
  'web-app-installation', 'web-printing', 'window-management', 'unknown',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

type RequestHandler = (contents: StandInWebContents, permission: Permission, callback: (granted: boolean) => void, details: object) => void;
type CheckHandler = (contents: StandInWebContents | null, permission: Permission, origin: string, details: object) => boolean;

function known(permission: string): Permission {
  if (!(PERMISSIONS as readonly string[]).includes(permission)) throw new Error(`electron stand-in: '${permission}' is not a documented permission`);
  return permission as Permission;
}

/** A session's permission handling: its handlers are asked once per request, at request time. */
export class StandInSession {
  #request: RequestHandler | null = null;
  #check: CheckHandler | null = null;

  setPermissionRequestHandler(handler: RequestHandler | null): void {
    this.#request = handler;
  }

  setPermissionCheckHandler(handler: CheckHandler | null): void {
    this.#check = handler;
  }

  // tutorial/security.md, "Handle session permission requests from remote content": "By default,
  // Electron will automatically approve all permission requests unless the developer has manually
  // configured a custom handler."
  /** Test control: a page asks for a permission (e.g. `requestFullscreen()`); resolves with the answer. */
  request(contents: StandInWebContents, permission: string, requestingUrl: string, isMainFrame = true): Promise<boolean> {
    const name = known(permission);
    const handler = this.#request;
    if (handler === null) return Promise.resolve(true);
    return new Promise((resolve) => handler(contents, name, resolve, { requestingUrl, isMainFrame }));
  }

  /** Test control: a page checks a permission without asking; no handler means granted. */
  check(contents: StandInWebContents | null, permission: string, requestingOrigin: string): boolean {
    const handler = this.#check;
    if (handler === null) return true;
    return handler(contents, known(permission), requestingOrigin, { requestingUrl: requestingOrigin, isMainFrame: true });
  }
}
