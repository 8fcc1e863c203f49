import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../src/main/core/alarms/alarm-csv';
import type { AlarmEvent } from '../../../src/shared/alarms';
import { asset } from './harness';

const base: AlarmEvent = {
  id: 'e1', alarmId: 'a1', at: '2025-01-01T10:00:00.000Z', streamId: 's1', streamName: 'Lobby', profileId: 'p1',
  type: 'frozen', state: 'alarm', severity: 'critical', detail: 'picture unchanged', evidence: { lastGood: asset(1), firstBad: asset(2) },
};

/** A small RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  return rows;
}

describe('toCsv', () => {
  it('writes a header and one CRLF row per event', () => {
    const rows = parseCsv(toCsv([base, { ...base, id: 'e2', state: 'cleared' }]));
    expect(rows).toHaveLength(3);
    expect(rows[0]?.[0]).toBe('time');
    expect(rows[1]).toEqual(['2025-01-01T10:00:00.000Z', 's1', 'Lobby', 'p1', 'frozen', 'alarm', 'critical', 'picture unchanged', asset(1), asset(2), 'a1', 'e1']);
  });

  it('quotes commas, quotes and line breaks so they round-trip', () => {
    const name = 'Hall "A", north\r\nside';
    const rows = parseCsv(toCsv([{ ...base, streamName: name }]));
    expect(rows[1]?.[2]).toBe(name);
  });

  it('neutralises formula injection with a leading apostrophe', () => {
    for (const evil of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd']) {
      expect(csvCell(evil).replace(/^"/, '').startsWith(`'`)).toBe(true);
    }
    expect(parseCsv(toCsv([{ ...base, streamName: '=cmd|"/c calc"!A1' }]))[1]?.[2]).toBe(`'=cmd|"/c calc"!A1`);
    expect(csvCell('plain')).toBe('plain');
  });

  it('leaves connection events and events without evidence readable', () => {
    const rows = parseCsv(toCsv([{ ...base, streamId: null, type: 'connection', evidence: undefined }]));
    expect(rows[1]?.[1]).toBe('');
    expect(rows[1]?.[8]).toBe('');
  });
});
