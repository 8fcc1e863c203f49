import type { HeroSpan, Heroes } from '../../../../shared/settings-view';

/** A cell's span: 1 for an ordinary tile, 2 or 3 for a hero tile. */
export type Span = 1 | HeroSpan;

/** Where a cell sits on its page: column and row of its top-left corner (from 0), and its span each way. */
export interface Placement {
  /** The cell's index in the wall's order. */
  readonly index: number;
  readonly column: number;
  readonly row: number;
  readonly span: Span;
}

/** One page: a run of the wall's cells, `start` to `end` (exclusive), and where each sits. */
export interface PagePlan {
  readonly start: number;
  readonly end: number;
  readonly cells: readonly Placement[];
}

/** The span of a stream's tile, from the hero tiles in force. */
export function spanOf(heroes: Heroes, streamId: string): Span {
  return Object.hasOwn(heroes, streamId) ? (heroes[streamId] ?? 1) : 1;
}

/** The next span when the operator asks for a larger tile: 1, 2, 3, then back to 1. */
export function nextSpan(span: Span): Span {
  return span === 1 ? 2 : span === 2 ? 3 : 1;
}

/** How many cells `count` tiles cover with their spans: what auto-fit must find room for. */
export function cellArea(count: number, span: (index: number) => Span): number {
  let area = 0;
  for (let index = 0; index < count; index++) area += span(index) ** 2;
  return area;
}

/**
 * Lays the wall's cells, in order, onto pages of `columns` x `rows`. Each cell takes the first
 * free place on the page (reading order) where its square fits, so ordinary tiles fill the holes
 * beside a hero tile; a cell that no longer fits opens the next page, and the pages hold runs of
 * the order (page 2 starts where page 1 ends). A span larger than the page is cut to the page.
 */
export function packPages(count: number, span: (index: number) => Span, columns: number, rows: number): PagePlan[] {
  const pages: PagePlan[] = [];
  const largest = Math.max(1, Math.min(columns, rows));
  let index = 0;
  while (index < count) {
    const taken = new Uint8Array(columns * rows);
    const cells: Placement[] = [];
    const start = index;
    // Every place before this one is taken: ordinary tiles start looking here.
    let firstFree = 0;
    for (; index < count; index++) {
      const side = Math.min(span(index), largest) as Span;
      const at = freePlace(taken, columns, rows, side, side === 1 ? firstFree : 0);
      if (at < 0) break;
      const column = at % columns;
      const row = Math.floor(at / columns);
      for (let r = row; r < row + side; r++) taken.fill(1, r * columns + column, r * columns + column + side);
      while (firstFree < taken.length && taken[firstFree] === 1) firstFree++;
      cells.push({ index, column, row, span: side });
    }
    pages.push({ start, end: index, cells });
  }
  return pages;
}

/** The first place (row-major offset) from `from` where a `side` x `side` square is free, or -1. */
function freePlace(taken: Uint8Array, columns: number, rows: number, side: number, from: number): number {
  for (let at = from; at < taken.length; at++) {
    const column = at % columns;
    const row = Math.floor(at / columns);
    if (column + side > columns || row + side > rows) continue;
    if (squareFree(taken, columns, column, row, side)) return at;
  }
  return -1;
}

function squareFree(taken: Uint8Array, columns: number, column: number, row: number, side: number): boolean {
  for (let r = row; r < row + side; r++) {
    for (let c = column; c < column + side; c++) if (taken[r * columns + c] === 1) return false;
  }
  return true;
}

/** The page a cell is on (the last page for an index past the end, 0 without pages). */
export function pageOfIndex(plan: readonly PagePlan[], index: number): number {
  const found = plan.findIndex((page) => index >= page.start && index < page.end);
  return found >= 0 ? found : Math.max(0, plan.length - 1);
}
