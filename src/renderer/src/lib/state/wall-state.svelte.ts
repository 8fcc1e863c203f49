import { createSubscriber } from 'svelte/reactivity';
import type { AppErrorData } from '../../../../shared/errors';
import type { WallBridge } from '../../../../shared/ipc-contract';
import type { ConnectionView, TileView, WallView } from '../../../../shared/view';
import { settle } from '../bridge';
import { EarlySnapshot } from './early-snapshot';
import { stableOrder } from './stable-order';

/**
 * The wall as the page knows it: the latest `WallView` snapshot from main, replaced wholesale on
 * every `wall:changed`, plus views derived from it. The listener is attached only while a
 * component reads the wall, and detached when the wall screen unmounts.
 */
export class WallState {
  readonly #bridge: WallBridge;
  readonly #subscribe: () => void;
  #view = $state.raw<WallView | null>(null);
  #order = $state.raw<readonly string[]>([]);
  #loadError = $state.raw<AppErrorData | null>(null);
  #refreshError = $state.raw<AppErrorData | null>(null);
  #refreshing = $state(false);

  readonly #tiles = $derived.by(() => {
    // A throwaway lookup inside the derivation, not state: a reactive map would only cost.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const byId = new Map((this.#view?.streams ?? []).map((tile) => [tile.id, tile]));
    return this.#order.flatMap((id) => byId.get(id) ?? []);
  });
  readonly #stale = $derived(
    this.#view !== null && (this.#view.connection.status === 'offline' || this.#view.fromCache),
  );

  constructor(bridge: WallBridge) {
    this.#bridge = bridge;
    // The first wall is asked for at start, not once the wall screen mounts after the session
    // answered: with a large wall that second round trip is most of the wait. It is asked a
    // microtask later, once the first render has asked for the session and settings: those are
    // small and decide what shows, and asked after the wall they would queue behind its answer.
    const firstWall = new EarlySnapshot(
      () => Promise.resolve().then(() => settle(bridge.invoke('wall:get'))),
      (listener) => bridge.on('wall:changed', listener),
    );
    this.#subscribe = createSubscriber(() => {
      // A push that lands before the initial fetch answers is newer: the fetch must not undo it.
      let pushed = false;
      let mounted = true;
      const first = firstWall.take();
      const off = bridge.on('wall:changed', (view) => {
        pushed = true;
        this.#accept(view);
      });
      const pushedEarly = first?.pushed ?? null;
      if (pushedEarly !== null) {
        pushed = true;
        // Deferred: this runs while a component first reads the wall, where state must not change.
        queueMicrotask(() => {
          if (mounted && this.#view === null) this.#accept(pushedEarly);
        });
      }
      void (first?.answer ?? settle(bridge.invoke('wall:get'))).then((result) => {
        if (!mounted) return;
        if (!result.ok) this.#loadError = result.error;
        else if (!pushed) this.#accept(result.value);
      });
      return () => {
        mounted = false;
        off();
        // Unmounted: the next mount fetches afresh rather than flash another profile's wall.
        this.#view = null;
        this.#order = [];
        this.#loadError = null;
      };
    });
  }

  /** The latest snapshot, or null until the first one arrives. */
  get view(): WallView | null {
    this.#subscribe();
    return this.#view;
  }

  /** The tiles in stable order (see `stableOrder`). */
  get tiles(): readonly TileView[] {
    this.#subscribe();
    return this.#tiles;
  }

  /** The connection summary, or null before the first snapshot. */
  get connection(): ConnectionView | null {
    this.#subscribe();
    return this.#view?.connection ?? null;
  }

  /** Whether the pictures may be out of date: offline, or shown from the cache before a poll. */
  get stale(): boolean {
    this.#subscribe();
    return this.#stale;
  }

  /** Why the first `wall:get` failed, if it did and nothing was pushed since. */
  get loadError(): AppErrorData | null {
    this.#subscribe();
    return this.#view === null ? this.#loadError : null;
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

  #accept(view: WallView): void {
    this.#order = stableOrder(
      this.#order,
      view.streams.map((tile) => tile.id),
    );
    this.#view = view;
    this.#loadError = null;
  }
}
