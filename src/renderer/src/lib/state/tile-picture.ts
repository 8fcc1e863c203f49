import type { AssetView, TileView, VariantView } from '../../../../shared/view';

/** What a tile shows in its picture area: a thumbnail, or why there is none. */
export type TilePicture =
  | { kind: 'thumbnail'; asset: AssetView }
  | { kind: 'ended' }
  | { kind: 'thumbs-off' }
  | { kind: 'waiting' };

/** The stream's qualities, passthrough first. */
export function variantsByIndex(tile: TileView): VariantView[] {
  return [...tile.variants].sort((a, b) => a.index - b.index);
}

/**
 * The quality a tile shows unless the operator picked one: the first (by index) that has a
 * thumbnail, else the first at all. Null for a stream bintu listed without qualities.
 */
export function defaultVariant(tile: TileView): VariantView | null {
  const variants = variantsByIndex(tile);
  return variants.find((variant) => variant.thumbnail !== null) ?? variants[0] ?? null;
}

/** The quality with this id, or the default one when it is gone (or none was picked). */
export function pickVariant(tile: TileView, variantId: string | null | undefined): VariantView | null {
  return tile.variants.find((variant) => variant.id === variantId) ?? defaultVariant(tile);
}

/**
 * Picks the tile's picture: the given quality's thumbnail, or (without a quality) the first
 * one that has a thumbnail. Without one, says why: the stream ended, thumbnails are switched
 * off, or none arrived yet.
 */
export function tilePicture(tile: TileView, variant: VariantView | null = null): TilePicture {
  const candidates = variant === null ? variantsByIndex(tile) : [variant];
  for (const candidate of candidates) {
    if (candidate.thumbnail !== null) return { kind: 'thumbnail', asset: candidate.thumbnail };
  }
  if (tile.state === 'ended') return { kind: 'ended' };
  if (candidates.every((candidate) => candidate.processing.thumbs === null)) return { kind: 'thumbs-off' };
  return { kind: 'waiting' };
}
