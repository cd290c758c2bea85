/**
 * The task SLA rules this module needs before the SLA engine (rules, calendars, escalation) takes
 * over: a default window per priority, and the ok / warning / breached reading of a deadline.
 * Both are single exported functions so the SLA engine can swap in its rules in one place.
 */
import type { SlaStatus, TaskPriority } from '../db/types.js';

const DEFAULT_HOURS: Record<TaskPriority, number> = { CRITICAL: 4, HIGH: 8, MEDIUM: 24, NORMAL: 48 };

/** Hours from creation to the SLA deadline when a task is created without an explicit one. */
export function defaultTaskSlaHours(priority: TaskPriority): number {
  return DEFAULT_HOURS[priority];
}

/** Default warning threshold: warn once 75% of the window from creation to deadline is used. */
export const DEFAULT_WARN_PCT = 75;

/**
 * ok → warning (warnPct of the window used) → breached (deadline passed). A deadline at or before
 * creation has no window: it is breached once passed and ok until then.
 */
export function deriveSlaStatus(input: { createdAt: Date; deadline: Date; now: Date; warnPct?: number }): SlaStatus {
  const warnPct = input.warnPct ?? DEFAULT_WARN_PCT;
  const now = input.now.getTime();
  const deadline = input.deadline.getTime();
  if (now > deadline) return 'breached';
  const window = deadline - input.createdAt.getTime();
  if (window <= 0) return 'ok';
  const used = (now - input.createdAt.getTime()) / window;
  return used * 100 >= warnPct ? 'warning' : 'ok';
}
