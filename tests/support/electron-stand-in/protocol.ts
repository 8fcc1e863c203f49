import { readFile, stat } from 'node:fs/promises';
import { request as httpRequest, type ClientRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StandInApp } from './app';

type Handler = (request: Request) => Response | Promise<Response>;

/** A scheme and its privileges, as passed to `registerSchemesAsPrivileged`. */
export interface CustomScheme {
  scheme: string;
  privileges?: Record<string, boolean>;
}

/** Electron's `protocol`: privileged schemes before ready, handlers after, and requests routed to them. */
export class StandInProtocol {
  /** Every scheme registered as privileged, in order. */
  readonly privileged: CustomScheme[] = [];
  readonly #handlers = new Map<string, Handler>();
  #registered = false;

  constructor(private readonly app: StandInApp) {}

  // protocol.md: "This method can only be used before the ready event of the app module gets
  // emitted and can be called only once."
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void {
    if (this.app.isReady()) throw new Error('protocol.registerSchemesAsPrivileged must be called before the app is ready');
    if (this.#registered) throw new Error('protocol.registerSchemesAsPrivileged can be called only once');
    this.#registered = true;
    this.privileged.push(...schemes);
  }

  // protocol.md: "All methods unless specified can only be used after the ready event of the app
  // module gets emitted."
  handle(scheme: string, handler: Handler): void {
    if (!this.app.isReady()) throw new Error('protocol.handle can only be used after the app is ready');
    if (this.#handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.#handlers.set(scheme, handler);
  }

  isProtocolHandled(scheme: string): boolean {
    return this.#handlers.has(scheme);
  }

  /** Test control: a page requests `url`; its scheme's handler answers, or the load fails. */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.#handlers.get(scheme);
    if (!handler) throw new TypeError('net::ERR_UNKNOWN_URL_SCHEME');
    return handler(new Request(url, init));
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.gif': 'image/gif', '.json': 'application/json', '.woff2': 'font/woff2',
};

/** What `net.request` is given: Node's request options plus Electron's own (session, redirect mode). */
export interface StandInNetRequestOptions {
  protocol?: string;
  hostname?: string;
  host?: string;
  port?: number | string;
  path?: string;
  method?: string;
  headers?: Record<string, string>;
  session?: unknown;
  redirect?: string;
}

/**
 * Electron's `net.fetch` for `file:` URLs (all the app's own code uses it for), and `net.request`
 * for http and https (what electron-updater downloads its feed and update with).
 */
export const standInNet = {
  // net.md "net.request(options)": "Creates a ClientRequest instance"; client-request.md: its
  // 'response' event carries an IncomingMessage with statusCode, headers and the body as a stream,
  // as Node's does. The session and redirect mode are Chromium's; on loopback there is neither a
  // proxy to follow nor a redirect here.
  request(options: StandInNetRequestOptions): ClientRequest {
    const { session: _session, redirect: _redirect, ...node } = options;
    if (node.protocol !== 'http:' && node.protocol !== 'https:') throw new Error(`electron stand-in: net.request is only imitated for http and https, not ${String(node.protocol)}`);
    return node.protocol === 'https:' ? httpsRequest(node) : httpRequest(node);
  },
  async fetch(url: string): Promise<Response> {
    if (!url.startsWith('file:')) throw new Error(`electron stand-in: net.fetch is only imitated for file: URLs, not ${url}`);
    const path = fileURLToPath(url);
    if (!(await stat(path).catch(() => null))?.isFile()) throw new TypeError('net::ERR_FILE_NOT_FOUND');
    return new Response(await readFile(path), { headers: { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' } });
  },
};
