import type { WallDisplay } from '../../../../shared/settings-view';

/** The operator's text size: small for a desk, medium for a wall, large for a far wall. */
export type TextSize = WallDisplay['textSize'];

/** The display settings until main's arrive: the same defaults main starts with. */
export const DEFAULT_WALL_DISPLAY: WallDisplay = { textSize: 'medium', overflow: 'pages', rotateS: 20, rotateInKiosk: true, rotateOnDesk: false };

/** Space between tiles of a paged grid, in px. */
export const TILE_GAP = 8;
/** A tile's border, in px, on each side. */
const BORDER = 1;
/** The row of tag chips and action buttons: desk-sized controls, for the operator at the desk. */
const DETAILS_ROW = 28;
const ROW_GAP = 4;
/** Below this width the tag chips and buttons would not fit beside each other. */
const DETAILS_MIN_WIDTH = 280;
/** Larger text stands for a farther viewer: the factor on every tile's text. */
const SCALE: Readonly<Record<TextSize, number>> = { small: 0.75, medium: 1, large: 1.25 };
/**
 * The smallest picture width auto-fit goes down to before it starts a second page. Larger text
 * means a farther viewer, who needs larger pictures too.
 */
export const MIN_PICTURE_WIDTH: Readonly<Record<TextSize, number>> = { small: 200, medium: 256, large: 340 };
/** Grids are searched up to this many columns and rows (a 4K wall of 200 px tiles has 19). */
const MAX_TRACKS = 48;

/** The sizes a tile's caption is drawn with, in px, all following from the tile's size. */
export interface TileText {
  /** The stream name. */
  readonly name: number;
  /** The state badge. */
  readonly badge: number;
  /** The age and the quality label. */
  readonly small: number;
  /** Height of the caption's first line (badge, name, age). */
  readonly line: number;
  readonly pad: number;
  /** The whole caption under the picture. */
  readonly caption: number;
  /** Whether the row of tags and action buttons shows (only where it leaves the picture large). */
  readonly details: boolean;
}

/**
 * Text sizes for a tile `width` wide and (in a paged grid) `height` high. The name is about 5.6 %
 * of the width, so a 4x4 wall on a 1080p screen names its streams in 26 px, readable from 3 m;
 * a short cell caps it at 12 % of the height, so the caption never eats the picture. Past 32 px
 * it grows at half the rate: a large tile needs larger text, not proportionally larger.
 */
export function tileText(width: number, height: number | null, size: TextSize, details: boolean): TileText {
  const raw = Math.min(0.056 * width, height === null ? Infinity : 0.12 * height);
  const soft = raw <= 32 ? raw : 32 + (raw - 32) / 2;
  const name = clamp(Math.round(soft * SCALE[size]), 12, 96);
  const line = Math.ceil(name * 1.3);
  const pad = Math.max(6, Math.round(name * 0.25));
  return {
    name,
    badge: Math.max(11, Math.round(name * 0.85)),
    small: Math.max(11, Math.round(name * 0.7)),
    line,
    pad,
    caption: 2 * pad + line + (details ? ROW_GAP + DETAILS_ROW : 0),
    details,
  };
}

/** The CSS custom properties a tile reads its text sizes from (set on the grid, or on a cell). */
export function tileTextStyle(text: TileText): string {
  return [
    `--tile-name:${text.name}px`,
    `--tile-badge:${text.badge}px`,
    `--tile-small:${text.small}px`,
    `--tile-line:${text.line}px`,
    `--tile-pad:${text.pad}px`,
    `--tile-caption-height:${text.caption}px`,
  ].join(';');
}

/** The width of the whole 16:9 picture letterboxed into a tile of this size. */
export function pictureWidth(width: number, height: number, text: TileText): number {
  return Math.max(0, Math.min(width - 2 * BORDER, ((height - text.caption - 2 * BORDER) * 16) / 9));
}

/** The height a tile of this width needs for its whole picture and caption, no more. */
export function naturalHeight(width: number, text: TileText): number {
  return ((width - 2 * BORDER) * 9) / 16 + text.caption + 2 * BORDER;
}

/** How a page of the wall is laid out. */
export interface PageLayout {
  readonly columns: number;
  readonly rows: number;
  readonly perPage: number;
  readonly cellWidth: number;
  /** A tile's height: the whole row in a fixed grid, no more than its picture and caption need in auto-fit. */
  readonly cellHeight: number;
  readonly pictureWidth: number;
  readonly text: TileText;
}

/** The space a paged grid fills, in px. */
export interface Area {
  readonly width: number;
  readonly height: number;
}

/**
 * The tile text for a cell, with the details row where it costs the picture at most 15 % of its
 * width (and the cell is wide enough for it), else without: a wall of many tiles keeps its
 * pictures, a desk wall of a dozen keeps its buttons.
 */
function cellText(width: number, height: number, size: TextSize, details: boolean): TileText {
  const bare = tileText(width, height, size, false);
  if (!details || width < DETAILS_MIN_WIDTH) return bare;
  const full = tileText(width, height, size, true);
  return pictureWidth(width, height, full) >= 0.85 * pictureWidth(width, height, bare) ? full : bare;
}

function track(total: number, count: number): number {
  return (total - (count - 1) * TILE_GAP) / count;
}

/** What a layout is asked for: the text size, and whether tiles may show their tags and buttons. */
export interface LayoutOptions {
  readonly size: TextSize;
  /** False in a kiosk, which has no controls on its tiles. */
  readonly details: boolean;
}

function layoutOf(area: Area, columns: number, rows: number, options: LayoutOptions, hug: boolean): PageLayout {
  const cellWidth = track(area.width, columns);
  const rowHeight = track(area.height, rows);
  const text = cellText(cellWidth, rowHeight, options.size, options.details);
  const picture = pictureWidth(cellWidth, rowHeight, text);
  const cellHeight = hug ? Math.min(rowHeight, (picture * 9) / 16 + text.caption + 2 * BORDER) : rowHeight;
  return { columns, rows, perPage: columns * rows, cellWidth, cellHeight, pictureWidth: picture, text };
}

/** The size of a tile spanning `span` x `span` cells of a layout, gaps between them included. */
export function spanSize(layout: PageLayout, span: number): Area {
  return { width: span * layout.cellWidth + (span - 1) * TILE_GAP, height: span * layout.cellHeight + (span - 1) * TILE_GAP };
}

/**
 * The text of a hero tile spanning `span` x `span` cells: sized for the larger tile, with the
 * details row as the rest of the page has it (a page shows its buttons on every tile or none).
 */
export function spanText(layout: PageLayout, span: number, size: TextSize): TileText {
  if (span <= 1) return layout.text;
  const area = spanSize(layout, span);
  return tileText(area.width, area.height, size, layout.text.details);
}

/** A fixed grid of `side` x `side` tiles filling the area; each picture letterboxed in its tile. */
export function fixedLayout(area: Area, side: number, options: LayoutOptions): PageLayout {
  return layoutOf(area, side, side, options, false);
}

/**
 * Auto-fit: every tile on one page, as large as the area allows; when that would make pictures
 * narrower than `MIN_PICTURE_WIDTH`, as many tiles per page as fit at that width (the rest on
 * further pages). Tiles are no taller than their picture and caption need.
 */
export function fitLayout(area: Area, count: number, options: LayoutOptions): PageLayout {
  const minimum = MIN_PICTURE_WIDTH[options.size];
  const wanted = Math.max(1, count);
  let best: PageLayout | null = null;
  // Everything on one page: the fewest rows for each column count; the largest picture wins.
  for (let columns = 1; columns <= Math.min(wanted, MAX_TRACKS); columns++) {
    const candidate = layoutOf(area, columns, Math.ceil(wanted / columns), options, true);
    if (candidate.pictureWidth < minimum) continue;
    if (best === null || candidate.pictureWidth > best.pictureWidth) best = candidate;
  }
  if (best !== null) return best;
  // Pages: the most tiles that keep the minimum width, then the largest picture among those.
  for (let columns = 1; columns <= MAX_TRACKS; columns++) {
    for (let rows = 1; rows <= MAX_TRACKS; rows++) {
      const candidate = layoutOf(area, columns, rows, options, true);
      if (candidate.pictureWidth < minimum) break;
      if (best === null || candidate.perPage > best.perPage || (candidate.perPage === best.perPage && candidate.pictureWidth > best.pictureWidth)) {
        best = candidate;
      }
    }
  }
  return best ?? layoutOf(area, 1, 1, options, true);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
