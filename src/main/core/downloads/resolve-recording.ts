import type { Recording, Stream } from '../../../shared/domain';
import { AppError } from '../errors';

/**
 * Finds a recording by id within one stream. The page names both ids; a recording id that belongs
 * to another stream (or to none) is refused, so a page can only download what it was shown.
 */
export function resolveRecording(streams: readonly Stream[], streamId: string, recordingId: string): Recording {
  const stream = streams.find((s) => s.id === streamId);
  if (stream === undefined) throw new AppError('not-found', 'That stream is not on the wall any more.');
  const recording = stream.recordings.find((r) => r.id === recordingId);
  if (recording === undefined) throw new AppError('not-found', 'That recording is not listed for this stream.');
  return recording;
}
