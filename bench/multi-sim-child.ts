/**
 * One bintu host with several organisations on it, for the multi-organisation bench: a simulator
 * per organisation (the simulator serves one), behind one API listener and one asset listener that
 * route by the first path segment (`/o0/...`, `/o1/...`). Each organisation's API base is
 * `http://127.0.0.1:PORT/oN`, so the app sees one host, one per-host connection cap and one
 * Retry-After for all of them, as with organisations on one real bintu. API answers have the inner
 * asset address replaced by the shared one. Talks to `sim-process.ts` as `sim-child.ts` does.
 */
import { createServer, request, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';
import { startSimulator, type AssetVersion, type Simulator, type SimulatorOptions } from '../src/main/simulator';
import type { SimMessage, SimRequest } from './sim-child';

/** What the parent asks for: one entry per organisation on this host. */
export interface MultiSimOptions {
  organisations: SimulatorOptions[];
}

function send(message: SimMessage): void {
  process.send?.(message);
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** The organisation a path names and the path the simulator knows, or null. */
function route(url: string, count: number): { index: number; path: string } | null {
  const match = /^\/o(\d+)(\/.*)?$/.exec(url);
  const index = Number(match?.[1]);
  if (!match || !Number.isInteger(index) || index >= count) return null;
  return { index, path: match[2] ?? '/' };
}

function readAll(res: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => resolve(Buffer.concat(chunks)));
    res.on('error', reject);
  });
}

/**
 * Forwards one request to an inner listener. `rewrite` (API only) changes the body's text: the
 * inner addresses become the shared host's; the answer is gzipped again when the client asked.
 */
function forward(req: IncomingMessage, res: ServerResponse, target: string, path: string, rewrite: ((text: string) => string) | null): void {
  const url = new URL(path, target);
  const headers: OutgoingHttpHeaders = { ...req.headers, host: url.host };
  if (rewrite) delete headers['accept-encoding'];
  const inner = request({ host: url.hostname, port: url.port, path, method: req.method, headers }, (answer) => {
    if (!rewrite) {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      return;
    }
    readAll(answer).then((raw) => {
      const plain = answer.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
      let body = Buffer.from(rewrite(plain.toString('utf8')));
      const out: OutgoingHttpHeaders = { ...answer.headers };
      delete out['content-length'];
      delete out['content-encoding'];
      if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && body.length >= 1024) {
        body = gzipSync(body);
        out['content-encoding'] = 'gzip';
      }
      out['content-length'] = body.length;
      res.writeHead(answer.statusCode ?? 502, out);
      res.end(body);
    }, () => res.destroy());
  });
  inner.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
  req.pipe(inner);
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as MultiSimOptions;
  const sims: Simulator[] = await Promise.all(options.organisations.map((o) => startSimulator(o)));
  const keys = sims.map((sim) => sim.credentials.find((c) => c.kind === 'apiKey' && c.role === 'nanoAdmin' && c.liveProcessing)?.secret);
  const api = createServer({ keepAlive: true });
  const assets = createServer({ keepAlive: true });
  const apiPort = await listen(api);
  const assetPort = await listen(assets);
  const front = { api: `http://127.0.0.1:${apiPort}`, assets: `http://127.0.0.1:${assetPort}` };
  // Inner addresses as the outside sees them: each organisation's own prefix on the shared host.
  const outer = (i: number, url: string): string => {
    const sim = sims[i];
    if (!sim) return url;
    return url.split(sim.assetBaseUrl).join(`${front.assets}/o${i}`).split(sim.baseUrl).join(`${front.api}/o${i}`);
  };
  api.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const found = route(req.url ?? '/', sims.length);
    const sim = found ? sims[found.index] : undefined;
    if (!found || !sim) return void res.writeHead(404).end();
    forward(req, res, sim.baseUrl, found.path, (text) => outer(found.index, text));
  });
  assets.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const found = route(req.url ?? '/', sims.length);
    const sim = found ? sims[found.index] : undefined;
    if (!found || !sim) return void res.writeHead(404).end();
    forward(req, res, sim.assetBaseUrl, found.path, null);
  });
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => (closing ??= (async () => {
    api.closeAllConnections();
    assets.closeAllConnections();
    await Promise.all([new Promise((r) => api.close(r)), new Promise((r) => assets.close(r)), ...sims.map((s) => s.close())]);
  })());
  process.on('message', (raw: SimRequest) => {
    const answer = async (): Promise<unknown> => {
      if (raw.op === 'versions') {
        const all = await Promise.all(sims.map(async (sim, i) => (await sim.assetVersions(raw.since, raw.until)).map((v): AssetVersion => ({ ...v, url: outer(i, v.url) }))));
        return all.flat().sort((a, b) => a.producedAt - b.producedAt);
      }
      if (raw.op === 'stats') return sims[0]?.stats() ?? null;
      await close();
      return null;
    };
    answer().then(
      (value) => {
        send({ op: 'reply', id: raw.id, ok: true, value });
        if (raw.op === 'close') process.disconnect();
      },
      (error: unknown) => send({ op: 'reply', id: raw.id, ok: false, error: String(error) }),
    );
  });
  process.on('disconnect', () => void close().then(() => process.exit(0)));
  if (keys.some((k) => k === undefined)) throw new Error('a simulator offers no admin API key');
  send({
    op: 'ready',
    baseUrl: front.api,
    assetBaseUrl: front.assets,
    apiKey: keys[0] ?? '',
    organisations: sims.map((_, i) => ({ apiBase: `${front.api}/o${i}`, apiKey: keys[i] ?? '' })),
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench simulator host failed: ${String(error)}\n`);
  process.exit(1);
});
