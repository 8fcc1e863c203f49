import { describe, expect, it } from 'vitest';
import type { AlarmEvent } from '../../../src/shared/alarms';
import { formatAlarmTable, formatEventLine, terminalSafe } from '../../../src/main/cli/alarm-format';

const event = (over: Partial<AlarmEvent> = {}): AlarmEvent => ({
  id: 'e1', alarmId: 'a1', at: '2025-06-01T12:00:00.000Z', streamId: 's-1', streamName: 'Studio A',
  type: 'frozen', state: 'alarm', severity: 'critical', detail: 'picture unchanged for 3 new version(s), 31 s', ...over,
});

describe('terminalSafe', () => {
  it('escapes what a terminal would act on: ESC sequences, C1 CSI, DEL, line breaks, bidi overrides', () => {
    expect(terminalSafe('a\u001b[31mred\u001b[0m')).toBe('a\\x1b[31mred\\x1b[0m');
    expect(terminalSafe('x\u009b2Jy\u007f')).toBe('x\\x9b2Jy\\x7f');
    expect(terminalSafe('one\ntwo\rthree\tfour')).toBe('one\\x0atwo\\x0dthree\\x09four');
    expect(terminalSafe('abc\u202edcba\u2066\u2028')).toBe('abc\\u202edcba\\u2066\\u2028');
  });

  it('leaves ordinary text, accents and emoji alone', () => {
    expect(terminalSafe('Bühne 2 – 🎥 live')).toBe('Bühne 2 – 🎥 live');
  });
});

describe('the alarm table', () => {
  it('has a header, one row per event and a count; a hostile stream name cannot break a row', () => {
    const table = formatAlarmTable([event(), event({ id: 'e2', streamName: 'evil\u001b]0;pwned\u0007\nname', state: 'cleared' })], new Date('2025-06-01T00:00:00Z'));
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^TIME \(UTC\)\s+STATE\s+SEVERITY\s+TYPE\s+STREAM\s+STREAM ID\s+DETAIL$/);
    expect(lines[1]).toMatch(/^2025-06-01T12:00:00.000Z\s+alarm\s+critical\s+frozen\s+Studio A\s+s-1\s+picture unchanged/);
    expect(lines[2]).toContain('evil\\x1b]0;pwned\\x07\\x0aname');
    // No control character but the line breaks between rows.
    expect([...table].some((ch) => ch !== '\n' && (ch < ' ' || ch === '\u007f'))).toBe(false);
    expect(lines[3]).toBe('2 event(s) since 2025-06-01T00:00:00.000Z');
  });

  it('says so when the log holds nothing in the span', () => {
    expect(formatAlarmTable([], new Date('2025-06-01T00:00:00Z'))).toBe('No alarm events since 2025-06-01T00:00:00.000Z.');
  });

  it('names connection events by their connection', () => {
    expect(formatAlarmTable([event({ streamId: null, streamName: 'Org', type: 'connection' })], new Date(0))).toContain('(connection) Org');
  });
});

describe('a watch line', () => {
  it('is one terminal-safe line with time, state, severity, type, stream and detail', () => {
    const line = formatEventLine(event({ streamName: 'cam\r\n1' }));
    expect(line).toBe('2025-06-01T12:00:00.000Z  ALARM         critical  frozen      cam\\x0d\\x0a1 [s-1]  - picture unchanged for 3 new version(s), 31 s');
  });
});
