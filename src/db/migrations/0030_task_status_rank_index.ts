/**
 * The task list sorted by status (RED, YELLOW, GREEN, COMPLETED: the `status` sort) without a
 * status filter had no index to walk: its order is a rank computed from task_status, so every page
 * sorted every task of the org. At 1,000,000 tasks in one org a page took 143 ms on SQLite and
 * 535 ms on PostgreSQL (a parallel scan and top-N sort of all of them). This index is on the rank
 * itself, written exactly as the list orders by it (src/workflow/tasks.repository.ts statusRank;
 * both engines match an ORDER BY to an expression index by the expression), then task_id, the
 * tie-break of every page and cursor: a page is a walk of the index in either direction.
 *
 * Built inside the migrator's transaction, as 0029's: on upgrade, writes to workflow_tasks wait
 * while it is built.
 *
 * Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index workflow_tasks_list_status_rank_idx on workflow_tasks (org_id, (case task_status when 'RED' then 0 when 'YELLOW' then 1 when 'GREEN' then 2 else 3 end), task_id)`.execute(db);
}
