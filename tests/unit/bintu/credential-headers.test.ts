import { afterEach, describe, expect, it } from 'vitest';
import { BintuClient } from '../../../src/main/core/bintu/bintu-client';
import { credentialHeaders } from '../../../src/main/core/bintu/credential-headers';
import { HttpClient } from '../../../src/main/core/http/http-client';
import { sendJson, startServer, type TestServer } from '../http/test-server';

const KEY = 'sk-live-0123456789abcdef';
const servers: TestServer[] = [];
const clients: HttpClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.dispose();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('the credential goes only to the API origin', () => {
  it('is attached for the API base origin and refused for any other', () => {
    const base = 'https://bintu.nanocosmos.de';
    expect(credentialHeaders(base, { kind: 'apiKey', secret: KEY }, `${base}/stream?quantity=1`)).toEqual({ 'X-BINTU-APIKEY': KEY });
    expect(credentialHeaders(base, { kind: 'token', secret: KEY }, `${base}/stream/x`)).toEqual({ 'X-BINTU-TOKEN': KEY });
    for (const other of [
      'https://bintu-vod.nanocosmos.de/vod/thumbnails/a.jpg',
      'https://replay.nanocosmos.de/live-replay/demo/?bintu=bintu.nanocosmos.de',
      'http://bintu.nanocosmos.de/stream',
      'https://bintu.nanocosmos.de:8443/stream',
      'https://bintu.nanocosmos.de.evil.example/stream',
      'https://evil.example/https://bintu.nanocosmos.de/stream',
      'not a url',
    ]) {
      expect(() => credentialHeaders(base, { kind: 'apiKey', secret: KEY }, other), other).toThrowError(/other than the API base/);
    }
  });

  it('is not sent to a host bintu redirects to: redirects are not followed', async () => {
    const elsewhere = await startServer((_req, res) => sendJson(res, 200, []));
    servers.push(elsewhere);
    const api = await startServer((_req, res) => {
      res.writeHead(302, { location: `${elsewhere.url}/stream` });
      res.end();
    });
    servers.push(api);
    const http = new HttpClient();
    clients.push(http);
    const client = new BintuClient({ apiBase: api.url, credential: { kind: 'apiKey', secret: KEY }, http });
    await expect(client.listStreams()).rejects.toMatchObject({ code: 'http-error', status: 302 });
    expect(api.requests[0]?.headers['x-bintu-apikey']).toBe(KEY);
    expect(elsewhere.requests).toEqual([]);
  });

  it('asset requests over the same HTTP client carry no credential', async () => {
    const assets = await startServer((_req, res) => res.end('jpeg'));
    servers.push(assets);
    const api = await startServer((_req, res) => sendJson(res, 200, [{ id: 'a', playout: { thumbnails: [{ url: `${assets.url}/a.jpg` }] } }]));
    servers.push(api);
    const http = new HttpClient();
    clients.push(http);
    const client = new BintuClient({ apiBase: api.url, credential: { kind: 'apiKey', secret: KEY }, http });
    const [stream] = await client.listStreams();
    const thumbnail = stream?.variants[0]?.thumbnail?.url ?? '';
    await http.request({ url: thumbnail });
    expect(assets.requests).toHaveLength(1);
    expect(JSON.stringify(assets.requests[0]?.headers)).not.toContain(KEY);
  });
});
