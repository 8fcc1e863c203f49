import { z } from 'zod';
import type { Result } from './errors';
import { credentialKindSchema } from './domain';
import { sessionViewSchema, wallViewSchema } from './view';
import { displayViewSchema, loginItemViewSchema, settingsPatchSchema, settingsViewSchema, wallWindowIdSchema, wallWindowSchema } from './settings-view';
import { downloadViewSchema } from './download-view';
import { alarmEventSchema, alarmsStateSchema, snoozeRequestSchema } from './alarms';
import { updateViewSchema } from './update-feed';
import type { CommandChannel, EventChannel } from './ipc-channels';

export { commandChannels, eventChannels, isCommandChannel, isEventChannel, type CommandChannel, type EventChannel } from './ipc-channels';

const none = z.undefined();
const id = z.string().min(1).max(200);
/** A stream's wall key (`profileId/streamId`): every stream the page names. */
const streamKey = z.string().min(1).max(400);
const profileId = z.object({ profileId: id });
const downloadId = z.object({ downloadId: id });

/** What the Connect screen sends: the only time a credential travels, page to main, never back. */
export const connectRequestSchema = z.object({
  name: z.string().trim().min(1).max(100),
  apiBase: z.string().trim().min(1).max(500),
  credentialKind: credentialKindSchema,
  secret: z.string().trim().min(1).max(4096),
  /** The stored profile whose credential this replaces; left out, a new profile is added. */
  profileId: id.optional(),
});
export type ConnectRequest = z.infer<typeof connectRequestSchema>;

/** What a kiosk PIN attempt came to: accepted, wrong (tries left), or locked out until a time. */
export const pinCheckSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('ok') }),
  z.object({ outcome: z.literal('wrong'), triesLeft: z.number().int() }),
  z.object({ outcome: z.literal('locked'), retryAt: z.number() }),
]);
export type PinCheck = z.infer<typeof pinCheckSchema>;

const pin = z.string().max(64);
/** What the page may know of the policy: which settings it pins, whether it pins the API base or turns off the demo, and its problems. */
export const policyViewSchema = z.object({
  managed: z.array(z.string()),
  apiBase: z.string().nullable(),
  demoDisabled: z.boolean(),
  problems: z.array(z.string()),
});
/** What the page may know of the proxy's sign-in: whether one is stored. */
export const proxyStateSchema = z.object({ signInStored: z.boolean() });
/** Whether kiosk is locked by a PIN, and until when wrong tries keep it shut. */
export const kioskLockSchema = z.object({ pinSet: z.boolean(), lockedUntil: z.number().nullable() });

/**
 * Every command the page may invoke: request schema (parsed in main before anything runs) and
 * response schema. Preload and main registration are generated from this map.
 */
export const commands = {
  'session:get': { request: none, response: sessionViewSchema },
  'profile:connect': { request: connectRequestSchema, response: sessionViewSchema },
  'profile:activate': { request: profileId, response: sessionViewSchema },
  'profile:remove': { request: profileId, response: sessionViewSchema },
  'demo:start': { request: none, response: sessionViewSchema },
  'demo:stop': { request: none, response: sessionViewSchema },
  'wall:get': { request: none, response: wallViewSchema },
  'wall:refresh': { request: none, response: z.null() },
  /** The tiles on screen, so pictures out of view can pause when the operator chose that setting. */
  'wall:set-visible': { request: z.object({ streamIds: z.array(streamKey).max(5000) }), response: z.null() },
  /** Opens the stream's replay player (the URL bintu gave) in its own window; one per stream. */
  'replay:open': { request: z.object({ streamId: streamKey, variantId: id.optional() }), response: z.null() },
  'downloads:list': { request: none, response: z.array(downloadViewSchema) },
  /** Downloads a recording, named by id: main resolves the URL and the folder. */
  'downloads:start': { request: z.object({ streamId: streamKey, recordingId: id }), response: downloadViewSchema },
  'downloads:cancel': { request: downloadId, response: z.null() },
  'downloads:retry': { request: downloadId, response: z.null() },
  /** Shows a finished download in the system's file manager. */
  'downloads:reveal': { request: downloadId, response: z.null() },
  'settings:get': { request: none, response: settingsViewSchema },
  'settings:update': { request: settingsPatchSchema, response: settingsViewSchema },
  /** Asks the operator for the download folder with the system dialog. */
  'settings:choose-download-dir': { request: none, response: settingsViewSchema },
  'displays:list': { request: none, response: z.array(displayViewSchema) },
  /** Whether start at login can work here; the Settings screen hides the option when not. */
  'login-item:get': { request: none, response: loginItemViewSchema },
  'window:get': { request: none, response: z.object({ fullscreen: z.boolean(), kiosk: z.boolean() }) },
  'window:set-fullscreen': { request: z.object({ on: z.boolean() }), response: z.null() },
  'window:set-kiosk': { request: z.object({ on: z.boolean() }), response: z.null() },
  /** Opens another wall window on a display (null: where the main window is), showing a saved layout (null: the free wall). */
  'window:open-wall': {
    request: z.object({ displayId: z.number().int().nullable(), layout: z.string().trim().min(1).max(60).nullable() }),
    response: wallWindowSchema,
  },
  /** Closes a wall window opened with `window:open-wall`; it does not come back at the next start. */
  'window:close-wall': { request: z.object({ id: wallWindowIdSchema }), response: z.null() },
  /** Shows another saved layout (null: the free wall) in a wall window. */
  'window:set-wall-layout': { request: z.object({ id: wallWindowIdSchema, layout: z.string().trim().min(1).max(60).nullable() }), response: settingsViewSchema },
  /** Copies an id to the clipboard (the page has no clipboard permission). */
  'clipboard:copy': { request: z.object({ text: z.string().max(1000) }), response: z.null() },
  'alarms:get': { request: none, response: alarmsStateSchema },
  /** Acknowledges one alarm (by its alarm id) or every open alarm of a stream (by stream id). */
  'alarms:acknowledge': { request: z.object({ id: streamKey }), response: z.null() },
  'alarms:acknowledge-all': { request: none, response: z.null() },
  'alarms:snooze': { request: snoozeRequestSchema, response: z.null() },
  'alarms:unsnooze': { request: z.object({ streamId: streamKey }), response: z.null() },
  /** Removes a gone stream's tile (and its alarm) from the wall. */
  'alarms:dismiss': { request: z.object({ streamId: streamKey }), response: z.null() },
  /** The alarm log since some hours ago, newest last, at most the last 2,000 events. */
  'alarms:history': { request: z.object({ sinceHours: z.number().min(0).max(24 * 366) }), response: z.array(alarmEventSchema) },
  /** Saves the alarm log since some hours ago as CSV where the operator chooses; null when they cancel. */
  'alarms:export-csv': { request: z.object({ sinceHours: z.number().min(0).max(24 * 366) }), response: z.object({ path: z.string().nullable() }) },
  'kiosk:get': { request: none, response: kioskLockSchema },
  /** Sets, changes or clears (null) the kiosk PIN; the current PIN is needed once one is set. */
  'kiosk:set-pin': { request: z.object({ pin: pin.nullable(), current: pin.optional() }), response: z.object({ check: pinCheckSchema, lock: kioskLockSchema }) },
  /** Leaves kiosk: with the PIN when one is set. `window:set-kiosk` cannot leave a locked kiosk. */
  'kiosk:leave': { request: z.object({ pin: pin.optional() }), response: pinCheckSchema },
  /** Marks a stream or a tag watched (expected live) or not. */
  'watch:set': {
    request: z.union([z.object({ streamId: streamKey, watched: z.boolean() }), z.object({ tag: z.string().min(1).max(200), watched: z.boolean() })]),
    response: settingsViewSchema,
  },
  /** Whether a sign-in for the proxy set in Settings is in the keychain (never the sign-in itself). */
  'proxy:get': { request: none, response: proxyStateSchema },
  /** Stores the proxy's user name and password in the keychain: the only time they travel, page to main. */
  'proxy:set-sign-in': { request: z.object({ username: z.string().trim().min(1).max(500), password: z.string().max(4096) }), response: proxyStateSchema },
  'proxy:clear-sign-in': { request: none, response: proxyStateSchema },
  /** The settings the organisation's policy pins (shown as managed, read-only) and what was wrong with the policy. */
  'policy:get': { request: none, response: policyViewSchema },
  /** Saves the diagnostics archive for support (logs, alarm log, settings and policy, versions; no secret) where the operator chooses; null when they cancel. */
  'diagnostics:save': { request: none, response: z.object({ path: z.string().nullable() }) },
  /** The running version and where updating stands (off until an update feed is set). */
  'updates:get': { request: none, response: updateViewSchema },
  /** Asks the update feed now; answers when the check is done (a newer version then downloads). */
  'updates:check': { request: none, response: updateViewSchema },
  /** Quits and installs the downloaded update now, instead of at the next quit. */
  'updates:restart': { request: none, response: z.null() },
} as const satisfies Record<CommandChannel, { request: z.ZodType; response: z.ZodType }>;

/** Every event main pushes to the page, with its payload schema. */
export const events = {
  'wall:changed': wallViewSchema,
  'session:changed': sessionViewSchema,
  'downloads:changed': z.array(downloadViewSchema),
  'settings:changed': settingsViewSchema,
  /** The window entered or left fullscreen or kiosk (also by the system, e.g. Esc). */
  'window:changed': z.object({ fullscreen: z.boolean(), kiosk: z.boolean() }),
  'alarms:changed': alarmsStateSchema,
  /** Each alarm event as it happens (the page sounds the tone for raises). */
  'alarms:event': alarmEventSchema,
  /** Ctrl+Shift+K was pressed in a kiosk locked by a PIN: the page asks for the PIN. */
  'kiosk:unlock-requested': z.null(),
  /** The operator clicked an alarm's desktop notification: show that stream. */
  'alarms:reveal': z.object({ streamId: streamKey }),
  /** Updating moved on: checking, found, downloading, ready, failed. */
  'updates:changed': updateViewSchema,
} as const satisfies Record<EventChannel, z.ZodType>;

export type CommandRequest<C extends CommandChannel> = z.input<(typeof commands)[C]['request']>;
export type CommandResponse<C extends CommandChannel> = z.infer<(typeof commands)[C]['response']>;
export type EventPayload<E extends EventChannel> = z.infer<(typeof events)[E]>;

/** The page's API, `window.wall`, derived from the contract: nothing written per channel. */
export interface WallBridge {
  invoke<C extends CommandChannel>(
    channel: C,
    ...request: CommandRequest<C> extends undefined ? [] : [CommandRequest<C>]
  ): Promise<Result<CommandResponse<C>>>;
  on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void;
}
