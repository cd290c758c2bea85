/**
 * `mail.invitation` / `mail.password_reset` → the mail with the one-time link.
 *
 * The event carries the token sealed for its `user_token` row; the link is written only here, into
 * the mail. A token revoked, used or expired before the worker got to it is mailed no more (done,
 * not failed). The Message-ID derives from the token's row, so a retry after a crash is recognisable
 * as the same message. Nothing is marked afterwards: sending twice is harmless, the link is the same.
 */
import type { Config } from '../../config/config.js';
import type { Database } from '../../db/create-db.js';
import { senderDomain, type Mailer } from '../../mail/mailer.js';
import { PermanentFailure, type OutboxHandler } from '../../outbox/handler.js';
import type { Clock } from '../../shared/clock.js';
import type { SecretKeyRing } from '../../shared/secret-box.js';
import { inviteLink, resetLink, sealContext } from '../invitations.service.js';
import { findLiveToken, hashUserToken } from '../user-tokens.repository.js';
import { getUser } from '../users.repository.js';

export interface UserMailDeps {
  database: Database;
  clock: Clock;
  secrets: Pick<SecretKeyRing, 'open'>;
  config: Pick<Config, 'mailFrom' | 'publicOrigin'>;
}

function hours(ms: number): string {
  const h = Math.max(1, Math.round(ms / 3_600_000));
  return h >= 48 ? `${Math.round(h / 24)} days` : `${h} hour${h === 1 ? '' : 's'}`;
}

function openToken(deps: UserMailDeps, payload: Record<string, unknown>, tokenHash: string): string {
  const sealed = payload['sealed_token'];
  if (typeof sealed !== 'string') throw new PermanentFailure('The mail event carries no sealed token');
  const token = deps.secrets.open(sealed, sealContext(tokenHash));
  // The sealed value opens only for its own row; the hash check makes a mix-up impossible too.
  if (hashUserToken(token) !== tokenHash) throw new PermanentFailure('The sealed token does not match its row');
  return token;
}

function originOf(deps: UserMailDeps): string {
  if (!deps.config.publicOrigin) throw new PermanentFailure('PUBLIC_URL is not set in the worker: the link would point nowhere; set it and retry the dead letter');
  return deps.config.publicOrigin;
}

export function invitationMailJob(deps: UserMailDeps, mailer: Mailer): OutboxHandler {
  const db = deps.database.db;
  return async (e) => {
    const tokenHash = String(e.payload['invitation_id'] ?? e.item_id);
    const row = await findLiveToken(db, 'invite', tokenHash, deps.clock.now().toISOString());
    if (!row || row.org_id !== e.org_id) return; // revoked, used or expired meanwhile
    const token = openToken(deps, e.payload, tokenHash);
    const org = await db.selectFrom('org').select('name').where('org_id', '=', e.org_id).executeTakeFirst();
    if (!org) return;
    const name = typeof e.payload['name'] === 'string' ? e.payload['name'] : null;
    const ttl = Date.parse(row.expires_at) - deps.clock.now().getTime();
    const sent = await mailer.send({
      from: deps.config.mailFrom,
      to: row.email,
      subject: `You are invited to ${org.name} on FlowLedger`,
      text:
        `${name ? `Hello ${name},\n\n` : ''}You are invited to join ${org.name} on FlowLedger as ${row.role}.\n\n` +
        `Accept the invitation (the link works once, for ${hours(ttl)}):\n${inviteLink(originOf(deps), token)}\n\n` +
        `If you did not expect this, ignore this mail.\n`,
      messageId: `<invitation-${tokenHash.slice(0, 32)}@${senderDomain(deps.config.mailFrom)}>`,
    });
    if (sent.accepted.length === 0 || sent.rejected.length > 0) throw new PermanentFailure(`The mail server refused the invitation's recipient: ${sent.response}`);
  };
}

export function passwordResetMailJob(deps: UserMailDeps, mailer: Mailer): OutboxHandler {
  const db = deps.database.db;
  return async (e) => {
    const userId = Number(e.payload['user_id']);
    const user = await getUser(db, userId);
    if (!user || user.status !== 'active') return;
    const tokenHash = String(e.payload['token_hash']);
    const row = await findLiveToken(db, 'reset', tokenHash, deps.clock.now().toISOString());
    // Replaced by a newer request, used or expired meanwhile: that one's event mails, or none.
    if (!row || row.user_id !== userId) return;
    const token = openToken(deps, e.payload, tokenHash);
    const ttl = Date.parse(row.expires_at) - deps.clock.now().getTime();
    const sent = await mailer.send({
      from: deps.config.mailFrom,
      to: user.email,
      subject: 'Reset your FlowLedger password',
      text:
        `Someone (hopefully you) asked to reset the password of ${user.email} on FlowLedger.\n\n` +
        `Choose a new password (the link works once, for ${hours(ttl)}; every other session of yours ends):\n${resetLink(originOf(deps), token)}\n\n` +
        `If you did not ask, ignore this mail: your password stays as it is.\n`,
      messageId: `<password-reset-${row.token_hash.slice(0, 32)}@${senderDomain(deps.config.mailFrom)}>`,
    });
    if (sent.accepted.length === 0 || sent.rejected.length > 0) throw new PermanentFailure(`The mail server refused the reset's recipient: ${sent.response}`);
  };
}
