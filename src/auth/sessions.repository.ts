import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { DbOrTrx } from '../db/create-db.js';
import { deletedRows, type PruneBatch } from '../db/prune.js';
import type { Role, UserStatus } from '../db/types.js';

/** Session tokens carry 32 random bytes, like API keys; only their sha256 is stored. */
export function generateSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The session's CSRF token, derived from the session token (HMAC): only a page that can read our
 * answers (GET /api/auth/session, the sign-in answer) learns it, it needs no column, and it ends
 * with the session. A cross-site page has the cookie sent for it, never its value.
 */
export function csrfTokenOf(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('flowledger-csrf-v1').digest('base64url');
}

export interface SessionRow {
  session_id: number;
  user_id: number;
  org_id: number;
  org_name: string;
  /** The user's role in the session's org; null when they are no longer a member of it. */
  role: Role | null;
  user_status: UserStatus;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export async function createSession(
  db: DbOrTrx,
  s: { tokenHash: string; userId: number; orgId: number; now: string; expiresAt: string; userAgent: string | null; ip: string | null },
): Promise<number> {
  const row = await db
    .insertInto('user_session')
    .values({
      token_hash: s.tokenHash,
      user_id: s.userId,
      org_id: s.orgId,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
      user_agent: s.userAgent?.slice(0, 300) ?? null,
      ip: s.ip,
    })
    .returning('session_id')
    .executeTakeFirstOrThrow();
  return row.session_id;
}

/** The session with its user's status and current role in the session's org, in one statement. */
export async function findSessionByHash(db: DbOrTrx, tokenHash: string): Promise<SessionRow | undefined> {
  return db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.user_id', 's.user_id')
    .innerJoin('org as o', 'o.org_id', 's.org_id')
    .leftJoin('org_membership as m', (j) => j.onRef('m.org_id', '=', 's.org_id').onRef('m.user_id', '=', 's.user_id'))
    .select([
      's.session_id',
      's.user_id',
      's.org_id',
      'o.name as org_name',
      'm.role',
      'u.status as user_status',
      's.created_at',
      's.last_seen_at',
      's.expires_at',
      's.revoked_at',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchSession(db: DbOrTrx, sessionId: number, now: string): Promise<void> {
  await db.updateTable('user_session').set({ last_seen_at: now }).where('session_id', '=', sessionId).execute();
}

export async function setSessionOrg(db: DbOrTrx, sessionId: number, orgId: number): Promise<void> {
  await db.updateTable('user_session').set({ org_id: orgId }).where('session_id', '=', sessionId).execute();
}

/**
 * Ends sessions at once: one session, all of a user's (deactivation, sign out everywhere), or a
 * user's in one org (membership removed). Returns how many were still open.
 */
export async function revokeSessions(
  db: DbOrTrx,
  which: { sessionId: number } | { userId: number; orgId?: number },
  now: string,
): Promise<number> {
  let q = db.updateTable('user_session').set({ revoked_at: now }).where('revoked_at', 'is', null);
  if ('sessionId' in which) q = q.where('session_id', '=', which.sessionId);
  else {
    q = q.where('user_id', '=', which.userId);
    if (which.orgId !== undefined) q = q.where('org_id', '=', which.orgId);
  }
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/**
 * Retention: up to `limit` sessions that ended (absolute end or revocation) before the cutoff, in
 * one statement. Sessions merely idle are left to their absolute end: a row is a few hundred bytes.
 */
export async function pruneEndedSessions(db: DbOrTrx, b: PruneBatch): Promise<number> {
  const r = await db
    .deleteFrom('user_session')
    .where('session_id', 'in', (eb) =>
      eb
        .selectFrom('user_session')
        .select('session_id')
        .where((w) => w.or([w('expires_at', '<', b.before), w('revoked_at', '<', b.before)]))
        .limit(b.limit),
    )
    .executeTakeFirst();
  return deletedRows(r);
}
