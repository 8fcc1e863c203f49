/** The grid of stream tiles (auto-fit or fixed, with keyboard navigation) and what shows when there are none. */
export { default as WallGrid } from './wall-grid.svelte';
export { default as EmptyState } from './empty-state.svelte';
