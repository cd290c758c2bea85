/**
 * work_event is both the activity log and the outbox. Appending is part of every state change and
 * always runs on the caller's transaction, so the change and its event commit together or not at all.
 */
import { sql } from 'kysely';
import type { DbOrTrx } from '../db/create-db.js';
import { prefixPattern } from '../db/sql-helpers.js';
import { insertRows } from '../db/statement-parts.js';
import type { Row } from '../db/types.js';
import { seekPage } from '../db/keyset.js';
import { listOrder } from '../shared/paging.js';

export interface NewWorkEvent {
  orgId: number;
  /** Dot style: `candidate.triaged`, `pursuit.won`, `task.status_changed` … */
  eventName: string;
  itemType: string;
  itemId: string | number;
  payload?: Record<string, unknown>;
  actor?: string | null;
  /** When the change happened (the injected clock's now). */
  happenedAt: string;
  /** Not before this time (a delayed job, e.g. a digest mail at its window's end); default: at once. */
  runAt?: string;
}

/** Appends events in one statement; returns their ids in order. */
export async function appendEvents(trx: DbOrTrx, events: NewWorkEvent[]): Promise<number[]> {
  if (events.length === 0) return [];
  const rows = await insertRows(
    trx,
    'work_event',
    events.map((e) => ({
      org_id: e.orgId,
      event_name: e.eventName,
      item_type: e.itemType,
      item_id: String(e.itemId),
      payload_json: JSON.stringify(e.payload ?? {}),
      actor: e.actor ?? null,
      happened_at: e.happenedAt,
      created_at: e.happenedAt,
      next_attempt_at: e.runAt ?? e.happenedAt,
    })),
  )
    .returning('work_event_id')
    .execute();
  return rows.map((r) => r.work_event_id);
}

export async function appendEvent(trx: DbOrTrx, event: NewWorkEvent): Promise<number> {
  const [id] = await appendEvents(trx, [event]);
  return id!;
}

/** payload_json as an object, whatever was stored (a hand-written row may hold anything). */
export function parseWorkEventPayload(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
  } catch {
    return { raw: text };
  }
}

export interface WorkEventView {
  work_event_id: number;
  org_id: number;
  event_name: string;
  item_type: string;
  item_id: string;
  payload: Record<string, unknown>;
  actor: string | null;
  happened_at: string;
  processed_at: string | null;
}

export function toWorkEventView(r: Pick<Row<'work_event'>, 'work_event_id' | 'org_id' | 'event_name' | 'item_type' | 'item_id' | 'payload_json' | 'actor' | 'happened_at' | 'processed_at'>): WorkEventView {
  return {
    work_event_id: r.work_event_id,
    org_id: r.org_id,
    event_name: r.event_name,
    item_type: r.item_type,
    item_id: r.item_id,
    payload: JSON.parse(r.payload_json) as Record<string, unknown>,
    actor: r.actor,
    happened_at: r.happened_at,
    processed_at: r.processed_at,
  };
}

/**
 * Mail jobs (`mail.invitation`, `mail.password_reset`): delivery mechanics about one person, their
 * token sealed in the payload. Not activity: never a webhook, a realtime frame or a row of the org's
 * event list.
 */
export const MAIL_JOB_PREFIX = 'mail.';
export function isMailJob(eventName: string): boolean {
  return eventName.startsWith(MAIL_JOB_PREFIX);
}

/**
 * Personal events (`notification.created`): addressed to one person (`payload.user_id`). The commit
 * tap sends them only to that person's signed-in sockets; never a webhook nor a row of the org's
 * event list.
 */
export const PERSONAL_EVENT_PREFIX = 'notification.';
export function isPersonalEvent(eventName: string): boolean {
  return eventName.startsWith(PERSONAL_EVENT_PREFIX);
}

/** Every audit event's name starts with this (src/outbox/audit.ts writes them). */
export const AUDIT_PREFIX = 'audit.';

/**
 * The predicate of the audit trail's partial index (migration 0021), verbatim and as a literal:
 * a query uses that index only when it carries this exact condition.
 */
const AUDIT_ROWS = sql<boolean>`event_name like ${sql.lit(`${AUDIT_PREFIX}%`)}`;

/** Newest first (what the activity and audit lists' cursors hold). */
export const WORK_EVENT_ORDER = listOrder('work_events', ['work_event_id'] as const, 'desc');

/** The activity log of one item, or of the whole org, newest first; `eventPrefix` keeps the names starting with it. */
export async function listWorkEvents(
  db: DbOrTrx,
  q: { orgId: number; itemType?: string; itemId?: string | number; eventPrefix?: string; limit: number; offset: number; after?: readonly unknown[] | undefined },
): Promise<{ data: WorkEventView[]; total: number }> {
  let base = db
    .selectFrom('work_event')
    .where('org_id', '=', q.orgId)
    .where('event_name', 'not like', `${MAIL_JOB_PREFIX}%`)
    .where('event_name', 'not like', `${PERSONAL_EVENT_PREFIX}%`);
  if (q.eventPrefix !== undefined) base = base.where(sql<boolean>`event_name like ${prefixPattern(q.eventPrefix)} escape '\\'`);
  if (q.eventPrefix?.startsWith(AUDIT_PREFIX)) base = base.where(AUDIT_ROWS);
  if (q.itemType !== undefined) base = base.where('item_type', '=', q.itemType);
  if (q.itemId !== undefined) base = base.where('item_id', '=', String(q.itemId));
  const [rows, count] = await Promise.all([
    seekPage(base.select(['work_event_id', 'org_id', 'event_name', 'item_type', 'item_id', 'payload_json', 'actor', 'happened_at', 'processed_at']), WORK_EVENT_ORDER, q).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { data: rows.map(toWorkEventView), total: Number(count.n) };
}
