/** A stream's tile on the wall, with its flicker-free picture, and the placeholder of a missing slot. */
export { default as StreamTile } from './stream-tile.svelte';
export { default as MissingTile } from './missing-tile.svelte';
export { default as Thumbnail } from './thumbnail.svelte';
export { default as ActionButton } from './action-button.svelte';
export { default as TagChips } from './tag-chips.svelte';
export { default as WatchButton } from './watch-button.svelte';
