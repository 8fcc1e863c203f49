import type { ActiveAlarm, AlarmType, ConnectionHealth, HealthState, StreamHealth } from '../../../shared/alarms';
import type { Episode } from './alarm-book';
import type { Presence } from './presence-rules';
import type { SnoozeUntil } from './snooze-book';

const STATE_RANK: Record<Episode['state'], number> = { alarm: 3, acknowledged: 2, pending: 1 };
/** Which fault explains the others: a stream that is gone is also overdue, a black picture is also still. */
const TYPE_RANK: Record<AlarmType, number> = { gone: 8, down: 7, connection: 6, overdue: 5, unreadable: 4, black: 3, uniform: 2, frozen: 1 };

/** Orders open alarms most urgent first: state, then severity, then the type that explains most. */
export function byUrgency(a: Episode, b: Episode): number {
  return STATE_RANK[b.state] - STATE_RANK[a.state]
    || Number(b.severity === 'critical') - Number(a.severity === 'critical')
    || TYPE_RANK[b.type] - TYPE_RANK[a.type];
}

/** An open episode as the page sees it. */
export function activeAlarm(episode: Episode): ActiveAlarm {
  return {
    alarmId: episode.id, type: episode.type, state: episode.state, severity: episode.severity,
    since: iso(episode.since), raisedAt: episode.raisedAt === null ? null : iso(episode.raisedAt), flapping: episode.flapping,
    detail: episode.detail,
    ...(episode.evidence ? { evidence: episode.evidence } : {}),
  };
}

/** One stream's health: its most urgent open alarm first, and all of them. */
export function streamHealth(presence: Presence, episodes: readonly Episode[], snoozed: SnoozeUntil | null, profileId: string | undefined): StreamHealth {
  const sorted = [...episodes].sort(byUrgency);
  const top = sorted[0];
  return {
    streamId: presence.input.id,
    streamName: presence.input.name,
    ...(profileId !== undefined ? { profileId } : {}),
    state: top?.state ?? 'ok',
    type: top?.type ?? null,
    severity: top?.severity ?? null,
    since: top ? iso(top.since) : null,
    snoozedUntil: snoozed === null ? null : snoozed === 'recovery' ? 'recovery' : iso(snoozed),
    gone: presence.goneAt !== null,
    watched: presence.watched,
    alarms: sorted.map(activeAlarm),
  };
}

/** The connection's health. */
export function connectionHealth(episode: Episode | undefined, profileId: string | undefined): ConnectionHealth {
  const state: HealthState = episode?.state ?? 'ok';
  return { ...(profileId !== undefined ? { profileId } : {}), state, alarm: episode ? activeAlarm(episode) : null };
}

/** A clock reading as ISO-8601. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
