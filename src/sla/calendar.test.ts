import { describe, expect, it } from 'vitest';
import { zonedTimeToUtc } from '../shared/zoned-time.js';
import { addBusinessHours, businessMsBetween, calendarSchema, subtractBusinessHours, type Calendar } from './calendar.js';

const HOUR = 3_600_000;
const berlin: Calendar = calendarSchema.parse({ time_zone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' });
const at = (s: string) => new Date(s).getTime();
const iso = (ms: number) => new Date(ms).toISOString();

describe('business calendar', () => {
  it('a 4-hour SLA raised Friday 16:00 Berlin is due Monday 12:00 (the issue example)', () => {
    // 2026-01-16 is a Friday; Berlin is UTC+1 in winter.
    const due = addBusinessHours(at('2026-01-16T15:00:00Z'), 4, berlin);
    expect(iso(due)).toBe('2026-01-19T11:00:00.000Z'); // Monday 12:00 local
  });

  it('starts counting at the next opening when raised outside hours', () => {
    expect(iso(addBusinessHours(at('2026-01-17T10:00:00Z'), 1, berlin))).toBe('2026-01-19T09:00:00.000Z'); // Sat → Mon 10:00
    expect(iso(addBusinessHours(at('2026-01-19T06:00:00Z'), 2, berlin))).toBe('2026-01-19T10:00:00.000Z'); // Mon 07:00 → 11:00 local
  });

  it('skips holidays', () => {
    const cal = { ...berlin, holidays: ['2026-01-19'] };
    expect(iso(addBusinessHours(at('2026-01-16T15:00:00Z'), 4, cal))).toBe('2026-01-20T11:00:00.000Z'); // Tuesday 12:00
  });

  it('keeps 9–17 local across the spring-forward change (Berlin, 29 March 2026)', () => {
    // Friday 27 March 16:00 CET (UTC+1) + 4 h → Monday 30 March 12:00 CEST (UTC+2) = 10:00Z.
    expect(iso(addBusinessHours(at('2026-03-27T15:00:00Z'), 4, berlin))).toBe('2026-03-30T10:00:00.000Z');
    // A full working day on each side is still 8 hours.
    expect(businessMsBetween(at('2026-03-27T00:00:00Z'), at('2026-03-31T00:00:00Z'), berlin)).toBe(16 * HOUR);
  });

  it('keeps 9–17 local across the fall-back change (Berlin, 25 October 2026)', () => {
    // Friday 23 Oct 16:00 CEST (14:00Z) + 4 h → Monday 26 Oct 12:00 CET = 11:00Z.
    expect(iso(addBusinessHours(at('2026-10-23T14:00:00Z'), 4, berlin))).toBe('2026-10-26T11:00:00.000Z');
  });

  it('handles a window that contains the DST jump itself (a 24/7 calendar on the change night)', () => {
    const allDay = calendarSchema.parse({ time_zone: 'Europe/Berlin', days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' });
    // Sunday 29 March 2026 has only 23 hours in Berlin.
    expect(businessMsBetween(at('2026-03-28T23:00:00Z'), at('2026-03-29T22:00:00Z'), allDay)).toBe(23 * HOUR);
    expect(iso(addBusinessHours(at('2026-03-28T23:00:00Z'), 23, allDay))).toBe('2026-03-29T22:00:00.000Z');
  });

  it('measures elapsed business time and subtracts it back', () => {
    const start = at('2026-01-16T15:00:00Z');
    const end = addBusinessHours(start, 13.5, berlin);
    expect(businessMsBetween(start, end, berlin)).toBe(13.5 * HOUR);
    expect(subtractBusinessHours(end, 13.5, berlin)).toBe(start);
  });

  it('is plain wall-clock time without a calendar', () => {
    expect(addBusinessHours(at('2026-01-16T15:00:00Z'), 4)).toBe(at('2026-01-16T19:00:00Z'));
    expect(subtractBusinessHours(at('2026-01-16T15:00:00Z'), 4)).toBe(at('2026-01-16T11:00:00Z'));
    expect(businessMsBetween(at('2026-01-16T15:00:00Z'), at('2026-01-16T19:00:00Z'))).toBe(4 * HOUR);
  });

  it('works in zones west of UTC (New York, with its own DST date)', () => {
    const ny = calendarSchema.parse({ time_zone: 'America/New_York', start: '08:00', end: '18:00' });
    // Friday 6 March 2026 17:00 EST (22:00Z) + 3 h → Monday 9 March 10:00 EDT (14:00Z), DST began 8 March.
    expect(iso(addBusinessHours(at('2026-03-06T22:00:00Z'), 3, ny))).toBe('2026-03-09T14:00:00.000Z');
  });

  it('resolves a local time inside the spring-forward gap to just after it', () => {
    // 02:30 on 29 March 2026 does not exist in Berlin: the clock jumps 02:00 → 03:00, so it reads as 03:30 CEST = 01:30Z.
    expect(iso(zonedTimeToUtc({ y: 2026, m: 3, d: 29 }, 150, 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('validates calendars: zone, hours, days', () => {
    expect(calendarSchema.safeParse({ time_zone: 'Mars/Olympus' }).success).toBe(false);
    expect(calendarSchema.safeParse({ time_zone: 'UTC', start: '17:00', end: '09:00' }).success).toBe(false);
    expect(calendarSchema.safeParse({ time_zone: 'UTC', days: [0] }).success).toBe(false);
    expect(calendarSchema.safeParse({ time_zone: 'UTC', holidays: ['25/12/2026'] }).success).toBe(false);
    expect(calendarSchema.parse({ time_zone: 'UTC' })).toMatchObject({ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' });
  });
});
