/**
 * From a work event to notifications: who is told (the recipients the event names, narrowed to
 * active members of its org who are not its actor and have the kind on), the rows, the mail to
 * schedule, and one `notification.created` event per in-app row for the person's live frame — all
 * in the caller's transaction. The unique (user, event, kind) makes a redelivered event a no-op.
 */
import type { DbOrTrx } from '../db/create-db.js';
import type { ClaimedEvent } from '../outbox/claim.js';
import { appendEvents } from '../outbox/work-events.repository.js';
import type { NotificationKind } from './notifications.kinds.js';
import {
  insertNotifications,
  lockMailWindows,
  recipientsIn,
  setScheduledMail,
  toNotificationView,
  unreadCounts,
  type NewNotification,
} from './notifications.repository.js';

/** The outbox job that mails a person's waiting notifications (one mail, or a digest). */
export const NOTIFICATION_MAIL = 'mail.notification';
/** The personal event each in-app notification appends: the commit tap sends it to its person only. */
export const NOTIFICATION_CREATED = 'notification.created';

export interface Intent {
  kind: NotificationKind;
  userIds: number[];
  itemType: string;
  itemId: string;
  title: string;
  detail: string | null;
  /** People never told (besides the actor): a comment's author. */
  exclude: number[];
}

const userIdOf = (v: unknown): number | undefined => {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : undefined;
};
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** `user:<id>` → the id; keys, ingestion and the SLA monitor are nobody. */
export function actorUserId(actor: string | null): number | undefined {
  const m = /^user:(\d+)$/.exec(actor ?? '');
  return m ? userIdOf(m[1]) : undefined;
}

/**
 * Who an event is about. Task events other than `task.assigned` go to the task's current owner
 * (`workflow_tasks.owner_user_id`); a task with no owner notifies nobody (a team name in
 * `current_owner` is not a person to tell).
 */
export async function intentOf(db: DbOrTrx, e: ClaimedEvent): Promise<Intent | undefined> {
  const p = e.payload;
  const title = (fallback: string) => text(p.title) ?? fallback;
  switch (e.event_name) {
    case 'task.assigned':
    case 'pursuit.assigned': {
      const owner = userIdOf(p.owner_user_id);
      if (owner === undefined) return undefined;
      const itemType = e.event_name === 'task.assigned' ? 'task' : 'pursuit';
      return { kind: 'assigned', userIds: [owner], itemType, itemId: e.item_id, title: title(`${itemType} ${e.item_id}`), detail: null, exclude: [] };
    }
    case 'comment.created': {
      const ids = Array.isArray(p.mentioned_user_ids) ? p.mentioned_user_ids.map(userIdOf).filter((n): n is number => n !== undefined) : [];
      if (ids.length === 0) return undefined;
      const author = userIdOf(p.author_user_id);
      return {
        kind: 'mention',
        userIds: [...new Set(ids)],
        itemType: text(p.item_type) ?? e.item_type,
        itemId: String(p.item_id ?? e.item_id),
        title: title(`${e.item_type} ${e.item_id}`),
        detail: text(p.excerpt),
        exclude: author === undefined ? [] : [author],
      };
    }
    case 'task.sla_warning':
    case 'task.sla_violated':
    case 'task.critical_alert':
    case 'task.message': {
      if (e.event_name === 'task.message' && p.direction !== 'inbound') return undefined;
      const task = await db
        .selectFrom('workflow_tasks')
        .select(['owner_user_id', 'title'])
        .where('org_id', '=', e.org_id)
        .where('task_id', '=', e.item_id)
        .executeTakeFirst();
      if (!task || task.owner_user_id === null) return undefined;
      const kind: NotificationKind =
        e.event_name === 'task.message' ? 'customer_reply' : e.event_name === 'task.sla_warning' ? 'sla_warning' : e.event_name === 'task.sla_violated' ? 'sla_violated' : 'critical_alert';
      return { kind, userIds: [task.owner_user_id], itemType: 'task', itemId: e.item_id, title: task.title, detail: detailOf(kind, p), exclude: [] };
    }
    default:
      return undefined;
  }
}

function detailOf(kind: NotificationKind, p: Record<string, unknown>): string | null {
  const hours = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v * 10) / 10 : undefined);
  switch (kind) {
    case 'sla_warning': {
      const h = hours(p.hoursRemaining);
      return h === undefined ? null : `${h} h left before the SLA deadline`;
    }
    case 'sla_violated': {
      const h = hours(p.hoursOverdue);
      return h === undefined ? 'The SLA deadline has passed' : `${h} h past the SLA deadline`;
    }
    case 'critical_alert':
      return text(p.reason);
    case 'customer_reply': {
      const from = text(p.sender);
      const subject = text(p.subject);
      return [from && `From ${from}`, subject].filter(Boolean).join(': ') || null;
    }
    default:
      return null;
  }
}

/** Writes the notifications of one event; returns how many were new. */
export async function notifyFor(trx: DbOrTrx, e: ClaimedEvent, o: { now: string; digestWindowMs: number }): Promise<number> {
  const intent = await intentOf(trx, e);
  if (!intent) return 0;
  const actor = actorUserId(e.actor);
  const skip = new Set([...intent.exclude, ...(actor === undefined ? [] : [actor])]);
  const recipients = (await recipientsIn(trx, e.org_id, intent.kind, intent.userIds.filter((u) => !skip.has(u)))).filter((r) => r.in_app || r.email);
  const inserted = await insertNotifications(
    trx,
    recipients.map(
      (r): NewNotification => ({
        org_id: e.org_id,
        user_id: r.user_id,
        kind: intent.kind,
        item_type: intent.itemType,
        item_id: intent.itemId,
        title: intent.title.slice(0, 300),
        detail: intent.detail?.slice(0, 300) ?? null,
        actor: e.actor,
        work_event_id: e.work_event_id,
        in_app: r.in_app,
        created_at: o.now,
        email_state: r.email ? 'pending' : 'off',
      }),
    ),
  );
  if (inserted.length === 0) return 0;

  await scheduleMail(trx, e.org_id, [...new Set(inserted.filter((n) => n.email_state === 'pending').map((n) => n.user_id))], o);

  const shown = inserted.filter((n) => n.in_app === true || n.in_app === 1);
  const counts = await unreadCounts(trx, e.org_id, [...new Set(shown.map((n) => n.user_id))]);
  await appendEvents(
    trx,
    shown.map((n) => ({
      orgId: e.org_id,
      eventName: NOTIFICATION_CREATED,
      itemType: 'notification',
      itemId: n.notification_id,
      payload: { user_id: n.user_id, notification: toNotificationView(n), unread_count: counts.get(n.user_id) ?? 0 },
      actor: e.actor,
      happenedAt: o.now,
    })),
  );
  return inserted.length;
}

/**
 * A mail job for each person who has none scheduled: at once when their last notification mail is
 * older than the digest window, else at the window's end (what arrives meanwhile joins that job).
 */
async function scheduleMail(trx: DbOrTrx, orgId: number, userIds: number[], o: { now: string; digestWindowMs: number }): Promise<void> {
  const windows = await lockMailWindows(trx, orgId, userIds, o.now);
  const due = windows.filter((w) => w.scheduled_event_id === null);
  if (due.length === 0) return;
  const nowMs = Date.parse(o.now);
  const ids = await appendEvents(
    trx,
    due.map((w) => ({
      orgId,
      eventName: NOTIFICATION_MAIL,
      itemType: 'user',
      itemId: w.user_id,
      payload: { user_id: w.user_id },
      happenedAt: o.now,
      runAt: new Date(Math.max(nowMs, w.last_sent_at === null ? 0 : Date.parse(w.last_sent_at) + o.digestWindowMs)).toISOString(),
    })),
  );
  await setScheduledMail(
    trx,
    orgId,
    due.map((w, i) => ({ userId: w.user_id, eventId: ids[i]! })),
  );
}
