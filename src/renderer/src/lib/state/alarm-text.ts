import { assertNever } from '../../../../shared/assert-never';
import type { ActiveAlarm, AlarmType } from '../../../../shared/alarms';
import type { StreamState } from '../../../../shared/domain';
import type { Locale } from '../i18n';

/** What the label words need of an alarm: its type, its state and when the fault was first seen. */
export type AlarmFacts = Pick<ActiveAlarm, 'type' | 'state' | 'since'>;

/** An alarm type in a word or two ("Frozen", "No new picture"). */
export function alarmTypeName(locale: Locale, type: AlarmType): string {
  return locale.t(`alarm.type.${type}`);
}

/**
 * The words on a tile (and in the drawer) for an alarm: "Frozen 2 min", "No new picture 3 min",
 * "Stream ended 14:02", "Gone"; while still below its threshold, "Waiting for a new picture…" or
 * "Checking: Black…". `streamState` words a stream that went down (ended, locked, not live).
 */
export function alarmLabel(locale: Locale, alarm: AlarmFacts, streamState: StreamState | null, now: number): string {
  const since = Date.parse(alarm.since);
  const name = alarmTypeName(locale, alarm.type);
  if (alarm.state === 'pending') {
    return alarm.type === 'overdue' ? locale.t('alarm.pending.overdue') : locale.t('alarm.pending.other', { type: name });
  }
  switch (alarm.type) {
    case 'gone':
      return name;
    case 'down': {
      const time = Number.isNaN(since) ? '' : locale.format.clock(since);
      if (streamState === 'ended') return locale.t('alarm.label.ended', { time }).trim();
      if (streamState === 'locked') return locale.t('alarm.label.locked', { time }).trim();
      return locale.t('alarm.label.notLive', { time }).trim();
    }
    case 'frozen':
    case 'black':
    case 'uniform':
    case 'overdue':
    case 'unreadable':
    case 'connection':
      if (Number.isNaN(since)) return name;
      return locale.t('alarm.label.lasting', { type: name, duration: locale.format.lasted((now - since) / 1000) });
    default:
      return assertNever(alarm.type, 'alarm type');
  }
}

/** How long an alarm has lasted so far, "2 min". */
export function alarmDuration(locale: Locale, alarm: Pick<ActiveAlarm, 'since'>, now: number): string {
  const since = Date.parse(alarm.since);
  return Number.isNaN(since) ? '' : locale.format.lasted((now - since) / 1000);
}
