/**
 * Completing a batch: one statement (PostgreSQL) or one transaction (SQLite) for every event of the
 * batch that succeeded. The queue rows go (outbox_queue) and the events are marked processed,
 * keeping the attempts, last error and claim token of the attempt that finished them. The guard
 * (still claimed, by this claim's token) means a worker whose lease expired cannot mark done what
 * was released or claimed by another worker since; the event runs again instead (at least once).
 *
 * The rows are found by token, through the claims-in-flight index, and by nothing else: a queue's
 * statistics are stale by nature (it fills and drains between two ANALYZEs), and with the org in
 * the condition PostgreSQL took the primary key's org prefix for a few rows and read the whole
 * org's queue (41,000 rows filtered for 500). On a database distributed by org_id the completion
 * therefore visits every shard; the claim and the event update name their rows' orgs.
 *
 * On PostgreSQL the queue rows are deleted first, in a CTE whose WHERE is re-checked against the
 * newest row version, so a claim taken over meanwhile is never completed; the event update reads
 * what was deleted. It touches no indexed column of work_event, so PostgreSQL updates in place
 * (HOT, migration 0028).
 */
import { sql, type QueryCreator } from 'kysely';
import type { Database, DbOrTrx } from '../db/create-db.js';
import type { SqlHelpers } from '../db/sql-helpers.js';
import { sqlHelpers } from '../db/sql-helpers.js';
import type { DB } from '../db/types.js';

export interface CompleteInput {
  /** The events whose handlers succeeded (the claim's other events were failed first, so no longer claimed). */
  ids: number[];
  /** The claim token the events were claimed under. */
  workerId: string;
  now: string;
}

/** PostgreSQL: the completion as two data-modifying CTEs (`d`, `u`) ahead of whatever statement follows. */
export function completionCtes(db: QueryCreator<DB>, h: SqlHelpers, o: CompleteInput) {
  return db
    .with('d', (q) =>
      q
        .deleteFrom('outbox_queue')
        .where(h.idIn(sql.ref('work_event_id'), o.ids))
        .where('claimed_by', '=', o.workerId)
        .where('claimed_at', 'is not', null)
        .returning(['org_id', 'work_event_id', 'attempts', 'last_error']),
    )
    .with('u', (q) =>
      q
        .updateTable('work_event as e')
        .from('d')
        .set((eb) => ({ processed_at: o.now, attempts: eb.ref('d.attempts'), last_error: eb.ref('d.last_error'), claimed_by: o.workerId }))
        .whereRef('e.org_id', '=', 'd.org_id')
        .whereRef('e.work_event_id', '=', 'd.work_event_id')
        .returning(['e.work_event_id', h.commitWithoutFlush().as('relaxed')]),
    );
}

/** The completion as two statements, for a caller already in a write transaction (SQLite: the single writer, so no claim can change in between). */
export async function completeInTransaction(trx: DbOrTrx, o: CompleteInput): Promise<number> {
  if (o.ids.length === 0) return 0;
  const res = await trx
    .updateTable('work_event')
    .from('outbox_queue as q')
    .set((eb) => ({ processed_at: o.now, attempts: eb.ref('q.attempts'), last_error: eb.ref('q.last_error'), claimed_by: o.workerId }))
    .whereRef('q.org_id', '=', 'work_event.org_id')
    .whereRef('q.work_event_id', '=', 'work_event.work_event_id')
    .where('q.work_event_id', 'in', o.ids)
    .where('q.claimed_by', '=', o.workerId)
    .where('q.claimed_at', 'is not', null)
    .executeTakeFirst();
  await trx
    .deleteFrom('outbox_queue')
    .where('work_event_id', 'in', o.ids)
    .where('claimed_by', '=', o.workerId)
    .where('claimed_at', 'is not', null)
    .execute();
  return Number(res.numUpdatedRows);
}

/** Completes the events; returns how many were still this claim's (and are now processed). */
export async function completeEvents(database: Database, o: CompleteInput): Promise<number> {
  if (o.ids.length === 0) return 0;
  if (!database.caps.writableCte) return database.db.transaction().execute((trx) => completeInTransaction(trx, o));
  const { rows } = await database.executePrepared(
    completionCtes(database.db, sqlHelpers(database.engine), o)
      .selectFrom('u')
      .select(sql<number>`count(*)`.as('n')),
  );
  return Number(rows[0]!.n);
}

/** A queue row's key. */
export interface QueueKey {
  org_id: number;
  work_event_id: number;
}

/**
 * Dead-letters queue rows the caller's transaction holds (it just updated them, so on PostgreSQL
 * they are locked until it ends): the event records the queue row's attempts, last error and claim,
 * and the queue row goes.
 */
export async function deadLetterRows(trx: DbOrTrx, keys: QueueKey[], now: string): Promise<number> {
  if (keys.length === 0) return 0;
  const res = await trx
    .updateTable('work_event')
    .from('outbox_queue as q')
    .set((eb) => ({ dead_letter_at: now, attempts: eb.ref('q.attempts'), last_error: eb.ref('q.last_error'), claimed_by: eb.ref('q.claimed_by') }))
    .whereRef('q.org_id', '=', 'work_event.org_id')
    .whereRef('q.work_event_id', '=', 'work_event.work_event_id')
    .where((eb) => eb(eb.refTuple('q.org_id', 'q.work_event_id'), 'in', keys.map((k) => eb.tuple(k.org_id, k.work_event_id))))
    .executeTakeFirst();
  await trx
    .deleteFrom('outbox_queue')
    .where((eb) => eb(eb.refTuple('org_id', 'work_event_id'), 'in', keys.map((k) => eb.tuple(k.org_id, k.work_event_id))))
    .execute();
  return Number(res.numUpdatedRows);
}
