/** A labelled segmented control: one of a few options pressed. */
export { default as SegmentedSwitch } from './segmented-switch.svelte';
