import type { AssetLink, Variant } from '../../../shared/domain';
import { BOUNDS } from './bounds';
import { noProcessing, normaliseProcessing } from './normalise-processing';
import type { RawAsset, RawPlayout, RawVariant } from './raw-schemas';
import { isWebUrl } from './web-url';

/** A variant before its assets are attached. */
interface VariantDraft {
  id: string;
  index: number;
  position: number;
  tags: string[];
  streamname: string | null;
  label: string;
  processing: Variant['processing'];
}

type AssetKind = 'thumbnail' | 'motionclip' | 'replay';

/**
 * Builds a stream's variants: from `h5live[]` (completed from the matching `rtmp[]` entry), else
 * from `rtmp[]`, else one per `streamId` found among the asset arrays; sorted by index, with the
 * thumbnail, motion clip and replay of each attached.
 */
export function normaliseVariants(streamId: string, playout: RawPlayout | undefined): Variant[] {
  const thumbnails = usableAssets(playout?.thumbnails);
  const motionclips = usableAssets(playout?.motionclip);
  const replays = usableAssets(playout?.replay);
  const drafts = draftVariants(streamId, playout, [thumbnails, motionclips, replays]);
  const assets: Record<AssetKind, (RawAsset | undefined)[]> = {
    thumbnail: assignAssets(drafts, thumbnails),
    motionclip: assignAssets(drafts, motionclips),
    replay: assignAssets(drafts, replays),
  };
  return drafts.map((draft, i) => {
    const thumbnail = assets.thumbnail[i];
    const motionclip = assets.motionclip[i];
    const replay = assets.replay[i];
    return {
      id: draft.id,
      index: draft.index,
      label: draft.label,
      tags: draft.tags,
      streamname: draft.streamname ?? thumbnail?.streamname ?? motionclip?.streamname ?? replay?.streamname ?? null,
      processing: draft.processing,
      thumbnail: toLink(thumbnail),
      motionclip: toLink(motionclip),
      replay: toLink(replay),
    };
  });
}

function draftVariants(streamId: string, playout: RawPlayout | undefined, assetLists: RawAsset[][]): VariantDraft[] {
  const h5live = playout?.h5live ?? [];
  const rtmp = playout?.rtmp ?? [];
  let drafts: VariantDraft[];
  if (h5live.length > 0) {
    drafts = h5live.map((entry, position) => fromEntry(streamId, entry, position, partnerOf(entry, position, rtmp)));
  } else if (rtmp.length > 0) {
    drafts = rtmp.map((entry, position) => fromEntry(streamId, entry, position, undefined));
  } else {
    drafts = fromAssets(streamId, assetLists);
  }
  // Two entries with one id would share a tile key; the first one wins.
  const seen = new Set<string>();
  const unique = drafts.filter((draft) => {
    if (seen.has(draft.id)) return false;
    seen.add(draft.id);
    return true;
  });
  // One more than the bound is kept, so `boundStream` sees and marks the cut, while matching assets
  // to variants stays cheap however many entries bintu sent.
  return unique.sort((a, b) => a.index - b.index || a.position - b.position).slice(0, BOUNDS.variants + 1);
}

/** The `rtmp[]` entry describing the same quality as an `h5live[]` entry: same id, else same index. */
function partnerOf(entry: RawVariant, position: number, rtmp: readonly RawVariant[]): RawVariant | undefined {
  if (entry.id !== undefined) {
    const byId = rtmp.find((r) => r.id === entry.id);
    if (byId !== undefined) return byId;
  }
  const index = indexOf(entry, position);
  return rtmp.find((r, i) => indexOf(r, i) === index);
}

function fromEntry(streamId: string, entry: RawVariant, position: number, partner: RawVariant | undefined): VariantDraft {
  const index = indexOf(entry, position);
  const tags = entry.tags.length > 0 ? entry.tags : (partner?.tags ?? []);
  const merged: RawVariant = { ...entry, tags, info: entry.info ?? partner?.info };
  return {
    id: entry.id ?? partner?.id ?? `${streamId}#${index}`,
    index,
    position,
    tags,
    streamname: entry.streamname ?? entry.rtmp?.streamname ?? partner?.streamname ?? partner?.rtmp?.streamname ?? null,
    label: variantLabel(merged, index),
    processing: normaliseProcessing(entry.processing ?? partner?.processing),
  };
}

/** With no variant arrays, the asset arrays' `streamId`s name the qualities (first seen first). */
function fromAssets(streamId: string, assetLists: RawAsset[][]): VariantDraft[] {
  const ids = new Map<string, string | null>();
  for (const asset of assetLists.flat()) {
    if (asset.streamId !== undefined && !ids.has(asset.streamId)) ids.set(asset.streamId, asset.streamname ?? null);
  }
  if (ids.size === 0 && assetLists.some((list) => list.length > 0)) ids.set(streamId, null);
  return [...ids].map(([id, streamname], index) => ({
    id,
    index,
    position: index,
    tags: [],
    streamname,
    label: variantLabel({ tags: [] }, index),
    processing: noProcessing(),
  }));
}

function indexOf(entry: RawVariant, position: number): number {
  const index = entry.index;
  return index !== undefined && Number.isInteger(index) && index >= 0 ? index : position;
}

/**
 * A short name for a quality: "Passthrough" for index 0 or a Passthrough tag, else its size
 * ("852x480") from `info` or a transcode profile, else bintu's label or first tag.
 */
export function variantLabel(entry: Pick<RawVariant, 'tags'> & Partial<RawVariant>, index: number): string {
  // The first few tags are enough to name a quality; looking through hundreds would cost more than it tells.
  const tags = entry.tags.slice(0, 8);
  if (index === 0 || tags.some((tag) => /passthrough/i.test(tag))) return 'Passthrough';
  const { width, height } = entry.info ?? {};
  if (width !== undefined && height !== undefined && width > 0 && height > 0) return `${Math.round(width)}x${Math.round(height)}`;
  for (const hint of [entry.profile, entry.label, ...tags]) {
    const size = hint?.match(/(\d{3,4})x(\d{3,4})/);
    if (size) return `${size[1]}x${size[2]}`;
  }
  const named = entry.label?.trim() || entry.tags[0]?.trim();
  return named !== undefined && named !== '' ? named.slice(0, 60) : `Quality ${index}`;
}

function usableAssets(list: RawAsset[] | undefined): RawAsset[] {
  return (list ?? []).filter((asset) => isWebUrl(asset.url));
}

/**
 * Gives each variant (in sorted order) its asset: by `streamId`, then by `streamname`, then by
 * `index`, then the remaining assets in array order (bintu's own example has ids that do not match
 * its variants, and a single-variant stream takes the lone asset this way). An asset that names
 * one of the variants is never handed to another one by the looser rules.
 */
function assignAssets(variants: readonly VariantDraft[], assets: readonly RawAsset[]): (RawAsset | undefined)[] {
  const result: (RawAsset | undefined)[] = variants.map(() => undefined);
  const free = new Set(assets.keys());
  const ids = new Set(variants.map((v) => v.id));
  const names = new Set(variants.flatMap((v) => (v.streamname === null ? [] : [v.streamname])));
  const namedById = (asset: RawAsset): boolean => asset.streamId !== undefined && ids.has(asset.streamId);
  const namesNone = (asset: RawAsset): boolean =>
    !namedById(asset) && !(asset.streamname !== undefined && names.has(asset.streamname));
  const pass = (matches: (variant: VariantDraft, asset: RawAsset) => boolean): void => {
    variants.forEach((variant, v) => {
      if (result[v] !== undefined) return;
      for (const a of free) {
        const asset = assets[a];
        if (asset !== undefined && matches(variant, asset)) {
          result[v] = asset;
          free.delete(a);
          return;
        }
      }
    });
  };
  pass((variant, asset) => asset.streamId !== undefined && asset.streamId === variant.id);
  pass(
    (variant, asset) =>
      variant.streamname !== null &&
      asset.streamname === variant.streamname &&
      !namedById(asset),
  );
  pass((variant, asset) => namesNone(asset) && asset.index !== undefined && asset.index === variant.index);
  pass((_variant, asset) => namesNone(asset));
  return result;
}

function toLink(asset: RawAsset | undefined): AssetLink | null {
  if (asset?.url === undefined) return null;
  return { url: asset.url, streamId: asset.streamId ?? null, streamname: asset.streamname ?? null };
}
