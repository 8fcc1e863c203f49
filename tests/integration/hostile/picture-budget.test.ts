import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PICTURE_BYTES } from '../../../src/main/core/assets/asset-fetcher';
import { HttpClient } from '../../../src/main/core/http/http-client';
import { trickle } from '../../support/hostile/hostile-bintu';
import { watchProcess } from './process-watch';

const PORTS = 20;
const REQUESTS = 120;
const servers: http.Server[] = [];
const origins: string[] = [];

beforeAll(async () => {
  for (let i = 0; i < PORTS; i++) {
    // A 100 MB "thumbnail" with no Content-Length, trickled: nothing stops it but the client.
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      trickle(res, 100 * 1024 * 1024);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    origins.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
});
afterAll(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('the memory budget for pictures in flight', () => {
  it(`${REQUESTS} slow 100 MB pictures over ${PORTS} ports stay within the picture cap and the global budget`, async () => {
    const client = new HttpClient({ timeoutMs: 30_000 });
    const watch = watchProcess();
    const outcomes = await Promise.allSettled(
      Array.from({ length: REQUESTS }, (_, i) => client.request({ url: `${origins[i % PORTS]}/vod/thumbnails/${i}.jpg`, maxBytes: MAX_PICTURE_BYTES })),
    );
    const figures = watch.stop();
    const peak = client.budget.peakInUse();
    client.dispose();
    console.log(`picture budget: peak ${Math.round(peak / 2 ** 20)} MB reserved of ${client.budget.capacity / 2 ** 20} MB, peak RSS ${figures.peakRssMb.toFixed(0)} MB`);
    // Every one was refused at the cap; none was kept whole.
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      expect(String((outcome as PromiseRejectedResult).reason?.message)).toMatch(/larger than 8 MB/);
    }
    expect(peak).toBeLessThanOrEqual(client.budget.capacity);
    expect(figures.peakRssMb).toBeLessThan(400);
  }, 120_000);
});
