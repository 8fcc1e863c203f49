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
  return {
    setGlobalFaults(spec: FaultSpec) {
      faults.setGlobal(spec);
      schedule.setFrozen('*', spec.frozen ? now() : null);
    },
    setStreamFaults(streamId: string, spec: FaultSpec) {
      const stream = find(streamId);
      faults.setStream(stream.id, spec);
      schedule.setFrozen(stream.id, spec.frozen ? now() : null);
    },
    clearFaults() {
      faults.clear();
      schedule.setFrozen('*', null);
      for (const s of catalogue.streams) schedule.setFrozen(s.id, null);
    },
    clearStreamFaults(streamId: string) {
      const stream = find(streamId);
      faults.setStream(stream.id, {});
      schedule.setFrozen(stream.id, null);
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
