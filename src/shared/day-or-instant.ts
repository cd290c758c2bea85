/**
 * Fields that mean a day (a due date, the ends of a list or analytics range) take a calendar date
 * as well as an instant: `2026-12-01` is what a person writes, and refusing it with "Invalid ISO
 * datetime" only taught them our storage format. A date stands for the start of that day in the
 * request's time zone (`tz`, UTC when none is given: organisations have no zone of their own); the
 * exclusive end of a range stands for the start of the next day, so `to: 2026-12-01` includes all of
 * December 1.
 */
import { z } from 'zod';
import { isoInstant, MAX_INSTANT_YEAR, MIN_INSTANT_YEAR } from './iso-instant.js';
import { addDays, isValidTimeZone, zonedTimeToUtc, type LocalDate } from './zoned-time.js';

/** A real calendar date, `YYYY-MM-DD` (2026-02-30 is refused), in the years instants may take. */
export const calendarDate = z.iso.date().refine(
  (s) => {
    const year = Number(s.slice(0, 4));
    return year >= MIN_INSTANT_YEAR && year <= MAX_INSTANT_YEAR;
  },
  { message: `must be in the years ${MIN_INSTANT_YEAR} to ${MAX_INSTANT_YEAR}` },
);

const DAY_OR_INSTANT = `must be a date (YYYY-MM-DD) or an ISO-8601 instant with Z or an offset (2026-12-01T09:00:00Z), in the years ${MIN_INSTANT_YEAR} to ${MAX_INSTANT_YEAR}`;

/**
 * A calendar date (kept as written) or an instant (normalised, see isoInstant). Which instant a
 * date stands for depends on the zone, so objects resolve it with resolveDays once `tz` is known.
 * Not a z.union: a union of two string formats answers with the first format's complaint, or an
 * "Invalid input" holding both; this answers one message that says what is accepted.
 */
export const dayOrInstant = z
  .string()
  .transform((s, ctx) => {
    if (calendarDate.safeParse(s).success) return s;
    const instant = isoInstant.safeParse(s);
    if (instant.success) return instant.data;
    ctx.addIssue({ code: 'custom', message: DAY_OR_INSTANT, input: s });
    return z.NEVER;
  })
  .meta({ description: 'A date (YYYY-MM-DD: a whole day in the time zone `tz`, UTC by default) or an ISO-8601 instant', examples: ['2026-12-01', '2026-12-01T09:00:00Z'] });

/** An IANA time zone the runtime knows (`Europe/Berlin`, `UTC`). */
export const timeZone = z.string().trim().min(1).max(64).refine(isValidTimeZone, { message: 'not an IANA time zone' });

/** Which instant of its day a date stands for: its start, or (an exclusive end) the start of the next day. */
export type DayEdge = 'start' | 'end';

const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The instant a day-or-instant value stands for in a zone; undefined when it falls outside the years instants may take. */
export function dayInstant(v: string, tz: string, edge: DayEdge): string | undefined {
  if (!isDate(v)) return v;
  const day: LocalDate = { y: Number(v.slice(0, 4)), m: Number(v.slice(5, 7)), d: Number(v.slice(8, 10)) };
  const ms = zonedTimeToUtc(edge === 'end' ? addDays(day, 1) : day, 0, tz);
  const year = new Date(ms).getUTCFullYear();
  return year >= MIN_INSTANT_YEAR && year <= MAX_INSTANT_YEAR ? new Date(ms).toISOString() : undefined;
}

/**
 * Resolves an object's day-or-instant fields in its zone (a transform step of its schema), adding a
 * 400-worthy issue naming each field whose day lies outside the years instants may take.
 */
export function resolveDays<T extends object>(obj: T, edges: { [K in keyof T]?: DayEdge }, tz: string, ctx: z.RefinementCtx, path: PropertyKey[] = []): T {
  const out = { ...obj } as Record<PropertyKey, unknown>;
  for (const [field, edge] of Object.entries(edges) as Array<[string, DayEdge]>) {
    const v = out[field];
    if (typeof v !== 'string') continue;
    const at = dayInstant(v, tz, edge);
    if (at === undefined) {
      ctx.addIssue({ code: 'custom', message: `that day falls outside the years ${MIN_INSTANT_YEAR} to ${MAX_INSTANT_YEAR} (UTC) in time zone ${tz}`, path: [...path, field], input: v });
    } else out[field] = at;
  }
  return out as T;
}
