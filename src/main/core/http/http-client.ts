import type http from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import { AppError } from '../errors';
import { AgentPool, type TlsOptions } from './agent-pool';
import { ByteBudget, type Release } from './byte-budget';
import { Exchange } from './http-exchange';
import { cancelledError, droppedError } from './network-errors';
import { isProxyAnswer, proxyAnswerError } from './proxy-errors';
import { DIRECT, type ProxyAddress, type ProxyResolver, type ProxyRoute } from './proxy-route';
import { ACCEPTED_ENCODINGS, readBody, type BodyCutter } from './read-body';
import type { UrlPurpose, UrlRules } from './url-rules';

/** One HTTP request. Headers are sent as given and never logged. */
export interface HttpRequest {
  url: string;
  /**
   * GET unless said otherwise. HEAD (a recording's size) and POST (the alarm webhook) go to
   * other hosts; a request that carries a bintu credential is refused unless it is a GET.
   */
  method?: 'GET' | 'POST' | 'HEAD';
  headers?: Record<string, string>;
  body?: string;
  /** Socket idle timeout and overall deadline for this request, in ms. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Largest body `request()` reads into memory, decoded (default 32 MB); bigger answers fail. */
  maxBytes?: number;
  /**
   * For URLs bintu named (pictures, recordings): the rules they must pass, checked before sending
   * and again on the address the socket connects to. Requests to the API base leave this out.
   */
  rules?: UrlRules;
  /** What the URL is for, in the rules' messages (default 'asset'). */
  purpose?: UrlPurpose;
  /** Stops reading a body early once it holds enough (`request()` only). */
  cutter?: BodyCutter;
}

/** A complete response, body in memory. Header names are lower case. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  url: string;
  /** The body was cut short by the request's `cutter`. */
  cut?: boolean;
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

/** The headers that carry a bintu credential, lower case. */
const BINTU_CREDENTIAL_HEADERS = new Set(['x-bintu-apikey', 'x-bintu-token']);
const DEFAULT_MAX_SOCKETS = 6;
const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
/** Bodies held in memory at once, across all hosts; see `ByteBudget`. */
export const DEFAULT_MEMORY_BUDGET = 96 * 1024 * 1024;

/**
 * The app's only HTTP client: keep-alive agents whose `maxSockets` is the per-host concurrency
 * cap (further requests queue), timeouts, cancellation, and failures mapped to `AppError`.
 * It never throws on an HTTP status; callers decide what a status means.
 */
export class HttpClient {
  private readonly agents: AgentPool;
  /** The memory budget every in-memory body reserves from before it is read. */
  readonly budget: ByteBudget;
  private readonly timeoutMs: number;
  private readonly counters: HttpStats = { requests: 0, bytes: 0, notModified: 0, errors: 0 };
  private readonly listeners = new Set<(info: HttpRequestInfo) => void>();
  private readonly live = new Set<Exchange>();
  private disposed = false;
  private proxy: ProxyResolver | null;
  private readonly tls: TlsOptions | undefined;

  constructor(
    options: {
      maxSocketsPerHost?: number;
      timeoutMs?: number;
      memoryBudgetBytes?: number;
      /** Decides per URL whether a request goes through a proxy (none: always direct). */
      proxy?: ProxyResolver;
      /** Certificates to trust besides the built-in ones (an on-premises CA; the tests' own). */
      tls?: TlsOptions;
    } = {},
  ) {
    this.agents = new AgentPool(Math.max(1, Math.floor(options.maxSocketsPerHost ?? DEFAULT_MAX_SOCKETS)), options.tls);
    this.proxy = options.proxy ?? null;
    this.tls = options.tls;
    this.budget = new ByteBudget(options.memoryBudgetBytes ?? DEFAULT_MEMORY_BUDGET);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /**
   * Sends a request and reads the whole body (decompressed as it streams when the server
   * compressed it). The body first reserves what it may grow to from the memory budget.
   */
  async request(req: HttpRequest): Promise<HttpResponse> {
    const maxBytes = req.maxBytes ?? DEFAULT_MAX_BYTES;
    const headers = { ...req.headers };
    const askedForEncoding = !hasHeader(headers, 'accept-encoding');
    if (askedForEncoding) headers['accept-encoding'] = ACCEPTED_ENCODINGS;
    let release: Release | null = null;
    try {
      const { url, exchange, proxy } = await this.begin(req, headers);
      const res = this.throughProxy(await exchange.open(), exchange, url, proxy);
      const responseHeaders = flattenHeaders(res.headers);
      const encoding = askedForEncoding ? responseHeaders['content-encoding'] : undefined;
      release = await this.reserve(res, exchange, { host: url.host, maxBytes, encoded: encoding !== undefined, cutting: req.cutter !== undefined, signal: req.signal });
      const read = await readBody(res, exchange, {
        host: url.host,
        maxBytes,
        ...(encoding !== undefined && { encoding }),
        onBytes: (n) => this.addBytes(n),
        ...(req.cutter !== undefined && { cutter: req.cutter }),
      });
      if (encoding !== undefined) {
        delete responseHeaders['content-encoding'];
        delete responseHeaders['content-length'];
      }
      const status = res.statusCode ?? 0;
      this.completed(url.href, status, read.wireBytes);
      return { status, headers: responseHeaders, body: read.body, url: url.href, ...(read.cut && { cut: true }) };
    } catch (error) {
      throw this.failed(error);
    } finally {
      release?.();
    }
  }

  /** Sends a request and hands the body over as a stream; idle timeout and drops still apply. */
  async stream(req: HttpRequest): Promise<HttpStreamResponse> {
    let begun: { url: URL; exchange: Exchange; proxy: ProxyAddress | undefined };
    try {
      begun = await this.begin(req, { ...req.headers });
    } catch (error) {
      throw this.failed(error);
    }
    const { url, exchange, proxy } = begun;
    let res: http.IncomingMessage;
    try {
      res = this.throughProxy(await exchange.open(), exchange, url, proxy);
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
    this.agents.setMaxSockets(Math.max(1, Math.floor(value)));
  }

  /**
   * Changes how requests find their way out (a proxy set or changed in Settings, by policy, or the
   * system's). Tunnels opened for the old proxy are closed; requests in flight finish as they are.
   */
  setProxyResolver(resolver: ProxyResolver | null): void {
    this.proxy = resolver;
    this.agents.dropProxies();
  }

  /** The per-host connection cap in force. */
  maxSocketsPerHost(): number {
    return this.agents.maxSocketsPerHost();
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
    this.agents.destroy();
    this.listeners.clear();
  }

  private async begin(req: HttpRequest, headers: Record<string, string>): Promise<{ url: URL; exchange: Exchange; proxy: ProxyAddress | undefined }> {
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
    const method = req.method ?? 'GET';
    // The app only reads bintu: whatever a caller builds, a credential never rides on a write.
    if (method !== 'GET' && Object.keys(headers).some((name) => BINTU_CREDENTIAL_HEADERS.has(name.toLowerCase()))) {
      throw new AppError('internal', `Refused to send a bintu credential with ${method}: the app only reads from bintu.`);
    }
    if (req.rules !== undefined) await req.rules.check(req.url, req.purpose ?? 'asset');
    const route = await this.route(url);
    // Through a proxy no lookup hook of ours sees the far host's address: the rules check the
    // name's addresses here instead, as far as this computer can resolve it.
    if (route.kind === 'proxy' && req.rules !== undefined) await checkAddressesAhead(req.rules, url);
    if (this.disposed) throw cancelledError('The HTTP client was closed');
    this.counters.requests += 1;
    const proxy = route.kind === 'proxy' ? route.proxy : undefined;
    const exchange: Exchange = new Exchange({
      url,
      method,
      headers,
      timeoutMs: req.timeoutMs ?? this.timeoutMs,
      agent: this.agents.agentFor(url.protocol, req.rules, route),
      ...(proxy !== undefined && { proxy }),
      ...(this.tls !== undefined && { tls: this.tls }),
      onSettled: () => this.live.delete(exchange),
      ...(req.body !== undefined && { body: req.body }),
      ...(req.signal !== undefined && { signal: req.signal }),
    });
    this.live.add(exchange);
    return { url, exchange, proxy };
  }

  /** The route of a request; a resolver that fails leaves the request direct. */
  private async route(url: URL): Promise<ProxyRoute> {
    if (this.proxy === null) return DIRECT;
    try {
      return await this.proxy(url);
    } catch {
      return DIRECT;
    }
  }

  /**
   * Passes on a response that came through the proxy; one from the proxy itself (a sign-in it
   * wants, a CONNECT it refused) ends the exchange with the proxy's error instead.
   */
  private throughProxy(res: http.IncomingMessage, exchange: Exchange, url: URL, proxy: ProxyAddress | undefined): http.IncomingMessage {
    if (proxy === undefined || !isProxyAnswer(res, url)) return res;
    const error = proxyAnswerError(res.statusCode ?? 0, url.host, proxy);
    res.resume();
    exchange.fail(error);
    throw error;
  }

  /**
   * Reserves memory for a body before it is read: its declared length when it is not compressed,
   * otherwise the most it may decode to. A declared length over the limit fails at once, unread.
   */
  private async reserve(
    res: http.IncomingMessage,
    exchange: Exchange,
    body: { host: string; maxBytes: number; encoded: boolean; cutting: boolean; signal: AbortSignal | undefined },
  ): Promise<Release> {
    const declared = Number(res.headers['content-length']);
    const known = !body.encoded && Number.isFinite(declared) && declared >= 0;
    // A body that may be cut short (a list) is read up to the limit instead: its start is still useful.
    if (known && declared > body.maxBytes && !body.cutting) {
      const error = new AppError('malformed-response', `${body.host} announced a response of ${formatSize(declared)}, more than the ${formatSize(body.maxBytes)} allowed`);
      exchange.fail(error);
      throw error;
    }
    // While the body waits for room, a timeout or cancellation of the exchange ends the wait too.
    const waiting = new AbortController();
    let failure: AppError | null = null;
    exchange.onFailure((error) => {
      failure = error;
      waiting.abort();
    });
    const signals = body.signal === undefined ? waiting.signal : AbortSignal.any([waiting.signal, body.signal]);
    try {
      return await this.budget.reserve(known ? Math.min(declared, body.maxBytes) : body.maxBytes, signals);
    } catch (error) {
      if (failure === null) exchange.fail(cancelledError());
      throw failure ?? error;
    }
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

/** Refuses a name that resolves here to an address the rules do not allow; a name this computer cannot resolve is the proxy's to resolve. */
async function checkAddressesAhead(rules: UrlRules, url: URL): Promise<void> {
  const protocol = url.protocol as 'http:' | 'https:';
  let addresses: Array<{ address: string }>;
  try {
    addresses = await rules.resolve(url.hostname.replace(/^\[|\]$/g, ''));
  } catch {
    return;
  }
  const refused = addresses.find((a) => !rules.allowsAddress(a.address, protocol));
  if (refused !== undefined) throw new AppError('invalid-input', rules.refusedAddress(url.hostname, refused.address).message);
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
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
