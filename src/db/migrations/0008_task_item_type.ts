/**
 * One name for a workflow task in the activity log: the workflow API wrote its events with
 * item_type 'workflow_task' while the SLA engine and ingestion wrote 'task', so one task's history
 * (and the frames and webhooks built from it) carried two types. Existing rows take the one name.
 *
 * Frozen once landed.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.updateTable('work_event').set({ item_type: 'task' }).where('item_type', '=', 'workflow_task').execute();
}
