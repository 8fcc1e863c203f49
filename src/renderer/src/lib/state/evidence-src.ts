import type { TileView } from '../../../../shared/view';

/** A cached picture's file name as the asset store names it, at the end of a picture address. */
const ASSET_NAME = /[a-f0-9]{64}\.(jpg|gif)$/;

/**
 * The page's address of a cached picture named by an alarm's evidence. Main gives the page
 * addresses only on tiles (`wall-asset://cache/<name>` in the app, another origin's
 * `/wall-asset/<name>` in the test harness), and alarms name their pictures by file name alone:
 * the address is a tile's address with its file name swapped, from the alarm's own stream when
 * it has a picture, else from any tile. Null while no tile has a picture to learn it from.
 */
export function evidenceSrc(name: string | null, tiles: readonly TileView[], streamId: string | null): string | null {
  if (name === null || !ASSET_NAME.test(name)) return null;
  const own = tiles.find((tile) => tile.id === streamId);
  const sample = (own === undefined ? null : firstPicture(own)) ?? firstPictureOf(tiles);
  return sample === null ? null : sample.replace(ASSET_NAME, name);
}

function firstPictureOf(tiles: readonly TileView[]): string | null {
  for (const tile of tiles) {
    const src = firstPicture(tile);
    if (src !== null) return src;
  }
  return null;
}

function firstPicture(tile: TileView): string | null {
  for (const variant of tile.variants) {
    for (const asset of [variant.thumbnail, variant.motionclip]) {
      if (asset !== null && ASSET_NAME.test(asset.src)) return asset.src;
    }
  }
  return null;
}
