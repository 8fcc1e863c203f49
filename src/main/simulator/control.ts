/**
 * The control surface: fault injection, pinned states and forced picture versions, acting on the
 * fault book and the schedule at the simulator's current time.
 */
import type { Catalogue } from './catalogue';
import type { FaultBook } from './faults';
import type { AssetKind, Schedule } from './schedule';
import type { FaultSpec, SimControl, SimStreamInfo, SimStreamState } from './types';
import type { StreamDef } from './world';

/** Thrown for a stream id the simulator does not know; the HTTP routes turn it into a 404. */
export class UnknownStreamError extends Error {
  constructor(readonly streamId: string) {
    super(`unknown stream ${streamId}`);
  }
}

/** Builds the control object over the simulator's state. */
export function createControl(catalogue: Catalogue, schedule: Schedule, faults: FaultBook, now: () => number): SimControl {
  const find = (id: string): StreamDef => {
    const stream = catalogue.streamByAnyId(id);
    if (!stream) throw new UnknownStreamError(id);
    return stream;
  };
  const bump = (id: string, kind: AssetKind): void => {
    const stream = find(id);
    const only = catalogue.variantById(id);
    const variants = only && id !== stream.id ? [only.variant] : stream.variants;
    for (const v of variants) schedule.bump(v, kind, now());
  };
  // The faults that act from a moment on are recorded in the schedule with that moment.
  const overlay = (key: string, spec: FaultSpec): void => {
    const t = now();
    schedule.mark('stalled', key, spec.stalled ? t : null);
    schedule.mark('frozen', key, spec.frozen ? t : null);
    schedule.flaps.set(key, t, spec.flapping);
  };
  return {
    setGlobalFaults(spec: FaultSpec) {
      faults.setGlobal(spec);
      overlay('*', spec);
    },
    setStreamFaults(streamId: string, spec: FaultSpec) {
      const stream = find(streamId);
      faults.setStream(stream.id, spec);
      overlay(stream.id, spec);
    },
    clearFaults() {
      faults.clear();
      overlay('*', {});
      for (const s of catalogue.streams) overlay(s.id, {});
    },
    clearStreamFaults(streamId: string) {
      const stream = find(streamId);
      faults.setStream(stream.id, {});
      overlay(stream.id, {});
    },
    globalFaults: () => faults.getGlobal(),
    setState(streamId: string, state: SimStreamState | null) {
      schedule.pinState(find(streamId), now(), state);
    },
    bumpThumbnail: (streamId: string) => bump(streamId, 'thumbnail'),
    bumpMotionClip: (streamId: string) => bump(streamId, 'motionclip'),
    listStreams(): SimStreamInfo[] {
      const t = now();
      return catalogue.streams.map((s) => ({
        id: s.id,
        state: faults.flag(s.id, 'gone') ? 'gone' : schedule.stateAt(s, t),
        isGroup: s.isGroup,
        tags: catalogue.tags(s),
        streamnames: s.variants.map((v) => v.streamname),
        variantIds: s.variants.map((v) => v.id),
        faults: faults.getStream(s.id),
      }));
    },
  };
}
