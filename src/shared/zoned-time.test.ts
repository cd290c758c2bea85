import { describe, expect, it } from 'vitest';
import { addDays, addZonedDays, isValidTimeZone, isoWeekday, localDateOf, offsetAt, zonedTimeToUtc } from './zoned-time.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('zoned time', () => {
  it('reads offsets and local dates, DST included', () => {
    expect(offsetAt(Date.parse('2026-01-15T12:00:00Z'), 'Europe/Berlin')).toBe(3_600_000);
    expect(offsetAt(Date.parse('2026-07-15T12:00:00Z'), 'Europe/Berlin')).toBe(7_200_000);
    expect(offsetAt(Date.parse('2026-01-15T12:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * 3_600_000);
    expect(localDateOf(Date.parse('2026-01-15T23:30:00Z'), 'Europe/Berlin')).toEqual({ y: 2026, m: 1, d: 16 });
  });

  it('maps a wall-clock time to its instant, and a skipped midnight to the first instant of the day', () => {
    expect(iso(zonedTimeToUtc({ y: 2026, m: 1, d: 16 }, 9 * 60, 'Europe/Berlin'))).toBe('2026-01-16T08:00:00.000Z');
    // Fall back (Berlin, 25 Oct 2026): 02:30 happens twice; the first occurrence (CEST) is used.
    expect(iso(zonedTimeToUtc({ y: 2026, m: 10, d: 25 }, 150, 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
    // Santiago starts DST at midnight on 6 Sep 2026: 00:00 -04 becomes 01:00 -03, the day's first instant.
    expect(iso(zonedTimeToUtc({ y: 2026, m: 9, d: 6 }, 0, 'America/Santiago'))).toBe('2026-09-06T04:00:00.000Z');
  });

  it('does civil-date arithmetic and ISO weekdays', () => {
    expect(addDays({ y: 2026, m: 2, d: 28 }, 1)).toEqual({ y: 2026, m: 3, d: 1 });
    expect(addDays({ y: 2026, m: 1, d: 1 }, -1)).toEqual({ y: 2025, m: 12, d: 31 });
    expect(isoWeekday({ y: 2026, m: 1, d: 19 })).toBe(1); // Monday
    expect(isoWeekday({ y: 2026, m: 1, d: 18 })).toBe(7); // Sunday
  });

  it('counts years below 100 as themselves, not as 1900–1999, and years BC as ISO 8601 does', () => {
    expect(iso(zonedTimeToUtc({ y: 50, m: 3, d: 1 }, 0, 'UTC'))).toBe('0050-03-01T00:00:00.000Z');
    expect(iso(zonedTimeToUtc({ y: 50, m: 3, d: 1 }, 9 * 60, 'Etc/GMT-9'))).toBe('0050-03-01T00:00:00.000Z'); // UTC+9
    expect(addDays({ y: 99, m: 12, d: 31 }, 1)).toEqual({ y: 100, m: 1, d: 1 });
    expect(addDays({ y: 4, m: 2, d: 28 }, 1)).toEqual({ y: 4, m: 2, d: 29 }); // 4 AD is a leap year, 1904 too, 1900 not
    expect(addDays({ y: 0, m: 2, d: 28 }, 1)).toEqual({ y: 0, m: 2, d: 29 }); // year 0 (1 BC) is leap, 1900 is not
    expect(isoWeekday({ y: 50, m: 3, d: 1 })).toBe(new Date('0050-03-01T00:00:00Z').getUTCDay() || 7);
    expect(localDateOf(Date.parse('0050-03-01T00:00:00Z'), 'America/New_York')).toEqual({ y: 50, m: 2, d: 28 });
    expect(localDateOf(Date.parse('-000001-06-15T12:00:00Z'), 'UTC')).toEqual({ y: -1, m: 6, d: 15 });
    expect(offsetAt(Date.parse('0050-03-01T00:00:00Z'), 'UTC')).toBe(0);
  });

  it('moves an instant by calendar days at the same wall-clock time, across daylight-saving changes', () => {
    // 30 days before 2026-04-10 09:15:30.250 in Berlin (summer time) is 2026-03-11 09:15:30.250 (winter time).
    expect(iso(addZonedDays(Date.parse('2026-04-10T07:15:30.250Z'), -30, 'Europe/Berlin'))).toBe('2026-03-11T08:15:30.250Z');
    expect(iso(addZonedDays(Date.parse('2026-12-02T05:00:00Z'), -30, 'America/New_York'))).toBe('2026-11-02T05:00:00.000Z');
    expect(iso(addZonedDays(Date.parse('2026-03-01T00:00:00Z'), 1, 'UTC'))).toBe('2026-03-02T00:00:00.000Z');
  });

  it('knows which zones exist', () => {
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
