/** Line icons for buttons; decorative, the button carries the name. */
export { default as Icon } from './icon.svelte';
export type { IconName } from './icon-name';
