/**
 * Pure rules of a task's SLA: its window, warning moment, state, and what changes when the state
 * moves. Used by task writes (create, deadline change, pause/resume) and by the monitor, so the
 * rule exists once.
 */
import type { SlaStatus, TaskStatus } from '../db/types.js';
import { addBusinessHours, businessMsBetween, type Calendar } from './calendar.js';
import { DEFAULT_PRIORITY_HOURS, type SlaRule } from './rules.repository.js';

const HOUR = 3_600_000;

export interface TaskSlaPlan {
  sla_deadline: string | null;
  sla_warn_at: string | null;
  /** The next instant the monitor must look at this task; null when nothing can change. */
  sla_next_at: string | null;
  sla_status: SlaStatus;
  sla_rule_id: number | null;
}

export const SLA_RANK: Record<SlaStatus, number> = { ok: 0, warning: 1, breached: 2 };

export function slaStatusAt(nowMs: number, warnAtMs: number | null, deadlineMs: number | null): SlaStatus {
  if (deadlineMs === null) return 'ok';
  if (nowMs >= deadlineMs) return 'breached';
  if (warnAtMs !== null && nowMs >= warnAtMs) return 'warning';
  return 'ok';
}

/** When the state after `status` begins: the warning moment, then the deadline, then never. */
export function nextCheckAt(status: SlaStatus, warnAtMs: number | null, deadlineMs: number | null): number | null {
  if (deadlineMs === null) return null;
  if (status === 'ok') return warnAtMs ?? deadlineMs;
  if (status === 'warning') return deadlineMs;
  return null;
}

export interface PlanInput {
  /** Start of the window (the task's creation, or when the email was received). */
  startMs: number;
  nowMs: number;
  /** An explicit deadline wins over the rule's. */
  deadlineMs?: number | null;
  /** The given deadline was set by `rule` earlier (kept as promised); the rule still gives warn share and calendar. */
  deadlineFromRule?: boolean;
  rule?: Pick<SlaRule, 'rule_id' | 'threshold_hrs' | 'warn_pct' | 'calendar'> | undefined;
  priority: keyof typeof DEFAULT_PRIORITY_HOURS;
  completed?: boolean;
  paused?: boolean;
}

/**
 * A task's SLA plan. Without a rule the default hours of its priority apply. The warning moment is
 * `warn_pct` of the window, measured in the rule's business time when it has a calendar.
 */
export function planTaskSla(input: PlanInput): TaskSlaPlan {
  const calendar: Calendar | null = input.rule?.calendar ?? null;
  const warnPct = input.rule?.warn_pct ?? 75;
  const explicit = input.deadlineMs !== undefined && input.deadlineMs !== null;
  const deadlineMs = explicit
    ? input.deadlineMs!
    : addBusinessHours(input.startMs, input.rule?.threshold_hrs ?? DEFAULT_PRIORITY_HOURS[input.priority], calendar);
  const windowMs = businessMsBetween(input.startMs, deadlineMs, calendar);
  const warnAtMs = windowMs > 0 ? addBusinessHours(input.startMs, (windowMs * warnPct) / 100 / HOUR, calendar) : deadlineMs;
  const status = slaStatusAt(input.nowMs, warnAtMs, deadlineMs);
  const next = input.completed || input.paused ? null : nextCheckAt(status, warnAtMs, deadlineMs);
  return {
    sla_deadline: new Date(deadlineMs).toISOString(),
    sla_warn_at: new Date(warnAtMs).toISOString(),
    sla_next_at: next === null ? null : new Date(next).toISOString(),
    sla_status: status,
    sla_rule_id: explicit && !input.deadlineFromRule ? null : (input.rule?.rule_id ?? null),
  };
}

export interface FirstResponsePlan {
  first_response_due_at: string | null;
  first_response_warn_at: string | null;
  first_response_status: SlaStatus;
  first_response_next_at: string | null;
}

export const NO_FIRST_RESPONSE_TARGET: FirstResponsePlan = Object.freeze({
  first_response_due_at: null,
  first_response_warn_at: null,
  first_response_status: 'ok',
  first_response_next_at: null,
});

/**
 * A task's first-response promise: its rule's `first_response_hrs` from the start of the window,
 * warned at the rule's `warn_pct`, counted in the rule's business time like the resolution
 * deadline. No target (no rule, or a rule without one): nothing is due. `watch: false` plans the
 * state without a next moment (the task is completed, or already answered).
 */
export function planFirstResponse(input: {
  startMs: number;
  nowMs: number;
  rule?: Pick<SlaRule, 'first_response_hrs' | 'warn_pct' | 'calendar'> | undefined;
  watch?: boolean;
}): FirstResponsePlan {
  const hours = input.rule?.first_response_hrs;
  if (hours === null || hours === undefined) return NO_FIRST_RESPONSE_TARGET;
  const calendar = input.rule?.calendar ?? null;
  const dueMs = addBusinessHours(input.startMs, hours, calendar);
  const windowMs = businessMsBetween(input.startMs, dueMs, calendar);
  const warnMs = windowMs > 0 ? addBusinessHours(input.startMs, (windowMs * (input.rule?.warn_pct ?? 75)) / 100 / HOUR, calendar) : dueMs;
  const status = slaStatusAt(input.nowMs, warnMs, dueMs);
  const next = input.watch === false ? null : nextCheckAt(status, warnMs, dueMs);
  return {
    first_response_due_at: new Date(dueMs).toISOString(),
    first_response_warn_at: new Date(warnMs).toISOString(),
    first_response_status: status,
    first_response_next_at: next === null ? null : new Date(next).toISOString(),
  };
}

/** The first-response state once answered at `respondedMs`: what it was at that moment, frozen. */
export function answeredFirstResponse(respondedMs: number, warnAt: string | null, dueAt: string | null): SlaStatus {
  return slaStatusAt(respondedMs, warnAt ? Date.parse(warnAt) : null, dueAt ? Date.parse(dueAt) : null);
}

/**
 * Who owns task_status (docs/contract.md): people and the monitor. The monitor escalates only when the SLA
 * state gets worse — to warning: GREEN → YELLOW; to breached: → RED — and never touches a completed
 * task, so a person who set a task back to GREEN is not overruled until the SLA state changes again.
 */
export function escalatedStatus(current: TaskStatus, from: SlaStatus, to: SlaStatus): TaskStatus {
  if (current === 'COMPLETED' || SLA_RANK[to] <= SLA_RANK[from]) return current;
  if (to === 'breached') return 'RED';
  if (to === 'warning') return current === 'GREEN' ? 'YELLOW' : current;
  return current;
}

/** Hours with one decimal, as the seed's clients show them. */
export function hoursBetween(aMs: number, bMs: number): number {
  return Math.round(((bMs - aMs) / HOUR) * 10) / 10;
}
