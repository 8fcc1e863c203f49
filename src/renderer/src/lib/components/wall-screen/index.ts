/** The wall screen with its toolbar. */
export { default as WallScreen } from './wall-screen.svelte';
