import { z } from 'zod';

/** The UTC years an instant given to the API may fall in. */
export const MIN_INSTANT_YEAR = 1000;
export const MAX_INSTANT_YEAR = 9999;

/**
 * An instant in API input: ISO-8601 with Z or an offset, normalised to the stored UTC format. The
 * year bound keeps that format fixed (four digits): year 10000 prints as `+010000-…`, which breaks
 * SQLite's text order and which PostgreSQL refuses, as it refuses year 0. Every module takes instants
 * through this one schema so none of them lets such a year reach the database (a 500 there).
 */
export const isoInstant = z.iso
  .datetime({ offset: true })
  .refine(
    (s) => {
      const year = new Date(s).getUTCFullYear();
      return year >= MIN_INSTANT_YEAR && year <= MAX_INSTANT_YEAR;
    },
    { message: `must be in the years ${MIN_INSTANT_YEAR} to ${MAX_INSTANT_YEAR} (UTC)` },
  )
  .transform((s) => new Date(s).toISOString());
