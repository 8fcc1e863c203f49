import { describe, expect, it } from 'vitest';
import { normaliseStream } from '../../../src/main/core/bintu/normalise';
import { formatStreamTable } from '../../../src/main/cli/format';
import { escapeJson, escapeLines, escapeTerminal } from '../../../src/main/cli/terminal';

/** Every character a terminal would act on. */
// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const hostile = {
  title: '\u001b]0;pwned\u0007',
  clear: '\u001b[2J\u001b[H',
  forged: 'ok\r\nerror (credential-rejected): fake line',
  c1: '\u009b31mred',
  bidi: 'abc\u202edcba',
};

describe('terminal-safe output', () => {
  it('escapes control characters so they show instead of acting', () => {
    expect(escapeTerminal(hostile.title)).toBe('\\e]0;pwned\\x07');
    expect(escapeTerminal(hostile.forged)).toBe('ok\\r\\nerror (credential-rejected): fake line');
    expect(escapeTerminal(hostile.c1)).toBe('\\x9b31mred');
    expect(escapeTerminal(hostile.bidi)).toBe('abc\\u202edcba');
    expect(escapeLines('line one\nline\u001b two')).toBe('line one\nline\\e two');
  });

  it('a table of hostile streams has no active character and exactly one line per stream', () => {
    const streams = Object.values(hostile).map((text, i) => normaliseStream({ id: `s${i}${text}`, state: text, tags: [text, 'x'.repeat(300)], ingest: { streamname: text } })!);
    const table = formatStreamTable(streams);
    expect(table).not.toMatch(ACTIVE);
    expect(table.split('\n')).toHaveLength(streams.length + 2);
    expect(table).toContain('\\e]0;pwned\\x07');
    // Long text is cut to its column and marked.
    expect(Math.max(...table.split('\n').map((line) => line.length))).toBeLessThan(220);
    expect(table).toContain('…');
  });

  it('--json stays exact: the escaped text parses back to the very same strings', () => {
    const value = { tags: Object.values(hostile), name: 'plain' };
    const json = escapeJson(JSON.stringify(value, null, 2));
    expect(json).not.toMatch(ACTIVE);
    expect(JSON.parse(json)).toEqual(value);
  });
});
