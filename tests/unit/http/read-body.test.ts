import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { JsonListCutter } from '../../../src/main/core/bintu/list-cutter';
import { HttpClient } from '../../../src/main/core/http/http-client';
import { startServer, type TestServer } from './test-server';

const servers: TestServer[] = [];
const clients: HttpClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.dispose();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
const client = (): HttpClient => {
  const c = new HttpClient();
  clients.push(c);
  return c;
};

describe('reading bodies within bounds', () => {
  it('a gzip bomb stops at the limit while it is decoded: 64 MB of zeros never reach memory', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    const s = await startServer((_req, res) => res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(bomb.length) }).end(bomb));
    servers.push(s);
    const before = process.memoryUsage().arrayBuffers;
    await expect(client().request({ url: s.url, maxBytes: 1024 * 1024 })).rejects.toThrow(/larger than 1 MB/);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024);
  });

  it('a list that never ends is cut after the objects asked for, and the socket is let go', async () => {
    const s = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[');
      let i = 0;
      const more = (): void => {
        while (!res.destroyed && res.write(`${i++ === 0 ? '' : ','}{"id":"s${i}"}`));
        if (!res.destroyed) res.once('drain', more);
      };
      more();
    });
    servers.push(s);
    const res = await client().request({ url: s.url, cutter: new JsonListCutter(3) });
    expect(res.cut).toBe(true);
    expect(JSON.parse(JsonListCutter.close(res.body).toString())).toEqual([{ id: 's1' }, { id: 's2' }, { id: 's3' }]);
  });

  it('a declared length over the limit is refused before the body is read', async () => {
    const s = await startServer((_req, res) => {
      res.writeHead(200, { 'content-length': String(100 * 1024 * 1024) });
      res.write(Buffer.alloc(1024));
    });
    servers.push(s);
    await expect(client().request({ url: s.url, maxBytes: 8 * 1024 * 1024 })).rejects.toThrow(/announced a response of 100 MB, more than the 8 MB allowed/);
  });
});
