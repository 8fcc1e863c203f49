import type { AlarmEvent } from '../../../shared/alarms';
import type { HttpClient } from '../http/http-client';
import { Emitter, type Disposable } from '../lifecycle';
import type { Logger } from '../log/logger';
import { toErrorData } from '../errors';

/** How the webhook is doing, for the Settings screen. */
export interface WebhookStatus {
  url: string | null;
  /** Events waiting to be delivered (including one being retried). */
  pending: number;
  lastOkAt: number | null;
  /** The last failure in plain words, until the next delivery succeeds. */
  lastError: string | null;
}

const TIMEOUT_MS = 4_000;
const ATTEMPTS = 5;
const FIRST_RETRY_MS = 1_000;
/** A webhook that is down must not grow memory without bound: the oldest events give way. */
const MAX_QUEUE = 500;

/** Whether a webhook address is acceptable: HTTPS anywhere, plain HTTP only on this machine. */
export function webhookUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'The webhook address is not a valid URL.';
  }
  if (parsed.protocol === 'https:') return null;
  const loopback = ['127.0.0.1', '[::1]', 'localhost'].includes(parsed.hostname);
  if (parsed.protocol === 'http:' && loopback) return null;
  return 'The webhook must use https:// (plain http:// only on this machine).';
}

/**
 * Posts each alarm event as JSON to the operator's webhook, one at a time, with a short timeout
 * and retries with back-off. It never blocks detection: `send` only queues. Events carry no
 * credential, and the webhook gets no header of bintu's.
 */
export class AlarmWebhook implements Disposable {
  private readonly queue: AlarmEvent[] = [];
  private readonly changes = new Emitter<WebhookStatus>();
  /** Fires when delivery succeeds, fails or the queue changes. */
  readonly onDidChange = this.changes.event;
  private lastOkAt: number | null = null;
  private lastError: string | null = null;
  private running = false;
  private readonly abort = new AbortController();
  private dropped = 0;

  constructor(
    private readonly deps: { http: HttpClient; url: () => string | null; log: Logger; now?: () => number; wait?: (ms: number, signal: AbortSignal) => Promise<void> },
  ) {}

  /** Queues an event for delivery, if a webhook is set. */
  send(event: AlarmEvent): void {
    if (!this.deps.url() || this.abort.signal.aborted) return;
    this.queue.push(event);
    if (this.queue.length > MAX_QUEUE) {
      this.queue.shift();
      this.dropped++;
    }
    this.changes.fire(this.status());
    if (!this.running) void this.drain();
  }

  /** The webhook's state now. */
  status(): WebhookStatus {
    return { url: this.deps.url(), pending: this.queue.length, lastOkAt: this.lastOkAt, lastError: this.lastError };
  }

  dispose(): void {
    this.abort.abort();
    this.queue.length = 0;
    this.changes.dispose();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      for (let event = this.queue[0]; event && !this.abort.signal.aborted; event = this.queue[0]) {
        await this.deliver(event);
        if (this.queue[0] === event) this.queue.shift();
        this.changes.fire(this.status());
      }
    } finally {
      this.running = false;
    }
  }

  private async deliver(event: AlarmEvent): Promise<void> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const url = this.deps.url();
      if (!url || this.abort.signal.aborted) return;
      const problem = webhookUrlProblem(url) ?? (await this.post(url, event));
      if (problem === null) {
        this.lastOkAt = (this.deps.now ?? Date.now)();
        this.lastError = null;
        if (this.dropped > 0) this.deps.log.warn(`alarm webhook: ${this.dropped} event(s) were dropped while it was unreachable`);
        this.dropped = 0;
        return;
      }
      this.lastError = problem;
      this.changes.fire(this.status());
      if (attempt === ATTEMPTS) {
        this.deps.log.warn(`alarm webhook: gave up on one event after ${ATTEMPTS} attempts: ${problem}`);
        return;
      }
      await (this.deps.wait ?? sleep)(FIRST_RETRY_MS * 2 ** (attempt - 1), this.abort.signal);
    }
  }

  /** One delivery attempt; answers null on success or the reason it failed. */
  private async post(url: string, event: AlarmEvent): Promise<string | null> {
    try {
      const response = await this.deps.http.request({
        url,
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(event),
        timeoutMs: TIMEOUT_MS,
        maxBytes: 64 * 1024,
        signal: this.abort.signal,
      });
      if (response.status >= 200 && response.status < 300) return null;
      return `The webhook answered HTTP ${response.status}.`;
    } catch (error) {
      return `The webhook could not be reached: ${toErrorData(error).message}`;
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
