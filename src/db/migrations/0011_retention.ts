/**
 * Retention: the pruner (src/app/retention.ts) deletes old rows in small batches, oldest first, by
 * the time each table records. Without these indexes every batch would scan the whole table, and
 * the tables it prunes are exactly the ones that grow without bound. The existing indexes all lead
 * with org_id, which a cross-org "older than" scan cannot use.
 *
 * Frozen once landed.
 */
import type { Kysely } from 'kysely';

const INDEXES = [
  ['work_event_created_idx', 'work_event', ['created_at']],
  ['webhook_delivery_created_idx', 'webhook_delivery', ['created_at']],
  ['webhook_dispatch_created_idx', 'webhook_dispatch', ['created_at']],
  // An activity event is kept while a dispatch row names it as its source: that check looks up
  // dispatch rows by event, which the primary key (org, webhook, event) cannot serve.
  ['webhook_dispatch_event_idx', 'webhook_dispatch', ['org_id', 'work_event_id']],
  ['workflow_status_history_changed_at_idx', 'workflow_status_history', ['changed_at']],
  ['ingest_batch_item_created_idx', 'ingest_batch_item', ['created_at']],
  ['ingest_batch_completed_idx', 'ingest_batch', ['completed_at']],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, table, columns] of INDEXES) await db.schema.createIndex(name).on(table).columns([...columns]).execute();
}
