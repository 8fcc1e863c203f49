import { flushSync } from 'svelte';

/** A component's worth of reading: an effect that reads `read()` until `stop()`. */
export interface Reader<T> {
  /** What the effect read last. */
  readonly latest: () => T;
  /** Unmounts the reader; subscriptions end a microtask later (see `createSubscriber`). */
  readonly stop: () => Promise<void>;
}

/** Reads `read()` in an effect, as a mounted component would, and keeps what it read current. */
export function mountReader<T>(read: () => T): Reader<T> {
  let latest: T | undefined;
  const destroy = $effect.root(() => {
    $effect(() => {
      latest = read();
    });
  });
  flushSync();
  return {
    latest: () => {
      flushSync();
      return latest as T;
    },
    stop: async () => {
      destroy();
      await Promise.resolve();
      await Promise.resolve();
    },
  };
}
