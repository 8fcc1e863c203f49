import { setMaxListeners } from 'node:events';
import type { Stream } from '../src/shared/domain';
import type { HttpClient } from '../src/main/core/http/http-client';
import type { Disposable } from '../src/main/core/lifecycle';
import type { StreamSource } from '../src/main/core/poller/poller';

/** Settings of the baseline client. */
export interface NaiveClientOptions {
  source: StreamSource;
  http: HttpClient;
  /** Time between the starts of two rounds (a round that overruns is followed at once). */
  intervalMs: number;
  quantity: number;
  assetLimit: number;
}

/**
 * The baseline a wall could be built on without thinking: every round it reads the list, then
 * every stream's details, then downloads every thumbnail and motion clip again, unconditionally
 * (no validators, no schedule). Its own `HttpClient` gives it the same per-host concurrency cap.
 */
export class NaiveClient implements Disposable {
  /** Completed rounds. */
  rounds = 0;
  /** Requests that failed (network, timeout or a non-2xx answer). */
  failures = 0;
  private readonly abort = new AbortController();
  private wake: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: NaiveClientOptions) {
    // Hundreds of requests share one abort signal.
    setMaxListeners(0, this.abort.signal);
  }

  /** Starts the first round at once. */
  start(): void {
    void this.loop();
  }

  dispose(): void {
    this.stopped = true;
    this.abort.abort();
    clearTimeout(this.timer);
    this.wake?.();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const startedAt = Date.now();
      await this.round();
      if (this.stopped) return;
      this.rounds++;
      await this.sleep(Math.max(0, startedAt + this.options.intervalMs - Date.now()));
    }
  }

  private async round(): Promise<void> {
    const { source, quantity } = this.options;
    let streams: Stream[];
    try {
      streams = await source.listStreams({ quantity }, this.abort.signal);
    } catch {
      this.failures++;
      return;
    }
    await Promise.all(streams.map((stream) => this.refreshStream(stream.id)));
  }

  private async refreshStream(id: string): Promise<void> {
    let stream: Stream;
    try {
      stream = await this.options.source.getStream(id, { assetLimit: this.options.assetLimit }, this.abort.signal);
    } catch {
      this.failures++;
      return;
    }
    const urls = stream.variants.flatMap((v) => [v.thumbnail?.url, v.motionclip?.url]).filter((u): u is string => u !== undefined);
    await Promise.all(urls.map((url) => this.download(url)));
  }

  private async download(url: string): Promise<void> {
    try {
      const res = await this.options.http.request({ url, signal: this.abort.signal });
      if (res.status !== 200) this.failures++;
    } catch {
      if (!this.stopped) this.failures++;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(resolve, ms);
    });
  }
}
