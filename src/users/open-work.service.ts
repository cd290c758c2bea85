/**
 * A person's open work in an org (#20): open tasks (not COMPLETED) and open pursuits (not won or
 * lost) they own, and moving all of it to another active member (or to nobody) at once, as when
 * they are deactivated. One transaction, one UPDATE per table, one event per moved item.
 */
import type { Database } from '../db/create-db.js';
import type { CommitFeed } from '../db/commit-feed.js';
import { transact } from '../db/transact.js';
import { appendEvents, type NewWorkEvent } from '../outbox/work-events.repository.js';
import type { Clock } from '../shared/clock.js';
import type { AuthContext } from '../shared/auth-context.js';
import { badRequest, notFound } from '../shared/errors.js';
import { countOpenTasksOf, moveOpenTasks } from '../workflow/tasks.repository.js';
import { taskAssignedEvent } from '../workflow/task-assigned.js';
import { countOpenPursuitsOf, moveOpenPursuits } from '../workstream/pursuits.repository.js';
import { pursuitAssignedEvent } from '../workstream/pursuit-assigned.js';
import type { DbOrTrx } from '../db/create-db.js';
import { requireActiveMember } from './owner-check.js';
import { getMember } from './users.repository.js';

export interface OpenWork {
  user_id: number;
  open_tasks: number;
  open_pursuits: number;
}

type Deps = { database: Database; clock: Clock; commitFeed: Pick<CommitFeed, 'notify'> };

export async function openWorkOf(db: DbOrTrx, orgId: number, userId: number): Promise<OpenWork> {
  return { user_id: userId, open_tasks: await countOpenTasksOf(db, orgId, userId), open_pursuits: await countOpenPursuitsOf(db, orgId, userId) };
}

/** 404 for a user who is not a member of this org (whoever they are elsewhere). */
export async function memberOpenWork(deps: Pick<Deps, 'database'>, auth: AuthContext, userId: number): Promise<OpenWork> {
  if (!(await getMember(deps.database.db, auth.orgId, userId))) throw notFound(`User ${userId}`);
  return openWorkOf(deps.database.db, auth.orgId, userId);
}

export interface Reassigned {
  user_id: number;
  to_user_id: number | null;
  moved_tasks: number;
  moved_pursuits: number;
}

export async function reassignOpenWork(deps: Deps, auth: AuthContext, userId: number, to: number | null): Promise<Reassigned> {
  const orgId = auth.orgId;
  return transact(deps, async (trx) => {
    if (!(await getMember(trx, orgId, userId))) throw notFound(`User ${userId}`);
    if (to === userId) throw badRequest('to_user_id: that is the same person', { fields: [{ field: 'to_user_id', message: 'must differ from the user whose work moves' }] });
    if (to !== null) await requireActiveMember(trx, orgId, to, 'to_user_id');
    const now = deps.clock.now().toISOString();
    const tasks = await moveOpenTasks(trx, { orgId, from: userId, to, now });
    const pursuits = await moveOpenPursuits(trx, { orgId, from: userId, to, now });
    const base = { orgId, previousOwnerUserId: userId, via: 'reassign' as const, actor: auth.actor, at: now };
    const events: NewWorkEvent[] =
      to === null
        ? [
            // Unassigned: no one to tell, but boards still learn the tasks changed.
            ...tasks.map((t) => ({
              orgId,
              eventName: 'task.updated',
              itemType: 'task',
              itemId: t.task_id,
              actor: auth.actor,
              happenedAt: now,
              payload: { taskId: t.task_id, changes: ['owner_user_id'], via: 'reassign' },
            })),
            ...pursuits.map((p) => ({
              orgId,
              eventName: 'pursuit.updated',
              itemType: 'pursuit',
              itemId: p.pursuit_id,
              actor: auth.actor,
              happenedAt: now,
              payload: { changes: { owner_user_id: null }, via: 'reassign' },
            })),
          ]
        : [
            ...tasks.map((t) => taskAssignedEvent({ ...base, taskId: t.task_id, title: t.title, ownerUserId: to })),
            ...pursuits.map((p) => pursuitAssignedEvent({ ...base, pursuitId: p.pursuit_id, title: p.title, ownerUserId: to })),
          ];
    for (let i = 0; i < events.length; i += 1000) await appendEvents(trx, events.slice(i, i + 1000));
    return { user_id: userId, to_user_id: to, moved_tasks: tasks.length, moved_pursuits: pursuits.length };
  });
}
