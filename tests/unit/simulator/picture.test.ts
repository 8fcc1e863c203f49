import { describe, expect, it } from 'vitest';
import { drawThumbnail } from '../../../src/main/simulator/picture';
import { glyphRows } from '../../../src/main/simulator/pixel-font';

describe('pictures', () => {
  it('the built-in font has a distinct glyph for every character a stream name or clock uses', () => {
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-:. ';
    const unknown = glyphRows('\u0001').join();
    const seen = new Set<string>();
    for (const ch of chars) {
      const rows = glyphRows(ch).join();
      if (ch !== ' ') expect(rows, ch).not.toBe(unknown);
      expect(seen.has(rows), `glyph of ${ch} repeats another`).toBe(false);
      seen.add(rows);
    }
  });

  it('two thumbnails a second apart differ, and a black one is dark', () => {
    const scene = { streamname: 'AbCdE-12345', label: 'Passthrough', version: 1, hue: 200, look: 'card' as const };
    const a = drawThumbnail(scene, Date.UTC(2025, 0, 1, 10, 0, 0));
    const b = drawThumbnail(scene, Date.UTC(2025, 0, 1, 10, 0, 1));
    expect(Buffer.from(a.data).equals(Buffer.from(b.data))).toBe(false);
    const dark = drawThumbnail({ ...scene, look: 'black' }, Date.UTC(2025, 0, 1, 10, 0, 0));
    let sum = 0;
    for (let i = 0; i < dark.data.length; i += 4) sum += dark.data[i]!;
    expect(sum / (dark.data.length / 4)).toBeLessThan(5);
  });
});
