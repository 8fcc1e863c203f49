import type { AlarmEvent, AlarmsState as AlarmsSnapshot, SnoozeRequest, StreamHealth } from '../../../../shared/alarms';
import type { AppErrorData, Result } from '../../../../shared/errors';
import type { WallBridge } from '../../../../shared/ipc-contract';
import { settle } from '../bridge';
import { MainMirror } from './main-mirror.svelte';

/** What an operator's alarm action was, for the drawer's error line. */
export type AlarmAction = 'acknowledge' | 'snooze' | 'dismiss' | 'history' | 'export';

/** An alarm action main refused, until the next one. */
export interface AlarmActionFailure {
  readonly action: AlarmAction;
  readonly error: AppErrorData;
}

/**
 * The alarms as main reports them (`alarms:get`, then every `alarms:changed`), looked up by
 * stream, and the operator's commands on them. Main pushes the whole state a few times a second
 * at most; streams whose health did not change keep their object, so a tile reading its own
 * health is not redrawn for another stream's change.
 */
export class AlarmsState {
  readonly #bridge: WallBridge;
  readonly #mirror: MainMirror<AlarmsSnapshot>;
  #failure = $state.raw<AlarmActionFailure | null>(null);
  readonly #byStream = $derived.by(() => byStreamId(this.#mirror.stored?.streams ?? []));

  constructor(bridge: WallBridge) {
    this.#bridge = bridge;
    this.#mirror = new MainMirror<AlarmsSnapshot>(
      { fetch: () => bridge.invoke('alarms:get'), listen: (listener) => bridge.on('alarms:changed', listener) },
      { adopt: keepUnchanged },
    );
  }

  /** The latest state, or null until main answered. */
  get view(): AlarmsSnapshot | null {
    return this.#mirror.value;
  }

  /** Why the first `alarms:get` failed, while nothing arrived. */
  get loadError(): AppErrorData | null {
    return this.#mirror.loadError;
  }

  /** Raised alarms nobody acknowledged yet (the header's counter). */
  get unacknowledged(): number {
    return this.#mirror.value?.unacknowledged ?? 0;
  }

  /**
   * A stream's health, or null when it has none to report (healthy, or unknown to the detector).
   * Reactive, but it does not attach main's listener (see `follow`): every tile asks, and a
   * listener attached per tile would cost each tile mounted while a wall scrolls.
   */
  health(streamId: string): StreamHealth | null {
    return this.#byStream.get(streamId) ?? null;
  }

  /** Keeps main's listener attached while the calling effect lives: one per running wall. */
  follow(): void {
    this.#mirror.track();
  }

  /** The last command main refused. */
  get failure(): AlarmActionFailure | null {
    return this.#failure;
  }

  /** Forgets the refused command. */
  dismissFailure(): void {
    this.#failure = null;
  }

  /** Acknowledges one alarm (by alarm id) or every raised alarm of a stream (by stream id). */
  acknowledge(id: string): Promise<boolean> {
    return this.#act('acknowledge', this.#bridge.invoke('alarms:acknowledge', { id }));
  }

  /** Acknowledges every raised alarm. */
  acknowledgeAll(): Promise<boolean> {
    return this.#act('acknowledge', this.#bridge.invoke('alarms:acknowledge-all'));
  }

  /** Snoozes a stream: no sound and no new raise for a while, or until it recovers. */
  snooze(streamId: string, length: SnoozeRequest['for']): Promise<boolean> {
    return this.#act('snooze', this.#bridge.invoke('alarms:snooze', { streamId, for: length }));
  }

  /** Ends a stream's snooze. */
  unsnooze(streamId: string): Promise<boolean> {
    return this.#act('snooze', this.#bridge.invoke('alarms:unsnooze', { streamId }));
  }

  /** Removes a gone stream's tile from the wall. */
  dismiss(streamId: string): Promise<boolean> {
    return this.#act('dismiss', this.#bridge.invoke('alarms:dismiss', { streamId }));
  }

  /** The alarm log of the last hours, newest last; null when main could not read it. */
  async history(sinceHours: number): Promise<AlarmEvent[] | null> {
    const result = await settle(this.#bridge.invoke('alarms:history', { sinceHours }));
    return this.#outcome('history', result) ? result.value : null;
  }

  /** Saves the log of the last hours as CSV where the operator chooses: the path, or null when cancelled or refused. */
  async exportCsv(sinceHours: number): Promise<string | null> {
    const result = await settle(this.#bridge.invoke('alarms:export-csv', { sinceHours }));
    return this.#outcome('export', result) ? result.value.path : null;
  }

  /** Listens for each alarm event as it happens (the sound); returns the function that stops listening. */
  onEvent(listener: (event: AlarmEvent) => void): () => void {
    return this.#bridge.on('alarms:event', listener);
  }

  /** Listens for a clicked desktop notification, which names the stream to show. */
  onReveal(listener: (streamId: string) => void): () => void {
    return this.#bridge.on('alarms:reveal', ({ streamId }) => listener(streamId));
  }

  async #act(action: AlarmAction, call: Promise<Result<null>>): Promise<boolean> {
    return this.#outcome(action, await settle(call));
  }

  #outcome<T>(action: AlarmAction, result: Result<T>): result is { ok: true; value: T } {
    this.#failure = result.ok ? null : { action, error: result.error };
    return result.ok;
  }
}

/** A lookup of health by stream id; replaced whole with each state, never changed in place. */
function byStreamId(streams: readonly StreamHealth[]): ReadonlyMap<string, StreamHealth> {
  return new Map(streams.map((health) => [health.streamId, health]));
}

/** The new state, with each stream's health object kept from the previous state when it did not change. */
function keepUnchanged(next: AlarmsSnapshot, previous: AlarmsSnapshot | null): AlarmsSnapshot {
  if (previous === null) return next;
  const before = new Map(previous.streams.map((health) => [health.streamId, health]));
  const streams = next.streams.map((health) => {
    const old = before.get(health.streamId);
    return old !== undefined && JSON.stringify(old) === JSON.stringify(health) ? old : health;
  });
  return { ...next, streams };
}
