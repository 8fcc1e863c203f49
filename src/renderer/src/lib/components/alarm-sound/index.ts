/** The alarm sound's driver: tone and chimes from the alarms, no markup. */
export { default as AlarmSoundDriver } from './alarm-sound-driver.svelte';
