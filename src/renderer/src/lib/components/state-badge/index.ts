/** A stream state as word and shape, and the shapes themselves for other status displays. */
export { default as StateBadge } from './state-badge.svelte';
export { default as ShapeIcon } from './shape-icon.svelte';
export type { Shape } from './shape';
