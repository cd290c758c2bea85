/**
 * The sweeper: a claim older than its lease belongs to a worker that died (SIGKILL, lost machine)
 * or hung. Release it so another worker retries it; if that claim was its last allowed attempt,
 * dead-letter it instead, so an event that kills every worker which touches it stops doing so.
 * One transaction: every expired claim is released with the reason as its last error, then those
 * that used their last attempt move to the dead-letter record.
 */
import { sql } from 'kysely';
import type { Database, DbOrTrx } from '../db/create-db.js';
import { inOrgGroup, type OrgGroup } from '../db/org-group.js';
import { deadLetterRows } from './complete.js';

export async function sweepExpiredClaims(
  database: Database,
  o: { now: string; leaseMs: number; maxAttempts: number; orgGroup?: OrgGroup | undefined },
): Promise<{ released: number; deadLettered: number }> {
  const group = inOrgGroup(o.orgGroup, 'org_id');
  const cutoff = new Date(new Date(o.now).getTime() - o.leaseMs).toISOString();
  return database.db.transaction().execute(async (trx) => {
    const expired = await trx
      .updateTable('outbox_queue')
      .set({
        claimed_at: null,
        last_error: sql<string>`'lease expired: claimed by ' || coalesce(claimed_by, '?') || ' at attempt ' || attempts`,
        next_attempt_at: o.now,
      })
      .where('claimed_at', 'is not', null)
      .where('claimed_at', '<', cutoff)
      .$if(group !== undefined, (q) => q.where(group!))
      .returning(['org_id', 'work_event_id', 'attempts'])
      .execute();
    const spent = expired.filter((r) => r.attempts >= o.maxAttempts);
    const deadLettered = await deadLetterRows(trx, spent, o.now);
    return { released: expired.length - spent.length, deadLettered };
  });
}

/**
 * Gives back claims this worker could not settle (the database went away between claiming and
 * completing, or before the claim's answer arrived): released at once when it is back, rather than
 * after the lease. Claims are named by their token (`claimed_by`), unique per claim.
 */
export async function releaseClaims(db: DbOrTrx, o: { claims: string[]; now: string; reason: string }): Promise<number> {
  if (o.claims.length === 0) return 0;
  const res = await db
    .updateTable('outbox_queue')
    .set({ claimed_at: null, last_error: o.reason, next_attempt_at: o.now })
    .where('claimed_by', 'in', o.claims)
    .where('claimed_at', 'is not', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
