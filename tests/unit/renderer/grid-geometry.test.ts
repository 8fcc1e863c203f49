import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoColumns, estimatedPitch, gridSide, moveIndex, pageCount, stepRows, visibleRows, type RowWindow } from '../../../src/renderer/src/lib/state/grid-geometry';

describe('arrow keys on the wall', () => {
  // 10 tiles in 4 columns:  0 1 2 3 / 4 5 6 7 / 8 9
  const shape = { count: 10, columns: 4, perPage: 8 };

  it('left and right follow reading order across rows and stop at the ends', () => {
    expect(moveIndex(3, 'right', shape)).toBe(4);
    expect(moveIndex(4, 'left', shape)).toBe(3);
    expect(moveIndex(0, 'left', shape)).toBe(0);
    expect(moveIndex(9, 'right', shape)).toBe(9);
  });

  it('up and down keep the column', () => {
    expect(moveIndex(1, 'down', shape)).toBe(5);
    expect(moveIndex(5, 'up', shape)).toBe(1);
    expect(moveIndex(1, 'up', shape)).toBe(1);
  });

  it('down onto a shorter last row lands on its last tile instead of not moving', () => {
    expect(moveIndex(6, 'down', shape)).toBe(9);
    expect(moveIndex(9, 'down', shape)).toBe(9);
  });

  it('Home, End and the page keys jump', () => {
    expect(moveIndex(5, 'home', shape)).toBe(0);
    expect(moveIndex(5, 'end', shape)).toBe(9);
    expect(moveIndex(1, 'page-down', shape)).toBe(9);
    expect(moveIndex(9, 'page-up', shape)).toBe(1);
  });

  it('has nowhere to go on an empty wall', () => {
    expect(moveIndex(0, 'right', { count: 0, columns: 4, perPage: 4 })).toBe(-1);
  });

  it('never leaves the wall, and right from the first tile reaches every tile', () => {
    const moves = ['left', 'right', 'up', 'down', 'home', 'end', 'page-up', 'page-down'] as const;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 12 }), fc.nat(), fc.constantFrom(...moves), (count, columns, at, move) => {
        const next = moveIndex(at % count, move, { count, columns, perPage: columns * 3 });
        expect(next).toBeGreaterThanOrEqual(0);
        expect(next).toBeLessThan(count);
      }),
    );
    const seen = new Set<number>();
    let at = 0;
    for (let i = 0; i < 30; i++, at = moveIndex(at, 'right', { count: 25, columns: 5, perPage: 25 })) seen.add(at);
    expect(seen.size).toBe(25);
  });
});

describe('grid sizes', () => {
  it('fits as many 280 px columns as the width allows, at least one', () => {
    expect(autoColumns(1888, 280, 16)).toBe(6);
    expect(autoColumns(1248, 280, 16)).toBe(4);
    expect(autoColumns(200, 280, 16)).toBe(1);
    expect(autoColumns(0, 280, 16)).toBe(1);
  });

  it('knows the side of each fixed grid and counts pages', () => {
    expect([gridSide('auto'), gridSide('2x2'), gridSide('5x5')]).toEqual([null, 2, 5]);
    expect(pageCount(24, 9)).toBe(3);
    expect(pageCount(9, 9)).toBe(1);
    expect(pageCount(0, 9)).toBe(1);
  });
});

describe('rows of a long wall that must exist in the page', () => {
  it('renders the rows in view plus a margin on each side', () => {
    // Rows 250 px apart; the viewport shows 1000 px starting 2600 px below the grid's top.
    expect(visibleRows(2600, 1000, 250, 100, 2)).toEqual({ first: 8, last: 16 });
  });

  it('starts at the top while the grid begins further down the page', () => {
    expect(visibleRows(-300, 1000, 250, 100, 2)).toEqual({ first: 0, last: 4 });
  });

  it('stays inside the grid at the bottom, and copes before the first measurement', () => {
    expect(visibleRows(24_000, 1000, 250, 100, 2)).toEqual({ first: 94, last: 99 });
    expect(visibleRows(0, 1000, 0, 100, 2)).toEqual({ first: 0, last: 2 });
    expect(visibleRows(0, 1000, 250, 0, 2)).toEqual({ first: 0, last: -1 });
  });
});

describe('rows added while the wall scrolls', () => {
  const inView = (first: number, last: number): RowWindow => ({ first, last });

  it('adds the margin rows one per frame after the rows in view, which come at once', () => {
    let rows = stepRows({ first: 0, last: 0 }, { first: 0, last: 5 }, inView(0, 3));
    expect(rows).toEqual({ first: 0, last: 3 });
    rows = stepRows(rows, { first: 0, last: 5 }, inView(0, 3));
    expect(rows).toEqual({ first: 0, last: 4 });
    rows = stepRows(rows, { first: 0, last: 5 }, inView(0, 3));
    expect(rows).toEqual({ first: 0, last: 5 });
    expect(stepRows(rows, { first: 0, last: 5 }, inView(0, 3))).toEqual(rows);
  });

  it('moves a row at each end per frame when a wheel step brings two rows', () => {
    const wanted = { first: 5, last: 12 };
    const once = stepRows({ first: 3, last: 10 }, wanted, inView(7, 10));
    expect(once).toEqual({ first: 4, last: 11 });
    expect(stepRows(once, wanted, inView(7, 10))).toEqual(wanted);
  });

  it('never leaves a row in view unrendered, even when the rows lag behind', () => {
    // Scrolled three rows at once: the window still lags, but the rows in view are all there.
    expect(stepRows({ first: 3, last: 10 }, { first: 6, last: 15 }, inView(8, 13))).toEqual({ first: 4, last: 13 });
  });

  it('starts from the rows in view after a jump, and empties for an empty wall', () => {
    expect(stepRows({ first: 0, last: 5 }, { first: 28, last: 33 }, inView(30, 33))).toEqual({ first: 29, last: 33 });
    expect(stepRows({ first: 0, last: 5 }, { first: 0, last: -1 }, inView(0, -1))).toEqual({ first: 0, last: -1 });
  });

  it('reaches any wanted window from any start, always covering the rows in view', () => {
    fc.assert(
      fc.property(fc.nat(40), fc.nat(40), fc.nat(30), fc.nat(8), fc.nat(3), (a, b, top, height, margin) => {
        const view = { first: top, last: top + height };
        const wanted = { first: Math.max(0, top - margin), last: top + height + margin };
        let rows: RowWindow = { first: Math.min(a, b), last: Math.max(a, b) };
        for (let frame = 0; frame < 100; frame++) {
          rows = stepRows(rows, wanted, view);
          expect(rows.first).toBeLessThanOrEqual(view.first);
          expect(rows.last).toBeGreaterThanOrEqual(view.last);
        }
        expect(rows).toEqual(wanted);
      }),
    );
  });
});

describe('rows while scrolling, surplus rows left for idle time', () => {
  it('only adds rows when asked not to shrink, and takes them away when asked to', () => {
    const wanted = { first: 5, last: 12 };
    const grown = stepRows({ first: 3, last: 10 }, wanted, { first: 7, last: 10 }, false);
    expect(grown).toEqual({ first: 3, last: 11 });
    expect(stepRows(grown, wanted, { first: 7, last: 10 }, false)).toEqual({ first: 3, last: 12 });
    expect(stepRows({ first: 3, last: 12 }, wanted, { first: 7, last: 10 }, true)).toEqual({ first: 4, last: 12 });
  });
});

describe('the row pitch before a row was measured', () => {
  it('is a 16:9 picture inside the border in each column, plus caption, border and gap', () => {
    // Three columns of 300 px in 932 px with 16 px gaps; a 298 px picture inside a 1 px border.
    const pitch = estimatedPitch(932, 3, 16, { caption: 68, border: 1 });
    expect(pitch).toBeCloseTo((298 * 9) / 16 + 68 + 2 + 16, 6);
  });
});
