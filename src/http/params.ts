import { z } from 'zod';

/**
 * A whole number as written in a URL (path or query): canonical decimal digits only. JavaScript's
 * Number() would also read "0x10", "+16", " 16", "16 ", "1e1" and "016" — so one item had many
 * addresses and typos reached the wrong one. Anything but plain digits is a 400 naming the field.
 */
export function decimalInt(o: { min: number; max: number }) {
  return z
    .string()
    .regex(/^(0|-?[1-9][0-9]*)$/, 'must be a whole number in plain decimal digits (e.g. 42)')
    .transform(Number)
    .pipe(z.number().min(o.min).max(o.max)); // the digits already make it whole
}

/** A numeric id in a path or query: 1 … 2^53-1, canonical decimal. */
export const positiveId = decimalInt({ min: 1, max: Number.MAX_SAFE_INTEGER });

/** `/:id` with a numeric id. */
export const idParams = z.object({ id: positiveId });

/** An `org_id` a query may name (the auth plugin has already refused any org but the key's). */
export const orgIdQuery = decimalInt({ min: 1, max: Number.MAX_SAFE_INTEGER }).optional();
