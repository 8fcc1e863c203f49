import type { ActiveAlarm, AlarmEvent, AlarmsState, StreamHealth } from '../../../src/shared/alarms';

/** An open alarm, raised and critical unless told. */
export function activeAlarm(over: Partial<ActiveAlarm> = {}): ActiveAlarm {
  return {
    alarmId: 'a1',
    type: 'black',
    state: 'alarm',
    severity: 'critical',
    since: '2026-12-03T14:02:00.000Z',
    raisedAt: '2026-12-03T14:02:20.000Z',
    flapping: false,
    ...over,
  };
}

/** A stream's health with the given open alarms (healthy without any). */
export function healthOf(streamId: string, alarms: readonly ActiveAlarm[] = [], over: Partial<StreamHealth> = {}): StreamHealth {
  const top = alarms[0];
  return {
    streamId,
    streamName: `Stream ${streamId}`,
    state: top?.state ?? 'ok',
    type: top?.type ?? null,
    severity: top?.severity ?? null,
    since: top?.since ?? null,
    snoozedUntil: null,
    gone: false,
    watched: false,
    alarms: [...alarms],
    ...over,
  };
}

/** The alarms state main pushes, with these streams. */
export function alarmsOf(...streams: StreamHealth[]): AlarmsState {
  return {
    connection: { state: 'ok', alarm: null },
    connections: [],
    streams,
    unacknowledged: streams.flatMap((health) => health.alarms).filter((alarm) => alarm.state === 'alarm').length,
    webhook: { url: null, pending: 0, lastOkAt: null, lastError: null },
    logError: null,
  };
}

/** An alarm event as main sends it. */
export function alarmEvent(over: Partial<AlarmEvent> = {}): AlarmEvent {
  return {
    id: 'e1',
    alarmId: 'a1',
    at: '2026-12-03T14:02:20.000Z',
    streamId: 's1',
    streamName: 'Stream s1',
    type: 'black',
    state: 'alarm',
    severity: 'warning',
    ...over,
  };
}
