/**
 * The task half of an SLA pass. The tasks whose next SLA moment has come are read in one indexed
 * range scan (sla_next_at ≤ now), their transitions decided by the pure rules in task-sla.ts, and
 * written back set-based: at most four UPDATEs (grouped by new state), one INSERT each for history,
 * events and breaches per batch — never a statement per task.
 */
import type { Database, Trx } from '../db/create-db.js';
import { inOrgGroup, type OrgGroup } from '../db/org-group.js';
import type { SlaStatus, TaskStatus } from '../db/types.js';
import { appendEvents, type NewWorkEvent } from '../outbox/work-events.repository.js';
import { SLA_MONITOR_ACTOR, TASK_SLA_METRIC, openBreaches, resolveBreaches } from './breaches.repository.js';
import { chunks, escalationGroups, insertEscalationHistory } from './escalation-writes.js';
import { SLA_RANK, escalatedStatus, hoursBetween, slaStatusAt } from './task-sla.js';

export { SLA_MONITOR_ACTOR };

export interface DueTask {
  task_id: string;
  org_id: number;
  title: string;
  task_status: TaskStatus;
  sla_status: SlaStatus;
  sla_deadline: string | null;
  sla_warn_at: string | null;
  sla_rule_id: number | null;
  dollar_value: number;
  workflow_category: string;
  priority: string;
  current_owner: string | null;
  high_value_threshold: number;
}

export interface TaskTransition {
  task: DueTask;
  toSla: SlaStatus;
  toStatus: TaskStatus;
}

/** Decides what happens to a due task now; null when its SLA state does not get worse. */
export function transitionFor(task: DueTask, nowMs: number): TaskTransition | null {
  const deadline = task.sla_deadline ? Date.parse(task.sla_deadline) : null;
  const warnAt = task.sla_warn_at ? Date.parse(task.sla_warn_at) : null;
  const toSla = slaStatusAt(nowMs, warnAt, deadline);
  if (task.task_status === 'COMPLETED' || SLA_RANK[toSla] <= SLA_RANK[task.sla_status]) return null;
  return { task, toSla, toStatus: escalatedStatus(task.task_status, task.sla_status, toSla) };
}

/** The events one transition fires, once: status change, warning or violation, high-value alert. */
export function eventsFor(tr: TaskTransition, nowIso: string): NewWorkEvent[] {
  const t = tr.task;
  const nowMs = Date.parse(nowIso);
  const deadlineMs = t.sla_deadline ? Date.parse(t.sla_deadline) : nowMs;
  const base = {
    taskId: t.task_id,
    category: t.workflow_category,
    title: t.title,
    priority: t.priority,
    owner: t.current_owner,
    dollarValue: t.dollar_value,
    slaDeadline: t.sla_deadline,
  };
  const ev = (eventName: string, payload: Record<string, unknown>): NewWorkEvent => ({
    orgId: t.org_id,
    eventName,
    itemType: 'task',
    itemId: t.task_id,
    payload: { ...base, ...payload },
    actor: SLA_MONITOR_ACTOR,
    happenedAt: nowIso,
  });
  const out: NewWorkEvent[] = [];
  if (tr.toStatus !== t.task_status) {
    out.push(
      ev('task.status_changed', {
        status: tr.toStatus,
        oldStatus: t.task_status,
        newStatus: tr.toStatus,
        reason: tr.toSla === 'breached' ? 'SLA deadline passed' : 'SLA warning threshold reached',
      }),
    );
  }
  if (tr.toSla === 'warning') {
    out.push(ev('task.sla_warning', { status: tr.toStatus, slaStatus: 'warning', hoursRemaining: hoursBetween(nowMs, deadlineMs) }));
  } else {
    out.push(ev('task.sla_violated', { status: tr.toStatus, slaStatus: 'breached', hoursOverdue: hoursBetween(deadlineMs, nowMs) }));
  }
  if (t.dollar_value >= t.high_value_threshold) {
    out.push(
      ev('task.critical_alert', {
        status: tr.toStatus,
        slaStatus: tr.toSla,
        threshold: t.high_value_threshold,
        reason: tr.toSla === 'breached' ? 'High-value task missed its SLA' : 'High-value task nearing its SLA',
      }),
    );
  }
  return out;
}

export async function selectDueTasks(trx: Trx, database: Database, nowIso: string, limit: number, orgGroup?: OrgGroup): Promise<DueTask[]> {
  const group = inOrgGroup(orgGroup, 't.org_id');
  let q = trx
    .selectFrom('workflow_tasks as t')
    .innerJoin('org as o', 'o.org_id', 't.org_id')
    .select([
      't.task_id',
      't.org_id',
      't.title',
      't.task_status',
      't.sla_status',
      't.sla_deadline',
      't.sla_warn_at',
      't.sla_rule_id',
      't.dollar_value',
      't.workflow_category',
      't.priority',
      't.current_owner',
      'o.high_value_threshold',
    ])
    .where('t.sla_next_at', '<=', nowIso)
    .$if(group !== undefined, (w) => w.where(group!))
    .orderBy('t.sla_next_at')
    .limit(limit);
  // Row locks where the engine has them, so a person's concurrent write waits for this batch
  // (SQLite's write transaction is already exclusive).
  if (database.caps.skipLocked) q = q.forUpdate('t');
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, dollar_value: Number(r.dollar_value), high_value_threshold: Number(r.high_value_threshold) }));
}

export interface EscalationSummary {
  warned: number;
  breached: number;
  statusChanges: number;
  /** Breach events among `events` (a task already holding an open breach gets no second one). */
  breachEvents: NewWorkEvent[];
  events: number;
}

/** Applies transitions set-based in the caller's transaction. Also used for a single task's write path. */
export async function applyTaskTransitions(
  trx: Trx,
  transitions: TaskTransition[],
  untouched: DueTask[],
  nowIso: string,
): Promise<EscalationSummary> {
  const summary: EscalationSummary = { warned: 0, breached: 0, statusChanges: 0, breachEvents: [], events: 0 };

  await rescheduleUntouched(trx, untouched);
  await writeTransitionedTasks(trx, transitions, nowIso);
  const statusChanges = await insertEscalationHistory(trx, transitions, (to) => (to === 'breached' ? 'SLA deadline passed' : 'SLA warning threshold reached'), nowIso);
  const breachEvents = await openTaskBreaches(trx, transitions, nowIso);

  const events = [...transitions.flatMap((tr) => eventsFor(tr, nowIso)), ...breachEvents];
  for (const part of chunks(events)) await appendEvents(trx, part);

  summary.warned = transitions.filter((t) => t.toSla === 'warning').length;
  summary.breached = transitions.filter((t) => t.toSla === 'breached').length;
  summary.statusChanges = statusChanges;
  summary.breachEvents = breachEvents;
  summary.events = events.length;
  return summary;
}

/**
 * Tasks whose moment came but whose state did not get worse (a deadline moved later, say) just
 * get their next moment: nextCheckAt() in SQL, one statement per chunk. For such a task the
 * moment is always in the future — were it not, transitionFor() would have escalated it.
 */
async function rescheduleUntouched(trx: Trx, untouched: DueTask[]): Promise<void> {
  for (const part of chunks(untouched)) {
    await trx
      .updateTable('workflow_tasks')
      .set((eb) => ({
        sla_next_at: eb
          .case()
          .when('task_status', '=', 'COMPLETED')
          .then(null)
          .when('sla_status', '=', 'ok')
          .then(eb.fn.coalesce('sla_warn_at', 'sla_deadline'))
          .when('sla_status', '=', 'warning')
          .then(eb.ref('sla_deadline'))
          .else(null)
          .end(),
      }))
      .where('task_id', 'in', part.map((t) => t.task_id))
      .execute();
  }
}

/** The escalated tasks' new state: one UPDATE per (SLA state, task status) group and chunk. */
async function writeTransitionedTasks(trx: Trx, transitions: TaskTransition[], nowIso: string): Promise<void> {
  for (const g of escalationGroups(transitions)) {
    await trx
      .updateTable('workflow_tasks')
      .set((eb) => ({
        sla_status: g.toSla,
        ...(g.toStatus ? { task_status: g.toStatus, updated_at: nowIso } : {}),
        ...(g.toSla === 'warning' ? { sla_warned_at: nowIso, sla_next_at: eb.ref('sla_deadline') } : { sla_breached_at: nowIso, sla_next_at: null }),
      }))
      .where('task_id', 'in', g.ids)
      .execute();
  }
}

/** Opens a task breach for each transition into breached; returns the events they fire. */
function openTaskBreaches(trx: Trx, transitions: TaskTransition[], nowIso: string): Promise<NewWorkEvent[]> {
  const breaches = transitions
    .filter((tr) => tr.toSla === 'breached')
    .map((tr) => ({
      org_id: tr.task.org_id,
      item_type: 'task',
      item_id: tr.task.task_id,
      // rule_id 0 stands for "the task's own deadline" when no rule set it.
      rule_id: tr.task.sla_rule_id ?? 0,
      metric: TASK_SLA_METRIC,
      reason_code: 'deadline_passed',
      breached_at: nowIso,
    }));
  return openBreaches(trx, breaches, nowIso);
}

/** Resolves open task breaches whose task is completed or no longer past its deadline. */
export function resolveTaskBreaches(trx: Trx, nowIso: string, orgGroup?: OrgGroup): Promise<NewWorkEvent[]> {
  const group = inOrgGroup(orgGroup, 'sla_breach.org_id');
  return resolveBreaches(trx, nowIso, (q) =>
    q.$if(group !== undefined, (w) => w.where(group!)).where('item_type', '=', 'task').where('metric', '=', TASK_SLA_METRIC).where((eb) =>
      eb.exists(
        eb
          .selectFrom('workflow_tasks as t')
          .select('t.task_id')
          .whereRef('t.org_id', '=', 'sla_breach.org_id')
          .whereRef('t.task_id', '=', 'sla_breach.item_id')
          .where((w) => w.or([w('t.task_status', '=', 'COMPLETED'), w('t.sla_status', '<>', 'breached')])),
      ),
    ),
  );
}
