import type { AlarmEvent } from '../../../../shared/alarms';
import type { WallEntry } from './wall-entries';

/** The stream a cell shows (a missing slot's stream too: its "gone" alarm belongs there). */
export function entryStreamId(entry: WallEntry): string {
  return entry.kind === 'stream' ? entry.tile.id : entry.streamId;
}

/**
 * Whether an alarm event is a new alarm worth showing its page for: a raise (not a pending fault,
 * an acknowledgement or a clear) of a stream. A flapping stream's returns are not new: the wall
 * would otherwise jump each time the fault comes back.
 */
export function isNewStreamAlarm(event: AlarmEvent): event is AlarmEvent & { streamId: string } {
  return event.state === 'alarm' && event.streamId !== null && event.severity !== 'info' && event.flapping !== true;
}

/**
 * The page of a paged wall to show for an alarm event: the page of the first cell of its stream,
 * when that is not the page shown; null when the event is no new alarm or its stream is not on
 * the wall (filtered out, or not in this layout). `pageOf` maps a cell's index to its page.
 */
export function pageForAlarm(event: AlarmEvent, entries: readonly WallEntry[], pageOf: (index: number) => number, shown: number): number | null {
  if (!isNewStreamAlarm(event)) return null;
  const page = streamPage(entries, event.streamId, pageOf);
  return page === shown ? null : page;
}

/** The page of a stream's first cell, or null when the wall does not show the stream. */
export function streamPage(entries: readonly WallEntry[], streamId: string, pageOf: (index: number) => number): number | null {
  const index = entries.findIndex((entry) => entryStreamId(entry) === streamId);
  return index < 0 ? null : pageOf(index);
}
