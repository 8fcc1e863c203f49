/** The downloads panel and its toolbar button. */
export { default as DownloadsPanel } from './downloads-panel.svelte';
export { default as DownloadsButton } from './downloads-button.svelte';
