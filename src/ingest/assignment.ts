/**
 * Assignment rules (#20): a routing rule may name who a category's new tasks are assigned to
 * (owner_user_id): one user (`assign_user_id`), or round-robin over a team's active members
 * (`assign_team_id`, in user_id order). Applied in the transaction that inserts the tasks, for one
 * task (the API) or a whole chunk (ingestion) alike: one cursor UPDATE per team involved, and two
 * reads, whatever the number of tasks.
 */
import type { DbOrTrx } from '../db/create-db.js';
import { badRequest } from '../shared/errors.js';
import { requireActiveMember } from '../users/owner-check.js';
import { activeTeamMembers, getTeam, takeRoundRobinSlots } from '../users/teams.repository.js';
import { activeMemberIds, getUser } from '../users/users.repository.js';
import { routeFor, type RoutingRule } from './routing.repository.js';

/**
 * The owner each new task gets from the rules, by its category, in the given order (null: no rule
 * assigns it, or its user or team has no active member). A team's slots are taken in one statement
 * per team, teams in id order (so concurrent transactions lock them in the same order).
 */
export async function ownersByRules(db: DbOrTrx, orgId: number, rules: RoutingRule[], categories: readonly string[]): Promise<Array<number | null>> {
  const picked = categories.map((c) => routeFor(rules, c));
  const perTeam = new Map<number, number>();
  const users: number[] = [];
  for (const r of picked) {
    if (r?.assign_team_id != null) perTeam.set(r.assign_team_id, (perTeam.get(r.assign_team_id) ?? 0) + 1);
    else if (r?.assign_user_id != null) users.push(r.assign_user_id);
  }
  if (perTeam.size === 0 && users.length === 0) return categories.map(() => null);

  const teamIds = [...perTeam.keys()].sort((a, b) => a - b);
  // Slots first: the cursor's row lock then covers the member read that follows.
  const next = new Map<number, number>();
  for (const teamId of teamIds) {
    const first = await takeRoundRobinSlots(db, orgId, teamId, perTeam.get(teamId)!);
    if (first !== undefined) next.set(teamId, first);
  }
  const members = await activeTeamMembers(db, orgId, teamIds);
  const activeUsers = await activeMemberIds(db, orgId, users);

  return picked.map((r) => {
    if (r?.assign_team_id != null) {
      const team = members.get(r.assign_team_id) ?? [];
      const slot = next.get(r.assign_team_id);
      if (team.length === 0 || slot === undefined) return null;
      next.set(r.assign_team_id, slot + 1);
      return team[slot % team.length]!;
    }
    if (r?.assign_user_id != null) return activeUsers.has(r.assign_user_id) ? r.assign_user_id : null;
    return null;
  });
}

/**
 * What a routing rule's write stores: at most one of a user (an active member, else 400
 * not_a_member) or a team of the org (else 400 naming assign_team_id); `owner` (the free text new
 * tasks get as current_owner) defaults to the user's or the team's name.
 */
export async function ruleTarget(
  db: DbOrTrx,
  orgId: number,
  body: { owner?: string | undefined; assign_user_id?: number | null | undefined; assign_team_id?: number | null | undefined },
): Promise<{ owner: string; assign_user_id: number | null; assign_team_id: number | null }> {
  const userId = body.assign_user_id ?? null;
  const teamId = body.assign_team_id ?? null;
  if (userId !== null && teamId !== null) {
    throw badRequest('Assign to a user or to a team, not both', {
      fields: [
        { field: 'assign_user_id', message: 'give only one of assign_user_id and assign_team_id' },
        { field: 'assign_team_id', message: 'give only one of assign_user_id and assign_team_id' },
      ],
    });
  }
  let named: string | undefined;
  if (userId !== null) {
    await requireActiveMember(db, orgId, userId, 'assign_user_id');
    named = (await getUser(db, userId))?.name;
  }
  if (teamId !== null) {
    const team = await getTeam(db, orgId, teamId);
    if (!team) throw badRequest(`assign_team_id: no team ${teamId}`, { fields: [{ field: 'assign_team_id', message: 'not found' }] });
    named = team.name;
  }
  const owner = body.owner ?? named;
  if (owner === undefined) throw badRequest('owner: required unless assign_user_id or assign_team_id names who', { fields: [{ field: 'owner', message: 'required' }] });
  return { owner, assign_user_id: userId, assign_team_id: teamId };
}
