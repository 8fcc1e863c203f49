import { describe, expect, it } from 'vitest';
import { cellArea, nextSpan, packPages, pageOfIndex, spanOf, type Span } from '../../../src/renderer/src/lib/state/hero-pack';

/** Spans from a list (1 past its end). */
const spans = (list: Span[]) => (index: number): Span => list[index] ?? 1;

/** A page drawn as rows of letters: each cell's index as a letter, `.` for a hole. */
function draw(page: ReturnType<typeof packPages>[number], columns: number, rows: number): string[] {
  const grid = Array.from({ length: rows }, () => Array.from({ length: columns }, () => '.'));
  for (const cell of page.cells) {
    for (let r = cell.row; r < cell.row + cell.span; r++) {
      for (let c = cell.column; c < cell.column + cell.span; c++) {
        const row = grid[r] as string[];
        expect(row[c], `cell ${cell.index} overlaps another`).toBe('.');
        row[c] = String.fromCharCode(97 + cell.index);
      }
    }
  }
  return grid.map((row) => row.join(''));
}

describe('packPages', () => {
  it('without hero tiles, pages are plain runs of columns x rows', () => {
    const plan = packPages(10, () => 1, 2, 2);
    expect(plan.map((page) => [page.start, page.end])).toEqual([[0, 4], [4, 8], [8, 10]]);
    expect(draw(plan[0] as never, 2, 2)).toEqual(['ab', 'cd']);
  });

  it('a 2x2 hero takes four cells; the tiles after it fill the places beside and below it', () => {
    const plan = packPages(9, spans([1, 2]), 4, 3);
    expect(plan).toHaveLength(1);
    expect(draw(plan[0] as never, 4, 3)).toEqual(['abbc', 'dbbe', 'fghi']);
  });

  it('a hero that does not fit on the rest of a page opens the next page, which starts with it', () => {
    const plan = packPages(6, spans([1, 1, 1, 3]), 3, 3);
    expect(plan.map((page) => [page.start, page.end])).toEqual([[0, 3], [3, 4], [4, 6]]);
    expect(draw(plan[1] as never, 3, 3)).toEqual(['ddd', 'ddd', 'ddd']);
  });

  it('cuts a span larger than the page to the page, and every cell is placed exactly once', () => {
    const plan = packPages(5, spans([3, 1, 3]), 2, 2);
    expect(plan.flatMap((page) => page.cells.map((cell) => cell.index))).toEqual([0, 1, 2, 3, 4]);
    expect(plan[0]?.cells[0]?.span).toBe(2);
    expect(pageOfIndex(plan, 2)).toBe(2);
    expect(pageOfIndex(plan, 99)).toBe(plan.length - 1);
    expect(pageOfIndex([], 0)).toBe(0);
  });

  it('packs 500 tiles with heroes quickly', () => {
    const list: Span[] = Array.from({ length: 500 }, (_, i) => (i % 17 === 0 ? 3 : i % 7 === 0 ? 2 : 1));
    const started = performance.now();
    const plan = packPages(500, spans(list), 8, 6);
    expect(performance.now() - started).toBeLessThan(50);
    expect(plan.at(-1)?.end).toBe(500);
  });
});

describe('hero helpers', () => {
  it('reads spans by stream id, cycles 1, 2, 3 and counts the cells they cover', () => {
    expect(spanOf({ a: 2 }, 'a')).toBe(2);
    expect(spanOf({ a: 2 }, 'toString')).toBe(1);
    expect([nextSpan(1), nextSpan(2), nextSpan(3)]).toEqual([2, 3, 1]);
    expect(cellArea(4, spans([1, 2, 3]))).toBe(1 + 4 + 9 + 1);
  });
});
