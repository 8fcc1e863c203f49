/** The button that leaves a screen for the wall. */
export { default as BackButton } from './back-button.svelte';
