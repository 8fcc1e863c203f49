import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetElectron, type ElectronWorld } from '../../support/electron-stand-in';

vi.mock('electron', () => import('../../support/electron-stand-in').then((m) => m.electronModule));

const { handleAssetProtocol, assetSrc } = await import('../../../src/main/platform/asset-protocol');
const { handleAppProtocol, pageFile } = await import('../../../src/main/platform/app-protocol');
const { AssetStore } = await import('../../../src/main/core/assets/asset-store');

describe('the app: and wall-asset: protocols', () => {
  let world: ElectronWorld;
  beforeEach(async () => {
    world = resetElectron();
    await world.ready();
  });

  it('wall-asset: serves cached pictures and nothing else from disk', async () => {
    const store = new AssetStore(mkdtempSync(join(tmpdir(), 'wall-protocol-')));
    const name = await store.put(Buffer.from('picture'), 'jpg');
    handleAssetProtocol(store);
    const ok = await world.protocol.fetch(assetSrc(name));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('picture');
    for (const url of ['wall-asset://cache/../settings.json', 'wall-asset://cache/%2e%2e%2fsettings.json', `wall-asset://other/${name}`, 'wall-asset://cache/etc/passwd']) {
      expect((await world.protocol.fetch(url)).status, url).toBe(404);
    }
  });

  it('app: serves the renderer folder and refuses anything outside it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'wall-out-'));
    mkdirSync(join(out, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(out, 'renderer', 'index.html'), '<!doctype html><p>wall</p>');
    writeFileSync(join(out, 'renderer', 'assets', 'index.js'), 'export {};');
    writeFileSync(join(out, 'secret.json'), '{"key":"do not serve"}');
    handleAppProtocol(join(out, 'renderer'));
    expect(await (await world.protocol.fetch('app://wall/')).text()).toContain('wall');
    const script = await world.protocol.fetch('app://wall/assets/index.js');
    expect(script.headers.get('content-type')).toBe('text/javascript');
    const refused = [
      'app://wall/../secret.json',
      'app://wall/%2e%2e/secret.json',
      'app://wall/..%2fsecret.json',
      'app://wall/assets/..%2f..%2fsecret.json',
      'app://wall/..%5csecret.json',
      'app://wall/%00index.html',
      'app://wall/%E0%A4%A',
      'app://other/index.html',
      'app://wall/missing.js',
      'app://wall/assets',
    ];
    for (const url of refused) expect((await world.protocol.fetch(url)).status, url).toBe(404);
    expect((await world.protocol.fetch('app://wall/index.html', { method: 'POST', body: 'x' })).status).toBe(404);
    expect(pageFile(join(out, 'renderer'), 'app://wall/assets/index.js')).toBe(join(out, 'renderer', 'assets', 'index.js'));
  });
});
