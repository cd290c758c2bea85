/**
 * Teams (#20): an org's admins create, rename and delete them and add or remove members (active
 * members of the org). Every change is audited in its own transaction (`audit.team.*`).
 */
import type { Database } from '../db/create-db.js';
import type { CommitFeed } from '../db/commit-feed.js';
import { transact } from '../db/transact.js';
import type { Clock } from '../shared/clock.js';
import type { AuthContext } from '../shared/auth-context.js';
import { conflict, notFound } from '../shared/errors.js';
import { categoriesAssignedToTeam } from '../ingest/routing.repository.js';
import { requireActiveMember } from './owner-check.js';
import {
  addTeamMember,
  auditTeamChange,
  deleteTeam,
  getTeam,
  insertTeam,
  removeTeamMember,
  renameTeam,
  teamNameTaken,
  type TeamView,
} from './teams.repository.js';
import type { Trx } from '../db/create-db.js';

type Deps = { database: Database; clock: Clock; commitFeed: Pick<CommitFeed, 'notify'> };

const nameTaken = (name: string) => conflict(`A team named "${name}" already exists`, { fields: [{ field: 'name', message: 'already exists' }] });

async function requireTeam(trx: Trx, orgId: number, teamId: number): Promise<TeamView> {
  const t = await getTeam(trx, orgId, teamId);
  if (!t) throw notFound(`Team ${teamId}`);
  return t;
}

export async function createTeam(deps: Deps, auth: AuthContext, name: string): Promise<TeamView> {
  return transact(deps, async (trx) => {
    const now = deps.clock.now().toISOString();
    if (await teamNameTaken(trx, auth.orgId, name)) throw nameTaken(name);
    const team = await requireTeam(trx, auth.orgId, await insertTeam(trx, auth.orgId, name, now));
    await auditTeamChange(trx, auth, 'created', null, team, now);
    return team;
  });
}

export async function changeTeamName(deps: Deps, auth: AuthContext, teamId: number, name: string): Promise<TeamView> {
  return transact(deps, async (trx) => {
    const now = deps.clock.now().toISOString();
    const before = await requireTeam(trx, auth.orgId, teamId);
    if (before.name === name) return before;
    if (await teamNameTaken(trx, auth.orgId, name, teamId)) throw nameTaken(name);
    await renameTeam(trx, auth.orgId, teamId, name, now);
    const after = await requireTeam(trx, auth.orgId, teamId);
    await auditTeamChange(trx, auth, 'updated', before, after, now);
    return after;
  });
}

/** 409 while an assignment rule names the team: the rule would silently stop assigning. */
export async function removeTeam(deps: Deps, auth: AuthContext, teamId: number): Promise<void> {
  await transact(deps, async (trx) => {
    const now = deps.clock.now().toISOString();
    const before = await requireTeam(trx, auth.orgId, teamId);
    const used = await categoriesAssignedToTeam(trx, auth.orgId, teamId);
    if (used.length > 0) {
      throw conflict(`Team "${before.name}" is used by the assignment rules of: ${used.join(', ')}; change those rules first`, { categories: used });
    }
    await deleteTeam(trx, auth.orgId, teamId);
    await auditTeamChange(trx, auth, 'deleted', before, null, now);
  });
}

export async function addMemberToTeam(deps: Deps, auth: AuthContext, teamId: number, userId: number): Promise<TeamView> {
  return transact(deps, async (trx) => {
    const now = deps.clock.now().toISOString();
    const before = await requireTeam(trx, auth.orgId, teamId);
    await requireActiveMember(trx, auth.orgId, userId, 'user_id');
    if (!(await addTeamMember(trx, auth.orgId, teamId, userId, now))) return before;
    const after = await requireTeam(trx, auth.orgId, teamId);
    await auditTeamChange(trx, auth, 'updated', before, after, now);
    return after;
  });
}

export async function removeMemberFromTeam(deps: Deps, auth: AuthContext, teamId: number, userId: number): Promise<TeamView> {
  return transact(deps, async (trx) => {
    const now = deps.clock.now().toISOString();
    const before = await requireTeam(trx, auth.orgId, teamId);
    if (!before.members.some((m) => m.user_id === userId)) throw notFound(`User ${userId} in team ${teamId}`);
    await removeTeamMember(trx, auth.orgId, teamId, userId, now);
    const after = await requireTeam(trx, auth.orgId, teamId);
    await auditTeamChange(trx, auth, 'updated', before, after, now);
    return after;
  });
}
