import type { z } from 'zod';
import { commands, isCommandChannel, type CommandChannel, type CommandResponse } from '../../shared/ipc-contract';
import { fail, ok, type Result } from '../../shared/errors';
import { toErrorData } from './errors';
import type { Logger } from './log/logger';
import { redactErrorData } from './redact';

/** The main-side implementation of every command of the contract. */
export type CommandHandlers = {
  [C in CommandChannel]: (request: z.infer<(typeof commands)[C]['request']>) => Promise<CommandResponse<C>>;
};

/** Routes one untrusted (channel, payload) pair to its handler: unknown channels and payloads that fail their schema are refused before any handler runs; every failure comes back as data. */
export type Dispatch = (channel: unknown, payload: unknown) => Promise<Result<unknown>>;

/**
 * Builds the dispatcher shared by Electron's IPC registration and the test harness. Every error
 * sent back has the known secrets removed (`secrets`), whatever path produced it.
 */
export function createDispatcher(handlers: CommandHandlers, log?: Logger, secrets: () => readonly string[] = () => []): Dispatch {
  return async (channel, payload) => {
    if (!isCommandChannel(channel)) {
      return fail({ code: 'unknown-channel', message: 'The page asked for a command that does not exist.' });
    }
    const parsed = commands[channel].request.safeParse(payload);
    if (!parsed.success) {
      // Issues name paths and expectations only; the input (which may be a secret) is never echoed.
      const where = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`);
      return fail({ code: 'invalid-input', message: `Invalid request for ${channel}: ${where.join('; ')}` });
    }
    try {
      const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
      return ok(await handler(parsed.data));
    } catch (error) {
      const data = toErrorData(error);
      // Operator-facing errors are expected; anything internal is a bug worth a stack in the log.
      if (data.code === 'internal') log?.error(`${channel} failed`, error);
      return fail(redactErrorData(data, secrets()));
    }
  };
}
