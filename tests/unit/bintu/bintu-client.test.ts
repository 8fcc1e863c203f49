import type http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { BintuClient, type BintuCredential } from '../../../src/main/core/bintu/bintu-client';
import { AppError } from '../../../src/main/core/errors';
import { HttpClient } from '../../../src/main/core/http/http-client';
import { closedPort, sendJson, startServer, type TestServer } from '../http/test-server';
import { readExample } from './bintu-fixtures';

const KEY = 'sk-live-0123456789abcdef';
const apiKey: BintuCredential = { kind: 'apiKey', secret: KEY };

const servers: TestServer[] = [];
const https: HttpClient[] = [];

async function server(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<TestServer> {
  const s = await startServer(handler);
  servers.push(s);
  return s;
}

function bintu(apiBase: string, credential: BintuCredential = apiKey, timeoutMs?: number): BintuClient {
  const client = new HttpClient();
  https.push(client);
  return new BintuClient({ apiBase, credential, http: client, ...(timeoutMs !== undefined && { timeoutMs }) });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    // Whatever went wrong, the key is in neither the message nor the data sent to the page.
    expect(appError.message).not.toContain(KEY);
    expect(JSON.stringify(appError.toData())).not.toContain(KEY);
    return appError;
  }
  throw new Error('expected a failure');
}

/** A server answering every request with one status, body and headers. */
function answering(status: number, body: unknown, headers: Record<string, string> = {}): Promise<TestServer> {
  return server((_req, res) => {
    if (typeof body === 'string') {
      res.writeHead(status, { 'content-type': 'text/plain', ...headers });
      res.end(body);
    } else sendJson(res, status, body, headers);
  });
}

afterEach(async () => {
  for (const c of https.splice(0)) c.dispose();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('BintuClient requests', () => {
  it('has no path for any method but GET: every request it builds is a GET without a body', async () => {
    const sent: Array<Record<string, unknown>> = [];
    const details = readExample('get-stream-live-processing-example.json');
    const listBody = Buffer.from(JSON.stringify([details]));
    const transport = {
      async request(req: Record<string, unknown>) {
        sent.push(req);
        const body = String(req['url']).includes('/stream/') ? Buffer.from(JSON.stringify(details)) : listBody;
        return { status: 200, headers: {}, body, url: String(req['url']) };
      },
    };
    const client = new BintuClient({ apiBase: 'https://bintu.example', credential: { kind: 'token', secret: 'tok-abcdefgh' }, http: transport });
    await client.check();
    await client.listStreams({ quantity: 5, state: 'live', tags: ['a'] });
    await client.getStream('abc', { assetLimit: 3 });
    expect(sent).toHaveLength(3);
    for (const req of sent) {
      expect(req['method']).toBe('GET');
      expect(req).not.toHaveProperty('body');
    }
  });

  it('lists streams with quantity, state and encoded tags[] parameters and the API key header', async () => {
    const s = await answering(200, [readExample('get-stream-live-processing-example.json')]);
    const streams = await bintu(s.url).listStreams({ quantity: 200, state: 'live', tags: ['location:berlin', 'studio/west', 'a b'] });
    expect(streams.map((x) => x.id)).toEqual(['YOUR_STREAM_ID']);
    const [seen] = s.requests;
    expect(seen?.method).toBe('GET');
    expect(seen?.url).toBe('/stream?quantity=200&state=live&tags[]=location%3Aberlin&tags[]=studio%2Fwest&tags[]=a%20b');
    expect(seen?.headers['accept']).toBe('application/json');
    expect(seen?.headers['x-bintu-apikey']).toBe(KEY);
    expect(seen?.headers['x-bintu-token']).toBeUndefined();
  });

  it('sends a token as X-BINTU-TOKEN only', async () => {
    const s = await answering(200, []);
    await bintu(s.url, { kind: 'token', secret: 'tok-abcdefgh' }).check();
    expect(s.requests[0]?.url).toBe('/stream?quantity=1');
    expect(s.requests[0]?.headers['x-bintu-token']).toBe('tok-abcdefgh');
    expect(s.requests[0]?.headers['x-bintu-apikey']).toBeUndefined();
  });

  it('reads one stream with asset_limit, keeping odd ids inside the stream route', async () => {
    const s = await answering(200, readExample('get-stream-live-processing-example.json'));
    const client = bintu(`${s.url}/api/`);
    expect(client.apiBase).toBe(`${s.url}/api`);
    const stream = await client.getStream('YOUR_STREAM_ID', { assetLimit: 10 });
    expect(stream.variants).toHaveLength(2);
    await client.getStream('../../admin?x=1#y');
    expect(s.requests.map((r) => r.url)).toEqual(['/api/stream/YOUR_STREAM_ID?asset_limit=10', '/api/stream/..%2F..%2Fadmin%3Fx%3D1%23y']);
  });

  it('skips list items that are not streams and counts them', async () => {
    const s = await answering(200, [{ id: 'a', state: 'live' }, 'junk', null, { id: 'b', state: 'ended' }]);
    const client = bintu(s.url);
    const streams = await client.listStreams();
    expect(streams.map((x) => x.id)).toEqual(['a', 'b']);
    expect(client.lastListSkipped).toBe(2);
  });

  it('refuses an insecure API base and unusable credentials before sending anything', () => {
    const http = new HttpClient();
    https.push(http);
    const make = (apiBase: string, secret: string) => () => new BintuClient({ apiBase, credential: { kind: 'apiKey', secret }, http });
    expect(make('http://bintu.nanocosmos.de', KEY)).toThrowError(expect.objectContaining({ code: 'insecure-api-base' }));
    expect(make('https://bintu.nanocosmos.de', '  ')).toThrowError(expect.objectContaining({ code: 'credential-missing' }));
    let error: unknown;
    try {
      make('https://bintu.nanocosmos.de', `${KEY}\n`)();
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'invalid-input' });
    expect((error as Error).message).not.toContain(KEY);
  });
});

describe('BintuClient errors', () => {
  it('401 with bintu 4002 is a rejected API key with what to do', async () => {
    const s = await answering(401, readExample('error-4002-user-credentials-not-valid.json'));
    const error = await failure(bintu(s.url).check());
    expect(error).toMatchObject({ code: 'credential-rejected', bintuCode: 4002, status: 401, credentialKind: 'apiKey' });
    expect(error.toData().credentialKind).toBe('apiKey');
    expect(error.message).toBe(
      'bintu rejected the API key: User Credentials are not valid (4002). Check the key in your nanoStream Cloud organisation settings.',
    );
  });

  it('403 2001 for a token is a rejected token', async () => {
    const s = await answering(403, readExample('error-2001-access-denied.json'));
    const error = await failure(bintu(s.url, { kind: 'token', secret: 'tok-abcdefgh' }).listStreams());
    expect(error).toMatchObject({ code: 'credential-rejected', bintuCode: 2001, status: 403, credentialKind: 'token' });
    expect(error.message).toContain('bintu token');
    expect(error.message).toContain('Access denied (2001)');
  });

  it('a rejected token says tokens expire or are revoked and asks for a new one; it never sends the operator to the master key', async () => {
    const s = await answering(401, readExample('error-4002-user-credentials-not-valid.json'));
    const error = await failure(bintu(s.url, { kind: 'token', secret: 'tok-abcdefgh' }).check());
    expect(error.toData()).toMatchObject({ code: 'credential-rejected', credentialKind: 'token' });
    expect(error.message).toMatch(/tokens expire and can be revoked/);
    expect(error.message).toMatch(/new token/);
    expect(error.message).not.toMatch(/API key|Check the key/);
  });

  it('403 "Organisation not enabled" keeps bintu\'s message and does not blame the credential', async () => {
    const s = await answering(403, { error: { message: 'Organisation not enabled', code: 2005 } });
    const error = await failure(bintu(s.url).listStreams());
    expect(error).toMatchObject({ code: 'live-processing-unavailable', bintuCode: 2005 });
    expect(error.message).toContain('Organisation not enabled (2005)');
    expect(error.message).toContain('The credential is valid');
  });

  it('403 with bintu code 2002 is an organisation without Live Processing, whatever the wording', async () => {
    const s = await answering(403, { error: { message: 'Forbidden', code: 2002 } });
    const error = await failure(bintu(s.url).listStreams());
    expect(error).toMatchObject({ code: 'live-processing-unavailable', bintuCode: 2002 });
    expect(error.message).not.toMatch(/rejected/i);
  });

  it('401 without a body still names the credential kind', async () => {
    const s = await answering(401, '');
    const error = await failure(bintu(s.url).check());
    expect(error.message).toBe('bintu rejected the API key (HTTP 401). Check the key in your nanoStream Cloud organisation settings.');
  });

  it('429 is a rate limit with retryAt from Retry-After seconds or date', async () => {
    const before = Date.now();
    const s = await answering(429, '', { 'retry-after': '30' });
    const error = await failure(bintu(s.url).listStreams());
    expect(error.code).toBe('rate-limited');
    expect(error.retryAt).toBeGreaterThanOrEqual(before + 30_000);
    expect(error.retryAt).toBeLessThanOrEqual(Date.now() + 30_000);
    expect(error.message).toContain('30 s');

    const at = new Date(Math.ceil((Date.now() + 120_000) / 1000) * 1000);
    const s2 = await answering(429, '', { 'retry-after': at.toUTCString() });
    expect((await failure(bintu(s2.url).listStreams())).retryAt).toBe(at.getTime());
  });

  it('5xx is a server error; 503 carries retryAt from Retry-After', async () => {
    const s = await answering(500, { error: { message: 'Internal', code: 9000 } });
    const error = await failure(bintu(s.url).listStreams());
    expect(error).toMatchObject({ code: 'server-error', status: 500, bintuCode: 9000 });
    expect(error.retryAt).toBeUndefined();
    const s2 = await answering(503, 'busy', { 'retry-after': '5' });
    const unavailable = await failure(bintu(s2.url).listStreams());
    expect(unavailable).toMatchObject({ code: 'server-error', status: 503 });
    expect(unavailable.retryAt).toBeGreaterThan(Date.now());
  });

  it('other 4xx are bintu errors with bintu\'s code, or HTTP errors without a body', async () => {
    const s = await answering(400, readExample('error-1004-wrong-data-type.json'));
    expect(await failure(bintu(s.url).listStreams({ quantity: 5 }))).toMatchObject({ code: 'bintu-error', bintuCode: 1004, status: 400 });
    const s2 = await answering(418, 'teapot');
    const error = await failure(bintu(s2.url).listStreams());
    expect(error).toMatchObject({ code: 'http-error', status: 418 });
    expect(error.message).toBe('bintu answered GET /stream with HTTP 418.');
  });

  it('404 for one stream is "not found"; for the list it points at the API base', async () => {
    const s = await answering(404, '');
    expect(await failure(bintu(s.url).getStream('gone'))).toMatchObject({ code: 'not-found', message: 'bintu has no stream gone' });
    expect((await failure(bintu(s.url).listStreams())).message).toContain('check the API base');
  });

  it('malformed bodies are reported by route without quoting them', async () => {
    const s = await answering(200, '{"id": "a", oops');
    const error = await failure(bintu(s.url).listStreams());
    expect(error).toMatchObject({ code: 'malformed-response', message: "bintu's answer to GET /stream is not valid JSON." });
    const page = await answering(200, '<!doctype html><title>Captive portal</title>');
    const pageError = await failure(bintu(page.url).check());
    expect(pageError.message).toContain('web page');
    expect(pageError.message).not.toContain('Captive');
    const notList = await answering(200, { hello: 'world' });
    expect((await failure(bintu(notList.url).listStreams())).code).toBe('malformed-response');
    const notStream = await answering(200, [1, 2]);
    expect((await failure(bintu(notStream.url).getStream('a'))).message).toBe("bintu's answer to GET /stream/a is not a stream object.");
  });

  it('an error body with status 200 is still an error', async () => {
    const s = await answering(200, readExample('error-1002-parameter-required.json'));
    expect(await failure(bintu(s.url).listStreams())).toMatchObject({ code: 'bintu-error', bintuCode: 1002 });
  });

  it('network failures, timeouts and dropped sockets have their own codes', async () => {
    const port = await closedPort();
    const refused = await failure(bintu(`http://127.0.0.1:${port}`).check());
    expect(refused).toMatchObject({ code: 'network', message: `Cannot reach 127.0.0.1:${port}: connection refused` });

    const silent = await server(() => {
      // never answers
    });
    expect((await failure(bintu(silent.url, apiKey, 200).listStreams())).code).toBe('timeout');

    const dropping = await server((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
      res.write('[{"id":"a"},', () => setTimeout(() => req.socket.destroy(), 10));
    });
    const dropped = await failure(bintu(dropping.url).listStreams());
    expect(dropped.code).toBe('network');
    expect(dropped.message).toContain('dropped after 12 bytes');
  });

  it('cancels through an AbortSignal', async () => {
    const s = await server(() => {
      // hangs
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    expect((await failure(bintu(s.url).listStreams({}, controller.signal))).code).toBe('cancelled');
  });
});

describe('credential redaction', () => {
  it('never repeats the key, even when bintu echoes it back', async () => {
    const echo = await server((req, res) => {
      const key = String(req.headers['x-bintu-apikey']);
      const status = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('quantity') ?? 0) || 401;
      sendJson(res, status, { error: { message: `Key ${key} is not valid; encoded ${encodeURIComponent(key)}`, code: 4002, userinfo: { key } } }, { 'retry-after': '1' });
    });
    const client = bintu(echo.url, { kind: 'apiKey', secret: `${KEY}/+=` });
    for (const quantity of [401, 403, 400, 429, 500, 503]) {
      const error = await failure(client.listStreams({ quantity }));
      expect(error.message).toContain('[redacted]');
      expect(error.message).not.toContain(`${KEY}/+=`);
      expect(error.message).not.toContain(encodeURIComponent(`${KEY}/+=`));
    }
  });
});
