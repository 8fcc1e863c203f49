import { ownedKey } from '../../../shared/wall-key';
import type { Heroes, Layout, StreamLabels } from '../../../shared/settings-view';
import type { WatchList } from '../../../shared/alarms';

/** Settings whose streams are named by key: slots, labels, layouts, hero tiles and watched streams. */
export interface KeyedSettings {
  activeProfileId: string | null;
  slots: string[];
  labels: StreamLabels;
  layouts: Layout[];
  watch: WatchList;
  /** The free wall's hero tiles are keyed by stream too. */
  wall: { heroes: Heroes };
  /** 2 once every stream in these settings is named by wall key (`profileId/streamId`). */
  streamKeys?: 2 | undefined;
}

/**
 * Names every stream of settings saved when one profile was on the wall at a time (plain bintu
 * ids) by wall key: they all belong to the profile active then. Done once, and marked, so a key
 * of a profile removed since is never taken for a plain id. With no profile active there is no
 * owner yet: the settings stay as they are until there is one.
 */
export function migrateStreamKeys<T extends KeyedSettings>(settings: T): T {
  if (settings.streamKeys === 2) return settings;
  const active = settings.activeProfileId;
  if (active === null) return settings;
  const own = (key: string): string => ownedKey(key, active);
  const ownKeys = <V>(record: Readonly<Record<string, V>>): Record<string, V> => Object.fromEntries(Object.entries(record).map(([key, value]) => [own(key), value]));
  return {
    ...settings,
    slots: settings.slots.map(own),
    labels: ownKeys(settings.labels),
    layouts: settings.layouts.map((layout) => ({ ...layout, slots: layout.slots.map(own), heroes: ownKeys(layout.heroes) })),
    wall: { ...settings.wall, heroes: ownKeys(settings.wall.heroes) },
    watch: { ...settings.watch, streamIds: settings.watch.streamIds.map(own) },
    streamKeys: 2,
  };
}
