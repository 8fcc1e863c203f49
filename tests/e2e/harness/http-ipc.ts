import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ComposedApp } from '../../../src/main/compose';
import { IPC_EVENTS_PATH, IPC_INVOKE_PATH } from './http-ipc-paths';

/** Commands are small; a body past this is refused rather than buffered. */
const MAX_BODY_BYTES = 1024 * 1024;
/** How long a command waits for its page's event stream before it runs anyway. */
const STREAM_WAIT_MS = 5000;

/**
 * The harness's stand-in for Electron's IPC: commands as loopback `fetch` POSTs, events as a
 * server-sent event stream, both JSON. Its cost is close to Electron's structured clone (a few
 * milliseconds for the 230 KB wall of 200 tiles), where a Playwright binding crosses the DevTools
 * protocol twice per call and took hundreds. Each attached page gets a token of its own, given
 * only to its top frame: the stand-in for the main process's sender-frame check.
 *
 * In Electron the page's listeners are in place before it asks anything, so no event sent after
 * a reply is missed. Here each page load names itself (`load`), and a command runs only once that
 * load's event stream is open: the page sends both at once and never waits itself.
 */
export class HttpIpc {
  readonly #app: ComposedApp;
  readonly #tokens = new Set<string>();
  readonly #streams = new Map<string, ServerResponse>();
  readonly #waiting = new Map<string, Array<() => void>>();
  readonly #events: { dispose(): void };

  constructor(app: ComposedApp) {
    this.#app = app;
    this.#events = app.onEvent((channel, payload) => {
      const frame = `data: ${JSON.stringify({ channel, payload })}\n\n`;
      for (const stream of this.#streams.values()) stream.write(frame);
    });
  }

  /** A new page's token. */
  issueToken(): string {
    const token = randomBytes(16).toString('hex');
    this.#tokens.add(token);
    return token;
  }

  /** Answers the request if it is one of the IPC routes; false if it is not. */
  handle(req: IncomingMessage, res: ServerResponse, path: string): boolean {
    if (path === IPC_EVENTS_PATH) this.#openStream(req, res);
    else if (path === IPC_INVOKE_PATH) void this.#invoke(req, res);
    else return false;
    return true;
  }

  /** Ends every event stream, so the server can close. */
  dispose(): void {
    this.#events.dispose();
    for (const stream of this.#streams.values()) stream.end();
    this.#streams.clear();
    for (const wake of [...this.#waiting.values()].flat()) wake();
  }

  #allowed(req: IncomingMessage, token: string | null): boolean {
    return token !== null && this.#tokens.has(token) && req.headers['sec-fetch-site'] !== 'cross-site';
  }

  #openStream(req: IncomingMessage, res: ServerResponse): void {
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    const load = query.get('load');
    if (!this.#allowed(req, query.get('token')) || load === null) return void res.writeHead(403).end();
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': open\n\n');
    this.#streams.set(load, res);
    res.on('close', () => this.#streams.delete(load));
    for (const wake of this.#waiting.get(load) ?? []) wake();
    this.#waiting.delete(load);
  }

  /** Resolves once the page load's event stream is open (or after a while, if it never opens). */
  #streamOpen(load: string): Promise<void> {
    if (this.#streams.has(load)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, STREAM_WAIT_MS);
      const wake = (): void => {
        clearTimeout(timer);
        resolve();
      };
      this.#waiting.set(load, [...(this.#waiting.get(load) ?? []), wake]);
    });
  }

  async #invoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const token = typeof req.headers['x-wall-token'] === 'string' ? req.headers['x-wall-token'] : null;
    const load = typeof req.headers['x-wall-load'] === 'string' ? req.headers['x-wall-load'] : '';
    if (req.method !== 'POST') return void res.writeHead(405).end();
    if (!this.#allowed(req, token)) {
      return reply(res, { ok: false, error: { code: 'forbidden-sender', message: 'Not the Bintu Wall page.' } });
    }
    let request: { channel?: unknown; payload?: unknown };
    try {
      request = JSON.parse(await readBody(req)) as typeof request;
    } catch {
      return void res.writeHead(400).end();
    }
    await this.#streamOpen(load);
    reply(res, await this.#app.dispatch(request.channel, request.payload));
  }
}

function reply(res: ServerResponse, value: unknown): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(value));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy(new Error('command body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
