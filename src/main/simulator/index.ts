/**
 * The bintu simulator: a local stand-in for the bintu API (one listener) and its asset host
 * (a second listener, so the asset host differs from the API base as it does in production).
 * Plain Node; used by demo mode, by every test and on its own through cli.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleApi } from './api-routes';
import { handleAsset } from './asset-routes';
import { AssetRenderer } from './asset-renderer';
import { Catalogue } from './catalogue';
import type { SimContext } from './context';
import { createControl } from './control';
import { handleControl } from './control-routes';
import { buildCredentials } from './credentials';
import { FaultBook } from './faults';
import { defaultMediaDir, MediaLibrary } from './media';
import { Schedule, type AssetKind } from './schedule';
import { shotFor } from './shot';
import { RequestLog } from './request-log';
import { StatsCounter } from './stats';
import type { AssetVersion, FaultSpec, Simulator, SimulatorOptions } from './types';
import { buildWorld } from './world';

/** Every public simulator type (options, credentials, faults, stats, control). */
export type * from './types';

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Wraps a handler so a bug answers 500 instead of crashing the process. */
function guarded(handler: Handler): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handler(req, res).catch(() => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end('simulator error\n');
      } else {
        res.destroy();
      }
    });
  };
}

/** The demo's occasional fault: one stream's details fail now and then. */
const DEMO_FAULT: FaultSpec = { scope: 'api', errorRate: 0.2 };

async function assetVersions(ctx: SimContext, since: number, until: number): Promise<AssetVersion[]> {
  const out: AssetVersion[] = [];
  for (const stream of ctx.catalogue.streams) {
    for (const variant of stream.variants) {
      for (const kind of ['thumbnail', 'motionclip'] as AssetKind[]) {
        for (const info of ctx.schedule.versionsProduced(stream, variant, kind, since, until)) {
          const shot = shotFor(ctx, stream, variant, kind, info);
          const bytes = ctx.renderer.knownSize(shot) ?? (kind === 'thumbnail'
            ? await ctx.renderer.thumbnail(shot)
            : await ctx.renderer.motionClip(shot, variant.motion?.durationS ?? 1)).length;
          const ext = kind === 'thumbnail' ? 'jpg' : 'gif';
          out.push({
            kind,
            streamname: variant.streamname,
            url: `${ctx.urls.assets}/vod/thumbnails/${variant.streamname}.${ext}`,
            version: info.version,
            producedAt: info.producedAt,
            bytes,
          });
        }
      }
    }
  }
  return out.sort((a, b) => a.producedAt - b.producedAt);
}

/** Starts a simulator on 127.0.0.1 and resolves once both listeners are bound. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const now = options.now ?? Date.now;
  const seed = options.seed ?? 1;
  const demo = options.demo === true;
  const streams = demo ? Math.max(24, options.streams ?? 24) : Math.max(1, options.streams ?? 24);
  const groups = options.groups ?? Math.max(demo ? 3 : 0, Math.round(streams / 5));
  const lifecycle = options.lifecycle ?? true;
  const startMs = now();
  const world = buildWorld({
    seed, streams, groups, startMs, lifecycle, demo,
    thumbIntervalRange: options.thumbIntervalRange ?? [10, 60],
    motionIntervalRange: options.motionIntervalRange ?? [30, 120],
  });
  const catalogue = new Catalogue(world);
  const schedule = new Schedule(world, seed, startMs, lifecycle);
  const faults = new FaultBook(seed);
  const ctx: SimContext = {
    catalogue, schedule, faults, now, seed,
    renderer: new AssetRenderer(),
    stats: new StatsCounter(),
    media: new MediaLibrary(options.mediaDir ?? defaultMediaDir()),
    credentials: buildCredentials(seed),
    revoked: new Set(),
    listWithoutAssets: options.listWithoutAssets === true,
    requestLog: new RequestLog(),
    control: createControl(catalogue, schedule, faults, now),
    urls: { api: '', assets: '' },
  };
  const { latencyMs, jitterMs, errorRate } = options;
  if (latencyMs !== undefined || jitterMs !== undefined || errorRate !== undefined || options.faults) {
    ctx.control.setGlobalFaults({ scope: 'api', latencyMs, jitterMs, errorRate, ...options.faults });
  }
  for (const { stream, spec } of options.streamFaults ?? []) {
    const id = typeof stream === 'number' ? world.streams[stream]?.id : stream;
    if (id === undefined) throw new Error(`no stream at index ${stream} (there are ${world.streams.length})`);
    ctx.control.setStreamFaults(id, spec);
  }
  const faulty = world.streams.find((s, i) => i >= 6 && !s.isGroup && s.plan.kind === 'cycle');
  if (demo && faulty) ctx.control.setStreamFaults(faulty.id, DEMO_FAULT);

  const api = createServer({ keepAlive: true }, guarded(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://api.invalid').pathname;
    if (path.startsWith('/_sim/')) await handleControl(ctx, req, res, path);
    else await handleApi(ctx, req, res);
  }));
  const assets = createServer({ keepAlive: true }, guarded((req, res) => handleAsset(ctx, req, res)));
  const apiPort = await listen(api, options.port ?? 0);
  const assetPort = await listen(assets, options.assetPort ?? 0);
  ctx.urls.api = `http://127.0.0.1:${apiPort}`;
  ctx.urls.assets = `http://127.0.0.1:${assetPort}`;

  return {
    baseUrl: ctx.urls.api,
    assetBaseUrl: ctx.urls.assets,
    credentials: ctx.credentials.map((c) => ({ ...c })),
    control: ctx.control,
    stats: () => ctx.stats.snapshot(ctx.renderer.counters),
    assetVersions: (since, until) => assetVersions(ctx, since, until),
    requests: () => ctx.requestLog.snapshot().requests,
    revokeCredential: (secret) => {
      ctx.revoked.add(secret);
    },
    close: async () => {
      await Promise.all([closeServer(api), closeServer(assets)]);
    },
  };
}
