import type { Stream, Variant } from '../../../shared/domain';
import type { AppErrorData } from '../../../shared/errors';
import type { AssetView, ConnectionStatus, TileView, VariantView, WallView } from '../../../shared/view';
import type { AssetRecord } from '../assets/asset-fetcher';
import { wallKey } from '../../../shared/wall-key';

/** The connection as main tracks it; requests and bytes are added from the HTTP client's counters. */
export interface ConnectionState {
  status: ConnectionStatus;
  lastPollAt: number | null;
  lastSuccessAt: number | null;
  offlineSince: number | null;
  error: AppErrorData | null;
}

/** Everything main knows about the wall: the source of every `wall:changed`. */
export interface WallModel {
  streams: readonly Stream[];
  assets: ReadonlyMap<string, AssetRecord>;
  connection: ConnectionState;
  truncated: boolean;
  quantity: number;
  fromCache: boolean;
}

/** Maps a cached file name to the address the page loads it from (`wall-asset:` in Electron). */
export type AssetSrc = (name: string) => string;

/** The organisation a wall's streams belong to: its tiles are keyed `profileId/streamId`. */
export interface WallOrganisation {
  profileId: string;
  name: string;
}

/**
 * The most one tile adds to a `wall:changed` payload, as JSON, whatever bintu sent: `BOUNDS` caps
 * every string and list of a stream (tested with a stream at every bound). A wall of N streams is
 * then at most N times this, and N is at most `quantity`.
 */
export const MAX_TILE_VIEW_BYTES = 32 * 1024;

interface CachedTile {
  tile: TileView;
  /** The asset records the tile was built from, compared by identity. */
  records: (AssetRecord | undefined)[];
}

/**
 * Builds the page's view: no URL of bintu's, only cached-file addresses. Tiles are kept per
 * stream object and rebuilt only when the stream or one of its pictures changed, so an update
 * costs little more than copying the list, and building stays linear in the number of streams.
 */
export class WallViewBuilder {
  private tiles = new WeakMap<Stream, CachedTile>();

  constructor(
    private readonly assetSrc: AssetSrc,
    private readonly organisation: WallOrganisation,
  ) {}

  /**
   * The view of a model, with the two traffic counters the page shows. `gone` streams left bintu's
   * list and keep their tile (with its last picture) until the operator dismisses them.
   */
  build(model: WallModel, traffic: { requests: number; bytes: number }, gone: readonly Stream[] = []): WallView {
    // Only the two counters the page shows: the contract declares no others.
    const connection = { ...model.connection, requests: traffic.requests, bytes: traffic.bytes };
    const { truncated, quantity, fromCache } = model;
    return {
      connection,
      organisations: [{ ...this.organisation, connection, truncated, quantity, fromCache }],
      streams: [...model.streams.map((stream) => this.tile(stream, model.assets, false)), ...gone.map((stream) => this.tile(stream, model.assets, true))],
      truncated,
      quantity,
      fromCache,
    };
  }

  private tile(stream: Stream, assets: ReadonlyMap<string, AssetRecord>, gone: boolean): TileView {
    const records = assetUrls(stream).map((url) => assets.get(url));
    const cached = this.tiles.get(stream);
    if (cached !== undefined && cached.tile.gone === gone && cached.records.every((record, i) => record === records[i])) return cached.tile;
    const tile = toTile(stream, this.organisation.profileId, assets, this.assetSrc, gone);
    this.tiles.set(stream, { tile, records });
    return tile;
  }
}

/** Builds a whole view at once (no tile cache); `WallViewBuilder` is the one to keep. */
export function toWallView(model: WallModel, traffic: { requests: number; bytes: number }, assetSrc: AssetSrc, organisation: WallOrganisation, gone: readonly Stream[] = []): WallView {
  return new WallViewBuilder(assetSrc, organisation).build(model, traffic, gone);
}

function assetUrls(stream: Stream): string[] {
  const urls: string[] = [];
  for (const variant of stream.variants) {
    if (variant.thumbnail) urls.push(variant.thumbnail.url);
    if (variant.motionclip) urls.push(variant.motionclip.url);
  }
  return urls;
}

function toTile(stream: Stream, profileId: string, assets: ReadonlyMap<string, AssetRecord>, assetSrc: AssetSrc, gone: boolean): TileView {
  const variants = stream.variants.map((variant) => toVariant(variant, assets, assetSrc));
  return {
    id: wallKey(profileId, stream.id),
    streamId: stream.id,
    profileId,
    name: stream.streamname ?? stream.variants[0]?.streamname ?? stream.id,
    state: stream.state,
    rawState: stream.rawState,
    tags: stream.tags,
    createdAt: stream.createdAt,
    variants,
    recordings: stream.recordings.map(({ id, fileName, createdAt, streamId }) => ({ id, fileName, createdAt, variantId: streamId })),
    hasReplay: variants.some((variant) => variant.hasReplay),
    gone,
    ...(stream.cut !== undefined && stream.cut.length > 0 && { cut: stream.cut }),
  };
}

function toVariant(variant: Variant, assets: ReadonlyMap<string, AssetRecord>, assetSrc: AssetSrc): VariantView {
  return {
    id: variant.id,
    index: variant.index,
    label: variant.label,
    streamname: variant.streamname,
    processing: variant.processing,
    thumbnail: toAsset(variant.thumbnail?.url, assets, assetSrc),
    motionclip: toAsset(variant.motionclip?.url, assets, assetSrc),
    hasReplay: variant.replay !== null,
  };
}

function toAsset(url: string | undefined, assets: ReadonlyMap<string, AssetRecord>, assetSrc: AssetSrc): AssetView | null {
  const record = url === undefined ? undefined : assets.get(url);
  if (!record?.name) return null;
  return { src: assetSrc(record.name), fetchedAt: record.fetchedAt, changedAt: record.changedAt };
}
