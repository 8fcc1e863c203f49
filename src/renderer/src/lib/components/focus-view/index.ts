/** The focus view: one stream large, with its qualities, processing, recordings, replay and ids. */
export { default as FocusView } from './focus-view.svelte';
