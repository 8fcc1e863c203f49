import type { AppErrorData, Result } from '../../../src/shared/errors';
import type { CommandChannel, CommandResponse, EventChannel, EventPayload, WallBridge } from '../../../src/shared/ipc-contract';

interface Pending {
  readonly channel: CommandChannel;
  readonly request: unknown;
  readonly settle: (result: Result<unknown>) => void;
  readonly fail: (cause: Error) => void;
}

/**
 * A stand-in for `window.wall`: every command waits until the test answers it, in the order they
 * were asked; events are pushed by the test to whoever listens.
 */
export class FakeBridge implements WallBridge {
  readonly #pending: Pending[] = [];
  readonly #listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  readonly #asked: CommandChannel[] = [];

  invoke<C extends CommandChannel>(channel: C, ...request: unknown[]): Promise<Result<CommandResponse<C>>> {
    this.#asked.push(channel);
    return new Promise((settle, fail) => {
      this.#pending.push({ channel, request: request[0], settle: settle as (result: Result<unknown>) => void, fail });
    });
  }

  on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void {
    const set = this.#listeners.get(channel) ?? new Set();
    this.#listeners.set(channel, set);
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  /** How many times a command was asked (answered or not). */
  asked(channel: CommandChannel): number {
    return this.#asked.filter((name) => name === channel).length;
  }

  /** The request of the oldest unanswered call of a command. */
  request(channel: CommandChannel): unknown {
    return this.#take(channel, false).request;
  }

  /** Answers the oldest unanswered call of a command with a value. */
  async answer<C extends CommandChannel>(channel: C, value: CommandResponse<C>): Promise<void> {
    this.#take(channel).settle({ ok: true, value });
    await settled();
  }

  /** Answers the oldest unanswered call of a command with an error. */
  async refuse(channel: CommandChannel, error: AppErrorData): Promise<void> {
    this.#take(channel).settle({ ok: false, error });
    await settled();
  }

  /** Makes the oldest unanswered call of a command reject, as a broken preload would. */
  async reject(channel: CommandChannel, message: string): Promise<void> {
    this.#take(channel).fail(new Error(message));
    await settled();
  }

  /** Pushes an event to every listener. */
  push<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    for (const listener of this.#listeners.get(channel) ?? []) (listener as (payload: EventPayload<E>) => void)(payload);
  }

  /** How many listeners an event has. */
  listeners(channel: EventChannel): number {
    return this.#listeners.get(channel)?.size ?? 0;
  }

  #take(channel: CommandChannel, remove = true): Pending {
    const index = this.#pending.findIndex((call) => call.channel === channel);
    const call = this.#pending[index];
    if (call === undefined) throw new Error(`no unanswered ${channel} call`);
    if (remove) this.#pending.splice(index, 1);
    return call;
  }
}

/** Lets every promise chain that is already due run (answers travel through a few `then`s). */
export async function settled(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
