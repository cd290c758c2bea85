/**
 * The SLA side of task writes: planning a new task's window from the org's rules, and settling the
 * SLA state after a change (deadline moved, priority or category changed, completed, reopened).
 * When the state gets worse the same escalation as the monitor's runs at once (history, events,
 * breach); when it gets better an open task breach is resolved at once.
 */
import type { Trx } from '../db/create-db.js';
import type { Row, SlaStatus, TaskPriority } from '../db/types.js';
import { appendEvents } from '../outbox/work-events.repository.js';
import { getRule, listRules, pickTaskRule, type SlaRule } from './rules.repository.js';
import { TASK_SLA_METRIC, resolveBreachesOfTask } from './breaches.repository.js';
import { applyTaskTransitions, type DueTask } from './task-escalation.js';
import { SLA_RANK, escalatedStatus, nextCheckAt, planFirstResponse, planTaskSla, type FirstResponsePlan, type TaskSlaPlan } from './task-sla.js';

export interface NewTaskSlaInput {
  orgId: number;
  category: string;
  priority: TaskPriority;
  /** Start of the window: creation time, or when the email was received. */
  startMs: number;
  nowMs: number;
  explicitDeadline?: string | null;
  completed?: boolean;
}

/** The SLA fields of a new task; `rules` may be passed when planning many tasks of one org. */
export async function planNewTaskSla(trx: Trx, input: NewTaskSlaInput, rules?: SlaRule[]): Promise<TaskSlaPlan> {
  const all = rules ?? (await listRules(trx, input.orgId, { activeOnly: true }));
  return planTaskSla({
    startMs: input.startMs,
    nowMs: input.nowMs,
    deadlineMs: input.explicitDeadline ? Date.parse(input.explicitDeadline) : null,
    rule: pickTaskRule(all, input.category, input.priority),
    priority: input.priority,
    completed: input.completed ?? false,
  });
}

/** The first-response promise of a new task, from the same rule as its deadline. */
export async function planNewTaskFirstResponse(trx: Trx, input: NewTaskSlaInput, rules?: SlaRule[]): Promise<FirstResponsePlan> {
  const all = rules ?? (await listRules(trx, input.orgId, { activeOnly: true }));
  return planFirstResponse({ startMs: input.startMs, nowMs: input.nowMs, rule: pickTaskRule(all, input.category, input.priority), watch: !input.completed });
}

/**
 * The monitor's next look at a task's first response: none once answered or completed, else the
 * next change of its current state (a reopened task that was never answered is watched again).
 */
export function firstResponseNextAt(row: Pick<TaskRow, 'task_status' | 'first_response_at' | 'first_response_status' | 'first_response_warn_at' | 'first_response_due_at'>): string | null {
  if (row.task_status === 'COMPLETED' || row.first_response_at !== null || row.first_response_due_at === null) return null;
  const next = nextCheckAt(row.first_response_status, row.first_response_warn_at ? Date.parse(row.first_response_warn_at) : null, Date.parse(row.first_response_due_at));
  return next === null ? null : new Date(next).toISOString();
}

export interface SettleOptions {
  /** The writer set sla_deadline explicitly in this change. */
  deadlineSet?: boolean;
  /** Priority or category changed: a rule-derived deadline is planned again from the new rule. */
  ruleInputsChanged?: boolean;
}

type TaskRow = Row<'workflow_tasks'>;

/**
 * Settles a task's SLA after a write. `slaBefore` is the SLA state before the change ('ok' for a new
 * task). Returns the row as it now stands.
 */
export async function settleTaskSla(
  trx: Trx,
  row: TaskRow,
  slaBefore: SlaStatus,
  nowIso: string,
  opts: SettleOptions = {},
): Promise<TaskRow> {
  const nowMs = Date.parse(nowIso);
  const completed = row.task_status === 'COMPLETED';
  const plan = await planSettledSla(trx, row, nowMs, completed, opts);

  const worse = !completed && SLA_RANK[plan.sla_status] > SLA_RANK[slaBefore];
  await trx
    .updateTable('workflow_tasks')
    .set({
      sla_deadline: plan.sla_deadline,
      sla_warn_at: plan.sla_warn_at,
      sla_rule_id: plan.sla_rule_id,
      // Escalation below moves the state forward itself; otherwise the state is the derived one.
      sla_status: worse ? slaBefore : plan.sla_status,
      sla_next_at: plan.sla_next_at,
      first_response_next_at: firstResponseNextAt(row),
      // Part of the write just made, in its transaction: one change, one version (the answer and
      // the write's events name the same one). An escalation below is a change of its own.
      version: row.version,
    })
    .where('org_id', '=', row.org_id)
    .where('task_id', '=', row.task_id)
    .execute();

  if (worse) {
    await escalateNow(trx, row, slaBefore, plan, nowIso);
  } else if (completed || plan.sla_status !== 'breached') {
    // Completion ends every promise; a deadline that is no longer passed ends only its own breach.
    const resolved = await resolveBreachesOfTask(trx, nowIso, row.org_id, row.task_id, completed ? undefined : TASK_SLA_METRIC);
    await appendEvents(trx, resolved);
  }
  return trx
    .selectFrom('workflow_tasks')
    .selectAll()
    .where('org_id', '=', row.org_id)
    .where('task_id', '=', row.task_id)
    .executeTakeFirstOrThrow();
}

/** The task's SLA fields as they should stand after the write. */
async function planSettledSla(trx: Trx, row: TaskRow, nowMs: number, completed: boolean, opts: SettleOptions): Promise<TaskSlaPlan> {
  const fromRule = row.sla_rule_id !== null && !opts.deadlineSet;
  let plan: TaskSlaPlan;
  if (fromRule && opts.ruleInputsChanged) {
    // A new priority or category means a new promise: plan again from the rule that now applies.
    plan = await planNewTaskSla(trx, {
      orgId: row.org_id,
      category: row.workflow_category,
      priority: row.priority,
      startMs: Date.parse(row.created_at),
      nowMs,
      completed,
    });
  } else {
    const rule = fromRule ? await getRule(trx, row.org_id, row.sla_rule_id!) : undefined;
    plan = planTaskSla({
      startMs: Date.parse(row.created_at),
      nowMs,
      deadlineMs: row.sla_deadline ? Date.parse(row.sla_deadline) : null,
      deadlineFromRule: fromRule,
      rule,
      priority: row.priority,
      completed,
      paused: row.sla_paused_at !== null,
    });
    if (!row.sla_deadline) Object.assign(plan, { sla_deadline: null, sla_warn_at: null, sla_next_at: null, sla_status: 'ok' as const });
  }
  return plan;
}

/** The state got worse with this write: the monitor's escalation runs at once (history, events, breach). */
async function escalateNow(trx: Trx, row: TaskRow, slaBefore: SlaStatus, plan: TaskSlaPlan, nowIso: string): Promise<void> {
  const org = await trx.selectFrom('org').select('high_value_threshold').where('org_id', '=', row.org_id).executeTakeFirstOrThrow();
  const task: DueTask = {
    task_id: row.task_id,
    org_id: row.org_id,
    title: row.title,
    task_status: row.task_status,
    sla_status: slaBefore,
    sla_deadline: plan.sla_deadline,
    sla_warn_at: plan.sla_warn_at,
    sla_rule_id: plan.sla_rule_id,
    dollar_value: Number(row.dollar_value),
    workflow_category: row.workflow_category,
    priority: row.priority,
    current_owner: row.current_owner,
    high_value_threshold: Number(org.high_value_threshold),
  };
  await applyTaskTransitions(
    trx,
    [{ task, toSla: plan.sla_status, toStatus: escalatedStatus(row.task_status, slaBefore, plan.sla_status) }],
    [],
    nowIso,
  );
}
