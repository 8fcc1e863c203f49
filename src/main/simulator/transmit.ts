/**
 * Writes a response, honouring the body faults: a slow trickle, or a connection cut after N body
 * bytes (with the full Content-Length announced, as a real mid-transfer drop looks).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { RequestFaults } from './faults';

/** A complete response before faults are applied. */
export interface Outgoing {
  status: number;
  headers: Record<string, string | number>;
  body: Buffer;
}

const TICK_MS = 100;

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function write(res: ServerResponse, chunk: Buffer): Promise<void> {
  return new Promise((resolve) => res.write(chunk, () => resolve()));
}

/**
 * Gzips JSON for clients that accept it, as bintu's web server would, so list polling costs what
 * it costs in production. Responses with body faults stay plain: their cut points mean bytes of
 * JSON, which is what the fault tests describe.
 */
function compressJson(
  req: IncomingMessage,
  out: Outgoing,
  faults: Pick<RequestFaults, 'dropAfterBytes' | 'slowBodyBytesPerSec'>,
  headers: Record<string, string | number>,
): Outgoing {
  const json = String(out.headers['Content-Type'] ?? '').startsWith('application/json');
  const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  if (!json || !accepts || out.status !== 200 || out.body.length < 1024) return out;
  if (faults.dropAfterBytes !== null || faults.slowBodyBytesPerSec !== null) return out;
  const body = gzipSync(out.body);
  headers['Content-Encoding'] = 'gzip';
  headers['Vary'] = 'Accept-Encoding';
  delete headers['Content-Length'];
  return { ...out, body };
}

/** Sends `out`; calls `count` with the body bytes actually written. */
export async function transmit(
  req: IncomingMessage,
  res: ServerResponse,
  original: Outgoing,
  faults: Pick<RequestFaults, 'dropAfterBytes' | 'slowBodyBytesPerSec'>,
  count: (bytes: number) => void,
): Promise<void> {
  const headers = { ...original.headers };
  const out = compressJson(req, original, faults, headers);
  // A 304 has no body and must not claim one; HEAD announces the length a GET would send.
  if (headers['Content-Length'] === undefined && out.status !== 304) headers['Content-Length'] = out.body.length;
  res.writeHead(out.status, headers);
  const body = req.method === 'HEAD' || out.status === 304 ? Buffer.alloc(0) : out.body;
  const limit = faults.dropAfterBytes === null ? body.length : Math.min(body.length, faults.dropAfterBytes);
  const cut = limit < body.length;
  if (!cut && faults.slowBodyBytesPerSec === null) {
    res.end(body);
    count(body.length);
    return;
  }
  const step = faults.slowBodyBytesPerSec === null
    ? limit
    : Math.max(1, Math.floor((faults.slowBodyBytesPerSec * TICK_MS) / 1000));
  let sent = 0;
  res.flushHeaders();
  while (sent < limit && !res.destroyed) {
    const chunk = body.subarray(sent, Math.min(limit, sent + step));
    await write(res, chunk);
    sent += chunk.length;
    count(chunk.length);
    if (faults.slowBodyBytesPerSec !== null && sent < limit) await sleep(TICK_MS);
  }
  if (cut) {
    // Give the headers and the partial body a moment to reach the client before the cut.
    await sleep(10);
    res.socket?.destroy();
  } else {
    res.end();
  }
}
