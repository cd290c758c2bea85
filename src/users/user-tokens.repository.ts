/**
 * One-time tokens of invitations and password resets (`user_token`, migration 0016): 32 random
 * bytes, base64url, shown once (in the mailed link); only their sha256 is stored, so a copy of the
 * database opens no account. The hash doubles as the invitation's id in the admin API: it cannot be
 * turned back into the token.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { DbOrTrx } from '../db/create-db.js';
import type { Role, UserTokenKind } from '../db/types.js';

export function generateUserToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashUserToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface UserTokenRow {
  token_hash: string;
  kind: UserTokenKind;
  user_id: number | null;
  email: string;
  org_id: number | null;
  role: Role | null;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export async function insertUserToken(
  db: DbOrTrx,
  t: { tokenHash: string; kind: UserTokenKind; userId: number | null; email: string; orgId: number | null; role: Role | null; createdBy: string; now: string; expiresAt: string },
): Promise<UserTokenRow> {
  return db
    .insertInto('user_token')
    .values({
      token_hash: t.tokenHash,
      kind: t.kind,
      user_id: t.userId,
      email: t.email,
      org_id: t.orgId,
      role: t.role,
      created_by: t.createdBy,
      created_at: t.now,
      expires_at: t.expiresAt,
      used_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A token that still works: of this kind, unused, not expired. */
export async function findLiveToken(db: DbOrTrx, kind: UserTokenKind, tokenHash: string, now: string): Promise<UserTokenRow | undefined> {
  return db
    .selectFrom('user_token')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('kind', '=', kind)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/**
 * Uses a token: one statement that only an unused, unexpired token passes, so of two concurrent
 * uses exactly one gets the row (PostgreSQL: the second waits on the row lock, then sees used_at
 * set; SQLite: writers are serialised).
 */
export async function useToken(db: DbOrTrx, kind: UserTokenKind, tokenHash: string, now: string): Promise<UserTokenRow | undefined> {
  return db
    .updateTable('user_token')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('kind', '=', kind)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst();
}

/** An org's invitations still waiting for an answer, newest first. */
export async function listPendingInvitations(db: DbOrTrx, orgId: number, now: string): Promise<UserTokenRow[]> {
  return db
    .selectFrom('user_token')
    .selectAll()
    .where('kind', '=', 'invite')
    .where('org_id', '=', orgId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .orderBy('token_hash')
    .execute();
}

/** Deletes an org's pending invitation; undefined when it is not one (another org's, used, expired). */
export async function deletePendingInvitation(db: DbOrTrx, orgId: number, tokenHash: string, now: string): Promise<UserTokenRow | undefined> {
  return db
    .deleteFrom('user_token')
    .where('kind', '=', 'invite')
    .where('org_id', '=', orgId)
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst();
}

/** Earlier unused tokens of the same kind for the same email (and org): only the newest link works. */
export async function deleteUnusedTokensFor(db: DbOrTrx, kind: UserTokenKind, email: string, orgId: number | null): Promise<UserTokenRow[]> {
  let q = db.deleteFrom('user_token').where('kind', '=', kind).where('email', '=', email).where('used_at', 'is', null);
  q = orgId === null ? q.where('org_id', 'is', null) : q.where('org_id', '=', orgId);
  return q.returningAll().execute();
}

export async function countUsers(db: DbOrTrx): Promise<number> {
  const row = await db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
