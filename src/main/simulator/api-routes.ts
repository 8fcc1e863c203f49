/**
 * The bintu API routes: `GET /stream`, `POST /stream`, `GET /stream/{id}`,
 * `GET /stream/{id}/group` and `PUT /stream/{id}/tag`, with bintu's credential checks, query validation and error bodies,
 * and the request faults applied in the order a real deployment shows them: delay, gateway
 * errors and rate limits, then the application's own answer, then a damaged body or connection.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as E from './bintu-errors';
import type { SimContext } from './context';
import { createStream } from './create-stream';
import { authenticate } from './credentials';
import { readJsonBody, safeDecode } from './http-helpers';
import type { RequestFaults } from './faults';
import { DEFAULT_ASSET_LIMIT, streamObject, type ObjectContext } from './stream-object';
import { sleep, transmit, type Outgoing } from './transmit';
import type { RouteKind } from './types';
import type { StreamDef } from './world';

type Answer = { status: number; json: unknown };

const STATES = ['live', 'created', 'ended', 'locked', 'deleted'];

const fromError = (e: E.BintuError): Answer => ({ status: e.status, json: e.body });

function objectContext(ctx: SimContext): ObjectContext {
  return {
    catalogue: ctx.catalogue,
    schedule: ctx.schedule,
    assetBase: ctx.urls.assets,
    apiHost: new URL(ctx.urls.api).host,
    now: ctx.now(),
  };
}

/** A non-negative integer query parameter given at most once, or a bintu error. */
function intParam(q: URLSearchParams, name: string, min: number): number | null | E.BintuError {
  const values = q.getAll(name);
  if (values.length > 1) return E.parameterNotUnique(name);
  const v = values[0];
  if (v === undefined) return null;
  if (!/^\d+$/.test(v) || Number(v) < min) return E.wrongDataType(name, 'integer');
  return Number(v);
}

function list(ctx: SimContext, q: URLSearchParams): Answer {
  const quantity = intParam(q, 'quantity', 1);
  if (quantity !== null && typeof quantity === 'object') return fromError(quantity);
  const states = q.getAll('state');
  if (states.length > 1) return fromError(E.parameterNotUnique('state'));
  const state = states[0];
  if (state !== undefined && !STATES.includes(state)) return fromError(E.wrongDataType('state', STATES.join('|')));
  const tags = q.getAll('tags[]');
  const oc = objectContext(ctx);
  const items = ctx.catalogue.streams
    .filter((s) => !ctx.faults.flag(s.id, 'gone'))
    .filter((s) => state === undefined || ctx.schedule.stateAt(s, oc.now) === state)
    .filter((s) => tags.every((t) => ctx.catalogue.tags(s).includes(t)))
    .slice(0, quantity ?? 50)
    .map((s) => streamObject(s, oc, { withAssets: s.listCarriesAssets && !ctx.listWithoutAssets, assetLimit: DEFAULT_ASSET_LIMIT }));
  return { status: 200, json: items };
}

function details(ctx: SimContext, stream: StreamDef, q: URLSearchParams): Answer {
  const limit = intParam(q, 'asset_limit', 0);
  if (limit !== null && typeof limit === 'object') return fromError(limit);
  return { status: 200, json: streamObject(stream, objectContext(ctx), { withAssets: true, assetLimit: limit ?? DEFAULT_ASSET_LIMIT }) };
}

async function setTags(ctx: SimContext, req: IncomingMessage, stream: StreamDef, role: string): Promise<Answer> {
  if (role === 'nanoReadOnly') return fromError(E.accessDenied());
  let body: unknown;
  try {
    body = await readJsonBody(req, null);
  } catch {
    return fromError(E.wrongDataType('body', 'json'));
  }
  const tags = (body as { tags?: unknown } | null)?.tags;
  if (tags === undefined) return fromError(E.parameterRequired('tags'));
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) return fromError(E.wrongDataType('tags', 'array'));
  ctx.catalogue.setTags(stream, tags as string[]);
  return details(ctx, stream, new URLSearchParams());
}

async function create(ctx: SimContext, req: IncomingMessage, role: string): Promise<Answer> {
  if (role === 'nanoReadOnly') return fromError(E.accessDenied());
  let body: unknown;
  try {
    body = await readJsonBody(req, null);
  } catch {
    return fromError(E.wrongDataType('body', 'json'));
  }
  const made = createStream(body, {
    seed: ctx.seed, orgHash: ctx.catalogue.world.orgHash, now: ctx.now(), serial: ctx.catalogue.streams.length,
  });
  if (!made.ok) return fromError(made.error);
  ctx.catalogue.add(made.value);
  return details(ctx, made.value, new URLSearchParams());
}

interface Routed {
  kind: RouteKind;
  streamId: string | null;
  run: (role: string) => Promise<Answer>;
}

function route(ctx: SimContext, req: IncomingMessage, url: URL): Routed {
  const parts = url.pathname.split('/').filter(Boolean).map(safeDecode);
  const method = req.method ?? 'GET';
  const notAllowed = async (): Promise<Answer> => fromError(E.methodNotAllowed());
  if (parts[0] !== 'stream' || parts.length > 3) return { kind: 'other', streamId: null, run: async () => fromError(E.routeNotFound()) };
  if (parts.length === 1) {
    if (method === 'POST') return { kind: 'other', streamId: null, run: (role) => create(ctx, req, role) };
    return { kind: 'list', streamId: null, run: method === 'GET' ? async () => list(ctx, url.searchParams) : notAllowed };
  }
  const id = parts[1] ?? '';
  const stream = ctx.catalogue.stream(id);
  const sub = parts[2];
  const found = (fn: (s: StreamDef, role: string) => Answer | Promise<Answer>) => async (role: string): Promise<Answer> =>
    !stream || ctx.faults.flag(stream.id, 'gone') ? fromError(E.streamNotFound(id)) : fn(stream, role);
  if (sub === undefined) {
    return { kind: 'details', streamId: id, run: method === 'GET' ? found((s) => details(ctx, s, url.searchParams)) : notAllowed };
  }
  if (sub === 'group') {
    // The group's shape is undocumented; it is answered as the group's stream object, which
    // carries every quality (passthrough plus transcodes) in its playout arrays.
    return { kind: 'details', streamId: id, run: method === 'GET' ? found((s) => details(ctx, s, url.searchParams)) : notAllowed };
  }
  if (sub === 'tag') {
    return { kind: 'other', streamId: id, run: method === 'PUT' ? found((s, role) => setTags(ctx, req, s, role)) : notAllowed };
  }
  return { kind: 'other', streamId: null, run: async () => fromError(E.routeNotFound()) };
}

function gatewayAnswer(f: RequestFaults): Outgoing | null {
  const retry = { 'Retry-After': f.retryAfterS };
  if (f.rateLimited) return jsonOut(429, E.tooManyRequests().body, retry);
  if (f.errorStatus === 500) return jsonOut(500, E.internalError().body);
  if (f.errorStatus === 502 || f.errorStatus === 503) {
    // Gateways answer in HTML, not bintu JSON: the client must not assume every body parses.
    const title = f.errorStatus === 502 ? 'Bad Gateway' : 'Service Unavailable';
    return {
      status: f.errorStatus,
      headers: { 'Content-Type': 'text/html', ...(f.errorStatus === 503 ? retry : {}) },
      body: Buffer.from(`<html><head><title>${f.errorStatus} ${title}</title></head><body><h1>${title}</h1></body></html>\n`),
    };
  }
  return null;
}

function jsonOut(status: number, json: unknown, extra: Record<string, string | number> = {}): Outgoing {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...extra }, body: Buffer.from(JSON.stringify(json)) };
}

/** Damages a JSON body as the faults ask. */
function damage(out: Outgoing, f: RequestFaults): Outgoing {
  if (f.malformedJson) return { ...out, body: Buffer.from(`{"id": "${'x'.repeat(8)}", "state": live, <html>`) };
  if (f.truncatedJson) return { ...out, body: out.body.subarray(0, Math.max(1, Math.floor(out.body.length / 2))) };
  return out;
}

/** Handles one request on the API listener (control routes excluded). */
export async function handleApi(ctx: SimContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const arrived = ctx.now();
  const url = new URL(req.url ?? '/', 'http://api.invalid');
  const r = route(ctx, req, url);
  ctx.stats.request(r.kind, false);
  const f = ctx.faults.forRequest('api', r.streamId);
  if (f.latencyMs > 0) await sleep(f.latencyMs);
  let out = gatewayAnswer(f);
  if (!out) {
    const presented = authenticate(req.headers, ctx.credentials);
    const cred = presented !== null && ctx.revoked.has(presented.secret) ? null : presented;
    const answer = !cred
      ? fromError(E.credentialsNotValid())
      : !cred.liveProcessing
        ? fromError(E.organisationNotEnabled())
        : await r.run(cred.role);
    out = damage(jsonOut(answer.status, answer.json), f);
  }
  ctx.stats.status(out.status);
  ctx.requestLog.add({ listener: 'api', method: req.method ?? 'GET', path: req.url ?? '/', status: out.status, at: arrived });
  await transmit(req, res, out, f, (n) => ctx.stats.sent(r.kind, n));
}
