/**
 * Owners as people (#20): `workflow_tasks.owner_user_id` names the user who owns a task, beside
 * `current_owner` (free text, which keeps team names such as "Sales Team"). Null: no person owns it.
 * The "my tasks" view and the per-person workload read it by (org, owner, status).
 *
 * No foreign key to `app_user`: users span orgs and are never deleted (deactivated), and tasks
 * are written in bulk by ingestion; the application checks the user is a member of the task's org.
 *
 * Frozen once landed.
 */
import type { Kysely } from 'kysely';
import { refType, type Engine } from './helpers.js';

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  await db.schema.alterTable('workflow_tasks').addColumn('owner_user_id', refType(engine)).execute();
  await db.schema
    .createIndex('workflow_tasks_owner_user_idx')
    .on('workflow_tasks')
    .columns(['org_id', 'owner_user_id', 'task_status'])
    .where('owner_user_id', 'is not', null)
    .execute();
}
