import type { AlarmSettings } from '../../../shared/alarms';
import type { PictureAnalysis } from './picture-measure';
import type { PictureOutcome } from './picture-rules';
import type { WatchPredicate } from './watch';

/** One refresh of a stream's thumbnail, as the poller saw it. */
export interface PictureObservation {
  at: number;
  outcome: PictureOutcome;
  /** `analysePicture` of the new bytes; needed with `changed`, ignored otherwise (`unchanged` reuses the last). */
  analysis?: PictureAnalysis;
  /** The cached file name of the new version (`<sha256>.jpg`), kept as evidence. */
  assetName?: string | null;
  /** With `failed`: plain words for the log (the AppError message). */
  error?: string;
}

/** What the detector is built with. */
export interface AlarmDetectorOptions {
  settings: AlarmSettings;
  /** The clock for operator actions (acknowledge, snooze, dismiss); observations carry their own time. */
  now: () => number;
  isWatched?: WatchPredicate;
  /** The profile whose connection this detector watches; stamped on every event. */
  profileId?: string;
  /** What connection events call the connection (the profile's name). */
  connectionName?: string;
  newId?: () => string;
}
