import type { ProcessingSettings } from '../../../shared/domain';
import { clampSeconds, PROCESSING_DEFAULTS, PROCESSING_RANGES } from './processing-ranges';
import type { RawProcessingEntry } from './raw-schemas';

/** Settings of a variant with every process off. */
export function noProcessing(): ProcessingSettings {
  return { thumbs: null, motionclip: null, rec: null, replay: null };
}

/**
 * Reads a variant's `processing[]`: an entry's presence turns its process on; values are brought
 * into bintu's documented ranges; unknown ids are ignored; the first entry of an id wins.
 */
export function normaliseProcessing(entries: readonly RawProcessingEntry[] | undefined): ProcessingSettings {
  const settings = noProcessing();
  const { thumbs, motionclip, rec, replay } = PROCESSING_RANGES;
  for (const entry of entries ?? []) {
    switch (entry.id?.trim().toLowerCase()) {
      case 'thumbs':
        settings.thumbs ??= { interval: clampSeconds(entry.interval, thumbs.interval, PROCESSING_DEFAULTS.thumbsInterval) };
        break;
      case 'motionclip':
        settings.motionclip ??= {
          interval: clampSeconds(entry.interval, motionclip.interval, PROCESSING_DEFAULTS.motionclipInterval),
          duration: clampSeconds(entry.duration, motionclip.duration, PROCESSING_DEFAULTS.motionclipDuration),
        };
        break;
      case 'rec':
        settings.rec ??= { duration: lengthOrEntire(entry.duration, rec.duration.min) };
        break;
      case 'replay':
        settings.replay ??= { duration: lengthOrEntire(entry.duration, replay.duration.min) };
        break;
      default:
        // Processes this app does not know yet are not shown rather than guessed at.
        break;
    }
  }
  return settings;
}

/** A recording or replay length: null (missing or unreadable) means the entire stream. */
function lengthOrEntire(value: number | null | undefined, min: number): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return Math.max(value, min);
}
