/** Reading and redriving the outbox for the admin API; always scoped to one org when orgId is given. */
import { sql } from 'kysely';
import type { DbOrTrx } from '../db/create-db.js';
import { seekPage } from '../db/keyset.js';
import { listOrder } from '../shared/paging.js';

export interface QueueDepth {
  pending: number;
  in_flight: number;
  failed_waiting: number;
  dead_lettered: number;
  oldest_pending_at: string | null;
}

/**
 * Counts by state: the live states from the queue (small: only what is still to be handled), dead
 * letters from work_event's dead-letter index.
 */
export async function queueDepth(db: DbOrTrx, q: { orgId?: number }): Promise<QueueDepth> {
  const [live, dead] = await Promise.all([
    db
      .selectFrom('outbox_queue as q')
      .innerJoin('work_event as e', (j) => j.onRef('e.org_id', '=', 'q.org_id').onRef('e.work_event_id', '=', 'q.work_event_id'))
      .$if(q.orgId !== undefined, (b) => b.where('q.org_id', '=', q.orgId!))
      .select([
        sql<number>`coalesce(sum(case when q.claimed_at is null and q.last_error is null then 1 else 0 end), 0)`.as('pending'),
        sql<number>`coalesce(sum(case when q.claimed_at is not null then 1 else 0 end), 0)`.as('in_flight'),
        sql<number>`coalesce(sum(case when q.claimed_at is null and q.last_error is not null then 1 else 0 end), 0)`.as('failed_waiting'),
        sql<string | null>`min(e.created_at)`.as('oldest_pending_at'),
      ])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('work_event')
      .where('dead_letter_at', 'is not', null)
      .where('processed_at', 'is', null)
      .$if(q.orgId !== undefined, (b) => b.where('org_id', '=', q.orgId!))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    pending: Number(live.pending),
    in_flight: Number(live.in_flight),
    failed_waiting: Number(live.failed_waiting),
    dead_lettered: Number(dead.n),
    oldest_pending_at: live.oldest_pending_at,
  };
}

export interface DeadLetterView {
  work_event_id: number;
  event_name: string;
  item_type: string;
  item_id: string;
  payload: Record<string, unknown>;
  attempts: number;
  last_error: string | null;
  created_at: string;
  dead_letter_at: string;
}

/** Newest dead letter first (what the list's cursors hold). */
export const DEAD_LETTER_ORDER = listOrder('dead_letters', ['dead_letter_at', 'work_event_id'] as const, 'desc');

export async function listDeadLetters(
  db: DbOrTrx,
  q: { orgId: number; limit: number; offset: number; after?: readonly unknown[] | undefined },
): Promise<{ data: DeadLetterView[]; total: number }> {
  const base = db
    .selectFrom('work_event')
    .where('org_id', '=', q.orgId)
    .where('dead_letter_at', 'is not', null)
    .where('processed_at', 'is', null);
  const [rows, count] = await Promise.all([
    seekPage(
      base.select(['work_event_id', 'event_name', 'item_type', 'item_id', 'payload_json', 'attempts', 'last_error', 'created_at', 'dead_letter_at']),
      DEAD_LETTER_ORDER,
      q,
    ).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    data: rows.map((r) => ({
      work_event_id: r.work_event_id,
      event_name: r.event_name,
      item_type: r.item_type,
      item_id: r.item_id,
      payload: JSON.parse(r.payload_json) as Record<string, unknown>,
      attempts: r.attempts,
      last_error: r.last_error,
      created_at: r.created_at,
      dead_letter_at: r.dead_letter_at!,
    })),
    total: Number(count.n),
  };
}

/**
 * Redrive: a dead letter becomes due now with a fresh attempt budget (a new queue row). last_error
 * is kept (it says why it was dead-lettered) until the next attempt overwrites or completes it.
 */
export async function redriveDeadLetter(
  db: DbOrTrx,
  q: { orgId: number; workEventId: number; now: string },
): Promise<'redriven' | 'not_dead' | 'not_found'> {
  const row = await db
    .updateTable('work_event')
    .set({ dead_letter_at: null, attempts: 0 })
    .where('org_id', '=', q.orgId)
    .where('work_event_id', '=', q.workEventId)
    .where('dead_letter_at', 'is not', null)
    .where('processed_at', 'is', null)
    .returning('last_error')
    .executeTakeFirst();
  if (!row) return whyNotDead(db, q);
  await enqueueAgain(db, { orgId: q.orgId, workEventId: q.workEventId, now: q.now, lastError: row.last_error });
  return 'redriven';
}

/**
 * Puts an unprocessed event back on the queue, due now with a fresh attempt budget: a new queue row,
 * or (a row waiting for its next attempt) the row made due now. A claim in flight is left alone.
 */
export async function enqueueAgain(db: DbOrTrx, q: { orgId: number; workEventId: number; now: string; lastError?: string | null }): Promise<void> {
  await db
    .insertInto('outbox_queue')
    .values({ org_id: q.orgId, work_event_id: q.workEventId, next_attempt_at: q.now, attempts: 0, last_error: q.lastError ?? null })
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'work_event_id'])
        .doUpdateSet({ next_attempt_at: q.now, attempts: 0 })
        .where('outbox_queue.claimed_at', 'is', null),
    )
    .execute();
}

/** Why an update of a dead letter touched nothing: the event exists in the org (not dead-lettered, or done), or not at all. */
async function whyNotDead(db: DbOrTrx, q: { orgId: number; workEventId: number }): Promise<'not_dead' | 'not_found'> {
  const exists = await db
    .selectFrom('work_event')
    .select('work_event_id')
    .where('org_id', '=', q.orgId)
    .where('work_event_id', '=', q.workEventId)
    .executeTakeFirst();
  return exists ? 'not_dead' : 'not_found';
}

export interface DiscardedEvent {
  org_id: number;
  work_event_id: number;
  event_name: string;
  item_type: string;
  item_id: string;
  attempts: number;
  last_error: string | null;
}

/**
 * Discard: the outbox gives up on a dead letter for good. No column of its own: processed_at is set
 * (every claim, sweep and redrive skips a processed event, and retention ages it out with the
 * activity log) while dead_letter_at and last_error stay, so "processed and dead-lettered" is a
 * discarded event and still says why it failed. No handler ran: nothing downstream sees it as done.
 */
export async function discardDeadLetter(
  db: DbOrTrx,
  q: { orgId: number; workEventId: number; now: string },
): Promise<DiscardedEvent | 'not_dead' | 'not_found'> {
  const row = await db
    .updateTable('work_event')
    .set({ processed_at: q.now })
    .where('org_id', '=', q.orgId)
    .where('work_event_id', '=', q.workEventId)
    .where('dead_letter_at', 'is not', null)
    .where('processed_at', 'is', null)
    .returning(['org_id', 'work_event_id', 'event_name', 'item_type', 'item_id', 'attempts', 'last_error'])
    .executeTakeFirst();
  return row ?? whyNotDead(db, q);
}
