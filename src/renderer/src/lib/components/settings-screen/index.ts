/** The Settings screen: profiles, polling, downloads, look, kiosk, saved layouts. */
export { default as SettingsScreen } from './settings-screen.svelte';
