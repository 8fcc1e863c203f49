import { createContext } from 'svelte';
import type { AlarmSound } from './alarm-sound.svelte';
import type { AlarmsState } from './alarms-state.svelte';
import type { DownloadsState } from './downloads-state.svelte';
import type { SessionState } from './session-state.svelte';
import type { SettingsState } from './settings-state.svelte';
import type { UiState } from './ui-state.svelte';
import type { WallControls } from './wall-controls.svelte';
import type { WallState } from './wall-state.svelte';
import type { WindowState } from './window-state.svelte';

/** The page's stores, created once by `App` and read by any component below it. */
export interface Stores {
  readonly session: SessionState;
  readonly wall: WallState;
  readonly settings: SettingsState;
  readonly controls: WallControls;
  readonly downloads: DownloadsState;
  readonly window: WindowState;
  readonly ui: UiState;
  readonly alarms: AlarmsState;
  readonly sound: AlarmSound;
}

const [getStores, setStores] = createContext<Stores>();

/** Reads the stores `App` provided. */
export { getStores };
/** Provides the stores to every component below the caller; `App` calls it once. */
export { setStores };
