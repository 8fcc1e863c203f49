import type { WatchList } from '../../../shared/alarms';
import { wallKey } from '../../../shared/wall-key';

/** Decides whether the operator expects a stream live: its alarms are then `critical`, else `warning`. */
export type WatchPredicate = (stream: { id: string; tags: readonly string[] }) => boolean;

/**
 * A predicate for one profile's streams from the operator's watch list: a watched stream (the list
 * names streams by wall key, `profileId/streamId`), or any watched tag, whichever organisation.
 * A plain id is one settings kept from before keys while no profile was active to own it (the
 * CLI on a credential from the environment, say): only one connection runs then, and it is its.
 */
export function watchPredicate(list: WatchList, profileId: string): WatchPredicate {
  const ids = new Set(list.streamIds);
  const tags = new Set(list.tags);
  return (stream) => ids.has(wallKey(profileId, stream.id)) || ids.has(stream.id) || stream.tags.some((tag) => tags.has(tag));
}

/** Nothing watched: every alarm is a warning. */
export const NOTHING_WATCHED: WatchPredicate = () => false;
