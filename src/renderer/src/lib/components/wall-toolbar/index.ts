/** The wall's toolbar: search, filters, sort, grid and saved layouts. */
export { default as WallToolbar } from './wall-toolbar.svelte';
export { SEARCH_INPUT_ID } from './search-input-id';
