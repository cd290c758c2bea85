/**
 * Notification rows: who is told, their list and unread count, read marks, preferences, and the
 * per-person mail window the digest mail is scheduled by. Every query is scoped by org and user.
 */
import type { DbOrTrx } from '../db/create-db.js';
import { deletedRows, type PruneBatch } from '../db/prune.js';
import { toBool, type NotificationEmailState, type NotificationKind, type Row } from '../db/types.js';
import { seekPage } from '../db/keyset.js';
import { listOrder } from '../shared/paging.js';

/**
 * A notification as the API answers it: the row without its bookkeeping (org, person, mail job,
 * in-app switch). Spelled out, not derived from the Kysely row type, so that the SDK's declaration
 * bundle (packages/client), which names it in the `notification:created` frame, needs no Kysely.
 */
export interface NotificationView {
  notification_id: number;
  kind: NotificationKind;
  item_type: string;
  item_id: string;
  title: string;
  detail: string | null;
  actor: string | null;
  work_event_id: number;
  created_at: string;
  read_at: string | null;
  email_state: NotificationEmailState;
  emailed_at: string | null;
}

export function toNotificationView(r: Row<'notification'>): NotificationView {
  return {
    notification_id: r.notification_id,
    kind: r.kind,
    item_type: r.item_type,
    item_id: r.item_id,
    title: r.title,
    detail: r.detail,
    actor: r.actor,
    work_event_id: r.work_event_id,
    created_at: r.created_at,
    read_at: r.read_at,
    email_state: r.email_state,
    emailed_at: r.emailed_at,
  };
}

export interface Recipient {
  user_id: number;
  in_app: boolean;
  email: boolean;
}

/** Of `userIds`, the active members of the org with their switches for `kind` (no row: both on). */
export async function recipientsIn(db: DbOrTrx, orgId: number, kind: NotificationKind, userIds: number[]): Promise<Recipient[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('org_membership as m')
    .innerJoin('app_user as u', 'u.user_id', 'm.user_id')
    .leftJoin('notification_pref as p', (j) => j.onRef('p.user_id', '=', 'm.user_id').onRef('p.org_id', '=', 'm.org_id').on('p.kind', '=', kind))
    .select(['m.user_id', 'p.in_app', 'p.email'])
    .where('m.org_id', '=', orgId)
    .where('m.user_id', 'in', userIds)
    .where('u.status', '=', 'active')
    .execute();
  return rows.map((r) => ({ user_id: r.user_id, in_app: r.in_app === null ? true : toBool(r.in_app), email: r.email === null ? true : toBool(r.email) }));
}

export type NewNotification = Omit<Row<'notification'>, 'notification_id' | 'read_at' | 'mail_event_id' | 'emailed_at' | 'in_app'> & { in_app: boolean };

/** Inserts what is new; a (user, event, kind) already notified is skipped. Returns the rows inserted. */
export async function insertNotifications(trx: DbOrTrx, rows: NewNotification[]): Promise<Array<Row<'notification'>>> {
  if (rows.length === 0) return [];
  return trx
    .insertInto('notification')
    .values(rows)
    // No conflict target: the unique key is (user_id, work_event_id, kind) on SQLite and
    // (org_id, user_id, work_event_id, kind) on PostgreSQL (migration 0027); an event belongs to
    // one org, so both name the same notification. notification_id never collides (identity).
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .execute();
}

/** Unread in-app notifications per user of the org. */
export async function unreadCounts(db: DbOrTrx, orgId: number, userIds: number[]): Promise<Map<number, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('notification')
    .select(['user_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_id', '=', orgId)
    .where('user_id', 'in', userIds)
    .where('read_at', 'is', null)
    .where('in_app', '=', true)
    .groupBy('user_id')
    .execute();
  return new Map(rows.map((r) => [r.user_id, Number(r.n)]));
}

export async function unreadCount(db: DbOrTrx, orgId: number, userId: number): Promise<number> {
  return (await unreadCounts(db, orgId, [userId])).get(userId) ?? 0;
}

/** The list's order, newest first (what its cursors hold). */
export const NOTIFICATION_ORDER = listOrder('notifications', ['notification_id'] as const, 'desc');

export async function listNotifications(
  db: DbOrTrx,
  q: { orgId: number; userId: number; unread: boolean; limit: number; offset: number; after?: readonly unknown[] | undefined },
): Promise<{ data: NotificationView[]; total: number }> {
  const base = db
    .selectFrom('notification')
    .where('org_id', '=', q.orgId)
    .where('user_id', '=', q.userId)
    .where('in_app', '=', true)
    .$if(q.unread, (b) => b.where('read_at', 'is', null));
  const [rows, count] = await Promise.all([
    seekPage(base.selectAll(), NOTIFICATION_ORDER, q).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { data: rows.map(toNotificationView), total: Number(count.n) };
}

/** Marks the person's own unread notifications read: those of `ids`, or all. Returns how many changed. */
export async function markRead(db: DbOrTrx, q: { orgId: number; userId: number; ids: number[] | 'all'; now: string }): Promise<number> {
  if (q.ids !== 'all' && q.ids.length === 0) return 0;
  const ids = q.ids;
  const res = await db
    .updateTable('notification')
    .set({ read_at: q.now })
    .where('org_id', '=', q.orgId)
    .where('user_id', '=', q.userId)
    .where('read_at', 'is', null)
    .$if(ids !== 'all', (b) => b.where('notification_id', 'in', ids as number[]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function listPrefs(db: DbOrTrx, orgId: number, userId: number): Promise<Array<Row<'notification_pref'>>> {
  return db.selectFrom('notification_pref').selectAll().where('org_id', '=', orgId).where('user_id', '=', userId).execute();
}

export async function upsertPrefs(
  trx: DbOrTrx,
  orgId: number,
  userId: number,
  prefs: Array<{ kind: NotificationKind; in_app: boolean; email: boolean }>,
  now: string,
): Promise<void> {
  if (prefs.length === 0) return;
  await trx
    .insertInto('notification_pref')
    .values(prefs.map((p) => ({ org_id: orgId, user_id: userId, kind: p.kind, in_app: p.in_app, email: p.email, updated_at: now })))
    .onConflict((oc) =>
      oc.columns(['org_id', 'user_id', 'kind']).doUpdateSet((eb) => ({
        in_app: eb.ref('excluded.in_app'),
        email: eb.ref('excluded.email'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

// ------------------------------------------------------------------ the mail window

/**
 * The mail windows of these people, created when missing and locked (an UPDATE takes the row lock on
 * PostgreSQL; SQLite has one writer): a producer and the mail job agree on whether a mail job is
 * scheduled because they go through the same row.
 */
export async function lockMailWindows(
  trx: DbOrTrx,
  orgId: number,
  userIds: number[],
  now: string,
): Promise<Array<Pick<Row<'notification_mail_window'>, 'user_id' | 'last_sent_at' | 'scheduled_event_id'>>> {
  if (userIds.length === 0) return [];
  await trx
    .insertInto('notification_mail_window')
    .values(userIds.map((user_id) => ({ org_id: orgId, user_id, updated_at: now })))
    .onConflict((oc) => oc.columns(['org_id', 'user_id']).doNothing())
    .execute();
  return trx
    .updateTable('notification_mail_window')
    .set({ updated_at: now })
    .where('org_id', '=', orgId)
    .where('user_id', 'in', userIds)
    .returning(['user_id', 'last_sent_at', 'scheduled_event_id'])
    .execute();
}

/** Records the mail job scheduled for each person (one statement). */
export async function setScheduledMail(trx: DbOrTrx, orgId: number, jobs: Array<{ userId: number; eventId: number }>): Promise<void> {
  if (jobs.length === 0) return;
  await trx
    .updateTable('notification_mail_window')
    .set((eb) => {
      const [first, ...rest] = jobs;
      let c = eb.case().when('user_id', '=', first!.userId).then(first!.eventId);
      for (const j of rest) c = c.when('user_id', '=', j.userId).then(j.eventId);
      return { scheduled_event_id: c.end() };
    })
    .where('org_id', '=', orgId)
    .where(
      'user_id',
      'in',
      jobs.map((j) => j.userId),
    )
    .execute();
}

/**
 * The mail job's first step: if it is still the one scheduled for the person, it stops being
 * scheduled (a later notification schedules the next mail), the window restarts now, and every
 * notification waiting for a mail is taken by this job. A repeat run (after a crash) takes nothing
 * more, and sends again what it took.
 */
export async function takeMailWindow(trx: DbOrTrx, q: { orgId: number; userId: number; jobId: number; now: string }): Promise<void> {
  const mine = await trx
    .updateTable('notification_mail_window')
    .set({ scheduled_event_id: null, last_sent_at: q.now, updated_at: q.now })
    .where('org_id', '=', q.orgId)
    .where('user_id', '=', q.userId)
    .where('scheduled_event_id', '=', q.jobId)
    .returning('user_id')
    .executeTakeFirst();
  if (!mine) return;
  await trx
    .updateTable('notification')
    .set({ mail_event_id: q.jobId })
    .where('org_id', '=', q.orgId)
    .where('user_id', '=', q.userId)
    .where('email_state', '=', 'pending')
    .where('mail_event_id', 'is', null)
    .execute();
}

/** The notifications a mail job carries and has not sent yet, oldest first. */
export async function pendingOfMail(db: DbOrTrx, orgId: number, jobId: number): Promise<Array<Row<'notification'>>> {
  return db
    .selectFrom('notification')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('mail_event_id', '=', jobId)
    .where('email_state', '=', 'pending')
    .orderBy('notification_id')
    .execute();
}

/** Marks notifications mailed (`sent`) or not to be mailed after all (`off`). */
export async function settleMail(db: DbOrTrx, ids: number[], state: 'sent' | 'off', now: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('notification')
    .set(state === 'sent' ? { email_state: 'sent', emailed_at: now } : { email_state: 'off' })
    .where('notification_id', 'in', ids)
    .where('email_state', '=', 'pending')
    .execute();
}

/**
 * Retention (RETENTION_HISTORY): notifications older than the cutoff go, read or not, except those
 * whose mail is still owed (a pending digest keeps its rows until it has gone).
 */
export async function pruneNotifications(db: DbOrTrx, b: PruneBatch): Promise<number> {
  const r = await db
    .deleteFrom('notification')
    .where('notification_id', 'in', (eb) =>
      eb.selectFrom('notification').select('notification_id').where('created_at', '<', b.before).where('email_state', '<>', 'pending').limit(b.limit),
    )
    .executeTakeFirst();
  return deletedRows(r);
}
