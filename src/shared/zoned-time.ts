/**
 * Wall-clock arithmetic in IANA time zones, with Intl only (no tz database of our own). Shared by
 * SLA business calendars and analytics buckets, so both read a zone the same way.
 */

export interface LocalDate {
  y: number;
  /** 1–12 */
  m: number;
  d: number;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached formatter for a zone; throws RangeError for a zone the runtime does not know. */
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields of an instant in a zone; years as ISO 8601 counts them (1 BC is year 0). */
export function wallClock(ms: number, tz: string): WallClock {
  const parts: Record<string, number> = {};
  let bc = false;
  for (const p of formatter(tz).formatToParts(new Date(ms))) {
    if (p.type === 'era') bc = p.value === 'BC';
    else if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  if (bc) parts.year = 1 - parts.year!;
  return parts as unknown as WallClock;
}

/**
 * Date.UTC for any year: Date.UTC reads years 0–99 as 1900–1999, setUTCFullYear takes them as
 * given. Fields out of range carry over (day 32 is the 1st of the next month), as with Date.UTC.
 */
function utcMs(year: number, monthIndex: number, day: number, hour = 0, minute = 0, second = 0): number {
  const t = new Date(0);
  t.setUTCFullYear(year, monthIndex, day);
  return t.setUTCHours(hour, minute, second, 0);
}

export function localDateOf(ms: number, tz: string): LocalDate {
  const w = wallClock(ms, tz);
  return { y: w.year, m: w.month, d: w.day };
}

/** The zone's offset from UTC at an instant, in ms (east positive). */
export function offsetAt(ms: number, tz: string): number {
  const w = wallClock(ms, tz);
  return utcMs(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

/** Civil-date arithmetic (no zone involved). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const t = new Date(utcMs(date.y, date.m - 1, date.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** The same wall-clock time `days` calendar days later (earlier when negative) in a zone, across DST changes. */
export function addZonedDays(ms: number, days: number, tz: string): number {
  const w = wallClock(ms, tz);
  const subMinute = ms - Math.floor(ms / 60_000) * 60_000;
  return zonedTimeToUtc(addDays({ y: w.year, m: w.month, d: w.day }, days), w.hour * 60 + w.minute, tz) + subMinute;
}

/** ISO weekday of a civil date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const d = new Date(utcMs(date.y, date.m - 1, date.d)).getUTCDay();
  return d === 0 ? 7 : d;
}

/**
 * The UTC instant of a local wall-clock time (minutes after local midnight). In a spring-forward gap
 * the time does not exist and the instant after the gap is used; in a fall-back overlap, the first.
 */
export function zonedTimeToUtc(date: LocalDate, minutes: number, tz: string): number {
  const wall = utcMs(date.y, date.m - 1, date.d, 0, minutes);
  // A transition is never closer than 12 h to another, so the offsets either side bound the answer.
  const candidates = [wall - offsetAt(wall - HALF_DAY, tz), wall - offsetAt(wall + HALF_DAY, tz)];
  const exact = candidates.filter((t) => t + offsetAt(t, tz) === wall);
  // Overlap: both map back, take the first; gap: neither does, take the later (after the jump).
  return exact.length > 0 ? Math.min(...exact) : Math.max(...candidates);
}

const HALF_DAY = 12 * 3_600_000;
