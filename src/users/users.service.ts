/**
 * Accounts and sign-in: password sign-in to a server-side session, the session's view (who, which
 * org, which orgs), switching org, signing out, and the org admins' changes to members. Deactivating
 * a user or removing a membership ends the sessions concerned in the same transaction, so the next
 * request with them is refused (and open WebSockets close at their next heartbeat).
 *
 * What the later parts of #19 plug into: `createSessionFor` (OIDC sign-in and accepting an invitation
 * end in a session exactly like a password sign-in), `setPassword` (reset, invitation),
 * `addUserToOrg` (an accepted invitation), and `user_token` / `oidc_identity` (migration 0016).
 */
import type { Database, Trx } from '../db/create-db.js';
import type { Role, UserStatus } from '../db/types.js';
import type { CommitFeed } from '../db/commit-feed.js';
import { transact } from '../db/transact.js';
import type { AuditActor } from '../outbox/audit.js';
import type { Clock } from '../shared/clock.js';
import type { AuthContext } from '../shared/auth-context.js';
import { AppError, conflict, forbidden, notFound } from '../shared/errors.js';
import type { FailedAuthLimiter } from '../auth/failed-auth-limiter.js';
import { burnVerification, hashPassword, needsRehash, passwordProblem, verifyPassword } from '../auth/passwords.js';
import { createSession, csrfTokenOf, generateSessionToken, hashSessionToken, revokeSessions, setSessionOrg } from '../auth/sessions.repository.js';
import {
  auditMemberChange,
  countOtherActiveAdmins,
  countOtherMemberships,
  deleteMembership,
  findUserByEmail,
  getMember,
  getUser,
  insertMembership,
  insertUser,
  listOrgChoices,
  lockOrgMembers,
  normalizeEmail,
  setMembershipRole,
  setPasswordHash,
  setUserStatus,
  type MemberView,
  type OrgChoice,
} from './users.repository.js';

export interface UsersDeps {
  database: Database;
  clock: Clock;
  commitFeed: Pick<CommitFeed, 'notify'>;
  authLimiter: Pick<FailedAuthLimiter, 'blockedFor' | 'recordFailure'>;
  config: { sessionMaxAgeMs: number };
}

/** What the dashboard knows about its session (sign-in answer, GET /api/auth/session). */
export interface SessionView {
  user: { user_id: number; email: string; name: string };
  org: { org_id: number; name: string };
  role: Role;
  orgs: OrgChoice[];
  /** Send it as X-CSRF-Token with every write. */
  csrf_token: string;
  expires_at: string;
}

/** The one answer for every failed sign-in: which part was wrong (or that the user is deactivated) is never told. */
const invalidCredentials = () => new AppError('invalid_credentials', 'Wrong email or password');

/** The limiter's key for an email: failures count per address and per email, in the same table. */
const emailKey = (email: string) => `email:${email}`;

function pickOrg(orgs: OrgChoice[], wanted: number | undefined): OrgChoice {
  if (orgs.length === 0) throw forbidden('You are not a member of any organisation; ask an admin to add you');
  if (wanted === undefined) return orgs[0]!;
  const org = orgs.find((o) => o.org_id === wanted);
  if (!org) throw forbidden(`You are not a member of org ${wanted}`);
  return org;
}

async function sessionView(db: Trx | Database['db'], s: { userId: number; orgId: number; token: string; expiresAt: string }): Promise<SessionView> {
  const user = await getUser(db, s.userId);
  const orgs = await listOrgChoices(db, s.userId);
  const org = orgs.find((o) => o.org_id === s.orgId);
  if (!user || !org) throw new AppError('unauthorized', 'Your session has ended; sign in again');
  return {
    user: { user_id: user.user_id, email: user.email, name: user.name },
    org: { org_id: org.org_id, name: org.name },
    role: org.role,
    orgs,
    csrf_token: csrfTokenOf(s.token),
    expires_at: s.expiresAt,
  };
}

export interface NewSession {
  /** The cookie's value: shown to the client once, only its hash is stored. */
  token: string;
  view: SessionView;
}

/**
 * Opens a session for a user already authenticated (password here; OIDC and accepted invitations
 * later), acting in `orgId` or their first org. A fresh token every time: a session is never reused
 * across sign-ins.
 */
export async function createSessionFor(
  deps: Pick<UsersDeps, 'database' | 'clock' | 'config'>,
  s: { userId: number; orgId?: number; ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const now = deps.clock.now();
  const org = pickOrg(await listOrgChoices(deps.database.db, s.userId), s.orgId);
  const token = generateSessionToken();
  const expiresAt = new Date(now.getTime() + deps.config.sessionMaxAgeMs).toISOString();
  await createSession(deps.database.db, {
    tokenHash: hashSessionToken(token),
    userId: s.userId,
    orgId: org.org_id,
    now: now.toISOString(),
    expiresAt,
    userAgent: s.userAgent,
    ip: s.ip,
  });
  return { token, view: await sessionView(deps.database.db, { userId: s.userId, orgId: org.org_id, token, expiresAt }) };
}

/**
 * Password sign-in. Unknown email, no password, deactivated user and wrong password all take one
 * verification's time and give the same 401; failures count per client address and per email, and
 * past the limit either is answered 429 without looking at the password.
 */
export async function signIn(
  deps: UsersDeps,
  input: { email: string; password: string; orgId?: number; ip: string; userAgent: string | null },
): Promise<NewSession> {
  const email = normalizeEmail(input.email);
  const wait = Math.max(deps.authLimiter.blockedFor(input.ip), deps.authLimiter.blockedFor(emailKey(email)));
  if (wait > 0) throw new AppError('rate_limited', 'Too many failed sign-ins; try again later', { retry_after_s: Math.ceil(wait / 1000) });
  const user = await findUserByEmail(deps.database.db, email);
  const ok =
    user && user.status === 'active' && user.password_hash !== null
      ? await verifyPassword(input.password, user.password_hash)
      : await burnVerification(input.password);
  if (!ok || !user) {
    deps.authLimiter.recordFailure(input.ip);
    deps.authLimiter.recordFailure(emailKey(email));
    throw invalidCredentials();
  }
  if (needsRehash(user.password_hash!)) {
    await setPasswordHash(deps.database.db, user.user_id, await hashPassword(input.password), deps.clock.now().toISOString());
  }
  return createSessionFor(deps, { userId: user.user_id, orgId: input.orgId, ip: input.ip, userAgent: input.userAgent });
}

function sessionOf(auth: AuthContext): { userId: number; sessionId: number } {
  if (auth.via !== 'session' || auth.userId === null || auth.sessionId === null) {
    throw new AppError('bad_request', 'This route is for signed-in people (a session cookie); API keys have GET /api/me');
  }
  return { userId: auth.userId, sessionId: auth.sessionId };
}

export async function currentSession(deps: Pick<UsersDeps, 'database'>, auth: AuthContext, token: string): Promise<SessionView> {
  const { userId, sessionId } = sessionOf(auth);
  const row = await deps.database.db.selectFrom('user_session').select('expires_at').where('session_id', '=', sessionId).executeTakeFirstOrThrow();
  return sessionView(deps.database.db, { userId, orgId: auth.orgId, token, expiresAt: row.expires_at });
}

/** Switches the org the session acts in; 403 when the user is not a member of it. */
export async function switchOrg(deps: Pick<UsersDeps, 'database'>, auth: AuthContext, token: string, orgId: number): Promise<SessionView> {
  const { userId, sessionId } = sessionOf(auth);
  pickOrg(await listOrgChoices(deps.database.db, userId), orgId);
  await setSessionOrg(deps.database.db, sessionId, orgId);
  return currentSession(deps, { ...auth, orgId }, token);
}

export async function signOut(deps: Pick<UsersDeps, 'database' | 'clock'>, auth: AuthContext): Promise<void> {
  await revokeSessions(deps.database.db, { sessionId: sessionOf(auth).sessionId }, deps.clock.now().toISOString());
}

/** Ends every session of the user, this one included; returns how many were open. */
export async function signOutEverywhere(deps: Pick<UsersDeps, 'database' | 'clock'>, auth: AuthContext): Promise<number> {
  return revokeSessions(deps.database.db, { userId: sessionOf(auth).userId }, deps.clock.now().toISOString());
}

// ------------------------------------------------------------------ org admins

function lastAdminRefusal(orgId: number): AppError {
  return conflict(`This is the last active admin of org ${orgId}: make another member admin first`);
}

/**
 * An admin changes a member's role or status. Status belongs to the person, across orgs: an org's
 * admin may (de)activate only someone who belongs to no other org (else 409: remove their membership
 * here instead), so one org's admin can never lock a person out of another org.
 */
export async function changeMember(
  deps: Pick<UsersDeps, 'database' | 'clock' | 'commitFeed'>,
  by: AuthContext,
  userId: number,
  change: { role?: Role; status?: UserStatus },
): Promise<MemberView> {
  const orgId = by.orgId;
  return transact(deps, async (trx) => {
    await lockOrgMembers(trx, deps.database.caps, orgId);
    const before = await getMember(trx, orgId, userId);
    if (!before) throw notFound(`User ${userId}`);
    const now = deps.clock.now().toISOString();
    const role = change.role ?? before.role;
    const status = change.status ?? before.status;
    const losesAdmin = before.role === 'admin' && before.status === 'active' && (role !== 'admin' || status !== 'active');
    if (losesAdmin && (await countOtherActiveAdmins(trx, orgId, userId)) === 0) throw lastAdminRefusal(orgId);
    if (status !== before.status) {
      if ((await countOtherMemberships(trx, userId, orgId)) > 0) {
        throw conflict(`User ${userId} also belongs to other organisations: remove their membership of this one instead (DELETE /api/users/${userId}/membership)`);
      }
      await setUserStatus(trx, userId, status, now);
      if (status === 'deactivated') await revokeSessions(trx, { userId }, now);
    }
    if (role !== before.role) await setMembershipRole(trx, orgId, userId, role, now);
    const after = (await getMember(trx, orgId, userId))!;
    await auditMemberChange(trx, by, 'updated', before, after, now);
    return after;
  });
}

/** An admin removes a member from their org: that person's sessions in this org end at once. */
export async function removeMember(deps: Pick<UsersDeps, 'database' | 'clock' | 'commitFeed'>, by: AuthContext, userId: number): Promise<MemberView> {
  const orgId = by.orgId;
  return transact(deps, async (trx) => {
    await lockOrgMembers(trx, deps.database.caps, orgId);
    const before = await getMember(trx, orgId, userId);
    if (!before) throw notFound(`User ${userId}`);
    if (before.role === 'admin' && before.status === 'active' && (await countOtherActiveAdmins(trx, orgId, userId)) === 0) throw lastAdminRefusal(orgId);
    const now = deps.clock.now().toISOString();
    await deleteMembership(trx, orgId, userId);
    await revokeSessions(trx, { userId, orgId }, now);
    await auditMemberChange(trx, by, 'deleted', before, null, now);
    return before;
  });
}

// ------------------------------------------------------------------ scripted installs (CLI) and the later parts

/** Sets a user's password after the policy check (the CLI now; reset and invitations later). */
export async function passwordHashFor(password: string, email: string): Promise<string> {
  const problem = passwordProblem(password, email);
  if (problem) throw new AppError('bad_request', problem, { fields: [{ field: 'password', message: problem }] });
  return hashPassword(password);
}

/**
 * Adds a person to an org with a role, creating the user when the email is new (without a password:
 * they set one through an invitation or reset, or sign in with SSO). 409 when already a member.
 */
export async function addUserToOrg(
  trx: Trx,
  by: AuditActor,
  input: { email: string; name: string; orgId: number; role: Role; passwordHash: string | null; now: string },
): Promise<MemberView> {
  const existing = await findUserByEmail(trx, input.email);
  const user = existing ?? (await insertUser(trx, { email: input.email, name: input.name, passwordHash: input.passwordHash, now: input.now }));
  if (existing && (await getMember(trx, input.orgId, existing.user_id))) throw conflict(`${existing.email} is already a member of org ${input.orgId}`);
  if (existing && input.passwordHash !== null) await setPasswordHash(trx, existing.user_id, input.passwordHash, input.now);
  await insertMembership(trx, { orgId: input.orgId, userId: user.user_id, role: input.role, now: input.now });
  const member = (await getMember(trx, input.orgId, user.user_id))!;
  await auditMemberChange(trx, by, 'created', null, member, input.now);
  return member;
}

/**
 * Deactivates a person everywhere (the operator's `flowledger users deactivate`): every session ends,
 * and each org they belong to records it in its audit trail.
 */
export async function deactivateUser(trx: Trx, by: AuditActor, userId: number, now: string): Promise<boolean> {
  const user = await getUser(trx, userId);
  if (!user) return false;
  if (user.status === 'deactivated') return true;
  const orgs = await listOrgChoices(trx, userId);
  const before = await Promise.all(orgs.map((o) => getMember(trx, o.org_id, userId)));
  await setUserStatus(trx, userId, 'deactivated', now);
  await revokeSessions(trx, { userId }, now);
  for (const b of before) if (b) await auditMemberChange(trx, by, 'updated', b, { ...b, status: 'deactivated', deactivated_at: now }, now);
  return true;
}
