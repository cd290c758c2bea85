import type { DbOrTrx, Trx } from '../db/create-db.js';
import type { Capabilities } from '../db/capabilities.js';
import type { Role, UserStatus } from '../db/types.js';
import { auditTrail } from '../outbox/audit.js';

/** Emails are stored lowercased and trimmed: the unique constraint is then case-insensitive on both engines. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface UserRow {
  user_id: number;
  email: string;
  name: string;
  password_hash: string | null;
  status: UserStatus;
  created_at: string;
  updated_at: string;
  deactivated_at: string | null;
}

/** A user as an org's admins see them: the person and their membership of that org (never the password hash). */
export interface MemberView {
  user_id: number;
  org_id: number;
  email: string;
  name: string;
  role: Role;
  status: UserStatus;
  has_password: boolean;
  created_at: string;
  deactivated_at: string | null;
}

export interface OrgChoice {
  org_id: number;
  name: string;
  role: Role;
}

export async function findUserByEmail(db: DbOrTrx, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
}

export async function getUser(db: DbOrTrx, userId: number): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function insertUser(db: DbOrTrx, u: { email: string; name: string; passwordHash: string | null; now: string }): Promise<UserRow> {
  return db
    .insertInto('app_user')
    .values({ email: normalizeEmail(u.email), name: u.name, password_hash: u.passwordHash, status: 'active', created_at: u.now, updated_at: u.now, deactivated_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setPasswordHash(db: DbOrTrx, userId: number, hash: string, now: string): Promise<void> {
  await db.updateTable('app_user').set({ password_hash: hash, updated_at: now }).where('user_id', '=', userId).execute();
}

export async function setUserStatus(db: DbOrTrx, userId: number, status: UserStatus, now: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ status, updated_at: now, deactivated_at: status === 'deactivated' ? now : null })
    .where('user_id', '=', userId)
    .execute();
}

/** The orgs a user belongs to, with their role in each (the org switcher, sign-in). */
export async function listOrgChoices(db: DbOrTrx, userId: number): Promise<OrgChoice[]> {
  return db
    .selectFrom('org_membership as m')
    .innerJoin('org as o', 'o.org_id', 'm.org_id')
    .select(['m.org_id', 'o.name', 'm.role'])
    .where('m.user_id', '=', userId)
    .orderBy('m.org_id')
    .execute();
}

function members(db: DbOrTrx) {
  return db
    .selectFrom('org_membership as m')
    .innerJoin('app_user as u', 'u.user_id', 'm.user_id')
    .select(['u.user_id', 'm.org_id', 'u.email', 'u.name', 'm.role', 'u.status', 'u.password_hash', 'm.created_at', 'u.deactivated_at']);
}

type MemberRow = Omit<MemberView, 'has_password'> & { password_hash: string | null };
const toMemberView = ({ password_hash, ...r }: MemberRow): MemberView => ({ ...r, has_password: password_hash !== null });

export async function listMembers(db: DbOrTrx, orgId: number): Promise<MemberView[]> {
  return (await members(db).where('m.org_id', '=', orgId).orderBy('u.user_id').execute()).map(toMemberView);
}

/** One member of one org: a user of another org is not found, whoever they are. */
export async function getMember(db: DbOrTrx, orgId: number, userId: number): Promise<MemberView | undefined> {
  const row = await members(db).where('m.org_id', '=', orgId).where('m.user_id', '=', userId).executeTakeFirst();
  return row && toMemberView(row);
}

export async function insertMembership(db: DbOrTrx, m: { orgId: number; userId: number; role: Role; now: string }): Promise<void> {
  await db.insertInto('org_membership').values({ org_id: m.orgId, user_id: m.userId, role: m.role, created_at: m.now, updated_at: m.now }).execute();
}

export async function setMembershipRole(db: DbOrTrx, orgId: number, userId: number, role: Role, now: string): Promise<void> {
  await db.updateTable('org_membership').set({ role, updated_at: now }).where('org_id', '=', orgId).where('user_id', '=', userId).execute();
}

export async function deleteMembership(db: DbOrTrx, orgId: number, userId: number): Promise<void> {
  await db.deleteFrom('org_membership').where('org_id', '=', orgId).where('user_id', '=', userId).execute();
}

/** Active admins of an org other than `exceptUserId`. */
export async function countOtherActiveAdmins(db: DbOrTrx, orgId: number, exceptUserId: number): Promise<number> {
  const row = await db
    .selectFrom('org_membership as m')
    .innerJoin('app_user as u', 'u.user_id', 'm.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('m.org_id', '=', orgId)
    .where('m.role', '=', 'admin')
    .where('u.status', '=', 'active')
    .where('m.user_id', '!=', exceptUserId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many orgs other than `orgId` the user belongs to. */
export async function countOtherMemberships(db: DbOrTrx, userId: number, orgId: number): Promise<number> {
  const row = await db
    .selectFrom('org_membership')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('org_id', '!=', orgId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Serialises changes to one org's members for the rest of the transaction, so two admins demoting
 * each other at once cannot both pass the last-admin check. SQLite: the write transaction is
 * already exclusive (BEGIN IMMEDIATE); PostgreSQL: a row lock on the org.
 */
export async function lockOrgMembers(trx: Trx, caps: Capabilities, orgId: number): Promise<void> {
  if (caps.singleWriter) return;
  await trx.selectFrom('org').select('org_id').where('org_id', '=', orgId).forUpdate().execute();
}

/** `audit.user.created|updated|deleted`: a membership added, changed (role, status) or removed; never a password. */
export const auditMemberChange = auditTrail<MemberView>({
  entity: 'user',
  fields: ['role', 'status'],
  itemId: (m) => m.user_id,
  subject: (m) => ({ user_id: m.user_id, email: m.email, name: m.name }),
});

/** The org's active members (membership of the org, person not deactivated), to select from. */
function activeMembersOf(db: DbOrTrx, orgId: number) {
  return db
    .selectFrom('org_membership as m')
    .innerJoin('app_user as u', 'u.user_id', 'm.user_id')
    .where('m.org_id', '=', orgId)
    .where('u.status', '=', 'active');
}

/** Of `userIds`, those that are active members of the org (one statement). */
export async function activeMemberIds(db: DbOrTrx, orgId: number, userIds: readonly number[]): Promise<Set<number>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Set();
  const rows = await activeMembersOf(db, orgId).select('u.user_id').where('u.user_id', 'in', ids).execute();
  return new Set(rows.map((r) => r.user_id));
}

export interface DirectoryEntry {
  user_id: number;
  name: string;
  email: string;
}

/** The org's active members, by name: owner pickers and @mention suggestions (never another org's people). */
export async function listDirectory(db: DbOrTrx, orgId: number): Promise<DirectoryEntry[]> {
  return activeMembersOf(db, orgId)
    .select(['u.user_id', 'u.name', 'u.email'])
    .orderBy('u.name')
    .orderBy('u.user_id')
    .execute();
}
