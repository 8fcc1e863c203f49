import http from 'node:http';
import https from 'node:https';
import { AppError } from '../errors';
import { cancelledError, errorCodeOf, networkError } from './network-errors';
import { proxiedNetworkError } from './proxy-errors';
import type { ProxyAddress } from './proxy-route';
import type { TlsOptions } from './agent-pool';

/** Everything one exchange needs; the client fills in defaults and the agent. */
export interface ExchangeOptions {
  url: URL;
  method: 'GET' | 'POST' | 'HEAD';
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  agent: http.Agent;
  /** The proxy the agent goes through, so failures on the way to it name it. */
  proxy?: ProxyAddress;
  /** Extra trusted certificates, given per request so they reach TLS inside a proxy tunnel too. */
  tls?: TlsOptions;
  /** Called once when the exchange is over, however it ended. */
  onSettled?: () => void;
}

/** Failures that mean a reused keep-alive socket had already been closed by the server. */
const STALE_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE']);

/**
 * One request and its response on the wire. It owns the timers (socket idle and overall),
 * cancellation and the mapping of failures to `AppError`, until `finish()` or `fail()`; a failure
 * after the head arrived goes to the listener set with `onFailure` (the body reader).
 */
export class Exchange {
  private clientReq: http.ClientRequest | null = null;
  private deadline: NodeJS.Timeout | null = null;
  private settled = false;
  private failureListener: ((error: AppError) => void) | null = null;
  private failedWith: AppError | null = null;
  private readonly host: string;
  private readonly onAbort = (): void => this.fail(cancelledError());

  constructor(private readonly options: ExchangeOptions) {
    this.host = options.url.host;
  }

  /** Sends the request and resolves with the response head. */
  async open(): Promise<http.IncomingMessage> {
    const { signal } = this.options;
    if (signal?.aborted) {
      this.finish();
      throw cancelledError();
    }
    signal?.addEventListener('abort', this.onAbort, { once: true });
    return this.attempt(true);
  }

  /** Routes failures that happen after the head (drop, timeout, cancel) to the body reader. */
  onFailure(listener: (error: AppError) => void): void {
    if (this.failedWith !== null) listener(this.failedWith);
    else this.failureListener = listener;
  }

  /** Stops the overall deadline: a streamed body may take as long as it needs while bytes flow. */
  clearDeadline(): void {
    if (this.deadline !== null) clearTimeout(this.deadline);
    this.deadline = null;
  }

  /** Ends the exchange with an error: tears down the request and tells the current listener. */
  fail(error: AppError): void {
    if (this.settled) return;
    const listener = this.failureListener;
    this.failedWith = error;
    this.finish();
    this.clientReq?.destroy();
    listener?.(error);
  }

  /** Marks the exchange as done: clears timers and the abort listener. Safe to call twice. */
  finish(): void {
    if (this.settled) return;
    this.settled = true;
    this.clearDeadline();
    this.options.signal?.removeEventListener('abort', this.onAbort);
    this.options.onSettled?.();
  }

  private attempt(mayRetry: boolean): Promise<http.IncomingMessage> {
    return new Promise<http.IncomingMessage>((resolve, reject) => {
      const { url, method, headers, body, timeoutMs, agent } = this.options;
      let req: http.ClientRequest;
      try {
        const transport = url.protocol === 'https:' ? https : http;
        req = transport.request(url, { method, headers, agent, ...(url.protocol === 'https:' ? this.options.tls : undefined) });
      } catch {
        // Thrown for header values with forbidden characters. Node's error is not kept as the
        // cause: some of its messages quote the header value, which may be the API key.
        this.finish();
        const message = `The request to ${this.host} could not be built: a header or the address holds characters that cannot be sent`;
        reject(new AppError('invalid-input', message));
        return;
      }
      this.clientReq = req;
      let gotHead = false;
      this.failureListener = reject;
      req.setTimeout(timeoutMs, () => {
        this.fail(new AppError('timeout', `${this.host} sent nothing for ${formatSeconds(timeoutMs)}`));
      });
      req.once('socket', () => this.startDeadline());
      req.on('error', (error) => {
        if (this.settled) return;
        const code = errorCodeOf(error);
        if (!gotHead && mayRetry && method !== 'POST' && req.reusedSocket && code !== undefined && STALE_SOCKET_CODES.has(code)) {
          // The server closed an idle keep-alive socket just as we reused it: the request never
          // reached it, so one fresh attempt is safe for idempotent methods (a POST might have
          // been taken, and its sender retries on its own terms).
          this.attempt(false).then(resolve, reject);
          return;
        }
        const { proxy } = this.options;
        this.fail(proxy === undefined ? networkError(error, this.host) : proxiedNetworkError(error, this.host, proxy));
      });
      req.on('response', (res) => {
        gotHead = true;
        resolve(res);
      });
      req.end(body);
    });
  }

  private startDeadline(): void {
    if (this.deadline !== null || this.settled) return;
    const { timeoutMs } = this.options;
    // Starts when a socket is assigned, not when queued: time spent behind the per-host cap is
    // our own queue, not the server being slow.
    this.deadline = setTimeout(() => {
      this.fail(new AppError('timeout', `${this.host} did not answer within ${formatSeconds(timeoutMs)}`));
    }, timeoutMs);
  }
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
