/**
 * The `/_sim/` HTTP routes on the API listener (JSON in, JSON out), mirroring `SimControl`:
 *
 *   GET    /_sim/streams                     list streams with state, names and faults
 *   GET    /_sim/stats                       the request counters
 *   GET    /_sim/requests                    every answered request: listener, method, path, status
 *   GET    /_sim/health                      the simulator's own memory, CPU time and cache size
 *   GET    /_sim/faults                      the global faults
 *   PUT    /_sim/faults                      replace the global faults (FaultSpec body, fault-schema.ts)
 *   DELETE /_sim/faults                      clear every fault, global and per stream
 *   PUT    /_sim/streams/{id}/faults         replace a stream's faults (FaultSpec body)
 *   DELETE /_sim/streams/{id}/faults         clear a stream's faults
 *   PUT    /_sim/streams/{id}/state          {"state": "live" | "ended" | "created" | "locked" | null}
 *   POST   /_sim/streams/{id}/thumbnail      a new thumbnail version now
 *   POST   /_sim/streams/{id}/motionclip     a new motion-clip version now
 *
 * They need no credential and are not counted or faulted. A real bintu base URL never has them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { SimContext } from './context';
import { UnknownStreamError } from './control';
import { parseFaultSpec } from './fault-schema';
import { BodyTooLargeError, readJsonBody, safeDecode } from './http-helpers';

const stateSchema = z.strictObject({ state: z.enum(['live', 'ended', 'created', 'locked']).nullable() });

function send(res: ServerResponse, status: number, json: unknown): void {
  const body = JSON.stringify(json);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

async function dispatch(ctx: SimContext, req: IncomingMessage, parts: string[]): Promise<[number, unknown]> {
  const c = ctx.control;
  const m = req.method ?? 'GET';
  const [a, id, b] = parts;
  if (a === 'streams' && id === undefined && m === 'GET') return [200, c.listStreams()];
  if (a === 'stats' && m === 'GET') return [200, ctx.stats.snapshot(ctx.renderer.counters)];
  if (a === 'requests' && m === 'GET') return [200, ctx.requestLog.snapshot()];
  if (a === 'health' && m === 'GET') {
    const mem = process.memoryUsage();
    const cpu = process.cpuUsage();
    return [200, {
      rssBytes: mem.rss, heapUsedBytes: mem.heapUsed, externalBytes: mem.external,
      cpuUserMs: cpu.user / 1000, cpuSystemMs: cpu.system / 1000,
      uptimeS: process.uptime(), pictureCacheBytes: ctx.renderer.heldBytes,
    }];
  }
  if (a === 'faults' && id === undefined) {
    if (m === 'GET') return [200, c.globalFaults()];
    if (m === 'PUT') {
      c.setGlobalFaults(parseFaultSpec(await readJsonBody(req, {})));
      return [200, c.globalFaults()];
    }
    if (m === 'DELETE') {
      c.clearFaults();
      return [200, {}];
    }
  }
  if (a === 'streams' && id !== undefined) {
    if (b === 'faults' && m === 'PUT') {
      c.setStreamFaults(id, parseFaultSpec(await readJsonBody(req, {})));
      return [200, { ok: true }];
    }
    if (b === 'faults' && m === 'DELETE') {
      c.clearStreamFaults(id);
      return [200, { ok: true }];
    }
    if (b === 'state' && m === 'PUT') {
      c.setState(id, stateSchema.parse(await readJsonBody(req, {})).state);
      return [200, { ok: true }];
    }
    if (b === 'thumbnail' && m === 'POST') {
      c.bumpThumbnail(id);
      return [200, { ok: true }];
    }
    if (b === 'motionclip' && m === 'POST') {
      c.bumpMotionClip(id);
      return [200, { ok: true }];
    }
  }
  return [404, { error: 'no such control route' }];
}

/** Handles a request whose path starts with `/_sim/`. */
export async function handleControl(ctx: SimContext, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const parts = path.split('/').filter(Boolean).slice(1).map(safeDecode);
  try {
    const [status, json] = await dispatch(ctx, req, parts);
    send(res, status, json);
  } catch (e) {
    if (e instanceof UnknownStreamError) send(res, 404, { error: e.message });
    else if (e instanceof BodyTooLargeError) send(res, 413, { error: e.message });
    else if (e instanceof z.ZodError || e instanceof SyntaxError) send(res, 400, { error: e.message });
    else send(res, 500, { error: 'control route failed' });
  }
}
