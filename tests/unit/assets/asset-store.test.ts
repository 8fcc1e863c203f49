import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssetStore } from '../../../src/main/core/assets/asset-store';

describe('the asset store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wall-assets-'));
  const store = new AssetStore(dir);

  it('stores content once under its hash and resolves it', async () => {
    const a = await store.put(Buffer.from('picture one'), 'jpg');
    const b = await store.put(Buffer.from('picture one'), 'jpg');
    expect(a).toBe(b);
    expect(a).toMatch(/^[a-f0-9]{64}\.jpg$/);
    expect(store.resolve(a)).toBe(join(dir, 'assets', a));
  });

  it('resolves nothing outside the cache: traversal, absolute paths, other files', () => {
    writeFileSync(join(dir, 'settings.json'), '{}');
    mkdirSync(join(dir, 'assets'), { recursive: true });
    for (const name of ['../settings.json', '/etc/passwd', 'settings.json', '..%2fsettings.json', `${'a'.repeat(64)}.jpg`, `${'a'.repeat(64)}.exe`]) {
      expect(store.resolve(name), name).toBeNull();
    }
  });
});
