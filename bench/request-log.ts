import type { HttpClient, HttpRequestInfo } from '../src/main/core/http/http-client';
import type { Disposable } from '../src/main/core/lifecycle';

/** One completed response as a client saw it, stamped with the local clock. */
export interface ResponseEvent extends HttpRequestInfo {
  at: number;
}

/** A 200 on an asset URL: when it completed and how many body bytes it carried. */
export interface Hold {
  at: number;
  bytes: number;
}

/** Requests, body bytes and 304s over a span of time. */
export interface Traffic {
  requests: number;
  bytes: number;
  notModified: number;
}

/**
 * Records every response one client's `HttpClient` completes, so the benchmark can count its
 * traffic in the measured window and see when it came to hold each asset (a 200 on its URL).
 */
export class RequestLog implements Disposable {
  private events: ResponseEvent[] = [];
  private readonly subscription: Disposable;

  constructor(http: HttpClient, private readonly now: () => number = Date.now) {
    this.subscription = http.onDidRequest((info) => this.events.push({ ...info, at: this.now() }));
  }

  /** Traffic to URLs that pass `filter`, completed within [from, to]. */
  traffic(filter: (url: string) => boolean, from: number, to: number): Traffic {
    const out: Traffic = { requests: 0, bytes: 0, notModified: 0 };
    for (const e of this.events) {
      if (e.at < from || e.at > to || !filter(e.url)) continue;
      out.requests++;
      out.bytes += e.bytes;
      if (e.status === 304) out.notModified++;
    }
    return out;
  }

  /** For each URL passing `filter`, its 200 answers (time and body size, ascending): moments the client took a new copy. */
  holds(filter: (url: string) => boolean): Map<string, Hold[]> {
    const out = new Map<string, Hold[]>();
    for (const e of this.events) {
      if (e.status !== 200 || !filter(e.url)) continue;
      const list = out.get(e.url) ?? [];
      list.push({ at: e.at, bytes: e.bytes });
      out.set(e.url, list);
    }
    return out;
  }

  /** The body size of every response per URL, completed within [from, to], in order. */
  perUrl(from: number, to: number): Map<string, number[]> {
    const out = new Map<string, number[]>();
    for (const e of this.events) {
      if (e.at < from || e.at > to) continue;
      const sizes = out.get(e.url) ?? [];
      sizes.push(e.bytes);
      out.set(e.url, sizes);
    }
    return out;
  }

  /** How many responses of each kind `classify` names completed within [from, to]. */
  kinds(classify: (e: ResponseEvent) => string, from: number, to: number): Record<string, number> {
    const out: Record<string, number> = {};
    for (const e of this.events) if (e.at >= from && e.at <= to) out[classify(e)] = (out[classify(e)] ?? 0) + 1;
    return out;
  }

  /** Stops recording and lets the events go, so they do not weigh on the heap figure. */
  dispose(): void {
    this.subscription.dispose();
    this.events = [];
  }
}
