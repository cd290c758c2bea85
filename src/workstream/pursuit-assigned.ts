/**
 * `pursuit.assigned`: a pursuit's owner_user_id changed to a user, by hand (`manual`) or by moving a
 * person's open work (`reassign`). Owner ids are numbers in the payload (stored as decimal text).
 */
import type { NewWorkEvent } from '../outbox/work-events.repository.js';

export function pursuitAssignedEvent(e: {
  orgId: number;
  pursuitId: number;
  title: string | null;
  ownerUserId: number;
  previousOwnerUserId: number | null;
  via: 'manual' | 'rule' | 'reassign';
  actor: string;
  at: string;
}): NewWorkEvent {
  return {
    orgId: e.orgId,
    eventName: 'pursuit.assigned',
    itemType: 'pursuit',
    itemId: e.pursuitId,
    actor: e.actor,
    happenedAt: e.at,
    payload: { pursuit_id: e.pursuitId, title: e.title, owner_user_id: e.ownerUserId, previous_owner_user_id: e.previousOwnerUserId, via: e.via },
  };
}

/** A stored owner (decimal text) as a user id; anything else (legacy free text) as null. */
export function ownerIdOf(stored: string | null): number | null {
  return stored !== null && /^[1-9][0-9]{0,15}$/.test(stored) ? Number(stored) : null;
}
