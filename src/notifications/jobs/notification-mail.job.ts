/**
 * `mail.notification` → one mail to a person with what waits for them: a single notification as
 * its own mail, several (those that arrived within the digest window) as one digest.
 *
 * The job takes the person's waiting notifications in one transaction (notifications.repository
 * takeMailWindow), sends, then marks them sent. The Message-ID derives from the job, so a retry
 * after a crash between sending and marking is the same message again, and marking only `pending`
 * rows makes the rest harmless. Switches are read again at send time: a kind switched off for email
 * meanwhile is not mailed. A person no longer active in the org gets nothing.
 */
import type { Config } from '../../config/config.js';
import type { Database } from '../../db/create-db.js';
import { toBool, type Row } from '../../db/types.js';
import { senderDomain, type Mailer } from '../../mail/mailer.js';
import { PermanentFailure, type OutboxHandler } from '../../outbox/handler.js';
import type { Clock } from '../../shared/clock.js';
import { KIND_LABELS, headline, itemPath } from '../notifications.kinds.js';
import { listPrefs, pendingOfMail, settleMail, takeMailWindow } from '../notifications.repository.js';

export interface NotificationMailDeps {
  database: Database;
  clock: Clock;
  config: Pick<Config, 'mailFrom' | 'publicOrigin'>;
}

function linkOf(origin: string | undefined, n: Row<'notification'>): string | null {
  return origin ? `${origin}${itemPath(n.item_type, n.item_id)}` : null;
}

function entry(origin: string | undefined, n: Row<'notification'>): string {
  const link = linkOf(origin, n);
  return [headline(n.kind, n.title), n.detail, link].filter((l): l is string => !!l).join('\n');
}

/** The mail's subject and text: one notification, or a digest listing each. */
export function composeNotificationMail(rows: Array<Row<'notification'>>, o: { name: string; orgName: string; origin: string | undefined }): { subject: string; text: string } {
  const footer =
    `\n--\nYou get this mail as a member of ${o.orgName} on FlowLedger.` +
    (o.origin ? `\nChoose what you are told, and how: ${o.origin}/settings/notifications\n` : '\nChoose what you are told, and how, under Notifications in your menu.\n');
  if (rows.length === 1) {
    const n = rows[0]!;
    return { subject: headline(n.kind, n.title), text: `Hello ${o.name},\n\n${entry(o.origin, n)}\n${footer}` };
  }
  const kinds = [...new Set(rows.map((r) => KIND_LABELS[r.kind].toLowerCase()))];
  return {
    subject: `${rows.length} notifications in ${o.orgName}`,
    text: `Hello ${o.name},\n\n${rows.length} things happened (${kinds.join(', ')}):\n\n${rows.map((n) => entry(o.origin, n)).join('\n\n')}\n${footer}`,
  };
}

export function notificationMailJob(deps: NotificationMailDeps, mailer: Mailer): OutboxHandler {
  const db = deps.database.db;
  return async (e) => {
    const userId = Number(e.payload['user_id'] ?? e.item_id);
    if (!Number.isSafeInteger(userId) || userId <= 0) throw new PermanentFailure('The notification mail job names no user');
    const now = deps.clock.now().toISOString();
    await db.transaction().execute((trx) => takeMailWindow(trx, { orgId: e.org_id, userId, jobId: e.work_event_id, now }));
    const rows = await pendingOfMail(db, e.org_id, e.work_event_id);
    if (rows.length === 0) return;

    const person = await db
      .selectFrom('org_membership as m')
      .innerJoin('app_user as u', 'u.user_id', 'm.user_id')
      .innerJoin('org as o', 'o.org_id', 'm.org_id')
      .select(['u.email', 'u.name', 'u.status', 'o.name as org_name'])
      .where('m.org_id', '=', e.org_id)
      .where('m.user_id', '=', userId)
      .executeTakeFirst();
    const emailOff = new Set((await listPrefs(db, e.org_id, userId)).filter((p) => !toBool(p.email)).map((p) => p.kind));
    const send = person?.status === 'active' ? rows.filter((r) => !emailOff.has(r.kind)) : [];
    await settleMail(
      db,
      rows.filter((r) => !send.includes(r)).map((r) => r.notification_id),
      'off',
      now,
    );
    if (send.length === 0 || !person) return;

    const { subject, text } = composeNotificationMail(send, { name: person.name, orgName: person.org_name, origin: deps.config.publicOrigin });
    const sent = await mailer.send({
      from: deps.config.mailFrom,
      to: person.email,
      subject,
      text,
      messageId: `<notification-${e.work_event_id}@${senderDomain(deps.config.mailFrom)}>`,
    });
    if (sent.accepted.length === 0 || sent.rejected.length > 0) throw new PermanentFailure(`The mail server refused the notification's recipient: ${sent.response}`);
    await settleMail(
      db,
      send.map((r) => r.notification_id),
      'sent',
      now,
    );
  };
}
