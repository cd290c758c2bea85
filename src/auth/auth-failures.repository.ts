import { sql } from 'kysely';
import type { DbOrTrx } from '../db/create-db.js';

/**
 * Adds failed-authentication counts for one window, all addresses in one statement, and returns the
 * totals every process has recorded so far for those addresses.
 */
export async function addAuthFailures(db: DbOrTrx, windowStart: number, counts: Map<string, number>): Promise<Map<string, number>> {
  if (counts.size === 0) return new Map();
  const rows = await db
    .insertInto('auth_failure')
    .values([...counts].map(([address, failures]) => ({ address, window_start: windowStart, failures })))
    .onConflict((oc) => oc.columns(['address', 'window_start']).doUpdateSet({ failures: sql<number>`auth_failure.failures + excluded.failures` }))
    .returning(['address', 'failures'])
    .execute();
  return new Map(rows.map((r) => [r.address, Number(r.failures)]));
}

/** Drops windows that ended before `before` (epoch ms). */
export async function pruneAuthFailures(db: DbOrTrx, before: number): Promise<void> {
  await db.deleteFrom('auth_failure').where('window_start', '<', before).execute();
}
