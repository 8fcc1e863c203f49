import { describe, expect, it } from 'vitest';
import { isWatched, watchedBy } from '../../../src/renderer/src/lib/state/watch';
import { checkWebhookUrl } from '../../../src/renderer/src/lib/state/webhook-url';

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
