/**
 * The audit trail (`GET /api/audit`, #20) reads one org's `audit.*` events newest first, and counts
 * them. They are a small share of work_event, so without an index of their own each page walked
 * the org's whole activity log. Partial: only audit rows are indexed, so the index stays small and
 * costs nothing on the hot path of appending business events. A query uses it only when it repeats
 * the condition verbatim (`event_name like 'audit.%'`, a literal): both engines match a partial
 * index's predicate by its text.
 *
 * Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';
import type { Engine } from './helpers.js';

export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .createIndex('work_event_audit_idx')
    .on('work_event')
    .columns(['org_id', 'work_event_id'])
    .where(sql.ref('event_name'), 'like', 'audit.%')
    .execute();
}
