/** An organisation's short label on its colour: on tiles, in the toolbar and the status bar. */
export { default as OrganisationChip } from './organisation-chip.svelte';
