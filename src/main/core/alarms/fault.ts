import type { AlarmEvidence, AlarmType } from '../../../shared/alarms';

/** What a rule sees right now: a fault below its threshold (`pending`) or at it (`present`). */
export interface Fault {
  level: 'pending' | 'present';
  /** When the fault began (the last good picture, the first black one, the moment bintu went away). */
  since: number;
  /** Plain words for the log. */
  detail: string;
  evidence?: AlarmEvidence;
}

/** The faults of one stream, by type; a type that is absent has no fault. */
export type Faults = Partial<Record<AlarmType, Fault>>;

/** A run of consecutive pictures showing one fault. */
export interface PictureRun {
  since: number;
  versions: number;
  evidence: AlarmEvidence;
}

/** A run's level against "at least N versions and at least S seconds". */
export function runLevel(run: PictureRun, at: number, minVersions: number, minSeconds: number): Fault['level'] {
  return run.versions >= minVersions && at - run.since >= minSeconds * 1000 ? 'present' : 'pending';
}

/** Whole seconds between two clock readings, for log text. */
export function secondsBetween(from: number, to: number): number {
  return Math.max(0, Math.round((to - from) / 1000));
}
