import { describe, expect, it } from 'vitest';
import { httpDate, notModified } from '../../../src/main/simulator/http-helpers';
import { parseRange } from '../../../src/main/simulator/recording-response';

describe('parseRange', () => {
  it('resolves the byte-range forms a download client sends', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ kind: 'range', start: 0, end: 99 });
    expect(parseRange('bytes=500-', 1000)).toEqual({ kind: 'range', start: 500, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ kind: 'range', start: 900, end: 999 });
    expect(parseRange('bytes=900-5000', 1000)).toEqual({ kind: 'range', start: 900, end: 999 });
  });

  it('refuses ranges past the end and ignores what it cannot parse', () => {
    expect(parseRange('bytes=1000-', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange(undefined, 1000)).toEqual({ kind: 'none' });
    expect(parseRange('bytes=0-1,5-9', 1000)).toEqual({ kind: 'none' });
    expect(parseRange('items=0-1', 1000)).toEqual({ kind: 'none' });
    expect(parseRange('bytes=50-10', 1000)).toEqual({ kind: 'none' });
  });
});

describe('notModified', () => {
  const at = Date.UTC(2025, 0, 1, 12, 0, 0, 400);
  it('matches an ETag from a list, weak or strong, and *', () => {
    expect(notModified({ 'if-none-match': '"a", W/"b"' }, '"b"', at)).toBe(true);
    expect(notModified({ 'if-none-match': '*' }, '"b"', at)).toBe(true);
    expect(notModified({ 'if-none-match': '"c"' }, '"b"', at)).toBe(false);
  });

  it('compares If-Modified-Since at second precision, and If-None-Match wins when both are sent', () => {
    expect(notModified({ 'if-modified-since': httpDate(at) }, '"b"', at)).toBe(true);
    expect(notModified({ 'if-modified-since': httpDate(at - 1000) }, '"b"', at)).toBe(false);
    expect(notModified({ 'if-modified-since': 'yesterday' }, '"b"', at)).toBe(false);
    expect(notModified({ 'if-none-match': '"old"', 'if-modified-since': httpDate(at) }, '"b"', at)).toBe(false);
  });
});
