import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

let handler: ((request: { url: string }) => Promise<Response>) | null = null;
const fetched: string[] = [];
vi.mock('electron', () => ({
  protocol: { handle: (_scheme: string, fn: typeof handler) => (handler = fn), registerSchemesAsPrivileged: vi.fn() },
  net: { fetch: async (url: string) => (fetched.push(url), new Response('bytes')) },
}));

const { handleAssetProtocol, assetSrc } = await import('../../../src/main/platform/asset-protocol');
const { AssetStore } = await import('../../../src/main/core/assets/asset-store');

describe('the wall-asset: protocol', () => {
  it('serves cached pictures and nothing else from disk', async () => {
    const store = new AssetStore(mkdtempSync(join(tmpdir(), 'wall-protocol-')));
    const name = await store.put(Buffer.from('picture'), 'jpg');
    handleAssetProtocol(store);
    const ok = await handler?.({ url: assetSrc(name) });
    expect(ok?.status).toBe(200);
    expect(fetched).toEqual([pathToFileURL(join(store.dir, name)).toString()]);
    for (const url of ['wall-asset://cache/../settings.json', 'wall-asset://cache/%2e%2e%2fsettings.json', 'wall-asset://other/' + name, 'wall-asset://cache/etc/passwd']) {
      expect((await handler?.({ url }))?.status, url).toBe(404);
    }
    expect(fetched).toHaveLength(1);
  });
});
