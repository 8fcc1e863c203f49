/** Where the page side of the harness's bridge sends commands and listens for events (shared with the browser bundle). */
export const IPC_INVOKE_PATH = '/__wall/invoke';
export const IPC_EVENTS_PATH = '/__wall/events';
