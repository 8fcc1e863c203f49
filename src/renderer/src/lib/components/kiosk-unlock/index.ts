/** Asks for the kiosk PIN when the operator wants out of a locked kiosk. */
export { default as KioskUnlock } from './kiosk-unlock.svelte';
