/**
 * Business-hours arithmetic. A calendar is an IANA time zone, working weekdays, a daily window and
 * holidays (local dates). Elapsed time and deadlines are counted only inside working windows, so a
 * 4-hour SLA raised Friday 16:00 in Europe/Berlin with 9–17 hours is due Monday 12:00.
 *
 * Working windows are resolved per local date and converted to UTC instants through the zone's
 * offset at that moment, so daylight-saving changes shorten or lengthen nothing: 09:00–17:00 local is
 * always 8 working hours, whatever the UTC offset that day.
 */
import { z } from 'zod';
import { addDays, isValidTimeZone, isoWeekday, localDateOf, zonedTimeToUtc, type LocalDate } from '../shared/zoned-time.js';

export const calendarSchema = z
  .object({
    time_zone: z.string().refine(isValidTimeZone, { message: 'must be an IANA time zone such as Europe/Berlin' }),
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7).default([1, 2, 3, 4, 5]),
    start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM').default('09:00'),
    end: z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'must be HH:MM').default('17:00'),
    holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')).max(1000).default([]),
  })
  .refine((c) => minutesOf(c.start) < minutesOf(c.end), { message: 'start must be before end', path: ['end'] });

export type Calendar = z.infer<typeof calendarSchema>;

const HOUR = 3_600_000;
/** A calendar must have a working window within this many days, or it is unusable (e.g. all holidays). */
const MAX_SCAN_DAYS = 3660;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

interface Window {
  start: number;
  end: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The working window of one local date, or undefined when it is not a working day. */
function windowOn(cal: Calendar, date: LocalDate): Window | undefined {
  if (!cal.days.includes(isoWeekday(date))) return undefined;
  if (cal.holidays.includes(`${date.y}-${pad(date.m)}-${pad(date.d)}`)) return undefined;
  return {
    start: zonedTimeToUtc(date, minutesOf(cal.start), cal.time_zone),
    end: zonedTimeToUtc(date, minutesOf(cal.end), cal.time_zone),
  };
}

/** Working windows from the local date of `fromMs` onward (direction +1) or backward (-1). */
function* windows(cal: Calendar, fromMs: number, direction: 1 | -1): Generator<Window> {
  let date = localDateOf(fromMs, cal.time_zone);
  let emptyDays = 0;
  for (;;) {
    const w = windowOn(cal, date);
    if (w) {
      emptyDays = 0;
      yield w;
    } else if (++emptyDays > MAX_SCAN_DAYS) {
      throw new Error('The calendar has no working time within ten years');
    }
    date = addDays(date, direction);
  }
}

/** start + hours of working time. Without a calendar, plain wall-clock hours. */
export function addBusinessHours(startMs: number, hours: number, cal?: Calendar | null): number {
  if (!cal) return startMs + hours * HOUR;
  let remaining = Math.round(hours * HOUR);
  if (remaining <= 0) return startMs;
  for (const w of windows(cal, startMs, 1)) {
    const from = Math.max(w.start, startMs);
    if (from >= w.end) continue;
    const available = w.end - from;
    if (remaining <= available) return from + remaining;
    remaining -= available;
  }
  throw new Error('unreachable');
}

/** end − hours of working time (the cutoff before which something is "older than" the threshold). */
export function subtractBusinessHours(endMs: number, hours: number, cal?: Calendar | null): number {
  if (!cal) return endMs - hours * HOUR;
  let remaining = Math.round(hours * HOUR);
  if (remaining <= 0) return endMs;
  for (const w of windows(cal, endMs, -1)) {
    const to = Math.min(w.end, endMs);
    if (to <= w.start) continue;
    const available = to - w.start;
    if (remaining <= available) return to - remaining;
    remaining -= available;
  }
  throw new Error('unreachable');
}

/** Working time (ms) between two instants; 0 when b ≤ a. */
export function businessMsBetween(aMs: number, bMs: number, cal?: Calendar | null): number {
  if (bMs <= aMs) return 0;
  if (!cal) return bMs - aMs;
  let total = 0;
  for (const w of windows(cal, aMs, 1)) {
    if (w.start >= bMs) break;
    const from = Math.max(w.start, aMs);
    const to = Math.min(w.end, bMs);
    if (to > from) total += to - from;
  }
  return total;
}

export function parseCalendarJson(text: string | null | undefined): Calendar | null {
  if (!text) return null;
  const parsed = calendarSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}
