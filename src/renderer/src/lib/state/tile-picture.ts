import type { AssetView, TileView } from '../../../../shared/view';

/** What a tile shows in its picture area: a thumbnail, or why there is none. */
export type TilePicture =
  | { kind: 'thumbnail'; asset: AssetView }
  | { kind: 'ended' }
  | { kind: 'thumbs-off' }
  | { kind: 'waiting' };

/**
 * Picks the tile's picture: the thumbnail of the first variant (by index) that has one. Without
 * one, says why: the stream ended, no variant has thumbnails switched on, or none arrived yet.
 */
export function tilePicture(tile: TileView): TilePicture {
  const variants = [...tile.variants].sort((a, b) => a.index - b.index);
  for (const variant of variants) {
    if (variant.thumbnail !== null) return { kind: 'thumbnail', asset: variant.thumbnail };
  }
  if (tile.state === 'ended') return { kind: 'ended' };
  if (variants.every((variant) => variant.processing.thumbs === null)) return { kind: 'thumbs-off' };
  return { kind: 'waiting' };
}
