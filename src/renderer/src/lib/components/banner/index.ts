/** A message strip across the screen: demo, offline, rejected credential, keychain warning. */
export { default as Banner } from './banner.svelte';
export type { Tone } from './tone';
