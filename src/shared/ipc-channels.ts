/**
 * The names of every command and event of the IPC contract, without their schemas. The preload
 * needs only the names to refuse unknown channels, and building the zod schemas would cost every
 * window load some 25 ms before the page's first script runs. `ipc-contract.ts` checks at compile
 * time that its maps have exactly these keys.
 */
export const commandChannels = [
  'session:get',
  'profile:connect',
  'profile:activate',
  'profile:remove',
  'demo:start',
  'demo:stop',
  'wall:get',
  'wall:refresh',
  'wall:set-visible',
  'replay:open',
  'downloads:list',
  'downloads:start',
  'downloads:cancel',
  'downloads:retry',
  'downloads:reveal',
  'settings:get',
  'settings:update',
  'settings:choose-download-dir',
  'displays:list',
  'login-item:get',
  'window:get',
  'window:set-fullscreen',
  'window:set-kiosk',
  'window:open-wall',
  'window:close-wall',
  'window:set-wall-layout',
  'clipboard:copy',
  'alarms:get',
  'alarms:acknowledge',
  'alarms:acknowledge-all',
  'alarms:snooze',
  'alarms:unsnooze',
  'alarms:dismiss',
  'alarms:history',
  'alarms:export-csv',
  'watch:set',
  'proxy:get',
  'proxy:set-sign-in',
  'proxy:clear-sign-in',
  'policy:get',
  'diagnostics:save',
  'updates:get',
  'updates:check',
  'updates:restart',
  'kiosk:get',
  'kiosk:set-pin',
  'kiosk:leave',
] as const;

export const eventChannels = [
  'wall:changed',
  'session:changed',
  'downloads:changed',
  'settings:changed',
  'window:changed',
  'alarms:changed',
  'alarms:event',
  'alarms:reveal',
  'kiosk:unlock-requested',
  'updates:changed',
] as const;

export type CommandChannel = (typeof commandChannels)[number];
export type EventChannel = (typeof eventChannels)[number];

const commandSet: ReadonlySet<string> = new Set(commandChannels);
const eventSet: ReadonlySet<string> = new Set(eventChannels);

/** Whether a string names a command of the contract. */
export function isCommandChannel(value: unknown): value is CommandChannel {
  return typeof value === 'string' && commandSet.has(value);
}

/** Whether a string names an event of the contract. */
export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && eventSet.has(value);
}
