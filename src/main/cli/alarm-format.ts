import type { AlarmEvent } from '../../shared/alarms';

/**
 * Characters a terminal would act on rather than print: C0 controls (escape sequences start with
 * ESC), DEL, C1 controls (CSI is 0x9b) and the Unicode bidi overrides and isolates, which can make
 * a line read differently from what it holds. Line and paragraph separators break a table row.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** A string from bintu (or a log line) made safe for a terminal: unsafe characters become `\xNN` or `\uNNNN` escapes. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const NAME_WIDTH = 40;
const DETAIL_WIDTH = 80;

/** Cuts a string to `max` characters (whole code points), marking the cut. */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** The cells of one event in the table, each already terminal-safe. */
function cells(e: AlarmEvent): string[] {
  const stream = e.streamId === null ? `(connection) ${e.streamName}` : e.streamName;
  return [
    e.at,
    e.state,
    e.severity,
    e.type ?? '-',
    clip(terminalSafe(stream), NAME_WIDTH),
    terminalSafe(e.streamId ?? '-'),
    clip(terminalSafe(e.detail ?? ''), DETAIL_WIDTH),
  ];
}

/** The alarm log as a plain table: time (UTC), state, severity, type, stream name and id, detail. */
export function formatAlarmTable(events: readonly AlarmEvent[], since: Date): string {
  if (events.length === 0) return `No alarm events since ${since.toISOString()}.`;
  const header = ['TIME (UTC)', 'STATE', 'SEVERITY', 'TYPE', 'STREAM', 'STREAM ID', 'DETAIL'];
  const rows = events.map(cells);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (row: string[]): string => row.map((c, i) => c + ' '.repeat(Math.max(0, (widths[i] ?? 0) - [...c].length))).join('  ').trimEnd();
  return [line(header), ...rows.map(line), `${events.length} event(s) since ${since.toISOString()}`].join('\n');
}

/** One event as `watch` prints it without `--json`: one terminal-safe line. */
export function formatEventLine(e: AlarmEvent): string {
  const [at, state, severity, type, stream, id, detail] = cells(e);
  const who = e.streamId === null ? stream : `${stream} [${id}]`;
  return [at, (state ?? '').toUpperCase().padEnd(12), (severity ?? '').padEnd(8), (type ?? '').padEnd(10), who, detail ? `- ${detail}` : ''].join('  ').trimEnd();
}
