import type { Task } from '../api/client.js';

export const STATUSES = ['RED', 'YELLOW', 'GREEN', 'COMPLETED'] as const;
export type Status = (typeof STATUSES)[number];
export const PRIORITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'NORMAL'] as const;

export const STATUS_LABEL: Record<Status, string> = { RED: 'Red', YELLOW: 'Yellow', GREEN: 'Green', COMPLETED: 'Completed' };

/** Board order inside a column: earliest deadline first, no deadline last, then id (the API's own order). */
export function byDeadline(a: Task, b: Task): number {
  if (a.sla_deadline !== b.sla_deadline) {
    if (a.sla_deadline === null) return 1;
    if (b.sla_deadline === null) return -1;
    return a.sla_deadline < b.sla_deadline ? -1 : 1;
  }
  return a.task_id < b.task_id ? -1 : a.task_id > b.task_id ? 1 : 0;
}

/** Completed work: most recently changed first. */
export function byUpdatedDesc(a: Task, b: Task): number {
  return a.updated_at === b.updated_at ? (a.task_id < b.task_id ? 1 : -1) : a.updated_at < b.updated_at ? 1 : -1;
}
