/** The Connect screen: credential form, demo, stored profiles. */
export { default as ConnectScreen } from './connect-screen.svelte';
/** The credential form and the stored profiles, reused by the Settings screen. */
export { default as ConnectForm } from './connect-form.svelte';
export { default as ProfileList } from './profile-list.svelte';
