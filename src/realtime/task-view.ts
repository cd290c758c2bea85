/**
 * Loads tasks for a batch of events in one query and converts rows to the API's task shape.
 * Interim: the workflow module owns the canonical mapper (toTaskView); swap it in at merge.
 */
import type { DbOrTrx } from '../db/create-db.js';
import type { Row } from '../db/types.js';
import type { RealtimeTask } from './event-types.js';

export function toRealtimeTask(r: Row<'workflow_tasks'>): RealtimeTask {
  return {
    ...r,
    dollar_value: Number(r.dollar_value),
    entities: JSON.parse(r.entities) as Record<string, unknown>,
    tags: JSON.parse(r.tags) as string[],
    resolution_hours: r.resolution_hours === null ? null : Number(r.resolution_hours),
  } as RealtimeTask;
}

/** Tasks by id for one org each; one statement however many events the batch holds. */
export async function loadTasks(db: DbOrTrx, refs: Array<{ orgId: number; taskId: string }>): Promise<Map<string, RealtimeTask>> {
  const out = new Map<string, RealtimeTask>();
  if (refs.length === 0) return out;
  const ids = [...new Set(refs.map((r) => r.taskId))];
  const orgs = [...new Set(refs.map((r) => r.orgId))];
  const rows = await db.selectFrom('workflow_tasks').selectAll().where('task_id', 'in', ids).where('org_id', 'in', orgs).execute();
  for (const r of rows) out.set(`${r.org_id}:${r.task_id}`, toRealtimeTask(r));
  return out;
}
