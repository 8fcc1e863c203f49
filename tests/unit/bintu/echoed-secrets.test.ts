import type http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { BintuClient } from '../../../src/main/core/bintu/bintu-client';
import { AppError } from '../../../src/main/core/errors';
import { HttpClient } from '../../../src/main/core/http/http-client';
import { redact } from '../../../src/main/core/redact';
import { sendJson, startServer, type TestServer } from '../http/test-server';

const KEY = 'SK-Live-0123456789AbCdEf';
const servers: TestServer[] = [];
const clients: HttpClient[] = [];

async function errorFrom(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<AppError> {
  const server = await startServer(handler);
  servers.push(server);
  const http = new HttpClient();
  clients.push(http);
  const client = new BintuClient({ apiBase: server.url, credential: { kind: 'apiKey', secret: KEY }, http });
  try {
    await client.listStreams({ quantity: 5 });
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a failure');
}

/** No form of the key in a text: as is, in either case, URL-encoded, or any 8-character piece of it. */
function expectNoKey(text: string): void {
  const lower = text.toLowerCase();
  expect(lower).not.toContain(KEY.toLowerCase());
  expect(lower).not.toContain(encodeURIComponent(KEY).toLowerCase());
  for (let at = 0; at + 8 <= KEY.length; at++) expect(lower, `piece at ${at}`).not.toContain(KEY.slice(at, at + 8).toLowerCase());
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.dispose();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('keys bintu echoes back', () => {
  it('a key past the 200th character of a long message is removed before the message is cut', async () => {
    const message = `${'Credentials are not valid. '.repeat(7).slice(0, 190)}${KEY} (sent as ${KEY.toLowerCase()})`;
    const error = await errorFrom((_req, res) => sendJson(res, 401, { error: { message, code: 4002, userinfo: { apikey: KEY, upper: KEY.toUpperCase() } } }));
    expect(error.code).toBe('credential-rejected');
    expectNoKey(error.message);
    expectNoKey(JSON.stringify(error.toData()));
  });

  it('a redirect whose Location carries the key in its host (lower-cased by URL parsing) or its query', async () => {
    for (const location of [`https://${KEY}.evil.example/stream`, `https://evil.example/?k=${encodeURIComponent(KEY)}`, `https://${KEY.toLowerCase()}.evil.example/`]) {
      const error = await errorFrom((_req, res) => {
        res.writeHead(302, { location });
        res.end();
      });
      expect(error.code).toBe('http-error');
      expectNoKey(error.message);
    }
  });

  it('a 500 and a 429 quoting the key in bintu error bodies', async () => {
    for (const status of [500, 429, 400]) {
      const error = await errorFrom((_req, res) => sendJson(res, status, { error: { message: `bad key ${KEY.toUpperCase()}`, code: 1004, userinfo: { [KEY]: 'x' } } }));
      expectNoKey(error.message);
    }
  });
});

describe('redact', () => {
  it('finds a secret whatever the case of its letters, and leaves other text as it was', () => {
    expect(redact(`Key ${KEY.toLowerCase()} and ${KEY.toUpperCase()} and ÄÖ ${KEY}`, [KEY])).toBe('Key [redacted] and [redacted] and ÄÖ [redacted]');
    expect(redact('%2fab%2Fcd', ['%2Fab%2fcd'])).toBe('[redacted]');
  });
});
