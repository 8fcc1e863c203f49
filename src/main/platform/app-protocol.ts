import { net, protocol } from 'electron';
import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ASSET_SCHEME } from './asset-protocol';

/** The scheme the operator page is served from; its one host makes the exact origin `app://wall`. */
export const APP_SCHEME = 'app';
const APP_HOST = 'wall';
/** The operator page's origin when it comes from the built renderer. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Where the operator page comes from, and the one origin trusted to call main. */
export interface PageSource {
  url: string;
  origin: string;
}

/**
 * Registers `app:` (the page) and `wall-asset:` (cached pictures) as privileged. Electron takes one
 * call, before ready. Both are standard and secure, so each has an origin CSP can name; `app:`
 * also serves the page's module scripts, which need the fetch API and CORS for their requests.
 */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
    { scheme: ASSET_SCHEME, privileges: { standard: true, secure: true, stream: true } },
  ]);
}

/** The exact origin of a URL (scheme, host, port), custom schemes included; null when it has no host. */
export function exactOrigin(url: string): string | null {
  try {
    const parsed = new URL(url);
    // `URL.origin` is "null" for schemes Node does not know, such as app:, so build it ourselves.
    return parsed.host === '' ? null : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/**
 * The built renderer on `app://wall`, or the dev server when the app is not packaged: a packaged
 * app must never load its page from wherever an environment variable points.
 */
export function pageSource(isPackaged: boolean, devUrl: string | undefined): PageSource {
  const devOrigin = !isPackaged && devUrl ? exactOrigin(devUrl) : null;
  if (devUrl && devOrigin && /^https?:$/.test(new URL(devUrl).protocol)) return { url: devUrl, origin: devOrigin };
  return { url: `${APP_ORIGIN}/index.html`, origin: APP_ORIGIN };
}

/** The file inside `root` an `app://wall/...` URL names, or null for another host or a path outside it. */
export function pageFile(root: string, url: string): string | null {
  let path: string;
  try {
    const parsed = new URL(url);
    if (parsed.host !== APP_HOST) return null;
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
  const inside = relative(root, file);
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? null : file;
}

/** Serves the built renderer folder on `app://wall/`; anything else is a 404. */
export function handleAppProtocol(rendererDir: string): void {
  const root = resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const file = request.method === 'GET' || request.method === 'HEAD' ? pageFile(root, request.url) : null;
    if (file === null || !(await stat(file).catch(() => null))?.isFile()) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
}
