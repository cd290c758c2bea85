/**
 * Indexes for the task list's other common views (#23's mixed workload), each leading with the org
 * and the view's filter, then its sort key and task_id (the tie-break every page orders by), so a
 * page's ids are a walk of one index in order that stops at its LIMIT (no table rows, no sort step):
 *
 * - a category by value (`filter.category`, sort `dollar_value`): was every task of the category
 *   read from the table and sorted for each page;
 * - an owner's tasks by priority (`filter.owner`, sort `priority`): the same, per owner;
 * - a status and a priority, newest first (the default sort), and that filter's total, which the
 *   per-status counters cannot give: was a walk of every task of the status;
 * - a status by deadline: the index had no task_id, so each page sorted its deadline ties.
 *
 * Measured on a copy of bench:mixed's SQLite database (20,000 tasks per org), CPU per statement:
 * 0.94 → 0.04 ms, 0.25 → 0.02 ms, 0.54 → 0.04 ms and the count 1.32 → 0.05 ms.
 *
 * Three indexes of migration 0001 are dropped: each is a leading prefix of one that serves every
 * query it served ((org_id, created_at) of workflow_tasks_list_created_idx, (org_id,
 * workflow_category, task_status) of workflow_tasks_list_cat_status_deadline_idx, both migration
 * 0003; (org_id, task_status, sla_deadline) of the new status index), so a task write maintains
 * one index more than before.
 *
 * Built inside the migrator's transaction (no CREATE INDEX CONCURRENTLY): on upgrade, writes to
 * workflow_tasks wait while the four are built (about 2 s per 200,000 tasks on SQLite). SQLite
 * databases get planner statistics after migrating (PRAGMA optimize, src/db/create-db.ts).
 *
 * Frozen once landed.
 */
import type { Kysely } from 'kysely';

const ADDED: ReadonlyArray<readonly [name: string, columns: readonly string[]]> = [
  ['workflow_tasks_list_cat_value_idx', ['org_id', 'workflow_category', 'dollar_value', 'task_id']],
  ['workflow_tasks_list_owner_priority_idx', ['org_id', 'current_owner', 'priority', 'task_id']],
  ['workflow_tasks_list_status_priority_created_idx', ['org_id', 'task_status', 'priority', 'created_at', 'task_id']],
  ['workflow_tasks_list_status_deadline_idx', ['org_id', 'task_status', 'sla_deadline', 'task_id']],
];

const REDUNDANT = ['workflow_tasks_org_created_idx', 'workflow_tasks_org_category_status_idx', 'workflow_tasks_org_status_deadline_idx'];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, columns] of ADDED) await db.schema.createIndex(name).on('workflow_tasks').columns([...columns]).execute();
  for (const name of REDUNDANT) await db.schema.dropIndex(name).ifExists().execute();
}
