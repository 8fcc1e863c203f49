/**
 * Builds bintu stream objects in the documented shape, including its quirks: `created_at` at the
 * top but `createdAt` in `web[]`, `streamId` next to `streamname`, recordings as `web[]` entries of
 * type "vod", and legacy fields (`webrtc`, `transcoding`) a tolerant client must skip.
 *
 * List items: whether bintu's list carries the asset arrays is undocumented, so the simulator
 * mixes both per stream (`listCarriesAssets`): some list items have `thumbnails`, `motionclip`,
 * `replay` and recordings, others omit those arrays and the client has to ask `GET /stream/{id}`.
 */
import { recordingName, type Catalogue } from './catalogue';
import type { Schedule } from './schedule';
import type { StreamDef, VariantDef } from './world';

/** What building an object needs besides the stream. */
export interface ObjectContext {
  catalogue: Catalogue;
  schedule: Schedule;
  assetBase: string;
  /** Host (and port) of the API, for the replay page's `bintu=` parameter. */
  apiHost: string;
  now: number;
}

/** Default `asset_limit` when the query has none (the docs use 10). */
export const DEFAULT_ASSET_LIMIT = 10;
const INGEST_URL = 'rtmp://127.0.0.1:1935/live';

const iso = (ms: number): string => new Date(ms).toISOString();

function variantEntry(v: VariantDef, ctx: ObjectContext): Record<string, unknown> {
  const host = new URL(ctx.assetBase).host;
  return {
    id: v.id,
    type: 'live',
    tags: v.tags,
    index: v.index,
    processing: v.processing,
    server: {
      websocket: `ws://${host}/h5live/stream.mp4`,
      hls: `${ctx.assetBase}/h5live/http/playlist.m3u8`,
      progressive: `${ctx.assetBase}/h5live/http/stream.mp4`,
    },
    rtmp: { url: INGEST_URL, streamname: v.streamname },
    info: v.info,
    label: v.label,
  };
}

/** The recordings of a stream at `now`, newest first, at most `limit`. */
export function recordingEntries(stream: StreamDef, ctx: ObjectContext, limit: number): Record<string, unknown>[] {
  const recorded = stream.variants.filter((v) => v.rec);
  if (recorded.length === 0 || limit <= 0) return [];
  const out: Record<string, unknown>[] = [];
  for (const session of ctx.schedule.sessions(stream, ctx.now, limit)) {
    for (const v of recorded) {
      if (out.length >= limit) return out;
      out.push({
        type: 'vod',
        url: `${ctx.assetBase}/vod/${recordingName(v, session.n)}.mp4`,
        streamId: v.id,
        createdAt: iso(session.startMs),
        index: v.index,
      });
    }
  }
  return out;
}

function assetArrays(stream: StreamDef, ctx: ObjectContext): Record<string, unknown[]> {
  const thumbnails: unknown[] = [];
  const motionclip: unknown[] = [];
  const replay: unknown[] = [];
  for (const v of stream.variants) {
    const ref = { streamId: v.id, streamname: v.streamname };
    if (ctx.schedule.version(stream, v, 'thumbnail', ctx.now)) {
      thumbnails.push({ url: `${ctx.assetBase}/vod/thumbnails/${v.streamname}.jpg`, type: 'image', ...ref });
    }
    if (ctx.schedule.version(stream, v, 'motionclip', ctx.now)) {
      motionclip.push({ url: `${ctx.assetBase}/vod/thumbnails/${v.streamname}.gif`, type: 'gif', ...ref });
    }
    if (v.replay && ctx.schedule.sessions(stream, ctx.now, 1).length > 0) {
      const url = `${ctx.assetBase}/live-replay/demo/?streamname=${encodeURIComponent(v.streamname)}&bintu=${encodeURIComponent(ctx.apiHost)}`;
      replay.push({ url, type: 'playout', index: v.index, ...ref });
    }
  }
  return { thumbnails, motionclip, replay };
}

/** One stream object; `withAssets` decides whether the asset arrays are present at all. */
export function streamObject(
  stream: StreamDef,
  ctx: ObjectContext,
  opts: { withAssets: boolean; assetLimit: number },
): Record<string, unknown> {
  const pass = stream.variants[0];
  if (!pass) throw new Error(`stream ${stream.id} has no variants`);
  const web: unknown[] = [
    {
      type: 'live',
      url: `${ctx.assetBase}/nanoplayer/?group.id=${stream.id}`,
      createdAt: iso(stream.createdAtMs),
      streamId: pass.id,
      index: 0,
    },
  ];
  const playout: Record<string, unknown> = {
    h5live: stream.variants.map((v) => variantEntry(v, ctx)),
    rtmp: stream.variants.map((v) => ({
      id: v.id, type: 'live', url: INGEST_URL, streamname: v.streamname,
      processing: v.processing, tags: v.tags, index: v.index,
    })),
    hls: [{ url: `${ctx.assetBase}/hls/${pass.streamname}.m3u8`, type: 'live' }],
    web,
  };
  if (opts.withAssets) {
    web.push(...recordingEntries(stream, ctx, opts.assetLimit));
    Object.assign(playout, assetArrays(stream, ctx));
  }
  return {
    id: stream.id,
    streamgroup: stream.id,
    state: ctx.schedule.stateAt(stream, ctx.now),
    type: stream.type,
    created_at: iso(stream.createdAtMs),
    tags: ctx.catalogue.tags(stream),
    ingest: { rtmp: { url: INGEST_URL, streamname: pass.streamname } },
    playout,
    // Legacy fields older objects carry; a tolerant client ignores them.
    webrtc: [{ url: `${ctx.assetBase}/webrtc`, streamname: pass.streamname }],
    transcoding: {
      enabled: stream.isGroup,
      profiles: stream.variants.slice(1).map((v) => `vtrans2-${v.info.width}x${v.info.height}x${v.info.bitrate}x${v.info.fps}`),
    },
  };
}
