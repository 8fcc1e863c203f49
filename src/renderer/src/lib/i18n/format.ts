/** Locale-aware formatting of the times, ages, counts and sizes the wall shows, all through `Intl`. */
export interface Formatters {
  /** "12 sec. ago", "3 min. ago", "now": the age of a picture from its age in milliseconds. */
  age(ageMs: number): string;
  /** A wall-clock time, "14:03:12" or "2:03:12 PM". */
  time(epochMs: number): string;
  /** A time on today's date, or date and time when it is from another day. */
  moment(epochMs: number, nowMs: number): string;
  /** A count with the locale's digit grouping. */
  count(value: number): string;
  /** A byte count in B, kB, MB or GB. */
  bytes(value: number): string;
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** Builds the formatters for a BCP 47 locale tag once, so ticking ages reuse them. */
export function createFormatters(locale: string): Formatters {
  const relative = new Intl.RelativeTimeFormat(locale, { style: 'short', numeric: 'auto' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'short' });
  const count = new Intl.NumberFormat(locale);
  const bytes = BYTE_UNITS.map(
    (unit) =>
      new Intl.NumberFormat(locale, {
        style: 'unit',
        unit,
        // "512 bytes" reads better than the short form "512 byte".
        unitDisplay: unit === 'byte' ? 'long' : 'short',
        maximumFractionDigits: unit === 'byte' || unit === 'kilobyte' ? 0 : 1,
      }),
  );

  return {
    age(ageMs) {
      // A clock a little ahead of main's must not print "in 2 sec.".
      const seconds = Math.max(0, Math.floor(ageMs / 1000));
      if (seconds < 60) return relative.format(-seconds, 'second');
      const minutes = Math.floor(seconds / 60);
      if (minutes < 60) return relative.format(-minutes, 'minute');
      const hours = Math.floor(minutes / 60);
      if (hours < 24) return relative.format(-hours, 'hour');
      return relative.format(-Math.floor(hours / 24), 'day');
    },
    time: (epochMs) => time.format(epochMs),
    moment(epochMs, nowMs) {
      const sameDay = day.format(epochMs) === day.format(nowMs);
      return sameDay ? time.format(epochMs) : dateTime.format(epochMs);
    },
    count: (value) => count.format(value),
    bytes(value) {
      let scaled = Math.max(0, value);
      let unit = 0;
      while (scaled >= 1000 && unit < BYTE_UNITS.length - 1) {
        scaled /= 1000;
        unit += 1;
      }
      const formatter = bytes[unit] ?? bytes[0];
      return formatter === undefined ? String(value) : formatter.format(scaled);
    },
  };
}
