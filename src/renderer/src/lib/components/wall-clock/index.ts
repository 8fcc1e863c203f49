/** The wall clock with date and seconds, for the kiosk bar and the status bar. */
export { default as WallClock } from './wall-clock.svelte';
