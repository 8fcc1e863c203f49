// A detector on a fake clock, with helpers that speak in streams, pictures and seconds.
import { wallKey } from '../../../src/shared/wall-key';
import { AlarmDetector } from '../../../src/main/core/alarms/detector';
import type { PictureObservation } from '../../../src/main/core/alarms/detector-types';
import type { PictureMeasure, UnreadablePicture } from '../../../src/main/core/alarms/picture-measure';
import type { StreamInput } from '../../../src/main/core/alarms/presence-rules';
import { watchPredicate } from '../../../src/main/core/alarms/watch';
import { type AlarmEvent, type AlarmSettings, alarmEventSchema, alarmSettingsSchema, type StreamHealth } from '../../../src/shared/alarms';
import { rng } from './pictures';

/** A picture measure made directly: `seed` decides the content, so equal seeds look the same. */
export function measure(seed: number, extra: Partial<Pick<PictureMeasure, 'blackFraction' | 'uniformFraction'>> = {}): PictureMeasure {
  const random = rng(seed);
  const luma = Uint8Array.from({ length: 64 * 36 }, () => Math.floor(random() * 256));
  return { kind: 'picture', width: 320, height: 180, thumbWidth: 64, thumbHeight: 36, luma, meanLuma: 128, blackFraction: 0, uniformFraction: 0.2, channelStddev: [60, 60, 60], ...extra };
}

/** A black picture measure. */
export const black = (seed = 900): PictureMeasure => measure(seed, { blackFraction: 0.999, uniformFraction: 0.999 });
/** A single-colour slate measure. */
export const slate = (seed = 901): PictureMeasure => measure(seed, { uniformFraction: 0.98 });
/** An unreadable picture. */
export const broken: UnreadablePicture = { kind: 'unreadable', reason: 'truncated', detail: 'The picture is truncated.' };

/** A content-addressed asset name for picture number `n`. */
export function asset(n: number): string {
  return `${n.toString(16).padStart(64, '0')}.jpg`;
}

/** A listed stream, live with a 10 s thumbnail interval unless told otherwise. */
export function stream(id: string, extra: Partial<StreamInput> = {}): StreamInput {
  return { id, name: `name-${id}`, state: 'live', tags: [], thumbnailIntervalS: 10, ...extra };
}

/** Builds a detector on a fake clock starting at a fixed moment. */
export function setup(options: { settings?: Partial<Record<keyof AlarmSettings, unknown>>; watched?: { streamIds?: string[]; tags?: string[] }; profileId?: string } = {}) {
  const start = Date.parse('2025-03-01T10:00:00.000Z');
  let now = start;
  let ids = 0;
  const settings = alarmSettingsSchema.parse(options.settings ?? {});
  const detector = new AlarmDetector({
    settings,
    now: () => now,
    // The watch list names streams by wall key; these tests name them by the stream's own id.
    isWatched: watchPredicate({ streamIds: (options.watched?.streamIds ?? []).map((id) => wallKey(options.profileId ?? 'p', id)), tags: options.watched?.tags ?? [] }, options.profileId ?? 'p'),
    newId: () => `id-${++ids}`,
    ...(options.profileId ? { profileId: options.profileId } : {}),
  });
  const events: AlarmEvent[] = [];
  detector.onDidEvent((event) => {
    // Every event must cross IPC and land in the log: it has to satisfy its schema.
    alarmEventSchema.parse(event);
    events.push(event);
  });
  let pictureNo = 0;
  const h = {
    detector,
    events,
    settings,
    /** Seconds since the start. */
    get t() {
      return (now - start) / 1000;
    },
    /** Moves the clock to `seconds` after the start and ticks. */
    at(seconds: number) {
      now = start + seconds * 1000;
      detector.tick(now);
    },
    /** Moves the clock without ticking. */
    jump(seconds: number) {
      now = start + seconds * 1000;
    },
    list(streams: StreamInput[], complete = true) {
      detector.observeStreams(streams, now, { complete });
    },
    /** A new picture version with the given measure; returns its asset name. */
    picture(id: string, analysis: PictureMeasure | UnreadablePicture): string {
      const name = asset(++pictureNo);
      detector.observePicture(id, { at: now, outcome: 'changed', analysis, assetName: name });
      return name;
    },
    refresh(id: string, outcome: Exclude<PictureObservation['outcome'], 'changed'>, error?: string) {
      detector.observePicture(id, { at: now, outcome, ...(error ? { error } : {}) });
    },
    health(id: string): StreamHealth {
      const found = detector.health().find((entry) => entry.streamId === id);
      if (!found) throw new Error(`no health for ${id}`);
      return found;
    },
    /** Events as `state:type` strings, the compact way to assert a sequence. */
    log(filter?: (event: AlarmEvent) => boolean): string[] {
      return events.filter(filter ?? (() => true)).map((event) => `${event.state}:${event.type ?? '-'}`);
    },
    iso(seconds: number): string {
      return new Date(start + seconds * 1000).toISOString();
    },
  };
  return h;
}
