import type { IconName } from './icon-name';

/** An icon's outline (stroked) and its solid parts (filled), each one path on the 16 px grid. */
export interface IconPaths {
  stroke: string;
  fill?: string;
}

/**
 * Every icon as two path strings: one `<path>` or two per icon, where a chain of `{#if}` branches
 * nested one block per icon and cost every tile's icons a walk down that chain on first render.
 * Circles and rectangles are written as arcs and lines.
 */
export const ICON_PATHS: Readonly<Record<IconName, IconPaths>> = {
  replay: { stroke: 'M2.5 8a5.5 5.5 0 1 0 1.6-3.9 M2.5 2.5v3h3', fill: 'M6.75 5.75v4.5L10.5 8Z' },
  download: { stroke: 'M8 2v8M4.5 6.5 8 10l3.5-3.5M2.5 13.5h11' },
  fullscreen: { stroke: 'M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4' },
  'exit-fullscreen': { stroke: 'M6 2v4H2M14 6h-4V2M10 14v-4h4M2 10h4v4' },
  help: { stroke: 'M1.75 8a6.25 6.25 0 1 0 12.5 0a6.25 6.25 0 1 0 -12.5 0Z M6.25 6.25a1.75 1.75 0 1 1 2.5 1.6c-.5.25-.75.6-.75 1.15v.5', fill: 'M7.25 11.25h1.5v1.5h-1.5Z' },
  settings: { stroke: 'M2 4h7M12 4h2M2 8h2M7 8h7M2 12h8M13 12h1 M9 4a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0 -3 0Z M4 8a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0 -3 0Z M10 12a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0 -3 0Z' },
  close: { stroke: 'M3.5 3.5l9 9M12.5 3.5l-9 9' },
  copy: { stroke: 'M6.5 5.5h6a1 1 0 0 1 1 1v6a1 1 0 0 1 -1 1h-6a1 1 0 0 1 -1 -1v-6a1 1 0 0 1 1 -1Z M10.5 3.5v-1a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h1' },
  check: { stroke: 'M3 8.5 6.5 12 13 4.5' },
  folder: { stroke: 'M1.75 4.25a1 1 0 0 1 1-1h3.5l1.5 1.5h5.5a1 1 0 0 1 1 1v6.5a1 1 0 0 1-1 1h-10.5a1 1 0 0 1-1-1Z' },
  search: { stroke: 'M2.5 7a4.5 4.5 0 1 0 9 0a4.5 4.5 0 1 0 -9 0Z M10.5 10.5 14 14' },
  back: { stroke: 'M13.5 8h-11M6.5 4 2.5 8l4 4' },
  previous: { stroke: 'M10 3.5 5.5 8l4.5 4.5' },
  next: { stroke: 'M6 3.5 10.5 8 6 12.5' },
  refresh: { stroke: 'M13 8a5 5 0 1 1-1.5-3.55 M13 2.5V5.5H10' },
  tag: { stroke: 'M2 2.5v4.75l6.75 6.75 5.25-5.25L7.25 2H2.5Z', fill: 'M4 5a1 1 0 1 0 2 0a1 1 0 1 0 -2 0Z' },
  save: { stroke: 'M2.5 2.5h8.5l2.5 2.5v8.5h-11Z M5 2.5v3.5h5.5V2.5M5 13.5v-4.5h6v4.5' },
  eye: { stroke: 'M1.5 8s2.5-4.5 6.5-4.5S14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8Z', fill: 'M5.75 8a2.25 2.25 0 1 0 4.5 0a2.25 2.25 0 1 0 -4.5 0Z' },
  'eye-off': { stroke: 'M1.5 8s2.5-4.5 6.5-4.5S14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8Z M6 8a2 2 0 1 0 4 0a2 2 0 1 0 -4 0Z M2.5 13.5l11-11' },
  bell: { stroke: 'M4 11.5V7a4 4 0 0 1 8 0v4.5l1.25 1.25H2.75Z M6.5 14.25h3' },
  mute: { stroke: 'M2 6h2.5L8 3v10l-3.5-3H2Z M10.5 6l3.5 4M14 6l-3.5 4' },
};
