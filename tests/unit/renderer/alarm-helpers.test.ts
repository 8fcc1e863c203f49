import { describe, expect, it } from 'vitest';
import { evidenceSrc } from '../../../src/renderer/src/lib/state/evidence-src';
import { isWatched, watchedBy } from '../../../src/renderer/src/lib/state/watch';
import { checkWebhookUrl } from '../../../src/renderer/src/lib/state/webhook-url';
import { asset, tile, variant } from './tile-fixtures';

const name = (c: string) => `${c.repeat(64)}.jpg`;

describe('evidence pictures', () => {
  const app = tile('s1', { variants: [variant(0, { thumbnail: asset(`wall-asset://cache/${name('a')}`) })] });
  const harness = tile('s2', { variants: [variant(0, { thumbnail: asset(`http://127.0.0.1:4000/wall-asset/${name('b')}`) })] });

  it('are addressed like the tiles, in the app and in the harness', () => {
    expect(evidenceSrc(name('c'), [app], 's1')).toBe(`wall-asset://cache/${name('c')}`);
    expect(evidenceSrc(name('c'), [harness], 's2')).toBe(`http://127.0.0.1:4000/wall-asset/${name('c')}`);
  });

  it('learn the address from another tile when their own stream has no picture', () => {
    expect(evidenceSrc(name('d'), [tile('empty'), harness], 'empty')).toBe(`http://127.0.0.1:4000/wall-asset/${name('d')}`);
  });

  it('have no address without a name, with a name that is not an asset, or with no picture on the wall', () => {
    expect(evidenceSrc(null, [app], 's1')).toBeNull();
    expect(evidenceSrc('../secret.jpg', [app], 's1')).toBeNull();
    expect(evidenceSrc(name('e'), [tile('x')], 'x')).toBeNull();
  });
});

describe('watching', () => {
  const list = { streamIds: ['s1'], tags: ['casino'] };

  it('says whether a stream is watched by itself or through a tag', () => {
    expect(watchedBy('s1', [], list)).toEqual({ byId: true, tag: null });
    expect(watchedBy('s2', ['lobby', 'casino'], list)).toEqual({ byId: false, tag: 'casino' });
    expect(isWatched(watchedBy('s3', ['lobby'], list))).toBe(false);
    expect(isWatched(watchedBy('s1', [], null))).toBe(false);
  });
});

describe('the webhook address', () => {
  it('accepts https anywhere, http only to this computer, and empty for none', () => {
    expect(checkWebhookUrl('  ')).toEqual({ ok: true, value: null });
    expect(checkWebhookUrl('https://hooks.example.com/alarms')).toEqual({ ok: true, value: 'https://hooks.example.com/alarms' });
    for (const local of ['http://127.0.0.1:9000/hook', 'http://localhost/hook', 'http://[::1]:8080/']) expect(checkWebhookUrl(local).ok).toBe(true);
  });

  it('refuses http to another host, other schemes, credentials in the address and garbage', () => {
    for (const bad of ['http://hooks.example.com/', 'http://10.0.0.1/', 'ftp://example.com/', 'https://user:pw@example.com/', 'hooks.example.com', 'javascript:alert(1)']) {
      expect(checkWebhookUrl(bad), bad).toEqual({ ok: false });
    }
  });
});
