/** A wall tile's caption height and border width in px: what a tile adds to its 16:9 picture. */
export interface TileFrame {
  readonly caption: number;
  readonly border: number;
}

/**
 * Reads the tile frame from the custom properties app.css sets and stream-tile.svelte draws
 * with (`--tile-caption-height`, `--tile-border-width`), so a grid can size rows before any
 * tile exists to measure.
 */
export function readTileFrame(element: Element): TileFrame {
  const style = getComputedStyle(element);
  return {
    caption: parseFloat(style.getPropertyValue('--tile-caption-height')) || 0,
    border: parseFloat(style.getPropertyValue('--tile-border-width')) || 0,
  };
}
