import { BintuClient } from '../src/main/core/bintu/bintu-client';
import { HttpClient } from '../src/main/core/http/http-client';

/** Where and how to run a full refresh. */
export interface RefreshTarget {
  apiBase: string;
  apiKey: string;
  quantity: number;
  assetLimit: number;
  maxSocketsPerHost: number;
}

/** One timed full refresh. */
export interface RefreshRun {
  ms: number;
  /** The list plus one details request per listed stream. */
  requests: number;
  streams: number;
}

/**
 * A cold full refresh through the app's own client: a new `HttpClient` (no pooled sockets, no
 * state) and `BintuClient`, the list, then every stream's details at once, which the client's
 * per-host socket cap queues exactly as it does in the app.
 */
export async function coldRefresh(target: RefreshTarget): Promise<RefreshRun> {
  const http = new HttpClient({ maxSocketsPerHost: target.maxSocketsPerHost });
  const client = new BintuClient({ apiBase: target.apiBase, credential: { kind: 'apiKey', secret: target.apiKey }, http });
  try {
    const started = performance.now();
    const streams = await client.listStreams({ quantity: target.quantity });
    await Promise.all(streams.map((s) => client.getStream(s.id, { assetLimit: target.assetLimit })));
    return { ms: performance.now() - started, requests: 1 + streams.length, streams: streams.length };
  } finally {
    http.dispose();
  }
}

/**
 * The least a full refresh can take at this latency and concurrency: every request costs one
 * round trip and at most `concurrency` run at a time.
 */
export function refreshBound(requests: number, latencyMs: number, concurrency: number): number {
  return (requests * latencyMs) / concurrency;
}
