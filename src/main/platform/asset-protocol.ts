import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import type { AssetStore } from '../core/assets/asset-store';

/** The scheme the page loads cached pictures from. */
export const ASSET_SCHEME = 'wall-asset';

/** The page's address for a cached file. */
export function assetSrc(name: string): string {
  return `${ASSET_SCHEME}://cache/${name}`;
}

/** Must run before the app is ready: the scheme is standard and secure so CSP can name it. */
export function registerAssetScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: ASSET_SCHEME, privileges: { standard: true, secure: true, stream: true } }]);
}

/** Serves only names the asset store resolves inside the cache folder; everything else is a 404. */
export function handleAssetProtocol(store: AssetStore): void {
  protocol.handle(ASSET_SCHEME, async (request) => {
    const url = new URL(request.url);
    const path = url.host === 'cache' ? store.resolve(url.pathname.replace(/^\//, '')) : null;
    if (!path) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(path).toString());
  });
}
