import type { AlarmSettings, AlarmType } from '../../../shared/alarms';
import type { Faults } from './fault';
import type { PictureRules } from './picture-rules';
import { downFault, goneFault, overdueFault, type Presence } from './presence-rules';

/** The alarm types that belong to one stream (the connection's is the profile's). */
export type StreamAlarmType = Exclude<AlarmType, 'connection'>;
/** Every stream alarm type. */
export const STREAM_TYPES: readonly StreamAlarmType[] = ['gone', 'down', 'overdue', 'unreadable', 'black', 'uniform', 'frozen'];

/**
 * A stream's faults now. The one that explains the rest wins: a gone stream is only gone, a
 * stream that is not live is only down; a live one has its picture and overdue faults. Types
 * switched off in the settings have none.
 */
export function streamFaults(presence: Presence, pictures: PictureRules, at: number, settings: AlarmSettings, connectionFailing: boolean): Faults {
  const found: Faults = {};
  if (presence.goneAt !== null) found.gone = goneFault(presence) ?? undefined;
  else if (presence.input.state !== 'live') found.down = downFault(presence, settings) ?? undefined;
  else Object.assign(found, pictures.faults(at, settings), { overdue: overdueFault(presence, at, settings, connectionFailing) ?? undefined });
  const faults: Faults = {};
  for (const type of STREAM_TYPES) {
    const fault = found[type];
    if (fault && settings[type].enabled) faults[type] = fault;
  }
  return faults;
}

/** Stream types with faults first, so the log reads "gone raised, frozen cleared" rather than the reverse. */
export function raisesFirst(faults: Faults): StreamAlarmType[] {
  return [...STREAM_TYPES].sort((a, b) => Number(faults[b] !== undefined) - Number(faults[a] !== undefined));
}
