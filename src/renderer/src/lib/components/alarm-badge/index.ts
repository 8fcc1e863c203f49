/** An alarm as shape and words, on tiles, in the focus view and in the drawer. */
export { default as AlarmLabel } from './alarm-label.svelte';
export { default as AlarmIcon } from './alarm-icon.svelte';
export { default as AlarmFrame } from './alarm-frame.svelte';
