/**
 * Draws the app icon: a 3x3 wall of rounded tiles on a dark control-room background, with the
 * one tile that needs attention lit up. Writes `build/icon.svg`, the source of truth: `npm run icons`
 * makes every platform's icon from it.
 *
 *   npx tsx build/make-icon.ts && npm run icons
 */
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 512;
const GRID = 3;
const TILE = 92;
const GAP = 22;
const HIGHLIGHT = { row: 1, col: 2 };

/** The icon as SVG text: plain shapes only, so every renderer (and sharp) draws it the same. */
export function iconSvg(): string {
  const span = GRID * TILE + (GRID - 1) * GAP;
  const origin = (SIZE - span) / 2;
  const tiles: string[] = [];
  for (let row = 0; row < GRID; row += 1) {
    for (let col = 0; col < GRID; col += 1) {
      const x = origin + col * (TILE + GAP);
      const y = origin + row * (TILE + GAP);
      const lit = row === HIGHLIGHT.row && col === HIGHLIGHT.col;
      tiles.push(
        lit
          ? `<rect x="${x - 7}" y="${y - 7}" width="${TILE + 14}" height="${TILE + 14}" rx="24" fill="none" stroke="#38bdf8" stroke-opacity="0.35" stroke-width="4"/>` +
              `<rect x="${x}" y="${y}" width="${TILE}" height="${TILE}" rx="18" fill="url(#lit)"/>` +
              // A live dot: the tile is "on air", readable even without its colour.
              `<circle cx="${x + TILE - 22}" cy="${y + 22}" r="9" fill="#f8fafc"/>`
          : `<rect x="${x}" y="${y}" width="${TILE}" height="${TILE}" rx="18" fill="url(#tile)"/>`,
      );
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#1e293b"/>
      <stop offset="1" stop-color="#0b1120"/>
    </linearGradient>
    <linearGradient id="tile" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#475569"/>
      <stop offset="1" stop-color="#334155"/>
    </linearGradient>
    <linearGradient id="lit" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#7dd3fc"/>
      <stop offset="1" stop-color="#0ea5e9"/>
    </linearGradient>
  </defs>
  <rect x="16" y="16" width="${SIZE - 32}" height="${SIZE - 32}" rx="104" fill="url(#bg)"/>
  <rect x="17.5" y="17.5" width="${SIZE - 35}" height="${SIZE - 35}" rx="102.5" fill="none" stroke="#ffffff" stroke-opacity="0.08" stroke-width="3"/>
  ${tiles.join('\n  ')}
</svg>
`;
}

/** Writes icon.svg next to this script. */
async function main(): Promise<void> {
  await writeFile(join(dirname(fileURLToPath(import.meta.url)), 'icon.svg'), iconSvg());
  console.log('build/icon.svg written; run npm run icons for the icons made from it');
}

await main();
