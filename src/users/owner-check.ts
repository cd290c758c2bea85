/** Owner ids in the input must name active members of the caller's org: a clear 400, never a dangling owner. */
import type { DbOrTrx } from '../db/create-db.js';
import { notAMember } from '../shared/errors.js';
import { activeMemberIds } from './users.repository.js';

/** Throws `not_a_member` naming `field` unless `userId` is an active member of the org. */
export async function requireActiveMember(db: DbOrTrx, orgId: number, userId: number, field: string): Promise<void> {
  if (!(await activeMemberIds(db, orgId, [userId])).has(userId)) throw notAMember(field, userId);
}
