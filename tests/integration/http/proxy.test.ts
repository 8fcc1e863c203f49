import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/main/core/http/http-client';
import type { ProxyAddress, ProxyRoute } from '../../../src/main/core/http/proxy-route';
import { UrlRules } from '../../../src/main/core/http/url-rules';
import { startTestProxy, type TestProxy } from '../../support/test-proxy';

const TLS_DIR = join(import.meta.dirname, '../../fixtures/tls');
const CA = readFileSync(join(TLS_DIR, 'test-host.crt'));
const KEY = readFileSync(join(TLS_DIR, 'test-host.key'));
const SECRET = 'key-9f3c1e77-never-for-the-proxy';
const PASSWORD = 'pr0xy-pa55-never-in-a-message';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A target on loopback (https with the fixture certificate, or plain) answering with an ETag, 304 when it matches. */
async function startTarget(secure: boolean, delayMs = 0): Promise<{ port: number; seen: http.IncomingHttpHeaders[] }> {
  const seen: http.IncomingHttpHeaders[] = [];
  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    seen.push(req.headers);
    setTimeout(() => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' }).end();
        return;
      }
      res.writeHead(200, { etag: '"v1"', 'content-type': 'application/json', 'content-length': '16' }).end('{"streams":"ok"}');
    }, delayMs);
  };
  const server = secure ? https.createServer({ key: KEY, cert: CA }, handler) : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  return { port: (server.address() as AddressInfo).port, seen };
}

async function proxy(options: Partial<Parameters<typeof startTestProxy>[0]> = {}): Promise<TestProxy> {
  const started = await startTestProxy({ hosts: { 'bintu.test': '127.0.0.1', 'assets.test': '127.0.0.1' }, ...options });
  cleanups.push(() => started.close());
  return started;
}

function through(address: ProxyAddress): () => Promise<ProxyRoute> {
  return async () => ({ kind: 'proxy', proxy: address });
}

function client(route: () => Promise<ProxyRoute>, maxSocketsPerHost = 6): HttpClient {
  const made = new HttpClient({ proxy: route, tls: { ca: CA }, maxSocketsPerHost, timeoutMs: 5_000 });
  cleanups.push(() => made.dispose());
  return made;
}

const at = (p: TestProxy, credentials?: { username: string; password: string }): ProxyAddress => ({
  protocol: 'http:',
  host: '127.0.0.1',
  port: p.port,
  ...(credentials !== undefined && { credentials }),
});

describe('https through a CONNECT tunnel', () => {
  it('reaches the host, keeps the tunnel alive, sends conditional requests, counts bytes, and shows the proxy only the CONNECT line', async () => {
    const target = await startTarget(true);
    const p = await proxy();
    const http = client(through(at(p)));
    const url = `https://bintu.test:${target.port}/api/streams`;
    const first = await http.request({ url, headers: { 'x-bintu-apikey': SECRET } });
    expect(first.status).toBe(200);
    expect(first.body.toString()).toBe('{"streams":"ok"}');
    const second = await http.request({ url, headers: { 'x-bintu-apikey': SECRET, 'if-none-match': '"v1"' } });
    expect(second.status).toBe(304);
    // The key reached the far host (inside TLS) ...
    expect(target.seen.map((h) => h['x-bintu-apikey'])).toEqual([SECRET, SECRET]);
    // ... over one tunnel: keep-alive holds through the proxy.
    expect(p.connects).toHaveLength(1);
    expect(p.connections()).toBe(1);
    expect(p.connects[0]?.line).toBe(`CONNECT bintu.test:${target.port} HTTP/1.1`);
    expect(p.plain).toHaveLength(0);
    // The proxy saw the CONNECT head in clear and TLS records after it: never the key, in any form.
    const seen = p.received();
    expect(p.connects[0]?.tunnel.reduce((n, b) => n + b.length, 0)).toBeGreaterThan(100);
    for (const form of [SECRET, Buffer.from(SECRET).toString('base64'), 'x-bintu-apikey', '/api/streams']) {
      expect(seen.includes(Buffer.from(form))).toBe(false);
    }
    expect(http.stats()).toMatchObject({ requests: 2, notModified: 1, bytes: 16, errors: 0 });
  });

  it('keeps the per-host cap: six requests at once open at most two tunnels', async () => {
    const target = await startTarget(true, 80);
    const p = await proxy();
    const http = client(through(at(p)), 2);
    const url = `https://bintu.test:${target.port}/slow`;
    const answers = await Promise.all(Array.from({ length: 6 }, () => http.request({ url })));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(p.connects).toHaveLength(2);
  });

  it('signs in to the proxy in the CONNECT only; without a sign-in, or with a wrong one, says so in plain words', async () => {
    const target = await startTarget(true);
    const p = await proxy({ auth: { username: 'wall', password: PASSWORD } });
    const url = `https://bintu.test:${target.port}/api`;

    const none = client(through(at(p)));
    const missing = await none.request({ url, headers: { 'x-bintu-apikey': SECRET } }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'proxy-auth-required', status: 407 });
    expect((missing as Error).message).toContain(`http://127.0.0.1:${p.port}`);
    expect((missing as Error).message).toMatch(/asks for a sign-in/);

    const wrong = client(through(at(p, { username: 'wall', password: 'not-it' })));
    const rejected = await wrong.request({ url }).catch((e: unknown) => e);
    expect(rejected).toMatchObject({ code: 'proxy-auth-required' });
    expect((rejected as Error).message).toMatch(/did not accept the user name and password/);
    expect((rejected as Error).message).not.toContain('not-it');

    const right = client(through(at(p, { username: 'wall', password: PASSWORD })));
    expect((await right.request({ url, headers: { 'x-bintu-apikey': SECRET } })).status).toBe(200);
    const signedIn = p.connects.at(-1);
    expect(signedIn?.headers['proxy-authorization']).toBe(`Basic ${Buffer.from(`wall:${PASSWORD}`).toString('base64')}`);
    // The far host never learns the proxy's sign-in.
    expect(target.seen.every((h) => h['proxy-authorization'] === undefined)).toBe(true);
    expect(p.received().includes(Buffer.from(SECRET))).toBe(false);
  });

  it('a proxy that refuses the CONNECT, or is down, gets its own error naming the proxy', async () => {
    const target = await startTarget(true);
    const refusing = await proxy({ refuseWith: 403 });
    const refused = await client(through(at(refusing)))
      .request({ url: `https://bintu.test:${target.port}/api` })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'proxy-refused', status: 403 });
    expect((refused as Error).message).toContain(`bintu.test:${target.port}`);

    const gone = await proxy();
    await gone.close();
    const down = await client(through(at(gone)))
      .request({ url: `https://bintu.test:${target.port}/api` })
      .catch((e: unknown) => e);
    expect(down).toMatchObject({ code: 'proxy-unreachable' });
    expect((down as Error).message).toBe(
      `Cannot reach the proxy http://127.0.0.1:${gone.port}: it refused the connection (is it running, and on that port?). Check that the proxy is running, or choose another one under Settings, Network.`,
    );
  });
});

describe('plain http through the proxy', () => {
  it('sends absolute-URL requests, keeps the connection alive and the conditional request working', async () => {
    const target = await startTarget(false);
    const p = await proxy({ auth: { username: 'wall', password: PASSWORD } });
    const http = client(through(at(p, { username: 'wall', password: PASSWORD })));
    const url = `http://assets.test:${target.port}/thumb.jpg`;
    expect((await http.request({ url })).status).toBe(200);
    expect((await http.request({ url, headers: { 'if-none-match': '"v1"' } })).status).toBe(304);
    expect(p.plain.map((s) => s.line)).toEqual([`GET ${url} HTTP/1.1`, `GET ${url} HTTP/1.1`]);
    expect(p.connections()).toBe(1);
    expect(target.seen.every((h) => h['proxy-authorization'] === undefined)).toBe(true);
    expect(http.stats()).toMatchObject({ requests: 2, notModified: 1, bytes: 16 });
  });

  it('a 407 from the proxy is its error, not the far host answer', async () => {
    const target = await startTarget(false);
    const p = await proxy({ auth: { username: 'wall', password: PASSWORD } });
    const failed = await client(through(at(p)))
      .request({ url: `http://assets.test:${target.port}/thumb.jpg` })
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 'proxy-auth-required' });
  });

  it('streams (downloads) through the proxy too', async () => {
    const target = await startTarget(true);
    const p = await proxy();
    const res = await client(through(at(p))).stream({ url: `https://bintu.test:${target.port}/rec.mp4` });
    const chunks: Buffer[] = [];
    for await (const chunk of res.body) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('{"streams":"ok"}');
    expect(p.connects).toHaveLength(1);
  });
});

describe('URL rules through a proxy', () => {
  it('refuses a picture whose name resolves here to a loopback address, before anything reaches the proxy', async () => {
    const p = await proxy();
    const rules = new UrlRules('https://bintu.example', { apiClass: 'public', resolve: async () => [{ address: '127.0.0.1', family: 4 }] });
    const failed = await client(through(at(p)))
      .request({ url: 'https://pictures.example/t.jpg', rules })
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 'invalid-input' });
    expect(p.connections()).toBe(0);
  });

  it('lets the proxy resolve a name this computer cannot', async () => {
    const target = await startTarget(true);
    const p = await proxy();
    const rules = new UrlRules('https://bintu.example', { apiClass: 'public', resolve: async () => Promise.reject(Object.assign(new Error('no'), { code: 'ENOTFOUND' })) });
    const res = await client(through(at(p))).request({ url: `https://assets.test:${target.port}/t.jpg`, rules });
    expect(res.status).toBe(200);
  });
});
