/**
 * The asset host: thumbnails and motion clips (conditional requests, 304), MP4 recordings (byte
 * ranges) and the replay page. Assets need no credential; one that arrives anyway is counted as
 * a leak.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { VariantRef } from './catalogue';
import type { SimContext } from './context';
import { carriesCredential } from './credentials';
import type { RequestFaults } from './faults';
import { httpDate, notModified, safeDecode } from './http-helpers';
import { recordingResponse } from './recording-response';
import { replayPage } from './replay-page';
import { sleep, transmit, type Outgoing } from './transmit';
import type { AssetKind } from './schedule';
import { shotEtag, shotFor } from './shot';
import type { RouteKind } from './types';

const text = (status: number, message: string, extra: Record<string, string | number> = {}): Outgoing => ({
  status,
  headers: { 'Content-Type': 'text/plain; charset=utf-8', ...extra },
  body: Buffer.from(`${message}\n`),
});

interface Route {
  kind: RouteKind;
  ref: VariantRef | undefined;
  answer: () => Promise<Outgoing>;
}

function route(ctx: SimContext, req: IncomingMessage, url: URL): Route {
  const path = safeDecode(url.pathname);
  let m = /^\/vod\/thumbnails\/([^/]+)\.(jpg|gif)$/.exec(path);
  if (m?.[1] && m[2]) {
    const ref = ctx.catalogue.variantByName(m[1]);
    const kind: AssetKind = m[2] === 'jpg' ? 'thumbnail' : 'motionclip';
    return { kind, ref, answer: () => picture(ctx, req, ref, kind) };
  }
  m = /^\/vod\/([^/]+)\.mp4$/.exec(path);
  if (m?.[1]) {
    const rec = ctx.catalogue.recordingByName(m[1]);
    return { kind: 'recording', ref: rec, answer: async () => recordingResponse(ctx, req, rec) };
  }
  if (path === '/live-replay/demo/' || path === '/live-replay/demo') {
    const ref = ctx.catalogue.variantByName(url.searchParams.get('streamname') ?? '');
    return { kind: 'other', ref, answer: async () => replayPage(ctx, url.searchParams.get('streamname') ?? '', ref) };
  }
  return { kind: 'other', ref: undefined, answer: async () => text(404, 'Not Found') };
}

async function picture(ctx: SimContext, req: IncomingMessage, ref: VariantRef | undefined, kind: AssetKind): Promise<Outgoing> {
  if (!ref) return text(404, 'Not Found');
  const { stream, variant } = ref;
  // The stream stays live and listed; only this picture's URL has nothing behind it.
  if (ctx.faults.flag(stream.id, kind === 'thumbnail' ? 'thumbnail404' : 'motionclip404')) return text(404, 'Not Found');
  const info = ctx.schedule.version(stream, variant, kind, ctx.now());
  if (!info) return text(404, 'Not Found');
  const shot = shotFor(ctx, stream, variant, kind, info);
  const etag = shotEtag(shot);
  const headers = {
    'Content-Type': kind === 'thumbnail' ? 'image/jpeg' : 'image/gif',
    'Cache-Control': 'no-cache',
    ETag: etag,
    'Last-Modified': httpDate(info.producedAt),
  };
  if (notModified(req.headers, etag, info.producedAt)) return { status: 304, headers, body: Buffer.alloc(0) };
  const body = kind === 'thumbnail'
    ? await ctx.renderer.thumbnail(shot)
    : await ctx.renderer.motionClip(shot, variant.motion?.durationS ?? 1);
  return { status: 200, headers, body };
}

function faultAnswer(f: RequestFaults): Outgoing | null {
  if (f.rateLimited) return text(429, 'Too Many Requests', { 'Retry-After': f.retryAfterS });
  if (f.errorStatus === 503) return text(503, 'Service Unavailable', { 'Retry-After': f.retryAfterS });
  if (f.errorStatus) return text(f.errorStatus, f.errorStatus === 502 ? 'Bad Gateway' : 'Internal Server Error');
  return null;
}

/** Handles one request on the asset listener. */
export async function handleAsset(ctx: SimContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const arrived = ctx.now();
  const url = new URL(req.url ?? '/', 'http://assets.invalid');
  const r = route(ctx, req, url);
  ctx.stats.request(r.kind, carriesCredential(req.headers));
  const streamId = r.ref?.stream.id ?? null;
  const f = ctx.faults.forRequest('assets', streamId);
  if (f.latencyMs > 0) await sleep(f.latencyMs);
  let out: Outgoing;
  if (req.method !== 'GET' && req.method !== 'HEAD') out = text(405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
  else if (streamId && ctx.faults.flag(streamId, 'gone')) out = text(404, 'Not Found');
  else out = faultAnswer(f) ?? (await r.answer());
  ctx.stats.status(out.status);
  ctx.requestLog.add({ listener: 'assets', method: req.method ?? 'GET', path: req.url ?? '/', status: out.status, at: arrived });
  await transmit(req, res, out, f, (n) => ctx.stats.sent(r.kind, n));
}
