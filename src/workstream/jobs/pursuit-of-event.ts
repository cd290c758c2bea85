import type { DbOrTrx } from '../../db/create-db.js';
import { numericId, type ClaimedEvent } from '../../outbox/claim.js';
import { PermanentFailure } from '../../outbox/handler.js';


/** The pursuit an event is about: payload.pursuit_id, the item itself, or the promoted candidate's pursuit. */
export async function pursuitIdOf(db: DbOrTrx, e: ClaimedEvent): Promise<number> {
  const direct = numericId(e, 'pursuit_id', 'pursuit');
  if (direct) return direct;
  const candidateId = numericId(e, 'candidate_id', 'candidate');
  if (candidateId) {
    const row = await db
      .selectFrom('pursuit')
      .select('pursuit_id')
      .where('org_id', '=', e.org_id)
      .where('candidate_id', '=', candidateId)
      .executeTakeFirst();
    // Not there yet is retried (it may be committed by a later transaction); the backoff caps the cost.
    if (!row) throw new Error(`Candidate ${candidateId} has no pursuit yet`);
    return row.pursuit_id;
  }
  throw new PermanentFailure(`${e.event_name} event ${e.work_event_id} names no pursuit (item ${e.item_type} ${e.item_id})`);
}
