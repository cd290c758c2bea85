import { z } from 'zod';
import { decimalInt } from './params.js';

/**
 * Flat list parameters shared by every list endpoint: page ≥ 1, limit 1–200 (default 50).
 * Anything else is a 400 naming the field, never a silent clamp.
 */
export const pageQuery = z.object({
  page: decimalInt({ min: 1, max: 1_000_000 }).default(1),
  limit: decimalInt({ min: 1, max: 200 }).default(50),
  cursor: z.string().min(1).max(1_000).optional().describe('Continue after the last row of a page: its `pagination.next_cursor`, unchanged'),
});

export const paginationSchema = z.object({
  page: z.number(),
  limit: z.number(),
  total: z.number(),
  /** Pass as `cursor` for the page after this one; null on the last page. */
  next_cursor: z.string().nullable(),
});

export const listResponse = <T extends z.ZodTypeAny>(item: T) => z.object({ data: z.array(item), pagination: paginationSchema });
