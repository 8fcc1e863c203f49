/** The Connect screen: credential form, demo, stored profiles. */
export { default as ConnectScreen } from './connect-screen.svelte';
