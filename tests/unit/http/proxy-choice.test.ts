import { describe, expect, it } from 'vitest';
import { envProxyRoute, envProxySecrets } from '../../../src/main/core/http/env-proxy';
import { proxyResolver } from '../../../src/main/core/http/proxy-choice';
import { describeProxy, parsePacAnswer, type ProxyRoute } from '../../../src/main/core/http/proxy-route';
import { parseProxyUrl } from '../../../src/shared/proxy-url';

const u = (text: string): URL => new URL(text);
const where = (route: ProxyRoute): string => (route.kind === 'direct' ? 'direct' : describeProxy(route.proxy));

describe("Chromium's proxy answers", () => {
  it('takes the first usable entry, skips SOCKS, and falls back to direct', () => {
    expect(where(parsePacAnswer('PROXY proxy.corp:3128; DIRECT'))).toBe('http://proxy.corp:3128');
    expect(where(parsePacAnswer('HTTPS secure.corp:443'))).toBe('https://secure.corp:443');
    expect(where(parsePacAnswer('SOCKS5 socks.corp:1080; PROXY p:8080'))).toBe('http://p:8080');
    expect(where(parsePacAnswer('SOCKS5 socks.corp:1080'))).toBe('direct');
    expect(where(parsePacAnswer('DIRECT'))).toBe('direct');
    expect(where(parsePacAnswer(''))).toBe('direct');
  });
});

describe('proxy addresses typed by an operator or a policy', () => {
  it('accepts host:port with or without a scheme and refuses a sign-in in the address', () => {
    expect(parseProxyUrl('proxy.corp:3128')).toEqual({ protocol: 'http:', host: 'proxy.corp', port: 3128 });
    expect(parseProxyUrl('https://[::1]:8443')).toEqual({ protocol: 'https:', host: '::1', port: 8443 });
    expect(parseProxyUrl('http://user:pw@proxy.corp:3128')).toBeNull();
    expect(parseProxyUrl('socks5://proxy.corp:1080')).toBeNull();
    expect(parseProxyUrl('http://proxy.corp:3128/path')).toBeNull();
    expect(parseProxyUrl('')).toBeNull();
  });
});

describe('the environment of the CLI', () => {
  const env = { HTTPS_PROXY: 'http://wall:s3cr%40t@proxy.corp:3128', http_proxy: 'plain.corp:8080', NO_PROXY: 'internal.corp,.lan,*.example.org,10.1.2.3,host:8443' };

  it('picks the variable for the scheme, with its sign-in, and honours NO_PROXY', () => {
    const route = envProxyRoute(u('https://bintu.nanocosmos.de/api'), env);
    expect(route).toEqual({ kind: 'proxy', proxy: { protocol: 'http:', host: 'proxy.corp', port: 3128, credentials: { username: 'wall', password: 's3cr@t' } } });
    expect(where(envProxyRoute(u('http://cdn.example/x'), env))).toBe('http://plain.corp:8080');
    for (const bypass of ['https://internal.corp/', 'https://a.internal.corp/', 'https://box.lan/', 'https://lan/', 'https://a.example.org/', 'https://10.1.2.3/', 'https://host:8443/']) {
      expect(where(envProxyRoute(u(bypass), env)), bypass).toBe('direct');
    }
    expect(where(envProxyRoute(u('https://host:443/'), env))).toBe('http://proxy.corp:3128');
    expect(where(envProxyRoute(u('https://x/'), { ...env, no_proxy: '*' }))).toBe('direct');
    expect(where(envProxyRoute(u('https://x/'), {}))).toBe('direct');
  });

  it('names the sign-in in every form a line could show, for redaction', () => {
    const secrets = envProxySecrets(env);
    expect(secrets).toContain('s3cr@t');
    expect(secrets).toContain('s3cr%40t');
    expect(secrets).toContain(Buffer.from('wall:s3cr@t').toString('base64'));
  });
});

describe('the route of a request', () => {
  const system = async (url: URL): Promise<ProxyRoute> => parsePacAnswer(url.hostname.endsWith('.corp') ? 'DIRECT' : 'PROXY pac.corp:8080');

  it('always reaches this computer directly (the demo, a local simulator)', async () => {
    const resolve = proxyResolver({ setting: { mode: 'manual', url: 'proxy.corp:3128' }, system, signIn: null });
    for (const local of ['http://127.0.0.1:5000/', 'http://localhost:5000/', 'http://[::1]:5000/', 'http://wall.localhost/']) {
      expect(where(await resolve(u(local))), local).toBe('direct');
    }
  });

  it('follows the mode: the system, none, or the proxy given with the keychain sign-in', async () => {
    const viaSystem = proxyResolver({ setting: { mode: 'system', url: '' }, system, signIn: null });
    expect(where(await viaSystem(u('https://bintu.nanocosmos.de/')))).toBe('http://pac.corp:8080');
    expect(where(await viaSystem(u('https://intranet.corp/')))).toBe('direct');
    const none = proxyResolver({ setting: { mode: 'direct', url: 'proxy.corp:3128' }, system, signIn: null });
    expect(where(await none(u('https://bintu.nanocosmos.de/')))).toBe('direct');
    const manual = proxyResolver({ setting: { mode: 'manual', url: 'proxy.corp:3128' }, system, signIn: { username: 'wall', password: 'pw' } });
    expect(await manual(u('https://bintu.nanocosmos.de/'))).toEqual({
      kind: 'proxy',
      proxy: { protocol: 'http:', host: 'proxy.corp', port: 3128, credentials: { username: 'wall', password: 'pw' } },
    });
  });

  it('asks the system once per origin for 30 s, and again after', async () => {
    let asked = 0;
    let now = 0;
    const counting = async (url: URL): Promise<ProxyRoute> => (asked++, system(url));
    const resolve = proxyResolver({ setting: { mode: 'system', url: '' }, system: counting, signIn: null }, () => now);
    await resolve(u('https://bintu.nanocosmos.de/a'));
    await resolve(u('https://bintu.nanocosmos.de/b'));
    expect(asked).toBe(1);
    now = 31_000;
    await resolve(u('https://bintu.nanocosmos.de/c'));
    expect(asked).toBe(2);
  });

  it('goes direct when the system cannot answer', async () => {
    const resolve = proxyResolver({ setting: { mode: 'system', url: '' }, system: () => Promise.reject(new Error('no')), signIn: null });
    expect(where(await resolve(u('https://bintu.nanocosmos.de/')))).toBe('direct');
  });
});
