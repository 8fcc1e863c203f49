/**
 * Writes a response, honouring the body faults: a slow trickle, or a connection cut after N body
 * bytes (with the full Content-Length announced, as a real mid-transfer drop looks).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
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

/** Sends `out`; calls `count` with the body bytes actually written. */
export async function transmit(
  req: IncomingMessage,
  res: ServerResponse,
  out: Outgoing,
  faults: Pick<RequestFaults, 'dropAfterBytes' | 'slowBodyBytesPerSec'>,
  count: (bytes: number) => void,
): Promise<void> {
  const headers = { ...out.headers };
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
