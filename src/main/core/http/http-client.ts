import http from 'node:http';
import https from 'node:https';
import { PassThrough, type Readable } from 'node:stream';
import { AppError } from '../errors';
import { Exchange } from './http-exchange';
import { cancelledError, droppedError } from './network-errors';
import { ACCEPTED_ENCODINGS, decodeBody, readBody } from './read-body';

/** One HTTP request. Headers are sent as given and never logged. */
export interface HttpRequest {
  url: string;
  method?: 'GET' | 'PUT' | 'POST' | 'HEAD';
  headers?: Record<string, string>;
  body?: string;
  /** Socket idle timeout and overall deadline for this request, in ms. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Largest body `request()` reads into memory (default 32 MB); bigger answers fail. */
  maxBytes?: number;
}

/** A complete response, body in memory. Header names are lower case. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  url: string;
}

/** A response whose body is read as a stream (downloads). */
export interface HttpStreamResponse {
  status: number;
  headers: Record<string, string>;
  body: Readable;
}

/** Running totals since the client was made: what the status bar shows. */
export interface HttpStats {
  requests: number;
  /** Body bytes received over the wire. */
  bytes: number;
  notModified: number;
  /** Requests that failed without a response (network, timeout); cancellations excluded. */
  errors: number;
}

/** What `onDidRequest` listeners hear after each completed response. */
export interface HttpRequestInfo {
  url: string;
  status: number;
  bytes: number;
}

const DEFAULT_MAX_SOCKETS = 6;
const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/**
 * The app's only HTTP client: keep-alive agents whose `maxSockets` is the per-host concurrency
 * cap (further requests queue), timeouts, cancellation, and failures mapped to `AppError`.
 * It never throws on an HTTP status; callers decide what a status means.
 */
export class HttpClient {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  private readonly timeoutMs: number;
  private readonly counters: HttpStats = { requests: 0, bytes: 0, notModified: 0, errors: 0 };
  private readonly listeners = new Set<(info: HttpRequestInfo) => void>();
  private readonly live = new Set<Exchange>();
  private disposed = false;

  constructor(options: { maxSocketsPerHost?: number; timeoutMs?: number } = {}) {
    const maxSockets = Math.max(1, Math.floor(options.maxSocketsPerHost ?? DEFAULT_MAX_SOCKETS));
    const agentOptions = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'lifo' as const };
    this.httpAgent = new http.Agent(agentOptions);
    this.httpsAgent = new https.Agent(agentOptions);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** Sends a request and reads the whole body (decompressed when the server compressed it). */
  async request(req: HttpRequest): Promise<HttpResponse> {
    const maxBytes = req.maxBytes ?? DEFAULT_MAX_BYTES;
    const headers = { ...req.headers };
    const askedForEncoding = !hasHeader(headers, 'accept-encoding');
    if (askedForEncoding) headers['accept-encoding'] = ACCEPTED_ENCODINGS;
    const { url, exchange } = this.begin(req, headers);
    try {
      const res = await exchange.open();
      const wire = await readBody(res, exchange, { host: url.host, maxBytes, onBytes: (n) => this.addBytes(n) });
      const responseHeaders = flattenHeaders(res.headers);
      let body = wire;
      if (askedForEncoding && responseHeaders['content-encoding'] !== undefined) {
        body = await decodeBody(wire, responseHeaders['content-encoding'], url.host, maxBytes);
        delete responseHeaders['content-encoding'];
        delete responseHeaders['content-length'];
      }
      const status = res.statusCode ?? 0;
      this.completed(url.href, status, wire.length);
      return { status, headers: responseHeaders, body, url: url.href };
    } catch (error) {
      throw this.failed(error);
    }
  }

  /** Sends a request and hands the body over as a stream; idle timeout and drops still apply. */
  async stream(req: HttpRequest): Promise<HttpStreamResponse> {
    const { url, exchange } = this.begin(req, { ...req.headers });
    let res: http.IncomingMessage;
    try {
      res = await exchange.open();
    } catch (error) {
      throw this.failed(error);
    }
    exchange.clearDeadline();
    const status = res.statusCode ?? 0;
    const body = new PassThrough();
    // Readers still see failures (pipeline and async iteration observe the destroyed stream); this
    // only keeps an unread, failed body from becoming an uncaught 'error' that ends the process.
    body.on('error', () => undefined);
    let received = 0;
    exchange.onFailure((error) => {
      if (error.code !== 'cancelled') this.counters.errors += 1;
      body.destroy(error);
    });
    res.on('data', (chunk: Buffer) => {
      received += chunk.length;
      this.addBytes(chunk.length);
    });
    res.on('end', () => {
      exchange.finish();
      this.completed(url.href, status, received);
    });
    res.on('error', () => exchange.fail(droppedError(url.host, received)));
    res.on('close', () => {
      if (!res.complete) exchange.fail(droppedError(url.host, received));
    });
    // A reader that stops early (destroys the body) releases the socket too.
    body.on('close', () => {
      if (!res.complete) exchange.fail(cancelledError());
    });
    res.pipe(body);
    return { status, headers: flattenHeaders(res.headers), body };
  }

  /**
   * Changes the per-host connection cap live. Agents read `maxSockets` for every new socket and
   * `maxFreeSockets` whenever a socket goes idle, so a higher cap applies at once and a lower one
   * as the surplus sockets finish their request and close. Idle sockets are not destroyed here:
   * Node replaces a closed socket for a queued request without checking the cap.
   */
  setMaxSocketsPerHost(value: number): void {
    const maxSockets = Math.max(1, Math.floor(value));
    for (const agent of [this.httpAgent, this.httpsAgent]) {
      agent.maxSockets = maxSockets;
      agent.maxFreeSockets = maxSockets;
    }
  }

  /** The per-host connection cap in force. */
  maxSocketsPerHost(): number {
    return this.httpAgent.maxSockets;
  }

  /** Totals since the client was made. */
  stats(): HttpStats {
    return { ...this.counters };
  }

  /** Listens for every completed response (URL, status, body bytes); never sees headers. */
  onDidRequest(listener: (info: HttpRequestInfo) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Cancels every request in flight and closes all pooled sockets. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const exchange of [...this.live]) exchange.fail(cancelledError('The HTTP client was closed'));
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
    this.listeners.clear();
  }

  private begin(req: HttpRequest, headers: Record<string, string>): { url: URL; exchange: Exchange } {
    if (this.disposed) throw cancelledError('The HTTP client was closed');
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      throw new AppError('invalid-input', 'The address to fetch is not a valid URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new AppError('invalid-input', `Only http and https addresses can be fetched, not ${url.protocol.slice(0, 20)}`);
    }
    this.counters.requests += 1;
    const exchange: Exchange = new Exchange({
      url,
      method: req.method ?? 'GET',
      headers,
      timeoutMs: req.timeoutMs ?? this.timeoutMs,
      agent: url.protocol === 'https:' ? this.httpsAgent : this.httpAgent,
      onSettled: () => this.live.delete(exchange),
      ...(req.body !== undefined && { body: req.body }),
      ...(req.signal !== undefined && { signal: req.signal }),
    });
    this.live.add(exchange);
    return { url, exchange };
  }

  private addBytes(count: number): void {
    this.counters.bytes += count;
  }

  private completed(url: string, status: number, bytes: number): void {
    if (status === 304) this.counters.notModified += 1;
    for (const listener of [...this.listeners]) {
      try {
        listener({ url, status, bytes });
      } catch {
        // A faulty listener must not turn a good response into a failure.
      }
    }
  }

  private failed(error: unknown): unknown {
    if (!(error instanceof AppError) || error.code !== 'cancelled') this.counters.errors += 1;
    return error;
  }
}

/** Whether a header is set, whatever its case. */
function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

/** Node gives repeated headers as arrays; callers get one string per name. */
function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
