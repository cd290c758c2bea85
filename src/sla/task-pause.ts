import type { Trx } from '../db/create-db.js';
import { appendEvent } from '../outbox/work-events.repository.js';
import { AppError, notFound } from '../shared/errors.js';
import { addBusinessHours, businessMsBetween } from './calendar.js';
import { getRule } from './rules.repository.js';
import { nextCheckAt } from './task-sla.js';

const HOUR = 3_600_000;

export interface PauseResult {
  task_id: string;
  sla_paused: boolean;
  sla_paused_at: string | null;
  sla_deadline: string | null;
  sla_status: string;
}

function taskUpdated(
  trx: Trx,
  t: { org_id: number; task_id: string; workflow_category: string; task_status: string },
  nowIso: string,
  actor: string,
  extra: Record<string, unknown>,
) {
  return appendEvent(trx, {
    orgId: t.org_id,
    eventName: 'task.updated',
    itemType: 'task',
    itemId: t.task_id,
    payload: { taskId: t.task_id, category: t.workflow_category, status: t.task_status, ...extra },
    actor,
    happenedAt: nowIso,
  });
}

async function loadTask(trx: Trx, orgId: number, taskId: string) {
  const t = await trx
    .selectFrom('workflow_tasks')
    .select(['task_id', 'org_id', 'task_status', 'workflow_category', 'sla_paused_at', 'sla_deadline', 'sla_warn_at', 'sla_status', 'sla_rule_id'])
    .where('org_id', '=', orgId)
    .where('task_id', '=', taskId)
    .executeTakeFirst();
  if (!t) throw notFound(`Task ${taskId}`);
  return t;
}

/**
 * Pausing stops the SLA clock (e.g. waiting on the customer): the monitor skips the task, and on
 * resume the deadline and warning moment move later by the paused time (business time when the
 * task's rule has a calendar). Both are idempotent.
 */
export async function pauseTaskSla(trx: Trx, orgId: number, taskId: string, nowIso: string, actor: string): Promise<PauseResult> {
  const t = await loadTask(trx, orgId, taskId);
  if (t.task_status === 'COMPLETED') throw new AppError('conflict', `Task ${taskId} is completed; its SLA cannot be paused`);
  if (!t.sla_paused_at) {
    await trx
      .updateTable('workflow_tasks')
      .set({ sla_paused_at: nowIso, sla_next_at: null, updated_at: nowIso })
      .where('org_id', '=', orgId)
      .where('task_id', '=', taskId)
      .execute();
    await taskUpdated(trx, t, nowIso, actor, { slaPaused: true, changes: ['sla_paused'] });
  }
  return { task_id: taskId, sla_paused: true, sla_paused_at: t.sla_paused_at ?? nowIso, sla_deadline: t.sla_deadline, sla_status: t.sla_status };
}

export async function resumeTaskSla(trx: Trx, orgId: number, taskId: string, nowIso: string, actor: string): Promise<PauseResult> {
  const t = await loadTask(trx, orgId, taskId);
  if (!t.sla_paused_at) {
    return { task_id: taskId, sla_paused: false, sla_paused_at: null, sla_deadline: t.sla_deadline, sla_status: t.sla_status };
  }
  const calendar = t.sla_rule_id ? ((await getRule(trx, orgId, t.sla_rule_id))?.calendar ?? null) : null;
  const pausedHrs = businessMsBetween(Date.parse(t.sla_paused_at), Date.parse(nowIso), calendar) / HOUR;
  const shift = (iso: string | null) => (iso ? new Date(addBusinessHours(Date.parse(iso), pausedHrs, calendar)).toISOString() : null);
  const deadline = shift(t.sla_deadline);
  const warnAt = shift(t.sla_warn_at);
  const next =
    t.task_status === 'COMPLETED'
      ? null
      : nextCheckAt(t.sla_status, warnAt ? Date.parse(warnAt) : null, deadline ? Date.parse(deadline) : null);
  await trx
    .updateTable('workflow_tasks')
    .set({
      sla_paused_at: null,
      sla_deadline: deadline,
      sla_warn_at: warnAt,
      sla_next_at: next === null ? null : new Date(next).toISOString(),
      updated_at: nowIso,
    })
    .where('org_id', '=', orgId)
    .where('task_id', '=', taskId)
    .execute();
  await taskUpdated(trx, t, nowIso, actor, { slaPaused: false, slaDeadline: deadline, changes: ['sla_paused', 'sla_deadline'] });
  return { task_id: taskId, sla_paused: false, sla_paused_at: null, sla_deadline: deadline, sla_status: t.sla_status };
}
