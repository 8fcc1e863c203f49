import type { RecordingView, TileView, VariantView } from '../../../../shared/view';

/** What the Replay button may open, or why it cannot. */
export type ReplayTarget =
  | { readonly ok: true; readonly request: { streamId: string; variantId?: string } }
  | { readonly ok: false; readonly reason: 'off' | 'unavailable' };

/**
 * The replay of the shown quality when it has one, else the stream's. Disabled buttons say why:
 * replay is switched off in the stream's processing, or bintu has not given a replay page yet.
 */
export function replayTarget(tile: TileView, variant: VariantView | null): ReplayTarget {
  if (variant?.hasReplay === true) return { ok: true, request: { streamId: tile.id, variantId: variant.id } };
  if (tile.hasReplay) return { ok: true, request: { streamId: tile.id } };
  const replayOn = tile.variants.some((candidate) => candidate.processing.replay !== null);
  return { ok: false, reason: replayOn ? 'unavailable' : 'off' };
}

/** Recordings newest first; those without a date last, in bintu's order. */
export function recordingsNewestFirst(recordings: readonly RecordingView[]): RecordingView[] {
  const time = (recording: RecordingView): number => {
    const parsed = recording.createdAt === null ? Number.NaN : Date.parse(recording.createdAt);
    return Number.isNaN(parsed) ? -Infinity : parsed;
  };
  return recordings
    .map((recording, order) => ({ recording, order, at: time(recording) }))
    .sort((a, b) => (b.at === a.at ? a.order - b.order : b.at - a.at))
    .map((entry) => entry.recording);
}

/** What "Download latest recording" fetches, or why there is nothing. */
export type DownloadTarget =
  | { readonly ok: true; readonly recording: RecordingView }
  | { readonly ok: false; readonly reason: 'off' | 'none' };

/** The stream's newest recording; without one, whether recording is off or none exists yet. */
export function latestRecording(tile: TileView): DownloadTarget {
  const [newest] = recordingsNewestFirst(tile.recordings);
  if (newest !== undefined) return { ok: true, recording: newest };
  const recordingOn = tile.variants.some((variant) => variant.processing.rec !== null);
  return { ok: false, reason: recordingOn ? 'none' : 'off' };
}

/** A stream's recordings of one quality (`variant` null: bintu did not say which), newest first. */
export interface RecordingGroup {
  readonly variant: VariantView | null;
  readonly recordings: readonly RecordingView[];
}

/** The recordings grouped by quality, qualities in index order, recordings of no known quality last. */
export function recordingsByQuality(tile: TileView): RecordingGroup[] {
  const newest = recordingsNewestFirst(tile.recordings);
  const variants = [...tile.variants].sort((a, b) => a.index - b.index);
  const known = new Set(variants.map((variant) => variant.id));
  const groups: RecordingGroup[] = variants.map((variant) => ({ variant, recordings: newest.filter((r) => r.variantId === variant.id) }));
  groups.push({ variant: null, recordings: newest.filter((r) => r.variantId === null || !known.has(r.variantId)) });
  return groups.filter((group) => group.recordings.length > 0);
}
