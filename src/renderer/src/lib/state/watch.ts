import type { WatchList } from '../../../../shared/alarms';

/** Why a stream is watched: by its own id, through one of its tags, or not at all. */
export interface WatchedBy {
  readonly byId: boolean;
  /** The first of its tags on the watch list, or null. */
  readonly tag: string | null;
}

/** Whether a stream is watched, and why; a missing watch list watches nothing. */
export function watchedBy(streamId: string, tags: readonly string[], list: WatchList | null | undefined): WatchedBy {
  if (list === null || list === undefined) return { byId: false, tag: null };
  return { byId: list.streamIds.includes(streamId), tag: tags.find((tag) => list.tags.includes(tag)) ?? null };
}

/** Whether either way watches the stream. */
export function isWatched(by: WatchedBy): boolean {
  return by.byId || by.tag !== null;
}
