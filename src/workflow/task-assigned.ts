/**
 * `task.assigned` (frame `workflow:task:assigned`): a task's owner_user_id changed to a user, by
 * hand (`manual`), by an assignment rule (`rule`) or by moving a person's open work (`reassign`).
 * Unassigning (to null) is a plain task.updated.
 */
import type { NewWorkEvent } from '../outbox/work-events.repository.js';

export type AssignedVia = 'manual' | 'rule' | 'reassign';

export function taskAssignedEvent(e: {
  orgId: number;
  taskId: string;
  title: string;
  ownerUserId: number;
  previousOwnerUserId: number | null;
  via: AssignedVia;
  actor: string;
  at: string;
}): NewWorkEvent {
  return {
    orgId: e.orgId,
    eventName: 'task.assigned',
    itemType: 'task',
    itemId: e.taskId,
    actor: e.actor,
    happenedAt: e.at,
    payload: { task_id: e.taskId, title: e.title, owner_user_id: e.ownerUserId, previous_owner_user_id: e.previousOwnerUserId, via: e.via },
  };
}
