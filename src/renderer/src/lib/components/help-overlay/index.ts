/** The key help, opened with "?". */
export { default as HelpOverlay } from './help-overlay.svelte';
