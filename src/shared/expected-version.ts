import { preconditionFailed } from './errors.js';

/**
 * The versions a write may land on, from `If-Match` (REST) or `expected_version` (tRPC); undefined:
 * no precondition (`If-Match: *`, or none sent), the write behaves as without the check. An empty
 * list matches nothing (an If-Match naming only weak or foreign entity tags).
 */
export type ExpectedVersion = readonly number[] | undefined;

/** From tRPC's optional `expected_version`. */
export const expectedFromInput = (v: number | undefined): ExpectedVersion => (v === undefined ? undefined : [v]);

/** Throws 412 when the item, read at `current`, is not at a version the caller expects. */
export function assertExpectedVersion(what: string, current: number, expected: ExpectedVersion): void {
  if (expected !== undefined && !expected.includes(current)) throw preconditionFailed(what, current);
}
