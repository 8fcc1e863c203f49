import type { ActiveAlarm, AlarmsState as AlarmsSnapshot, StreamHealth } from '../../../../shared/alarms';

/** Looks a stream's health up by id (null: healthy, or unknown to the detector). */
export type HealthLookup = (streamId: string) => StreamHealth | null;

/**
 * How urgent a stream looks on the wall, lowest first: a raised critical alarm, a raised warning,
 * an acknowledged one, a fault still below its threshold, then healthy streams.
 */
export function alarmRank(health: StreamHealth | null): number {
  switch (health?.state ?? 'ok') {
    case 'alarm':
      return health?.severity === 'critical' ? 0 : 1;
    case 'acknowledged':
      return 2;
    case 'pending':
      return 3;
    default:
      return 4;
  }
}

/** Whether a stream belongs in the penalty box: raised, acknowledged or not, until it recovers. */
export function inAlarm(health: StreamHealth | null): boolean {
  return health?.state === 'alarm' || health?.state === 'acknowledged';
}

/** One open alarm with the stream it belongs to (null for a connection's), as the drawer lists them. */
export interface AlarmRow {
  readonly alarm: ActiveAlarm;
  readonly health: StreamHealth | null;
  /** A connection's alarm: the organisation (profile) it belongs to; null for a stream's. */
  readonly organisation?: { readonly profileId: string | null; readonly name: string | null } | null;
}

const STATE_ORDER: Record<ActiveAlarm['state'], number> = { alarm: 0, acknowledged: 1, pending: 2 };

/** Every organisation's connection alarm, each once (a state from before `connections` has only `connection`). */
function connectionAlarms(state: AlarmsSnapshot): { alarm: ActiveAlarm; profileId: string | null; name: string | null }[] {
  const all = state.connections.length > 0 ? state.connections : [state.connection];
  return all.flatMap((c) => (c.alarm === null ? [] : [{ alarm: c.alarm, profileId: c.profileId ?? null, name: c.name ?? null }]));
}

/**
 * Every open alarm, one per organisation whose connection is down first, then raised before acknowledged before pending,
 * critical before warning, the oldest first within each: what needs the operator comes first.
 */
export function alarmRows(state: AlarmsSnapshot | null): AlarmRow[] {
  if (state === null) return [];
  const rows: AlarmRow[] = state.streams.flatMap((health) => health.alarms.map((alarm) => ({ alarm, health })));
  rows.sort(
    (a, b) =>
      STATE_ORDER[a.alarm.state] - STATE_ORDER[b.alarm.state] ||
      Number(b.alarm.severity === 'critical') - Number(a.alarm.severity === 'critical') ||
      Date.parse(a.alarm.since) - Date.parse(b.alarm.since),
  );
  const connections = connectionAlarms(state).map(({ alarm, profileId, name }): AlarmRow => ({ alarm, health: null, organisation: { profileId, name } }));
  return [...connections, ...rows];
}

/** Whether some raised critical alarm is still unacknowledged and not snoozed: the looping tone's condition. */
export function hasCriticalUnacknowledged(state: AlarmsSnapshot | null): boolean {
  if (state === null) return false;
  if (connectionAlarms(state).some(({ alarm }) => alarm.state === 'alarm' && alarm.severity === 'critical')) return true;
  return state.streams.some(
    (health) => health.snoozedUntil === null && health.alarms.some((alarm) => alarm.state === 'alarm' && alarm.severity === 'critical'),
  );
}
