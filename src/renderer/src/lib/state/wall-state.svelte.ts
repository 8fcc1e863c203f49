import type { AppErrorData } from '../../../../shared/errors';
import type { WallBridge } from '../../../../shared/ipc-contract';
import type { ConnectionView, TileView, WallView } from '../../../../shared/view';
import { settle } from '../bridge';
import { EarlySnapshot } from './early-snapshot';
import { MainMirror } from './main-mirror.svelte';
import { LastPictures } from './last-pictures';
import { SlotMemory } from './stable-order';

/**
 * The wall as the page knows it: the latest `WallView` from main (see `MainMirror`), its tiles
 * kept in their places (see `SlotMemory`) and gone tiles with their last pictures (see
 * `LastPictures`), plus views derived from it. The listener is attached
 * only while a component reads the wall; when the wall screen unmounts the wall is forgotten, so
 * the next mount fetches afresh rather than flash another profile's wall.
 */
export class WallState {
  readonly #bridge: WallBridge;
  readonly #mirror: MainMirror<WallView>;
  #refreshError = $state.raw<AppErrorData | null>(null);
  #refreshing = $state(false);

  constructor(bridge: WallBridge) {
    this.#bridge = bridge;
    const fetch = () => settle(bridge.invoke('wall:get'));
    const listen = (listener: (view: WallView) => void) => bridge.on('wall:changed', listener);
    // The first wall is asked for at start, not once the wall screen mounts after the session
    // answered: with a large wall that second round trip is most of the wait. It is asked a
    // microtask later, once the first render has asked for the session and settings: those are
    // small and decide what shows, and asked after the wall they would queue behind its answer.
    const early = new EarlySnapshot(() => Promise.resolve().then(fetch), listen);
    const slots = new SlotMemory();
    const pictures = new LastPictures();
    const adopt = (next: WallView, previous: WallView | null): WallView => {
      if (previous === null) pictures.clear();
      return pictures.apply(keepPlaces(slots, next, previous), (id) => slots.remembers(id));
    };
    this.#mirror = new MainMirror({ fetch, listen }, { early, adopt, forgetWhenIdle: true });
  }

  /** The latest snapshot (its tiles in stable order), or null until the first one arrives. */
  get view(): WallView | null {
    return this.#mirror.value;
  }

  /** The tiles in stable order (see `SlotMemory`). */
  get tiles(): readonly TileView[] {
    return this.#mirror.value?.streams ?? [];
  }

  /** The connection summary, or null before the first snapshot. */
  get connection(): ConnectionView | null {
    return this.#mirror.value?.connection ?? null;
  }

  /** Whether the pictures may be out of date: offline, or shown from the cache before a poll. */
  get stale(): boolean {
    const view = this.#mirror.value;
    return view !== null && (view.connection.status === 'offline' || view.fromCache);
  }

  /** Why the first `wall:get` failed, if it did and nothing was pushed since. */
  get loadError(): AppErrorData | null {
    return this.#mirror.loadError;
  }

  /** Whether a manual refresh is under way. */
  get refreshing(): boolean {
    return this.#refreshing;
  }

  /** Why the last manual refresh failed, until the next one. */
  get refreshError(): AppErrorData | null {
    return this.#refreshError;
  }

  /** Asks main to poll now; the new wall arrives as a `wall:changed` event. */
  async refresh(): Promise<void> {
    if (this.#refreshing) return;
    this.#refreshing = true;
    this.#refreshError = null;
    try {
      const result = await settle(this.#bridge.invoke('wall:refresh'));
      if (!result.ok) this.#refreshError = result.error;
    } finally {
      this.#refreshing = false;
    }
  }
}

/**
 * A new wall with its tiles in the places they had. A wall shown afresh (no previous one: the
 * wall screen mounted again, perhaps for another profile) takes main's order.
 */
function keepPlaces(slots: SlotMemory, next: WallView, previous: WallView | null): WallView {
  const order = slots.place(
    next.streams.map((tile) => tile.id),
    previous === null,
  );
  const byId = new Map(next.streams.map((tile) => [tile.id, tile]));
  return { ...next, streams: order.flatMap((id) => byId.get(id) ?? []) };
}
