import { assertNever } from '../../../../shared/assert-never';
import type { Grid } from '../../../../shared/settings-view';
import type { TileFrame } from './tile-frame';

/** The side of a fixed grid (3 for 3x3), or null for auto-fit. */
export function gridSide(grid: Grid): number | null {
  switch (grid) {
    case 'auto':
      return null;
    case '2x2':
      return 2;
    case '3x3':
      return 3;
    case '4x4':
      return 4;
    case '5x5':
      return 5;
    default:
      return assertNever(grid, 'grid');
  }
}

/** How many equal columns of at least `minWidth` fit into `width` with `gap` between them. */
export function autoColumns(width: number, minWidth: number, gap: number): number {
  if (!(width > 0)) return 1;
  return Math.max(1, Math.floor((width + gap) / (minWidth + gap)));
}

/** A key that moves the tile focus. */
export type Move = 'left' | 'right' | 'up' | 'down' | 'home' | 'end' | 'page-up' | 'page-down';

/** The shape the focus moves through: cells in reading order, so many per row, so many per page. */
export interface GridShape {
  readonly count: number;
  readonly columns: number;
  readonly perPage: number;
}

/**
 * Where the tile focus goes from `index`. Left and right follow reading order across rows; up and
 * down keep the column, and down onto a shorter last row lands on its last tile rather than not
 * moving; page keys jump a screen (or a page of a fixed grid).
 */
export function moveIndex(index: number, move: Move, shape: GridShape): number {
  const last = shape.count - 1;
  if (last < 0) return -1;
  const at = Math.min(Math.max(index, 0), last);
  const columns = Math.max(1, shape.columns);
  switch (move) {
    case 'left':
      return Math.max(0, at - 1);
    case 'right':
      return Math.min(last, at + 1);
    case 'up':
      return at - columns >= 0 ? at - columns : at;
    case 'down':
      if (at + columns <= last) return at + columns;
      return Math.floor(last / columns) > Math.floor(at / columns) ? last : at;
    case 'home':
      return 0;
    case 'end':
      return last;
    case 'page-up':
      return Math.max(0, at - Math.max(1, shape.perPage));
    case 'page-down':
      return Math.min(last, at + Math.max(1, shape.perPage));
    default:
      return assertNever(move, 'move');
  }
}

/** How many pages `count` cells fill at `perPage` each (at least one, so an empty wall has page 1). */
export function pageCount(count: number, perPage: number): number {
  return Math.max(1, Math.ceil(count / Math.max(1, perPage)));
}

/** The rows to render of a long grid: those in the viewport plus `margin` rows either side. */
export interface RowWindow {
  readonly first: number;
  readonly last: number;
}

/**
 * The rows of a virtualised grid that must exist in the page. `top` is how far the grid's top
 * edge is above the viewport's (negative while the grid starts lower down the page).
 */
export function visibleRows(top: number, viewportHeight: number, rowPitch: number, rowCount: number, margin: number): RowWindow {
  if (rowCount <= 0) return { first: 0, last: -1 };
  if (!(rowPitch > 0)) return { first: 0, last: Math.min(rowCount - 1, margin) };
  const first = Math.floor(Math.max(0, top) / rowPitch) - margin;
  const last = Math.ceil((top + viewportHeight) / rowPitch) - 1 + margin;
  return { first: clamp(first, 0, rowCount - 1), last: clamp(last, 0, rowCount - 1) };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/**
 * The next rows to render on the way from `current` to `wanted`. Each edge moves by at most one
 * row a step, so a scroll that brings several new rows spreads their cost over steps; the rows in
 * view (`inView`, inside `wanted`) are always all there at once. Without `shrink` rows are only
 * added (the caller takes surplus rows away when the page is idle). A window that does not overlap
 * the wanted one (a jump) starts again from the rows in view.
 */
export function stepRows(current: RowWindow, wanted: RowWindow, inView: RowWindow, shrink = true): RowWindow {
  if (wanted.last < wanted.first) return wanted;
  const overlaps = current.first <= current.last && current.last >= wanted.first && current.first <= wanted.last;
  const from = overlaps ? current : inView;
  const toward = (edge: number, target: number, outward: number): number => {
    const move = Math.sign(target - edge);
    return move === outward || shrink ? edge + move : edge;
  };
  return {
    first: Math.min(toward(from.first, wanted.first, -1), inView.first),
    last: Math.max(toward(from.last, wanted.last, 1), inView.last),
  };
}

/**
 * The row pitch an auto-fit grid of `columns` in `width` is expected to have before a row was
 * measured: 16:9 pictures in each column's width inside the tile's border, the caption, the gap.
 */
export function estimatedPitch(width: number, columns: number, gap: number, frame: TileFrame): number {
  const pictureWidth = (width - gap * (columns - 1)) / columns - 2 * frame.border;
  return (pictureWidth * 9) / 16 + frame.caption + 2 * frame.border + gap;
}
