import type { Stream, Variant } from '../../../shared/domain';
import type { AppErrorData } from '../../../shared/errors';
import type { AssetView, ConnectionStatus, TileView, VariantView, WallView } from '../../../shared/view';
import type { AssetRecord } from '../assets/asset-fetcher';

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

/** Builds the page's view: no URL of bintu's, only cached-file addresses. */
export function toWallView(
  model: WallModel,
  traffic: { requests: number; bytes: number },
  assetSrc: AssetSrc,
  /** Streams that left bintu's list and keep their tile (with its last picture) until dismissed. */
  gone: readonly Stream[] = [],
): WallView {
  return {
    // Only the two counters the page shows: the contract declares no others.
    connection: { ...model.connection, requests: traffic.requests, bytes: traffic.bytes },
    streams: [...model.streams.map((stream) => toTile(stream, model.assets, assetSrc, false)), ...gone.map((stream) => toTile(stream, model.assets, assetSrc, true))],
    truncated: model.truncated,
    quantity: model.quantity,
    fromCache: model.fromCache,
  };
}

function toTile(stream: Stream, assets: ReadonlyMap<string, AssetRecord>, assetSrc: AssetSrc, gone: boolean): TileView {
  const variants = stream.variants.map((variant) => toVariant(variant, assets, assetSrc));
  return {
    id: stream.id,
    name: stream.streamname ?? stream.variants[0]?.streamname ?? stream.id,
    state: stream.state,
    rawState: stream.rawState,
    tags: stream.tags,
    createdAt: stream.createdAt,
    variants,
    recordings: stream.recordings.map(({ id, fileName, createdAt, streamId }) => ({ id, fileName, createdAt, variantId: streamId })),
    hasReplay: variants.some((variant) => variant.hasReplay),
    gone,
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
