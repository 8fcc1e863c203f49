/** A stream's tile on the wall, with its flicker-free picture. */
export { default as StreamTile } from './stream-tile.svelte';
export { default as Thumbnail } from './thumbnail.svelte';
