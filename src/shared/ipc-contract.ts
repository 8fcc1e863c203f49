import { z } from 'zod';
import type { Result } from './errors';
import { credentialKindSchema } from './domain';
import { sessionViewSchema, wallViewSchema } from './view';

const none = z.undefined();
const profileId = z.object({ profileId: z.string().min(1).max(200) });

/** What the Connect screen sends: the only time a credential travels, page to main, never back. */
export const connectRequestSchema = z.object({
  name: z.string().trim().min(1).max(100),
  apiBase: z.string().trim().min(1).max(500),
  credentialKind: credentialKindSchema,
  secret: z.string().trim().min(1).max(4096),
});
export type ConnectRequest = z.infer<typeof connectRequestSchema>;

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
} as const;

/** Every event main pushes to the page, with its payload schema. */
export const events = {
  'wall:changed': wallViewSchema,
  'session:changed': sessionViewSchema,
} as const;

export type CommandChannel = keyof typeof commands;
export type EventChannel = keyof typeof events;
export type CommandRequest<C extends CommandChannel> = z.input<(typeof commands)[C]['request']>;
export type CommandResponse<C extends CommandChannel> = z.infer<(typeof commands)[C]['response']>;
export type EventPayload<E extends EventChannel> = z.infer<(typeof events)[E]>;

export const commandChannels = Object.keys(commands) as CommandChannel[];
export const eventChannels = Object.keys(events) as EventChannel[];

/** Whether a string names a command of the contract. */
export function isCommandChannel(value: unknown): value is CommandChannel {
  return typeof value === 'string' && Object.hasOwn(commands, value);
}

/** Whether a string names an event of the contract. */
export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && Object.hasOwn(events, value);
}

/** The page's API, `window.wall`, derived from the contract: nothing written per channel. */
export interface WallBridge {
  invoke<C extends CommandChannel>(
    channel: C,
    ...request: CommandRequest<C> extends undefined ? [] : [CommandRequest<C>]
  ): Promise<Result<CommandResponse<C>>>;
  on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void;
}
