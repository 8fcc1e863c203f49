import Store from 'electron-store';
import type { Settings, SettingsStore } from '../core/settings/settings';

/** Settings in electron-store's JSON file in the user-data folder; validation happens in core. */
export function createElectronSettingsStore(): SettingsStore {
  const store = new Store<{ settings: unknown }>({ name: 'settings', clearInvalidConfig: true });
  return {
    read: () => store.get('settings'),
    write: (settings: Settings) => store.set('settings', settings),
  };
}
