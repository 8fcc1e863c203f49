/**
 * Test helpers: a raw HTTP client that reports exactly what arrived (status, headers, body bytes,
 * or the socket error), and small conveniences around a running simulator.
 */
import { request } from 'node:http';
import type { Simulator } from '../../../src/main/simulator/index';

/** What a raw client saw. */
export interface RawResponse {
  status: number | null;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** Set when the connection failed or was cut before the body was complete. */
  error: string | null;
  ms: number;
}

/** Sends one request with node:http (no retries, no decoding) and reports what arrived. */
export function raw(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  const started = Date.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let status: number | null = null;
    let headers: RawResponse['headers'] = {};
    const done = (error: string | null): void =>
      resolve({ status, headers, body: Buffer.concat(chunks), error, ms: Date.now() - started });
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
      status = res.statusCode ?? null;
      headers = res.headers;
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null));
      res.on('aborted', () => done('aborted'));
      res.on('error', (e) => done(e.message));
    });
    req.on('error', (e) => done(e.message));
    req.end(init.body);
  });
}

/** The nanoAdmin API key of the simulated organisation. */
export function adminKey(sim: Simulator): string {
  return sim.credentials.find((c) => c.kind === 'apiKey' && c.role === 'nanoAdmin' && c.liveProcessing)!.secret;
}

/** GET on the API with the admin key, parsed as JSON. */
export async function getJson<T = unknown>(sim: Simulator, path: string, key = adminKey(sim)): Promise<{ status: number; json: T }> {
  const res = await fetch(`${sim.baseUrl}${path}`, { headers: { 'X-BINTU-APIKEY': key, Accept: 'application/json' } });
  return { status: res.status, json: (await res.json()) as T };
}

/** A controllable clock for `startSimulator({ now })`. */
export function fakeClock(startMs = Date.UTC(2025, 0, 6, 9, 0, 0)): { now: () => number; advance: (ms: number) => void } {
  let t = startMs;
  return { now: () => t, advance: (ms) => { t += ms; } };
}

/** A bintu stream object as far as the tests look into it. */
export interface StreamJson {
  id: string;
  state: string;
  tags: string[];
  created_at: string;
  playout: {
    h5live: { id: string; index: number; processing: { id: string; interval?: number; duration?: number | null }[] }[];
    web: { type: string; url: string; streamId?: string; createdAt?: string; index?: number }[];
    thumbnails?: { url: string; streamId: string; streamname: string }[];
    motionclip?: { url: string; streamId: string; streamname: string }[];
    replay?: { url: string; streamname: string }[];
  };
}
