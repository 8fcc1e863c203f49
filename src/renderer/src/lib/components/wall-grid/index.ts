/** The grid of stream tiles and what shows when there are none. */
export { default as WallGrid } from './wall-grid.svelte';
export { default as EmptyState } from './empty-state.svelte';
