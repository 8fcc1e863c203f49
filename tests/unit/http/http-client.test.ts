import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/core/errors';
import { HttpClient } from '../../../src/main/core/http/http-client';
import { closedPort, startServer, type TestServer } from './test-server';

const servers: TestServer[] = [];
const clients: HttpClient[] = [];

async function server(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const s = await startServer(handler);
  servers.push(s);
  return s;
}

function client(options?: ConstructorParameters<typeof HttpClient>[0]): HttpClient {
  const c = new HttpClient(options);
  clients.push(c);
  return c;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the request to fail');
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.dispose();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('HttpClient', () => {
  it('returns any status as a response, with lower-case headers and the body', async () => {
    const s = await server((_req, res) => {
      res.writeHead(418, { 'X-Thing': 'teapot', 'Set-Cookie': ['a=1', 'b=2'] });
      res.end('short and stout');
    });
    const res = await client().request({ url: `${s.url}/pot` });
    expect(res.status).toBe(418);
    expect(res.headers['x-thing']).toBe('teapot');
    expect(res.headers['set-cookie']).toBe('a=1, b=2');
    expect(res.body.toString()).toBe('short and stout');
    expect(res.url).toBe(`${s.url}/pot`);
  });

  it('reuses keep-alive connections for sequential requests', async () => {
    const s = await server((_req, res) => res.end('ok'));
    const c = client();
    for (let i = 0; i < 5; i += 1) await c.request({ url: s.url });
    expect(s.requests).toHaveLength(5);
    expect(s.connections()).toBe(1);
  });

  it('caps concurrent requests per host and queues the rest', async () => {
    let active = 0;
    let peak = 0;
    const s = await server((_req, res) => {
      active += 1;
      peak = Math.max(peak, active);
      setTimeout(() => {
        active -= 1;
        res.end('done');
      }, 30);
    });
    const c = client({ maxSocketsPerHost: 3 });
    const results = await Promise.all(Array.from({ length: 12 }, () => c.request({ url: s.url })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(peak).toBe(3);
    expect(s.connections()).toBeLessThanOrEqual(3);
  });

  it('takes a changed per-host cap without being rebuilt', async () => {
    let active = 0;
    let peak = 0;
    const s = await server((_req, res) => {
      active += 1;
      peak = Math.max(peak, active);
      setTimeout(() => {
        active -= 1;
        res.end('done');
      }, 30);
    });
    const c = client({ maxSocketsPerHost: 4 });
    await Promise.all(Array.from({ length: 8 }, () => c.request({ url: s.url })));
    expect(peak).toBe(4);
    c.setMaxSocketsPerHost(2);
    // The sockets already open finish the next round; the surplus closes as it goes idle.
    await Promise.all(Array.from({ length: 8 }, () => c.request({ url: s.url })));
    await new Promise((r) => setTimeout(r, 50));
    peak = 0;
    await Promise.all(Array.from({ length: 8 }, () => c.request({ url: s.url })));
    expect(peak).toBe(2);
    expect(s.connections()).toBeLessThanOrEqual(6);
    c.setMaxSocketsPerHost(6);
    peak = 0;
    await Promise.all(Array.from({ length: 12 }, () => c.request({ url: s.url })));
    expect(peak).toBe(6);
  });

  it('does not count time spent queued behind the cap against the timeout', async () => {
    const s = await server((_req, res) => setTimeout(() => res.end('slow'), 150));
    const c = client({ maxSocketsPerHost: 1, timeoutMs: 400 });
    // Four requests in a row take ~600 ms in total, yet each one is served within 400 ms.
    const results = await Promise.all(Array.from({ length: 4 }, () => c.request({ url: s.url })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
  });

  it('reports a refused connection with the host and reason', async () => {
    const port = await closedPort();
    const error = await failure(client().request({ url: `http://127.0.0.1:${port}/stream` }));
    expect(error.code).toBe('network');
    expect(error.message).toBe(`Cannot reach 127.0.0.1:${port}: connection refused`);
  });

  it('times out a server that never answers', async () => {
    const s = await server(() => {
      // never answers
    });
    const started = Date.now();
    const error = await failure(client().request({ url: s.url, timeoutMs: 200 }));
    expect(error.code).toBe('timeout');
    expect(error.message).toContain(s.host);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('times out a body that trickles past the overall deadline', async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      const timer = setInterval(() => res.write('x'), 50);
      res.on('close', () => clearInterval(timer));
    });
    const error = await failure(client().request({ url: s.url, timeoutMs: 300 }));
    expect(error.code).toBe('timeout');
  });

  it('fails with "dropped after N bytes" when the socket dies mid-body', async () => {
    const s = await server((req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('x'.repeat(300), () => setTimeout(() => req.socket.destroy(), 20));
    });
    const c = client();
    const error = await failure(c.request({ url: s.url }));
    expect(error.code).toBe('network');
    expect(error.message).toBe(`The connection to ${s.host} dropped after 300 bytes`);
    expect(c.stats().errors).toBe(1);
    // The pool survives: the next request on the same client works.
    const s2 = await server((_req, res) => res.end('fine'));
    expect((await c.request({ url: s2.url })).body.toString()).toBe('fine');
  });

  it('fails a streamed body that drops, through the stream', async () => {
    const s = await server((req, res) => {
      res.writeHead(200, { 'content-length': '5000' });
      res.write('y'.repeat(2000), () => setTimeout(() => req.socket.destroy(), 20));
    });
    const res = await client().stream({ url: s.url });
    expect(res.status).toBe(200);
    let received = 0;
    const error = await failure(
      (async () => {
        for await (const chunk of res.body) received += (chunk as Buffer).length;
      })(),
    );
    expect(received).toBe(2000);
    expect(error.code).toBe('network');
    expect(error.message).toContain('dropped after 2000 bytes');
  });

  it('streams a complete body and counts it', async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'video/mp4' });
      for (let i = 0; i < 10; i += 1) res.write(Buffer.alloc(10_000, i));
      res.end();
    });
    const c = client();
    const seen: number[] = [];
    c.onDidRequest((info) => seen.push(info.bytes));
    const res = await c.stream({ url: s.url });
    let total = 0;
    for await (const chunk of res.body) total += (chunk as Buffer).length;
    expect(total).toBe(100_000);
    expect(res.headers['content-type']).toBe('video/mp4');
    expect(c.stats().bytes).toBe(100_000);
    expect(seen).toEqual([100_000]);
  });

  it('cancels through an AbortSignal, before and during a request', async () => {
    const s = await server(() => {
      // hangs until the client gives up
    });
    const c = client();
    const before = new AbortController();
    before.abort();
    expect((await failure(c.request({ url: s.url, signal: before.signal }))).code).toBe('cancelled');
    const during = new AbortController();
    setTimeout(() => during.abort(), 50);
    expect((await failure(c.request({ url: s.url, signal: during.signal }))).code).toBe('cancelled');
    expect(c.stats().errors).toBe(0);
  });

  it('decodes gzip bodies it asked for', async () => {
    const json = JSON.stringify({ hello: 'world'.repeat(100) });
    const s = await server((_req, res) => {
      const zipped = gzipSync(json);
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': zipped.length });
      res.end(zipped);
    });
    const c = client();
    const res = await c.request({ url: s.url });
    expect(s.requests[0]?.headers['accept-encoding']).toContain('gzip');
    expect(res.body.toString()).toBe(json);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(c.stats().bytes).toBeLessThan(json.length);
  });

  it('refuses bodies larger than maxBytes', async () => {
    const s = await server((_req, res) => res.end(Buffer.alloc(10_000)));
    const error = await failure(client().request({ url: s.url, maxBytes: 1000 }));
    expect(error.code).toBe('malformed-response');
  });

  it('counts requests, bytes and 304s, and tells listeners without headers', async () => {
    const s = await server((req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304);
        res.end();
      } else {
        res.writeHead(200, { etag: '"v1"' });
        res.end('picture');
      }
    });
    const c = client();
    const infos: unknown[] = [];
    const subscription = c.onDidRequest((info) => infos.push(info));
    await c.request({ url: `${s.url}/a.jpg` });
    const again = await c.request({ url: `${s.url}/a.jpg`, headers: { 'If-None-Match': '"v1"' } });
    expect(again.status).toBe(304);
    subscription.dispose();
    await c.request({ url: `${s.url}/a.jpg` });
    expect(c.stats()).toEqual({ requests: 3, bytes: 14, notModified: 1, errors: 0 });
    expect(infos).toEqual([
      { url: `${s.url}/a.jpg`, status: 200, bytes: 7 },
      { url: `${s.url}/a.jpg`, status: 304, bytes: 0 },
    ]);
  });

  it('sends POST bodies and HEAD requests', async () => {
    const bodies: string[] = [];
    const s = await server((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        bodies.push(`${req.method} ${body}`);
        res.writeHead(200, { 'content-length': '2' });
        res.end(req.method === 'HEAD' ? undefined : 'ok');
      });
    });
    const c = client();
    await c.request({ url: s.url, method: 'POST', body: '{"tags":["a"]}', headers: { 'content-type': 'application/json' } });
    const head = await c.request({ url: s.url, method: 'HEAD' });
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe('2');
    expect(bodies).toEqual(['POST {"tags":["a"]}', 'HEAD ']);
  });

  it('refuses any method but GET for a request that carries a bintu credential, before sending', async () => {
    const methods: string[] = [];
    const s = await server((req, res) => {
      methods.push(req.method ?? '');
      res.end('ok');
    });
    const c = client();
    for (const [name, method] of [['X-BINTU-APIKEY', 'POST'], ['x-bintu-token', 'HEAD'], ['X-Bintu-Token', 'POST']] as const) {
      await expect(c.request({ url: s.url, method, headers: { [name]: 'secret-value' } })).rejects.toMatchObject({ code: 'internal' });
    }
    expect(methods).toEqual([]);
    expect((await c.request({ url: s.url, headers: { 'X-BINTU-TOKEN': 'secret-value' } })).status).toBe(200);
    expect(methods).toEqual(['GET']);
  });

  it('retries once when a reused keep-alive socket turns out to be closed', async () => {
    const perSocket = new WeakMap<object, number>();
    const s = await server((req, res) => {
      const n = (perSocket.get(req.socket) ?? 0) + 1;
      perSocket.set(req.socket, n);
      // Models the race where the server times out an idle socket just as the client reuses it.
      if (n > 1) req.socket.destroy();
      else res.end('ok');
    });
    const c = client();
    await c.request({ url: s.url });
    const res = await c.request({ url: s.url });
    expect(res.body.toString()).toBe('ok');
    expect(s.connections()).toBe(2);
  });

  it('does not retry a failure on a fresh connection', async () => {
    const s = await server((req) => req.socket.destroy());
    const error = await failure(client().request({ url: s.url }));
    expect(error.code).toBe('network');
    expect(s.requests).toHaveLength(1);
  });

  it('refuses non-http URLs and cancels in-flight requests on dispose', async () => {
    const c = client();
    expect((await failure(c.request({ url: 'file:///etc/passwd' }))).code).toBe('invalid-input');
    expect((await failure(c.request({ url: 'not a url' }))).code).toBe('invalid-input');
    const s = await server(() => {
      // hangs
    });
    const pending = failure(c.request({ url: s.url }));
    await new Promise((resolve) => setTimeout(resolve, 30));
    c.dispose();
    expect((await pending).code).toBe('cancelled');
    expect((await failure(c.request({ url: s.url }))).code).toBe('cancelled');
  });

  it('never puts a header value into an error message', async () => {
    const c = client();
    const secret = 'sk-live-VERYSECRET\r\nInjected: yes';
    const error = await failure(c.request({ url: 'http://127.0.0.1:1/', headers: { 'x-bintu-apikey': secret } }));
    expect(error.code).toBe('invalid-input');
    expect(error.message).not.toContain('VERYSECRET');
  });
});

describe('HttpClient streamed bodies nobody reads', () => {
  it('do not crash the process when they fail', async () => {
    const s = await server((req, res) => {
      res.writeHead(200, { 'content-length': '5000' });
      res.write('z'.repeat(100), () => setTimeout(() => req.socket.destroy(), 10));
    });
    const res = await client().stream({ url: s.url });
    expect(res.status).toBe(200);
    // Nothing consumes the body; the drop must stay contained.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(res.body.destroyed).toBe(true);
  });
});
