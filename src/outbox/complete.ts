/**
 * Completing a batch: one statement for every event of the batch that succeeded. The claimed_by
 * guard means a worker whose lease expired (and whose events another worker re-claimed) cannot
 * mark someone else's claim done. With the batch's orgs (`orgIds`) the statement names the
 * distribution column too, so on a database distributed by org_id it reaches only their shards.
 */
import type { QueryCreator } from 'kysely';
import type { DbOrTrx } from '../db/create-db.js';
import type { DB } from '../db/types.js';

interface CompleteInput {
  ids: number[];
  orgIds?: number[];
  workerId: string;
  now: string;
}

/** The completion UPDATE, also used as a CTE ahead of the next claim (claim.ts: completeAndClaim). */
export function completeStatement(qc: QueryCreator<DB>, o: CompleteInput) {
  return qc
    .updateTable('work_event')
    .set({ processed_at: o.now, claimed_at: null })
    .$if(o.orgIds !== undefined && o.orgIds.length > 0, (q) => q.where('org_id', 'in', o.orgIds!))
    .where('work_event_id', 'in', o.ids)
    .where('claimed_by', '=', o.workerId)
    .where('processed_at', 'is', null);
}

export async function completeEvents(db: DbOrTrx, o: CompleteInput): Promise<number> {
  if (o.ids.length === 0) return 0;
  const res = await completeStatement(db, o).executeTakeFirst();
  return Number(res.numUpdatedRows);
}
