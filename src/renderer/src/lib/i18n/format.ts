/** Locale-aware formatting of the times, ages, counts and sizes the wall shows, all through `Intl`. */
export interface Formatters {
  /** "12 sec. ago", "3 min. ago", "now": the age of a picture from its age in milliseconds. */
  age(ageMs: number): string;
  /** A wall-clock time, "14:03:12" or "2:03:12 PM". */
  time(epochMs: number): string;
  /** Hours and minutes, "14:03" or "2:03 PM". */
  shortTime(epochMs: number): string;
  /** The date for a wall clock, "Thu, 3 Dec 2026". */
  date(epochMs: number): string;
  /** A time on today's date, or date and time when it is from another day. */
  moment(epochMs: number, nowMs: number): string;
  /** A count with the locale's digit grouping. */
  count(value: number): string;
  /** A byte count in B, kB, MB or GB. */
  bytes(value: number): string;
  /** A date and time, "12 Jun 2025, 14:03:12". */
  dateTime(epochMs: number): string;
  /** A length of time for settings: "30 sec", "2 min", "3 hr". */
  duration(seconds: number): string;
  /** Time left, compact: "45 s", "3 min 5 s", "1 h 12 min". */
  remaining(seconds: number): string;
  /** Hours and minutes only, "14:02" or "2:02 PM": when an alarm began, readable from across the room. */
  clock(epochMs: number): string;
  /** How long something has lasted, to the minute once past one: "45 s", "2 min", "1 h 12 min". */
  lasted(seconds: number): string;
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
type TimeUnit = 'second' | 'minute' | 'hour';

/** A value made on first use: the wall needs few of these formatters at start, and each costs. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/**
 * Builds the formatters for a BCP 47 locale tag, each `Intl` object on first use and then kept,
 * so ticking ages reuse them and the page does not pay for the ones it never shows.
 */
export function createFormatters(locale: string): Formatters {
  const relative = lazy(() => new Intl.RelativeTimeFormat(locale, { style: 'short', numeric: 'auto' }));
  const time = lazy(() => new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }));
  const shortTime = lazy(() => new Intl.DateTimeFormat(locale, { timeStyle: 'short' }));
  const date = lazy(() => new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }));
  const dateTime = lazy(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }));
  const clock = lazy(() => new Intl.DateTimeFormat(locale, { timeStyle: 'short' }));
  const count = lazy(() => new Intl.NumberFormat(locale));
  const bytes = BYTE_UNITS.map((unit) =>
    lazy(
      () =>
        new Intl.NumberFormat(locale, {
          style: 'unit',
          unit,
          // "512 bytes" reads better than the short form "512 byte".
          unitDisplay: unit === 'byte' ? 'long' : 'short',
          maximumFractionDigits: unit === 'byte' || unit === 'kilobyte' ? 0 : 1,
        }),
    ),
  );
  const unitFormat = (unit: TimeUnit, maximumFractionDigits: number): (() => Intl.NumberFormat) =>
    lazy(() => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits }));
  const short = { second: unitFormat('second', 1), minute: unitFormat('minute', 1), hour: unitFormat('hour', 1) };
  const narrow = { second: unitFormat('second', 0), minute: unitFormat('minute', 0), hour: unitFormat('hour', 0) };

  function remaining(seconds: number): string {
    const total = Math.max(0, Math.round(seconds));
    if (total < 60) return narrow.second().format(total);
    if (total < 3600) {
      const rest = total % 60;
      const minutes = narrow.minute().format(Math.floor(total / 60));
      return rest === 0 ? minutes : `${minutes} ${narrow.second().format(rest)}`;
    }
    const minutes = Math.floor((total % 3600) / 60);
    const hours = narrow.hour().format(Math.floor(total / 3600));
    return minutes === 0 ? hours : `${hours} ${narrow.minute().format(minutes)}`;
  }

  return {
    age(ageMs) {
      // A clock a little ahead of main's must not print "in 2 sec.".
      const seconds = Math.max(0, Math.floor(ageMs / 1000));
      if (seconds < 60) return relative().format(-seconds, 'second');
      const minutes = Math.floor(seconds / 60);
      if (minutes < 60) return relative().format(-minutes, 'minute');
      const hours = Math.floor(minutes / 60);
      if (hours < 24) return relative().format(-hours, 'hour');
      return relative().format(-Math.floor(hours / 24), 'day');
    },
    time: (epochMs) => time().format(epochMs),
    shortTime: (epochMs) => shortTime().format(epochMs),
    date: (epochMs) => date().format(epochMs),
    moment(epochMs, nowMs) {
      // Compared as local calendar dates: every tile's age tooltip asks this each second.
      const at = new Date(epochMs);
      const now = new Date(nowMs);
      const sameDay = at.getFullYear() === now.getFullYear() && at.getMonth() === now.getMonth() && at.getDate() === now.getDate();
      return sameDay ? time().format(epochMs) : dateTime().format(epochMs);
    },
    count: (value) => count().format(value),
    bytes(value) {
      let scaled = Math.max(0, value);
      let unit = 0;
      while (scaled >= 1000 && unit < BYTE_UNITS.length - 1) {
        scaled /= 1000;
        unit += 1;
      }
      const formatter = bytes[unit] ?? bytes[0];
      return formatter === undefined ? String(value) : formatter().format(scaled);
    },
    dateTime: (epochMs) => dateTime().format(epochMs),
    duration(seconds) {
      // Whole minutes read as minutes up to two hours; anything else stays in its natural unit.
      if (seconds < 120 || (seconds % 60 !== 0 && seconds < 3600)) return short.second().format(seconds);
      if (seconds < 7200) return short.minute().format(seconds / 60);
      return short.hour().format(seconds / 3600);
    },
    remaining,
    clock: (epochMs) => clock().format(epochMs),
    lasted(seconds) {
      const total = Math.max(0, Math.floor(seconds));
      // Past a minute, whole minutes: a label changing every second would draw the eye for nothing.
      return total < 60 ? narrow.second().format(total) : remaining(total - (total % 60));
    },
  };
}
