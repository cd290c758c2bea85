/**
 * Invitations and password resets (#19): an org's admin invites a person by email (a one-time link,
 * mailed through the outbox), the person accepts (a new or existing account joins the org and is
 * signed in); anyone may ask for a reset link for their email, which is mailed only when an active
 * account has it, and the answer is the same either way.
 *
 * The link's token never enters a log line, an answer (except the CLI's and the first start's, to
 * the operator) or the database in clear: `user_token` keeps its sha256, and the mail event carries
 * it sealed with the secrets key (the worker opens it to write the mail), so a work event seen by a
 * WebSocket client, a webhook or a database copy opens nothing.
 */
import type { Config } from '../config/config.js';
import type { Database, DbOrTrx, Trx } from '../db/create-db.js';
import type { Role } from '../db/types.js';
import { transact } from '../db/transact.js';
import { appendAuditEvent, type AuditActor, type AuditChanges } from '../outbox/audit.js';
import { appendEvent } from '../outbox/work-events.repository.js';
import type { Clock } from '../shared/clock.js';
import type { AuthContext } from '../shared/auth-context.js';
import { AppError, conflict, forbidden, notFound } from '../shared/errors.js';
import type { SecretKeyRing } from '../shared/secret-box.js';
import { revokeSessions } from '../auth/sessions.repository.js';
import { verifyPassword } from '../auth/passwords.js';
import { findUserByEmail, getMember, getUser, listOrgChoices, normalizeEmail, setPasswordHash } from './users.repository.js';
import { addUserToOrg, createSessionFor, passwordHashFor, type NewSession, type UsersDeps } from './users.service.js';
import {
  countUsers,
  deletePendingInvitation,
  deleteUnusedTokensFor,
  findLiveToken,
  generateUserToken,
  hashUserToken,
  insertUserToken,
  listPendingInvitations,
  useToken,
  type UserTokenRow,
} from './user-tokens.repository.js';

export type InvitationDeps = Pick<UsersDeps, 'database' | 'clock' | 'commitFeed' | 'authLimiter'> & {
  config: Pick<Config, 'publicOrigin' | 'inviteTtlMs' | 'resetTtlMs' | 'sessionMaxAgeMs'>;
  secrets: Pick<SecretKeyRing, 'seal'>;
};

/** The outbox events that carry a link to mail (handled by jobs/user-mail.job.ts; never webhooks). */
export const INVITATION_MAIL = 'mail.invitation';
export const PASSWORD_RESET_MAIL = 'mail.password_reset';

/** Where a mail event's sealed token may be opened: bound to the token's row, so a copy elsewhere does not open. */
export const sealContext = (tokenHash: string) => `user_token:${tokenHash}`;

export const inviteLink = (origin: string, token: string) => `${origin}/accept-invite#token=${token}`;
export const resetLink = (origin: string, token: string) => `${origin}/reset-password#token=${token}`;

/** What an org's admins see of an invitation (never the token). */
export interface InvitationView {
  invitation_id: string;
  org_id: number;
  email: string;
  role: Role;
  created_by: string;
  created_at: string;
  expires_at: string;
}

const toView = (r: UserTokenRow): InvitationView => ({
  invitation_id: r.token_hash,
  org_id: r.org_id!,
  email: r.email,
  role: r.role!,
  created_by: r.created_by,
  created_at: r.created_at,
  expires_at: r.expires_at,
});

/** One answer for an unknown, used, expired or revoked token: which it was is never told. */
const linkNotFound = () => notFound('This link is unknown, used or expired: ask for a new one; invitation or reset');

function auditInvitation(trx: DbOrTrx, by: AuditActor, action: 'created' | 'revoked' | 'accepted', r: UserTokenRow, now: string, userId?: number) {
  const changes: AuditChanges =
    action === 'created'
      ? { email: { before: null, after: r.email }, role: { before: null, after: r.role } }
      : { status: { before: 'pending', after: action } };
  return appendAuditEvent(trx, {
    orgId: r.org_id!,
    entity: 'invitation',
    action,
    itemId: r.token_hash,
    by,
    changes,
    subject: { invitation_id: r.token_hash, email: r.email, role: r.role, ...(userId !== undefined ? { user_id: userId } : {}) },
    happenedAt: now,
  });
}

/**
 * Creates an invitation in a transaction the caller owns; returns the row and the token (the one
 * time it exists in clear). Earlier pending invitations of the same email to the same org end: only
 * the newest link works. `mail`: append the mail event (the API); the CLI and the first start print
 * the link instead.
 */
export async function createInvitationIn(
  trx: Trx,
  deps: Pick<InvitationDeps, 'config' | 'secrets'>,
  by: AuditActor,
  input: { orgId: number; email: string; role: Role; name?: string; now: Date; mail: boolean },
): Promise<{ invitation: InvitationView; token: string }> {
  const email = normalizeEmail(input.email);
  const existing = await findUserByEmail(trx, email);
  if (existing && (await getMember(trx, input.orgId, existing.user_id))) throw conflict(`${email} is already a member of org ${input.orgId}`);
  const now = input.now.toISOString();
  await deleteUnusedTokensFor(trx, 'invite', email, input.orgId);
  const token = generateUserToken();
  const row = await insertUserToken(trx, {
    tokenHash: hashUserToken(token),
    kind: 'invite',
    userId: null,
    email,
    orgId: input.orgId,
    role: input.role,
    createdBy: by.actor,
    now,
    expiresAt: new Date(input.now.getTime() + deps.config.inviteTtlMs).toISOString(),
  });
  await auditInvitation(trx, by, 'created', row, now);
  if (input.mail) {
    await appendEvent(trx, {
      orgId: input.orgId,
      eventName: INVITATION_MAIL,
      itemType: 'invitation',
      itemId: row.token_hash,
      payload: { invitation_id: row.token_hash, name: input.name ?? null, sealed_token: deps.secrets.seal(token, sealContext(row.token_hash)).stored },
      actor: by.actor,
      happenedAt: now,
    });
  }
  return { invitation: toView(row), token };
}

/** POST /api/users/invitations: needs PUBLIC_URL, since the mailed link must point somewhere people reach. */
export async function inviteByAdmin(deps: InvitationDeps, by: AuthContext, input: { email: string; role: Role; name?: string }): Promise<InvitationView> {
  if (!deps.config.publicOrigin) {
    throw conflict('Invitations are mailed as a link to the dashboard, and PUBLIC_URL is not set: set PUBLIC_URL, or run `flowledger users invite` (it prints the link)', {
      reason: 'public_url_missing',
    });
  }
  const created = await transact(deps, (trx) => createInvitationIn(trx, deps, by, { ...input, orgId: by.orgId, now: deps.clock.now(), mail: true }));
  return created.invitation;
}

export async function listInvitations(deps: Pick<InvitationDeps, 'database' | 'clock'>, orgId: number): Promise<InvitationView[]> {
  return (await listPendingInvitations(deps.database.db, orgId, deps.clock.now().toISOString())).map(toView);
}

export async function revokeInvitation(deps: InvitationDeps, by: AuthContext, invitationId: string): Promise<InvitationView> {
  return transact(deps, async (trx) => {
    const now = deps.clock.now().toISOString();
    const row = await deletePendingInvitation(trx, by.orgId, invitationId, now);
    if (!row) throw notFound(`Invitation ${invitationId}`);
    await auditInvitation(trx, by, 'revoked', row, now);
    return toView(row);
  });
}

/** GET /api/auth/invitations/:token: what the accept page shows. */
export async function describeInvitation(
  deps: Pick<InvitationDeps, 'database' | 'clock'>,
  token: string,
): Promise<{ email: string; org: { org_id: number; name: string }; role: Role; expires_at: string; has_account: boolean }> {
  const db = deps.database.db;
  const row = await findLiveToken(db, 'invite', hashUserToken(token), deps.clock.now().toISOString());
  if (!row) throw linkNotFound();
  const org = await db.selectFrom('org').select(['org_id', 'name']).where('org_id', '=', row.org_id!).executeTakeFirst();
  if (!org) throw linkNotFound();
  // Whether to ask for a new password or the existing one; the invitee owns this email.
  const user = await findUserByEmail(db, row.email);
  return { email: row.email, org, role: row.role!, expires_at: row.expires_at, has_account: user?.password_hash != null };
}

/**
 * Accepts an invitation: the token is used, the person (new, or the account that has this email)
 * joins the org, all in one transaction; then a session opens. An existing account with a password
 * must give that password (the invitation adds a membership, it does not reset a password); a new
 * account sets it here.
 */
export async function acceptInvitation(
  deps: InvitationDeps,
  input: { token: string; name: string; password: string; email?: string; ip: string; userAgent: string | null },
): Promise<NewSession> {
  const tokenHash = hashUserToken(input.token);
  const peek = await findLiveToken(deps.database.db, 'invite', tokenHash, deps.clock.now().toISOString());
  if (!peek) throw linkNotFound();
  // The first start's invitation names no email (nobody is known yet): the first admin gives theirs.
  const email = peek.email || normalizeEmail(input.email ?? '');
  if (!email) throw new AppError('bad_request', 'This invitation names no email: send yours as email', { fields: [{ field: 'email', message: 'required for this invitation' }] });
  const existing = await findUserByEmail(deps.database.db, email);
  if (existing && existing.status !== 'active') throw forbidden('This account is deactivated; ask an admin');
  let passwordHash: string | null = null;
  if (existing?.password_hash) {
    if (!(await verifyPassword(input.password, existing.password_hash))) throw new AppError('invalid_credentials', 'Wrong password for the existing account of this email');
  } else {
    // Hashing is slow: done before the transaction, which then holds its locks only briefly.
    passwordHash = await passwordHashFor(input.password, email);
  }
  const member = await transact(deps, async (trx) => {
    const now = deps.clock.now().toISOString();
    const row = await useToken(trx, 'invite', tokenHash, now);
    if (!row) throw linkNotFound();
    const actor = { actor: 'invitation' };
    const m = await addUserToOrg(trx, actor, { email, name: input.name, orgId: row.org_id!, role: row.role!, passwordHash, now });
    await auditInvitation(trx, { actor: `user:${m.user_id}` }, 'accepted', { ...row, email }, now, m.user_id);
    return m;
  });
  return createSessionFor(deps, { userId: member.user_id, orgId: member.org_id, ip: input.ip, userAgent: input.userAgent });
}

// ------------------------------------------------------------------ password reset

/** The limiter's key for reset requests of an email (its own count, apart from sign-in failures). */
const resetKey = (email: string) => `reset:${email}`;

/**
 * POST /api/auth/password-reset: always the same answer. A link is mailed only to an active account
 * that belongs to an org (the mail event lives in the outbox of an org: the first one). Each request
 * counts against the email in the failed-auth limiter, so a flood of requests mails at most
 * AUTH_FAILURE_LIMIT links per window, silently.
 */
export async function requestPasswordReset(deps: InvitationDeps, input: { email: string }): Promise<void> {
  const email = normalizeEmail(input.email);
  if (deps.authLimiter.blockedFor(resetKey(email)) > 0) return;
  deps.authLimiter.recordFailure(resetKey(email));
  if (!deps.config.publicOrigin) return;
  await transact(deps, async (trx) => {
    const user = await findUserByEmail(trx, email);
    if (!user || user.status !== 'active') return;
    const [org] = await listOrgChoices(trx, user.user_id);
    if (!org) return;
    const now = deps.clock.now();
    await deleteUnusedTokensFor(trx, 'reset', email, null);
    const token = generateUserToken();
    const row = await insertUserToken(trx, {
      tokenHash: hashUserToken(token),
      kind: 'reset',
      userId: user.user_id,
      email,
      orgId: null,
      role: null,
      createdBy: `user:${user.user_id}`,
      now: now.toISOString(),
      expiresAt: new Date(now.getTime() + deps.config.resetTtlMs).toISOString(),
    });
    await appendEvent(trx, {
      orgId: org.org_id,
      eventName: PASSWORD_RESET_MAIL,
      itemType: 'user',
      itemId: user.user_id,
      payload: { user_id: user.user_id, token_hash: row.token_hash, sealed_token: deps.secrets.seal(token, sealContext(row.token_hash)).stored },
      actor: `user:${user.user_id}`,
      happenedAt: now.toISOString(),
    });
  });
}

/** POST /api/auth/password-reset/confirm: sets the password, uses the token, ends every other session, signs in. */
export async function confirmPasswordReset(
  deps: InvitationDeps,
  input: { token: string; password: string; ip: string; userAgent: string | null },
): Promise<NewSession> {
  const tokenHash = hashUserToken(input.token);
  const peek = await findLiveToken(deps.database.db, 'reset', tokenHash, deps.clock.now().toISOString());
  if (!peek) throw linkNotFound();
  const hash = await passwordHashFor(input.password, peek.email);
  const userId = await transact(deps, async (trx) => {
    const now = deps.clock.now().toISOString();
    const row = await useToken(trx, 'reset', tokenHash, now);
    const user = row?.user_id != null ? await getUser(trx, row.user_id) : undefined;
    if (!row || !user || user.status !== 'active') throw linkNotFound();
    await setPasswordHash(trx, user.user_id, hash, now);
    await revokeSessions(trx, { userId: user.user_id }, now);
    return user.user_id;
  });
  return createSessionFor(deps, { userId, ip: input.ip, userAgent: input.userAgent });
}

// ------------------------------------------------------------------ first start

/**
 * First start with PUBLIC_URL and no user yet: a one-time invitation to become admin of `orgId`,
 * returned for the operator's eyes (printed once by serve). None once any user exists; a restart
 * before anyone accepted replaces the previous link.
 */
export async function firstAdminLink(
  deps: { database: Database; clock: Clock; config: Pick<Config, 'publicOrigin' | 'inviteTtlMs'> },
  orgId: number,
): Promise<{ link: string; expires_at: string } | undefined> {
  const origin = deps.config.publicOrigin;
  if (!origin) return undefined;
  return deps.database.db.transaction().execute(async (trx) => {
    if ((await countUsers(trx)) > 0) return undefined;
    await trx.deleteFrom('user_token').where('kind', '=', 'invite').where('created_by', '=', 'first-start').where('used_at', 'is', null).execute();
    const token = generateUserToken();
    const now = deps.clock.now();
    const row = await insertUserToken(trx, {
      tokenHash: hashUserToken(token),
      kind: 'invite',
      userId: null,
      email: '',
      orgId,
      role: 'admin',
      createdBy: 'first-start',
      now: now.toISOString(),
      expiresAt: new Date(now.getTime() + deps.config.inviteTtlMs).toISOString(),
    });
    return { link: inviteLink(origin, token), expires_at: row.expires_at };
  });
}
