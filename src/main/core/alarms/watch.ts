import type { WatchList } from '../../../shared/alarms';

/** Decides whether the operator expects a stream live: its alarms are then `critical`, else `warning`. */
export type WatchPredicate = (stream: { id: string; tags: readonly string[] }) => boolean;

/** A predicate from the operator's watch list: a watched id, or any watched tag. */
export function watchPredicate(list: WatchList): WatchPredicate {
  const ids = new Set(list.streamIds);
  const tags = new Set(list.tags);
  return (stream) => ids.has(stream.id) || stream.tags.some((tag) => tags.has(tag));
}

/** Nothing watched: every alarm is a warning. */
export const NOTHING_WATCHED: WatchPredicate = () => false;
