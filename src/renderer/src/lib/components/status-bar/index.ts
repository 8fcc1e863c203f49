/** The wall's status bar: connection, last poll, counts, traffic and the last error. */
export { default as StatusBar } from './status-bar.svelte';
export { default as ConnectionStatus } from './connection-status.svelte';
