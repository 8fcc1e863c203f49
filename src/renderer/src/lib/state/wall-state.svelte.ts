import type { AppErrorData } from '../../../../shared/errors';
import type { WallBridge } from '../../../../shared/ipc-contract';
import type { ConnectionView, OrganisationView, TileView, WallView } from '../../../../shared/view';
import { settle } from '../bridge';
import { EarlySnapshot } from './early-snapshot';
import { MainMirror } from './main-mirror.svelte';
import { MAX_SLOTS } from '../../../../shared/settings-limits';
import { LastPictures } from './last-pictures';
import { moveInOrder, rememberOrder } from './stable-order';

/**
 * The wall as the page knows it: the latest `WallView` from main (see `MainMirror`), its tiles
 * kept in their slots (see `rememberOrder`) and gone tiles with their last pictures (see
 * `LastPictures`), plus views derived from it. The listener is attached
 * only while a component reads the wall; when the wall screen unmounts the wall is forgotten, so
 * the next mount fetches afresh rather than flash another profile's wall. The slot order is not
 * forgotten: it outlives the screen, and settings keep it across restarts (`restoreOrder`).
 */
export class WallState {
  readonly #bridge: WallBridge;
  readonly #mirror: MainMirror<WallView>;
  #refreshError = $state.raw<AppErrorData | null>(null);
  #refreshing = $state(false);
  /** Every stream's slot, in order, also of streams not in the list now (see `rememberOrder`). */
  #order = $state.raw<readonly string[]>([]);
  #restored = false;

  constructor(bridge: WallBridge) {
    this.#bridge = bridge;
    const fetch = () => settle(bridge.invoke('wall:get'));
    const listen = (listener: (view: WallView) => void) => bridge.on('wall:changed', listener);
    // The first wall is asked for at start, not once the wall screen mounts after the session
    // answered: with a large wall that second round trip is most of the wait. It is asked a
    // microtask later, once the first render has asked for the session and settings: those are
    // small and decide what shows, and asked after the wall they would queue behind its answer.
    const early = new EarlySnapshot(() => Promise.resolve().then(fetch), listen);
    const pictures = new LastPictures();
    const adopt = (next: WallView, previous: WallView | null): WallView => {
      if (previous === null) pictures.clear();
      const placed = this.#keepPlaces(next);
      // A plain lookup for this one call, not state: nothing reads it reactively.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      const slotted = new Set(this.#order);
      return pictures.apply(placed, (id) => slotted.has(id));
    };
    this.#mirror = new MainMirror({ fetch, listen }, { early, adopt, forgetWhenIdle: true });
  }

  /** The remembered slot order (what settings store as `slots`). */
  get order(): readonly string[] {
    return this.#order;
  }

  /**
   * Takes the slot order settings kept from the last run, once: those streams go back to their
   * slots (a wall already shown keeps what it learnt since, after them).
   */
  restoreOrder(saved: readonly string[]): void {
    if (this.#restored) return;
    this.#restored = true;
    this.#order = rememberOrder(saved, this.#order, MAX_SLOTS);
    const shown = this.#mirror.stored;
    if (shown !== null) this.#mirror.set(shown);
  }

  /** The operator moved a tile (drag and drop, Shift+arrow): `streamId` takes `target`'s slot. */
  moveSlot(streamId: string, target: string): void {
    this.#order = moveInOrder(this.#order, streamId, target);
    const shown = this.#mirror.stored;
    if (shown !== null) this.#mirror.set(shown);
  }

  /** A new wall with its tiles in their remembered slots. */
  #keepPlaces(next: WallView): WallView {
    const ids = next.streams.map((tile) => tile.id);
    this.#order = rememberOrder(this.#order, ids, MAX_SLOTS);
    return inSlots(next, this.#order);
  }

  /** The latest snapshot (its tiles in stable order), or null until the first one arrives. */
  get view(): WallView | null {
    return this.#mirror.value;
  }

  /** The tiles in their slots (see `rememberOrder`). */
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

  /** The organisations on the wall, each with its own connection, in the order they joined it. */
  get organisations(): readonly OrganisationView[] {
    return this.#mirror.value?.organisations ?? [];
  }

  /**
   * Whether a tile's picture may be out of date: its own organisation is offline or shown from its
   * cache. One organisation's outage leaves the others' tiles as they are.
   */
  staleOf(tile: TileView): boolean {
    const organisation = this.organisations.find((o) => o.profileId === tile.profileId);
    return organisation === undefined ? this.stale : organisation.connection.status === 'offline' || organisation.fromCache;
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

/** The wall with its tiles in the order given (every id in `order`, once). */
function inSlots(wall: WallView, order: readonly string[]): WallView {
  const byId = new Map(wall.streams.map((tile) => [tile.id, tile]));
  return { ...wall, streams: order.flatMap((id) => byId.get(id) ?? []) };
}
