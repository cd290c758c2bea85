/**
 * Teams (#20): named groups of an org's users, and the round-robin cursor the assignment rules
 * advance. Every read and write is scoped by org: a team id of another org is not found.
 */
import { sql } from 'kysely';
import type { DbOrTrx } from '../db/create-db.js';
import type { Row } from '../db/types.js';
import { auditTrail } from '../outbox/audit.js';

export type TeamRow = Row<'team'>;

export interface TeamMemberView {
  user_id: number;
  name: string;
  email: string;
  /** An active member of the org (a deactivated or departed person stays listed, but is skipped by round-robin). */
  active: boolean;
}

export interface TeamView {
  team_id: number;
  org_id: number;
  name: string;
  members: TeamMemberView[];
  created_at: string;
  updated_at: string;
}

async function membersOf(db: DbOrTrx, orgId: number, teamIds: number[]): Promise<Map<number, TeamMemberView[]>> {
  const out = new Map<number, TeamMemberView[]>(teamIds.map((id) => [id, []]));
  if (teamIds.length === 0) return out;
  const rows = await db
    .selectFrom('team_member as tm')
    .innerJoin('app_user as u', 'u.user_id', 'tm.user_id')
    .leftJoin('org_membership as m', (j) => j.onRef('m.user_id', '=', 'tm.user_id').on('m.org_id', '=', orgId))
    .select(['tm.team_id', 'u.user_id', 'u.name', 'u.email', 'u.status', 'm.role'])
    .where('tm.org_id', '=', orgId)
    .where('tm.team_id', 'in', teamIds)
    .orderBy('tm.team_id')
    .orderBy('u.user_id')
    .execute();
  for (const r of rows) out.get(r.team_id)?.push({ user_id: r.user_id, name: r.name, email: r.email, active: r.status === 'active' && r.role !== null });
  return out;
}

const toView = (t: TeamRow, members: TeamMemberView[]): TeamView => ({
  team_id: t.team_id,
  org_id: t.org_id,
  name: t.name,
  members,
  created_at: t.created_at,
  updated_at: t.updated_at,
});

export async function listTeams(db: DbOrTrx, orgId: number): Promise<TeamView[]> {
  const teams = await db.selectFrom('team').selectAll().where('org_id', '=', orgId).orderBy('name').orderBy('team_id').execute();
  const members = await membersOf(db, orgId, teams.map((t) => t.team_id));
  return teams.map((t) => toView(t, members.get(t.team_id) ?? []));
}

export async function getTeam(db: DbOrTrx, orgId: number, teamId: number): Promise<TeamView | undefined> {
  const t = await db.selectFrom('team').selectAll().where('org_id', '=', orgId).where('team_id', '=', teamId).executeTakeFirst();
  if (!t) return undefined;
  return toView(t, (await membersOf(db, orgId, [t.team_id])).get(t.team_id) ?? []);
}

export async function teamNameTaken(db: DbOrTrx, orgId: number, name: string, exceptTeamId?: number): Promise<boolean> {
  let q = db.selectFrom('team').select('team_id').where('org_id', '=', orgId).where('name', '=', name);
  if (exceptTeamId !== undefined) q = q.where('team_id', '!=', exceptTeamId);
  return !!(await q.executeTakeFirst());
}

export async function insertTeam(db: DbOrTrx, orgId: number, name: string, now: string): Promise<number> {
  const r = await db.insertInto('team').values({ org_id: orgId, name, created_at: now, updated_at: now }).returning('team_id').executeTakeFirstOrThrow();
  return r.team_id;
}

export async function renameTeam(db: DbOrTrx, orgId: number, teamId: number, name: string, now: string): Promise<void> {
  await db.updateTable('team').set({ name, updated_at: now }).where('org_id', '=', orgId).where('team_id', '=', teamId).execute();
}

export async function deleteTeam(db: DbOrTrx, orgId: number, teamId: number): Promise<void> {
  await db.deleteFrom('team').where('org_id', '=', orgId).where('team_id', '=', teamId).execute();
}

/** Adds a member (a repeat is a no-op) and touches the team; false when the user already was one. */
export async function addTeamMember(db: DbOrTrx, orgId: number, teamId: number, userId: number, now: string): Promise<boolean> {
  const r = await db
    .insertInto('team_member')
    .values({ org_id: orgId, team_id: teamId, user_id: userId, created_at: now })
    // No conflict target: the key is (team_id, user_id) on SQLite and (org_id, team_id, user_id) on
    // PostgreSQL (migration 0027); a team belongs to one org, so both mean the same membership.
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  await db.updateTable('team').set({ updated_at: now }).where('org_id', '=', orgId).where('team_id', '=', teamId).execute();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function removeTeamMember(db: DbOrTrx, orgId: number, teamId: number, userId: number, now: string): Promise<boolean> {
  const r = await db
    .deleteFrom('team_member')
    .where('org_id', '=', orgId)
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  await db.updateTable('team').set({ updated_at: now }).where('org_id', '=', orgId).where('team_id', '=', teamId).execute();
  return Number(r.numDeletedRows) > 0;
}

/**
 * Takes `count` consecutive round-robin slots of a team: one UPDATE … RETURNING, which holds the
 * team's row lock (PostgreSQL) or runs in the single writer (SQLite) until the caller's transaction
 * ends, so concurrent creators get disjoint slots. Returns the first slot taken, or undefined when
 * the team is not the org's.
 */
export async function takeRoundRobinSlots(db: DbOrTrx, orgId: number, teamId: number, count: number): Promise<number | undefined> {
  const r = await db
    .updateTable('team')
    .set({ rr_next: sql`rr_next + ${count}` })
    .where('org_id', '=', orgId)
    .where('team_id', '=', teamId)
    .returning('rr_next')
    .executeTakeFirst();
  return r === undefined ? undefined : Number(r.rr_next) - count;
}

/** The active members of the org's teams, in the stable round-robin order (user_id), by team. */
export async function activeTeamMembers(db: DbOrTrx, orgId: number, teamIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>(teamIds.map((id) => [id, []]));
  if (teamIds.length === 0) return out;
  const rows = await db
    .selectFrom('team_member as tm')
    .innerJoin('team as t', (j) => j.onRef('t.org_id', '=', 'tm.org_id').onRef('t.team_id', '=', 'tm.team_id'))
    .innerJoin('org_membership as m', (j) => j.onRef('m.user_id', '=', 'tm.user_id').onRef('m.org_id', '=', 't.org_id'))
    .innerJoin('app_user as u', 'u.user_id', 'tm.user_id')
    .select(['tm.team_id', 'tm.user_id'])
    .where('tm.org_id', '=', orgId)
    .where('tm.team_id', 'in', teamIds)
    .where('u.status', '=', 'active')
    .orderBy('tm.team_id')
    .orderBy('tm.user_id')
    .execute();
  for (const r of rows) out.get(r.team_id)?.push(r.user_id);
  return out;
}

/** `audit.team.created|updated|deleted`: the name and the member ids. */
export const auditTeamChange = auditTrail<TeamView>({
  entity: 'team',
  fields: ['name', 'member_ids'],
  itemId: (t) => t.team_id,
  subject: (t) => ({ team_id: t.team_id, name: t.name }),
  view: (t) => ({ name: t.name, member_ids: t.members.map((m) => m.user_id) }),
});
