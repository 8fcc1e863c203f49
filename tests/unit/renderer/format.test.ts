import { describe, expect, it } from 'vitest';
import { createFormatters } from '../../../src/renderer/src/lib/i18n/format';

describe('createFormatters', () => {
  const en = createFormatters('en-US');
  const de = createFormatters('de-DE');

  it('gives a picture age in seconds, minutes, hours and days', () => {
    expect(en.age(12_400)).toBe('12 sec. ago');
    expect(en.age(0)).toBe('now');
    expect(en.age(3 * 60_000 + 5_000)).toBe('3 min. ago');
    expect(en.age(5 * 3_600_000)).toBe('5 hr. ago');
    expect(en.age(2 * 86_400_000)).toBe('2 days ago');
    expect(de.age(12_400)).toBe('vor 12 Sek.');
  });

  it('never shows an age in the future when clocks disagree a little', () => {
    expect(en.age(-1500)).toBe('now');
  });

  it('formats counts and sizes in the locale', () => {
    expect(en.count(1482)).toBe('1,482');
    expect(de.count(1482)).toBe('1.482');
    expect(en.bytes(512)).toBe('512 bytes');
    expect(en.bytes(1)).toBe('1 byte');
    expect(en.bytes(48_331_776)).toBe('48.3 MB');
    expect(de.bytes(48_331_776)).toBe('48,3 MB');
    expect(en.bytes(2_500_000_000)).toBe('2.5 GB');
  });

  it('shows a time alone for today and with the date otherwise', () => {
    const now = new Date(2025, 5, 15, 14, 3, 12).getTime();
    expect(en.moment(now - 60_000, now)).toBe(en.time(now - 60_000));
    expect(en.moment(now - 3 * 86_400_000, now)).toContain('Jun 12, 2025');
  });
});

describe('durations and time left', () => {
  const en = createFormatters('en-US');
  const de = createFormatters('de-DE');

  it('names processing lengths in their natural unit', () => {
    expect(en.duration(10)).toBe('10 sec');
    expect(en.duration(90)).toBe('90 sec');
    expect(en.duration(600)).toBe('10 min');
    expect(en.duration(5400)).toBe('90 min');
    expect(en.duration(10_800)).toBe('3 hr');
    expect(en.duration(9000)).toBe('2.5 hr');
    expect(de.duration(30)).toBe('30 Sek.');
    expect(de.duration(3600)).toBe('60 Min.');
  });

  it('says how long a download has left, compactly', () => {
    expect(en.remaining(13.4)).toBe('13 sec');
    expect(en.remaining(185)).toBe('3 min 5 sec');
    expect(en.remaining(180)).toBe('3 min');
    expect(en.remaining(4320)).toBe('1 hr 12 min');
    expect(en.remaining(-5)).toBe('0 sec');
    expect(de.remaining(185)).toBe('3 Min. 5 Sek.');
  });
});
