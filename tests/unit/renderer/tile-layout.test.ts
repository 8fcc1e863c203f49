import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitLayout, fixedLayout, MIN_PICTURE_WIDTH, pictureWidth, TILE_GAP, tileText, type PageLayout } from '../../../src/renderer/src/lib/state/tile-layout';

/** The wall area of a 1920x1080 window under title bar and toolbar, and of a 3840x2160 one. */
const HD = { width: 1904, height: 880 };
const UHD = { width: 3824, height: 1960 };
const WALL = { size: 'medium', details: true } as const;

/** The page's tiles laid out in the area, as the grid's CSS places them. */
function fits(layout: PageLayout, area: { width: number; height: number }): boolean {
  const width = layout.columns * layout.cellWidth + (layout.columns - 1) * TILE_GAP;
  const height = layout.rows * layout.cellHeight + (layout.rows - 1) * TILE_GAP;
  return width <= area.width + 0.5 && height <= area.height + 0.5;
}

describe('tile text reads from across the room', () => {
  it('names streams in at least 24 px and badges in at least 20 px on a 4x4 wall at 1080p, larger at 2x2 and at 4K', () => {
    const hd = fixedLayout(HD, 4, WALL).text;
    expect(hd.name).toBeGreaterThanOrEqual(24);
    expect(hd.badge).toBeGreaterThanOrEqual(20);
    expect(fixedLayout(HD, 2, WALL).text.name).toBeGreaterThan(hd.name);
    expect(fixedLayout(UHD, 4, WALL).text.name).toBeGreaterThan(hd.name);
  });

  it('grows with the tile, never shrinks as it widens, and follows the text size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 3000 }), fc.integer({ min: 1, max: 400 }), (width, more) => {
        expect(tileText(width + more, null, 'medium', false).name).toBeGreaterThanOrEqual(tileText(width, null, 'medium', false).name);
        expect(tileText(width, null, 'large', false).name).toBeGreaterThanOrEqual(tileText(width, null, 'small', false).name);
      }),
    );
  });

  it('counts the details row into the caption only when shown', () => {
    const bare = tileText(400, 300, 'medium', false);
    const full = tileText(400, 300, 'medium', true);
    expect(full.caption - bare.caption).toBe(32);
    expect(bare.details).toBe(false);
  });
});

describe('auto-fit fits', () => {
  it('puts 2, 12 and 24 streams on one page, 2 of them much larger than 24', () => {
    for (const count of [2, 12, 24]) {
      const layout = fitLayout(HD, count, WALL);
      expect(layout.perPage, `${count} streams`).toBeGreaterThanOrEqual(count);
      expect(fits(layout, HD)).toBe(true);
    }
    expect(fitLayout(HD, 2, WALL).pictureWidth).toBeGreaterThan(2.5 * fitLayout(HD, 24, WALL).pictureWidth);
  });

  it('pages 200 streams at the minimum picture width rather than shrinking them further', () => {
    const layout = fitLayout(HD, 200, WALL);
    expect(layout.perPage).toBeLessThan(200);
    expect(layout.perPage).toBeGreaterThan(12);
    expect(layout.pictureWidth).toBeGreaterThanOrEqual(MIN_PICTURE_WIDTH.medium);
    expect(fits(layout, HD)).toBe(true);
  });

  it('always fits the area and never crops: the 16:9 picture and caption lie inside the tile', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 300, max: 4000 }),
        fc.integer({ min: 200, max: 2200 }),
        fc.integer({ min: 1, max: 600 }),
        fc.constantFrom('small', 'medium', 'large' as const),
        (width, height, count, size) => {
          const area = { width, height };
          const layout = fitLayout(area, count, { size, details: true });
          if (layout.perPage > 1) expect(fits(layout, area)).toBe(true);
          const picture = pictureWidth(layout.cellWidth, layout.cellHeight, layout.text);
          expect(picture).toBeLessThanOrEqual(layout.cellWidth);
          expect((picture * 9) / 16 + layout.text.caption).toBeLessThanOrEqual(layout.cellHeight + 0.01);
        },
      ),
    );
  });

  it('shows no tags or buttons in a kiosk', () => {
    expect(fitLayout(HD, 2, { size: 'medium', details: false }).text.details).toBe(false);
    expect(fitLayout(HD, 2, WALL).text.details).toBe(true);
  });
});
