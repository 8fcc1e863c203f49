/**
 * A hostile bintu on loopback, for tests: it ignores `quantity` (100,000 streams, made as they
 * are sent), sends megabyte tags and escape sequences, names pictures that are 100 MB, HTML, JSON
 * or a gzip bomb, points assets at its own `/admin` pages, at names that resolve to loopback,
 * private and link-local addresses, offers recordings that are HTML, and echoes the API key in its
 * errors and redirects. Every request is counted by path, so a test can show what was never asked.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Resolver } from '../../../src/main/core/http/url-rules';
import { DETAIL_KINDS, detailsOf, fakeMp4, HOSTILE_KEY, HOSTILE_NAMES, listItem, makePictures, type Pictures } from './payloads';

export { HOSTILE_KEY } from './payloads';

/** How the list route misbehaves. */
export type ListMode = 'flood' | 'echo-401' | 'echo-redirect' | 'echo-500';

/** What the hostile bintu saw. */
export interface HostileStats {
  /** Requests seen, by the first path segment (`stream`, `pic`, `admin`, `vod`). */
  hits: Record<string, number>;
  /** List items written before the client hung up (a flood never sent in full). */
  listItemsSent: number;
}

/** A running hostile bintu (in this process, or in a child: see `hostile-process.ts`). */
export interface HostileBintu {
  /** `http://127.0.0.1:port`: the API base (and its own asset host). */
  base: string;
  /** Names the test's lookups were asked for. */
  lookups: string[];
  /** A resolver for the URL rules that answers `HOSTILE_NAMES` (and nothing else). */
  resolve: Resolver;
  stats(): Promise<HostileStats>;
  setListMode(mode: ListMode): Promise<void>;
  close(): Promise<void>;
}

/** The resolver of the test's names, recording what it was asked. */
export function hostileResolver(lookups: string[]): Resolver {
  return async (hostname) => {
    lookups.push(hostname);
    const address = HOSTILE_NAMES[hostname];
    if (address === undefined) throw Object.assign(new Error(`${hostname} not found`), { code: 'ENOTFOUND' });
    return [{ address, family: 4 }];
  };
}

const TRICKLE = Buffer.alloc(64 * 1024, 0x41);

/** Starts the hostile bintu on 127.0.0.1 with `streams` list items (default 100,000). */
export async function startHostileBintu(options: { streams?: number } = {}): Promise<HostileBintu> {
  const total = options.streams ?? 100_000;
  const pictures = await makePictures();
  const hits: Record<string, number> = {};
  const lookups: string[] = [];
  let mode: ListMode = 'flood';
  let sent = 0;
  let base = '';
  let port = 0;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const segment = url.pathname.split('/')[1] ?? '';
    hits[segment] = (hits[segment] ?? 0) + 1;
    if (segment === 'stream') return api(req, res, url);
    if (segment === 'pic') return picture(res, url.pathname, pictures);
    if (segment === 'vod' && url.pathname.includes('/good-')) return send(res, 200, fakeMp4(), 'video/mp4');
    if (segment === 'vod') return send(res, 200, pictures.html, 'application/octet-stream');
    if (url.pathname === '/admin/users.mp4') return send(res, 200, pictures.json, 'application/json');
    return send(res, 200, pictures.html, 'text/html');
  });
  const api = (req: http.IncomingMessage, res: http.ServerResponse, url: URL): void => {
    const key = req.headers['x-bintu-apikey'];
    if (key !== HOSTILE_KEY) return json(res, 401, { error: { message: `User Credentials are not valid: ${String(key)}`, code: 4002 } });
    const id = url.pathname.split('/')[2];
    if (id !== undefined) return details(res, decodeURIComponent(id));
    if (mode === 'echo-401') return json(res, 401, { error: { message: `${'Credentials rejected; '.repeat(10)}key ${HOSTILE_KEY.toLowerCase()} is ${HOSTILE_KEY}`, code: 4002, userinfo: { apikey: HOSTILE_KEY } } });
    if (mode === 'echo-500') return json(res, 500, { error: { message: `internal error for ${HOSTILE_KEY.toUpperCase()}`, code: 9999 } });
    if (mode === 'echo-redirect') {
      res.writeHead(302, { location: `https://${HOSTILE_KEY}.evil.example/?key=${HOSTILE_KEY}` });
      return void res.end();
    }
    flood(res);
  };
  const flood = (res: http.ServerResponse): void => {
    res.writeHead(200, { 'content-type': 'application/json' });
    let i = 0;
    const more = (): void => {
      while (i < total) {
        const chunk = `${i === 0 ? '[' : ','}${JSON.stringify(listItem(i))}`;
        i += 1;
        sent = i;
        if (!res.write(chunk)) return void res.once('drain', more);
      }
      res.end(']');
    };
    res.on('close', () => (i = total + 1));
    more();
  };
  const details = (res: http.ServerResponse, id: string): void => {
    const i = Number(id.replace('hostile-', ''));
    const kind = DETAIL_KINDS[i % DETAIL_KINDS.length] ?? 'good-jpeg';
    if (kind === 'bomb-details') return void res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(pictures.jsonBomb);
    json(res, 200, detailsOf(i, kind, base, port));
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  return {
    base,
    lookups,
    resolve: hostileResolver(lookups),
    stats: async () => ({ hits: { ...hits }, listItemsSent: sent }),
    setListMode: async (next) => {
      mode = next;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function picture(res: http.ServerResponse, path: string, pictures: Pictures): void {
  if (path.startsWith('/pic/good-')) return send(res, 200, path.endsWith('.gif') ? pictures.gif : pictures.jpeg, path.endsWith('.gif') ? 'image/gif' : 'image/jpeg');
  if (path.startsWith('/pic/html-picture')) return send(res, 200, pictures.html, 'image/jpeg');
  if (path.startsWith('/pic/json-picture')) return send(res, 200, pictures.json, 'image/jpeg');
  if (path.startsWith('/pic/bomb-picture')) return void res.writeHead(200, { 'content-type': 'image/jpeg', 'content-encoding': 'gzip' }).end(pictures.bomb);
  // 100 MB, announced or not, trickled so it stays in flight: only a budget keeps that in bounds.
  const declared = path.startsWith('/pic/huge-declared');
  res.writeHead(200, { 'content-type': 'image/jpeg', ...(declared && { 'content-length': String(100 * 1024 * 1024) }) });
  trickle(res, 100 * 1024 * 1024);
}

/** Sends `bytes` slowly (64 KB every 5 ms), waiting whenever the client does not read. */
export function trickle(res: http.ServerResponse, bytes: number): void {
  let left = bytes;
  let timer: NodeJS.Timeout | undefined;
  const step = (): void => {
    if (res.destroyed) return;
    if (left <= 0) return void res.end();
    left -= TRICKLE.length;
    if (res.write(TRICKLE)) timer = setTimeout(step, 5);
    else res.once('drain', step);
  };
  res.on('close', () => clearTimeout(timer));
  step();
}

function send(res: http.ServerResponse, status: number, body: Buffer, type: string): void {
  res.writeHead(status, { 'content-type': type, 'content-length': String(body.length) });
  res.end(body);
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  send(res, status, Buffer.from(JSON.stringify(body)), 'application/json');
}
