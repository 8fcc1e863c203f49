/** The alarm drawer, the header's Alarms button and the sound's status. */
export { default as AlarmDrawer } from './alarm-drawer.svelte';
export { default as AlarmsButton } from './alarms-button.svelte';
export { default as SoundStatus } from './sound-status.svelte';
