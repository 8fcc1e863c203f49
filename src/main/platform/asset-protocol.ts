import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import type { AssetStore } from '../core/assets/asset-store';

/** The scheme the page loads cached pictures from (registered with the page's in `app-protocol.ts`). */
export const ASSET_SCHEME = 'wall-asset';

/** The page's address for a cached file. */
export function assetSrc(name: string): string {
  return `${ASSET_SCHEME}://cache/${name}`;
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
