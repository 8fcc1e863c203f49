import { describe, expect, it } from 'vitest';
import { checkApiBase } from '../../../src/shared/api-base';

const okUrl = (input: string): string | undefined => {
  const result = checkApiBase(input);
  return result.ok ? result.url : undefined;
};

describe('checkApiBase', () => {
  it('accepts https and normalises away trailing slashes', () => {
    expect(okUrl('https://bintu.nanocosmos.de')).toBe('https://bintu.nanocosmos.de');
    expect(okUrl('  https://bintu.nanocosmos.de/  ')).toBe('https://bintu.nanocosmos.de');
    expect(okUrl('https://BINTU.example.com:443/api/v1/')).toBe('https://bintu.example.com/api/v1');
    expect(okUrl('https://staging.example.com:8443')).toBe('https://staging.example.com:8443');
  });

  it('reads a bare host name as https', () => {
    expect(okUrl('bintu.nanocosmos.de')).toBe('https://bintu.nanocosmos.de');
  });

  it('allows plain http only for loopback', () => {
    expect(okUrl('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    expect(okUrl('http://localhost:8787/')).toBe('http://localhost:8787');
    expect(okUrl('http://[::1]:8787')).toBe('http://[::1]:8787');
    for (const bad of ['http://bintu.nanocosmos.de', 'http://10.0.0.5:8787', 'http://localhost.evil.com', 'http://127.0.0.1.nip.io']) {
      const result = checkApiBase(bad);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.message).toContain('https://');
    }
  });

  it('refuses credentials, queries and fragments in the URL', () => {
    for (const bad of [
      'https://user:pass@bintu.nanocosmos.de',
      'https://apikey@bintu.nanocosmos.de',
      'https://bintu.nanocosmos.de/?apikey=1',
      'https://bintu.nanocosmos.de/?',
      'https://bintu.nanocosmos.de/#x',
    ]) {
      expect(checkApiBase(bad).ok, bad).toBe(false);
    }
  });

  it('refuses other schemes and garbage with a message', () => {
    for (const bad of ['', '   ', 'ftp://bintu.nanocosmos.de', 'file:///etc', 'javascript:alert(1)', 'https://', 'https://exa mple.com', 'http:/localhost:8787', 'https:bintu.nanocosmos.de']) {
      const result = checkApiBase(bad);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
    }
  });
});
