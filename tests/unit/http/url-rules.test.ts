import { describe, expect, it } from 'vitest';
import { classifyAddress } from '../../../src/main/core/http/address-class';
import { UrlRules, type Resolver } from '../../../src/main/core/http/url-rules';

const names: Record<string, string> = { 'cdn.test': '203.0.113.10', 'sneaky.test': '127.0.0.1', 'bintu.office.test': '10.1.2.3', 'meta.test': '169.254.169.254' };
const resolve: Resolver = async (hostname) => {
  const address = names[hostname];
  if (address === undefined) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
  return [{ address, family: 4 }];
};

describe('address classes', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['127.9.9.9', 'loopback'], ['0.0.0.0', 'loopback'], ['::1', 'loopback'], ['[::1]', 'loopback'], ['::', 'loopback'],
    ['10.0.0.1', 'private'], ['172.16.0.1', 'private'], ['172.31.255.255', 'private'], ['192.168.1.1', 'private'], ['100.64.0.1', 'private'], ['fd00::1', 'private'],
    ['169.254.169.254', 'link-local'], ['fe80::1%eth0', 'link-local'],
    ['::ffff:127.0.0.1', 'loopback'], ['::ffff:7f00:1', 'loopback'], ['::ffff:10.0.0.1', 'private'], ['64:ff9b::a00:1', 'private'], ['2002:7f00:1::', 'loopback'],
    ['224.0.0.1', 'reserved'], ['255.255.255.255', 'reserved'], ['ff02::1', 'reserved'], ['not an address', 'reserved'],
    ['8.8.8.8', 'public'], ['172.32.0.1', 'public'], ['2a00:1450::1', 'public'],
  ])('%s is %s', (address, cls) => {
    expect(classifyAddress(address)).toBe(cls);
  });
});

describe('URL rules', () => {
  const publicApi = new UrlRules('https://bintu.nanocosmos.de', { apiClass: 'public', resolve });
  const loopbackApi = new UrlRules('http://127.0.0.1:8787', { resolve });
  const privateApi = new UrlRules('https://bintu.office.test', { resolve });

  it('with a public API base: https only, no loopback, private or link-local literal', async () => {
    await expect(publicApi.check('https://cdn.test/vod/thumbnails/a.jpg', 'asset')).resolves.toBeInstanceOf(URL);
    for (const url of ['http://cdn.test/a.jpg', 'http://127.0.0.1:9/admin', 'https://127.0.0.1/admin', 'https://[::1]/x', 'https://2130706433/x', 'https://0x7f.1/x', 'https://10.0.0.5/x', 'https://169.254.169.254/latest', 'https://localhost/x', 'file:///etc/passwd', 'javascript:alert(1)']) {
      await expect(publicApi.check(url, 'asset'), url).rejects.toMatchObject({ code: 'invalid-input' });
    }
  });

  it('says what was refused and why, in words', async () => {
    await expect(publicApi.check('http://cdn.test/vod/a.mp4', 'recording')).rejects.toThrow(/recording at cdn\.test uses plain http/);
    await expect(publicApi.check('https://10.0.0.5/a.jpg', 'asset')).rejects.toThrow(/picture at 10\.0\.0\.5 points to a private network address/);
  });

  it('a name is judged by the address it resolves to, through the lookup the sockets use', async () => {
    await expect(publicApi.checkResolved('https://sneaky.test/x', 'replay')).rejects.toThrow(/this computer/);
    await expect(publicApi.checkResolved('https://meta.test/x', 'replay')).rejects.toThrow(/link-local/);
    await expect(publicApi.checkResolved('https://cdn.test/x', 'replay')).resolves.toBeInstanceOf(URL);
    expect(publicApi.allowsAddress('127.0.0.1', 'https:')).toBe(false);
    expect(publicApi.allowsAddress('203.0.113.10', 'https:')).toBe(true);
  });

  it('with a loopback API base (the simulator): loopback is fine, even over http; private is not', async () => {
    await expect(loopbackApi.check('http://127.0.0.1:9000/vod/a.jpg', 'asset')).resolves.toBeInstanceOf(URL);
    await expect(loopbackApi.check('http://localhost:9000/vod/a.jpg', 'asset')).resolves.toBeInstanceOf(URL);
    await expect(loopbackApi.check('https://10.0.0.5/a.jpg', 'asset')).rejects.toThrow(/private/);
    expect(loopbackApi.allowsAddress('127.0.0.1', 'http:')).toBe(true);
    // Plain http leaves this computer never, whatever a name resolves to.
    expect(loopbackApi.allowsAddress('203.0.113.10', 'http:')).toBe(false);
  });

  it('an API base on a private network (on premises, by name) allows that class and no other', async () => {
    expect(await privateApi.apiClass()).toBe('private');
    await expect(privateApi.check('https://10.9.9.9/a.jpg', 'asset')).resolves.toBeInstanceOf(URL);
    await expect(privateApi.check('https://127.0.0.1/a.jpg', 'asset')).rejects.toThrow(/this computer/);
    await expect(privateApi.check('http://10.9.9.9/a.jpg', 'asset')).rejects.toThrow(/plain http/);
  });
});
