import { createContext } from 'svelte';
import type { SessionState } from './session-state.svelte';
import type { WallState } from './wall-state.svelte';

/** The page's two stores, created once by `App` and read by any component below it. */
export interface Stores {
  readonly session: SessionState;
  readonly wall: WallState;
}

const [getStores, setStores] = createContext<Stores>();

/** Reads the stores `App` provided. */
export { getStores };
/** Provides the stores to every component below the caller; `App` calls it once. */
export { setStores };
