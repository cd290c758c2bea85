/**
 * The writes both halves of an SLA pass share (resolution deadline: task-escalation.ts; first
 * response: first-response.ts): escalations grouped so each (new SLA state, new task status) pair
 * is one UPDATE per chunk, and one history INSERT per chunk for those that change the status.
 */
import type { Trx } from '../db/create-db.js';
import type { SlaStatus, TaskStatus } from '../db/types.js';
import { SLA_MONITOR_ACTOR } from './breaches.repository.js';

/** Rows per statement: well under both engines' bound-parameter limits. */
const CHUNK = 500;
export function chunks<T>(xs: T[], n = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** A task whose SLA state gets worse now, and the task status that follows from it. */
export interface Escalation {
  task: { task_id: string; org_id: number; task_status: TaskStatus };
  toSla: SlaStatus;
  toStatus: TaskStatus;
}

export interface EscalationGroup {
  toSla: SlaStatus;
  /** Null: the status stays as it is (already that colour, or completed). */
  toStatus: TaskStatus | null;
  ids: string[];
}

/** Escalations by (new SLA state, new status if it changes), each group's ids in chunks. */
export function escalationGroups(escalations: Escalation[]): EscalationGroup[] {
  const groups = new Map<string, EscalationGroup>();
  for (const e of escalations) {
    const toStatus = e.toStatus !== e.task.task_status ? e.toStatus : null;
    const key = `${e.toSla}|${toStatus ?? ''}`;
    const g = groups.get(key) ?? { toSla: e.toSla, toStatus, ids: [] };
    g.ids.push(e.task.task_id);
    groups.set(key, g);
  }
  return [...groups.values()].flatMap((g) => chunks(g.ids).map((ids) => ({ ...g, ids })));
}

/** One history row per escalation that changes the task status, by the monitor; returns how many. */
export async function insertEscalationHistory(
  trx: Trx,
  escalations: Escalation[],
  reason: (toSla: SlaStatus) => string,
  nowIso: string,
): Promise<number> {
  const history = escalations
    .filter((e) => e.toStatus !== e.task.task_status)
    .map((e) => ({
      org_id: e.task.org_id,
      task_id: e.task.task_id,
      from_status: e.task.task_status,
      to_status: e.toStatus,
      changed_by: SLA_MONITOR_ACTOR,
      reason: reason(e.toSla),
      changed_at: nowIso,
    }));
  for (const part of chunks(history)) await trx.insertInto('workflow_status_history').values(part).execute();
  return history.length;
}
