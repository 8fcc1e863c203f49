import type { AlarmEvent } from '../../../shared/alarms';

const COLUMNS: readonly [string, (event: AlarmEvent) => string | undefined][] = [
  ['time', (e) => e.at],
  ['stream id', (e) => e.streamId ?? ''],
  ['stream name', (e) => e.streamName],
  ['profile', (e) => e.profileId],
  ['type', (e) => e.type ?? ''],
  ['state', (e) => e.state],
  ['severity', (e) => e.severity],
  ['detail', (e) => e.detail],
  ['last good picture', (e) => e.evidence?.lastGood ?? ''],
  ['first bad picture', (e) => e.evidence?.firstBad ?? ''],
  ['alarm id', (e) => e.alarmId ?? ''],
  ['event id', (e) => e.id],
];

/** Alarm events as CSV (RFC 4180: CRLF rows, quoted where needed), safe to open in a spreadsheet. */
export function toCsv(events: readonly AlarmEvent[]): string {
  const rows = [COLUMNS.map(([title]) => title), ...events.map((event) => COLUMNS.map(([, value]) => value(event) ?? ''))];
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * One CSV cell. Stream names and details come from bintu or the operator: a leading `=`, `+`, `-`,
 * `@` (or tab, carriage return) would make a spreadsheet run it as a formula, so it gets a leading
 * apostrophe first; then anything with a comma, quote or line break is quoted.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || /^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
