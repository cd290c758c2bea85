/**
 * The first-response half of an SLA pass, beside the resolution half (task-escalation.ts) and built
 * the same way: tasks whose first-response moment has come are read in one indexed range scan
 * (first_response_next_at ≤ now), their transitions decided by the pure rules of task-sla.ts, and
 * written set-based — one UPDATE per (state, status) group, one INSERT each for history, events and
 * breaches. A task still unanswered at its warning moment warns (`task.first_response_warning`,
 * GREEN → YELLOW), at its due time breaches (`task.first_response_violated`, → RED, a breach of
 * metric `first_response_sla`); the first reply, or completion, ends the watch and the breach.
 */
import type { Database, Trx } from '../db/create-db.js';
import { inOrgGroup, type OrgGroup } from '../db/org-group.js';
import type { SlaStatus, TaskStatus } from '../db/types.js';
import { appendEvents, type NewWorkEvent } from '../outbox/work-events.repository.js';
import { FIRST_RESPONSE_METRIC, SLA_MONITOR_ACTOR, openBreaches, resolveBreaches } from './breaches.repository.js';
import { escalationGroups, insertEscalationHistory, type Escalation } from './escalation-writes.js';
import { SLA_RANK, escalatedStatus, hoursBetween, nextCheckAt, slaStatusAt } from './task-sla.js';

export interface DueFirstResponse {
  task_id: string;
  org_id: number;
  title: string;
  task_status: TaskStatus;
  first_response_status: SlaStatus;
  first_response_due_at: string | null;
  first_response_warn_at: string | null;
  first_response_at: string | null;
  sla_rule_id: number | null;
  dollar_value: number;
  workflow_category: string;
  priority: string;
  current_owner: string | null;
}

interface Transition extends Escalation {
  task: DueFirstResponse;
}

export interface FirstResponseSummary {
  warned: number;
  breached: number;
  statusChanges: number;
  breachEvents: NewWorkEvent[];
  events: number;
}

const REASON = { warning: 'first response warning threshold reached', breached: 'first response overdue' } as const;

export async function selectDueFirstResponses(trx: Trx, database: Database, nowIso: string, limit: number, orgGroup?: OrgGroup): Promise<DueFirstResponse[]> {
  const group = inOrgGroup(orgGroup, 'org_id');
  let q = trx
    .selectFrom('workflow_tasks')
    .select([
      'task_id',
      'org_id',
      'title',
      'task_status',
      'first_response_status',
      'first_response_due_at',
      'first_response_warn_at',
      'first_response_at',
      'sla_rule_id',
      'dollar_value',
      'workflow_category',
      'priority',
      'current_owner',
    ])
    .where('first_response_next_at', '<=', nowIso)
    .$if(group !== undefined, (w) => w.where(group!))
    .orderBy('first_response_next_at')
    .limit(limit);
  if (database.caps.skipLocked) q = q.forUpdate();
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, dollar_value: Number(r.dollar_value) }));
}

/** Decides and writes the due tasks' first-response transitions in the caller's transaction. */
export async function applyFirstResponses(trx: Trx, due: DueFirstResponse[], nowIso: string): Promise<FirstResponseSummary> {
  const nowMs = Date.parse(nowIso);
  const transitions: Transition[] = [];
  const reschedule = new Map<string | null, string[]>();
  for (const t of due) {
    const dueMs = t.first_response_due_at ? Date.parse(t.first_response_due_at) : null;
    const warnMs = t.first_response_warn_at ? Date.parse(t.first_response_warn_at) : null;
    const to = slaStatusAt(nowMs, warnMs, dueMs);
    const open = t.task_status !== 'COMPLETED' && t.first_response_at === null && dueMs !== null;
    if (open && SLA_RANK[to] > SLA_RANK[t.first_response_status]) {
      transitions.push({ task: t, toSla: to, toStatus: escalatedStatus(t.task_status, t.first_response_status, to) });
      continue;
    }
    const next = open ? nextCheckAt(t.first_response_status, warnMs, dueMs) : null;
    const key = next === null ? null : new Date(next).toISOString();
    reschedule.set(key, [...(reschedule.get(key) ?? []), t.task_id]);
  }

  for (const [next, ids] of reschedule) {
    await trx.updateTable('workflow_tasks').set({ first_response_next_at: next }).where('task_id', 'in', ids).execute();
  }
  for (const g of escalationGroups(transitions)) {
    await trx
      .updateTable('workflow_tasks')
      .set((eb) => ({
        first_response_status: g.toSla,
        first_response_next_at: g.toSla === 'warning' ? eb.ref('first_response_due_at') : null,
        ...(g.toStatus ? { task_status: g.toStatus, updated_at: nowIso } : {}),
      }))
      .where('task_id', 'in', g.ids)
      .execute();
  }
  const statusChanges = await insertEscalationHistory(trx, transitions, (to) => REASON[to as 'warning' | 'breached'], nowIso);

  const breachEvents = await openBreaches(
    trx,
    transitions
      .filter((tr) => tr.toSla === 'breached')
      .map((tr) => ({
        org_id: tr.task.org_id,
        item_type: 'task',
        item_id: tr.task.task_id,
        rule_id: tr.task.sla_rule_id ?? 0,
        metric: FIRST_RESPONSE_METRIC,
        reason_code: 'first_response_overdue',
        breached_at: nowIso,
      })),
    nowIso,
  );
  const events = [...transitions.flatMap((tr) => eventsFor(tr, nowIso)), ...breachEvents];
  if (events.length) await appendEvents(trx, events);
  return {
    warned: transitions.filter((t) => t.toSla === 'warning').length,
    breached: transitions.filter((t) => t.toSla === 'breached').length,
    statusChanges,
    breachEvents,
    events: events.length,
  };
}

function eventsFor(tr: Transition, nowIso: string): NewWorkEvent[] {
  const t = tr.task;
  const nowMs = Date.parse(nowIso);
  const dueMs = t.first_response_due_at ? Date.parse(t.first_response_due_at) : nowMs;
  const ev = (eventName: string, payload: Record<string, unknown>): NewWorkEvent => ({
    orgId: t.org_id,
    eventName,
    itemType: 'task',
    itemId: t.task_id,
    actor: SLA_MONITOR_ACTOR,
    happenedAt: nowIso,
    payload: {
      taskId: t.task_id,
      category: t.workflow_category,
      title: t.title,
      priority: t.priority,
      owner: t.current_owner,
      dollarValue: t.dollar_value,
      status: tr.toStatus,
      firstResponseDueAt: t.first_response_due_at,
      ...payload,
    },
  });
  const out: NewWorkEvent[] = [];
  const reason = REASON[tr.toSla as 'warning' | 'breached'];
  if (tr.toStatus !== t.task_status) out.push(ev('task.status_changed', { oldStatus: t.task_status, newStatus: tr.toStatus, reason }));
  if (tr.toSla === 'warning') out.push(ev('task.first_response_warning', { firstResponseStatus: 'warning', hoursRemaining: hoursBetween(nowMs, dueMs) }));
  else out.push(ev('task.first_response_violated', { firstResponseStatus: 'breached', hoursOverdue: hoursBetween(dueMs, nowMs) }));
  return out;
}

/** Resolves open first-response breaches whose task has been answered or completed. */
export function resolveFirstResponseBreaches(trx: Trx, nowIso: string, orgGroup?: OrgGroup): Promise<NewWorkEvent[]> {
  const group = inOrgGroup(orgGroup, 'sla_breach.org_id');
  return resolveBreaches(trx, nowIso, (q) =>
    q
      .$if(group !== undefined, (w) => w.where(group!))
      .where('item_type', '=', 'task')
      .where('metric', '=', FIRST_RESPONSE_METRIC)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('workflow_tasks as t')
            .select('t.task_id')
            .whereRef('t.org_id', '=', 'sla_breach.org_id')
            .whereRef('t.task_id', '=', 'sla_breach.item_id')
            .where((w) => w.or([w('t.task_status', '=', 'COMPLETED'), w('t.first_response_at', 'is not', null)])),
        ),
      ),
  );
}
