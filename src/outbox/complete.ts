/**
 * Completing a batch: one statement for every event of the batch that succeeded. The claimed_by
 * guard means a worker whose lease expired (and whose events another worker re-claimed) cannot
 * mark someone else's claim done.
 */
import type { DbOrTrx } from '../db/create-db.js';

export async function completeEvents(db: DbOrTrx, o: { ids: number[]; workerId: string; now: string }): Promise<number> {
  if (o.ids.length === 0) return 0;
  const res = await db
    .updateTable('work_event')
    .set({ processed_at: o.now, claimed_at: null })
    .where('work_event_id', 'in', o.ids)
    .where('claimed_by', '=', o.workerId)
    .where('processed_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
