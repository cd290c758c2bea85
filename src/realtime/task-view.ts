/** Loads the tasks of a batch of events in one query, as the API returns them (the workflow mapper). */
import type { DbOrTrx } from '../db/create-db.js';
import { selectOwnerName, toTaskView } from '../workflow/tasks.repository.js';
import { isTaskEvent } from './event-names.js';
import type { RealtimeTask } from './event-types.js';

/** Tasks by `${org_id}:${task_id}`; one statement however many events the batch holds. */
export async function loadTasks(db: DbOrTrx, refs: Array<{ orgId: number; taskId: string }>): Promise<Map<string, RealtimeTask>> {
  const out = new Map<string, RealtimeTask>();
  if (refs.length === 0) return out;
  const ids = [...new Set(refs.map((r) => r.taskId))];
  const orgs = [...new Set(refs.map((r) => r.orgId))];
  const rows = await selectOwnerName(db.selectFrom('workflow_tasks').selectAll()).where('task_id', 'in', ids).where('org_id', 'in', orgs).execute();
  for (const r of rows) out.set(`${r.org_id}:${r.task_id}`, toTaskView(r));
  return out;
}

/**
 * Adds `task` (the task now, or null once deleted) to the task events of a batch that do not carry
 * it yet: one query for the whole batch. Throws if the query fails (callers decide what to send then).
 */
export async function attachTasks(db: DbOrTrx, batch: ReadonlyArray<{ orgId: number; event: string; data: Record<string, unknown> }>): Promise<void> {
  const need = batch.filter((m) => isTaskEvent(m.event) && !('task' in m.data) && typeof m.data.taskId === 'string');
  if (need.length === 0) return;
  const tasks = await loadTasks(
    db,
    need.map((m) => ({ orgId: m.orgId, taskId: m.data.taskId as string })),
  );
  for (const m of need) (m as { data: Record<string, unknown> }).data = { ...m.data, task: tasks.get(`${m.orgId}:${m.data.taskId as string}`) ?? null };
}
