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
