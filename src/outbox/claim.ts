/**
 * Claiming a batch: the outbox's hottest statement.
 *
 * One UPDATE of the queue (outbox_queue, migration 0028) whose subquery picks the ready rows in due
 * order, and the claimed events read from work_event by key; on PostgreSQL one statement (the
 * UPDATE a CTE), on SQLite two in one transaction. On PostgreSQL the subquery takes
 * `FOR UPDATE SKIP LOCKED`, so concurrent workers each lock a disjoint set without waiting on one
 * another (a plain `FOR UPDATE` would queue every worker behind the first; an advisory-lock scheme
 * needs a second round trip). The same statement marks the rows claimed and returns them, so a
 * claim is one round trip. On SQLite there is one writer at a time: the statement runs in a
 * BEGIN IMMEDIATE transaction, which takes the write lock before the read, so a commit by another
 * process between the read and the write can never make it fail with SQLITE_BUSY_SNAPSHOT.
 *
 * `attempts` is counted at claim time (as graphile-worker does): a handler that crashes its
 * process still uses up an attempt, so a poison event ends in the dead-letter queue instead of
 * killing workers forever.
 *
 * Claims and completions commit without waiting for the write-ahead log's flush
 * (SqlHelpers.commitWithoutFlush, PostgreSQL): losing one in a database crash only means the event
 * is claimed or handled again, which the outbox allows anyway (at least once, idempotent
 * handlers); the event itself was committed durably by its writer. The flush was most of a claim's
 * time when the worker wakes for one event (the commit → handler latency).
 */
import { sql, type CompiledQuery, type QueryCreator } from 'kysely';
import type { Database, DbOrTrx } from '../db/create-db.js';
import type { DB, Row } from '../db/types.js';
import { completeInTransaction, completionCtes } from './complete.js';
import { inOrgGroup, type OrgGroup } from '../db/org-group.js';
import { sqlHelpers, type SqlHelpers } from '../db/sql-helpers.js';
import { shapedStatement, slot, type Slot } from '../db/statement-shapes.js';
import { parseWorkEventPayload, type WorkEventView } from './work-events.repository.js';

/** A claimed event: the activity-log view plus what the worker needs about this attempt. */
export interface ClaimedEvent extends Omit<WorkEventView, 'processed_at'> {
  created_at: string;
  /** This attempt's number, 1 for the first. */
  attempts: number;
  claimed_at: string;
}

export interface ClaimOptions {
  /** Stored as `claimed_by`: the worker's id, or (OutboxWorker) a token unique to this claim. */
  workerId: string;
  now: string;
  limit: number;
  /** Only this group's orgs (one shard's, were work_event distributed by org_id); none: every org, the statement unchanged. */
  orgGroup?: OrgGroup | undefined;
}

/** The columns of work_event a claimed event carries (its attempts come from the queue row). */
const EVENT_COLUMNS = ['e.work_event_id', 'e.org_id', 'e.event_name', 'e.item_type', 'e.item_id', 'e.payload_json', 'e.actor', 'e.happened_at', 'e.created_at'] as const;

/** The queue rows to claim (their addresses): ready ones in due order. `db` must not carry the caller's WITH. */
function readyRows(db: DbOrTrx, h: SqlHelpers, skipLocked: boolean, o: ClaimOptions) {
  const group = inOrgGroup(o.orgGroup, 'org_id');
  return db
    .selectFrom('outbox_queue')
    .select(h.rowAddress().as('a'))
    .where('claimed_at', 'is', null)
    .where('next_attempt_at', '<=', o.now)
    .$if(group !== undefined, (q) => q.where(group!))
    .orderBy('next_attempt_at')
    .orderBy('work_event_id')
    .limit(o.limit)
    .$if(skipLocked, (q) => q.forUpdate().skipLocked());
}

/** Marks the ready rows claimed; returns their keys and this attempt's number. `qc` starts the UPDATE (it may carry a WITH). */
function claimUpdate(qc: QueryCreator<DB>, db: DbOrTrx, h: SqlHelpers, skipLocked: boolean, o: ClaimOptions) {
  const group = inOrgGroup(o.orgGroup, 'org_id');
  return qc
    .updateTable('outbox_queue')
    .set({ claimed_at: o.now, claimed_by: o.workerId, attempts: sql<number>`attempts + 1` })
    .where(h.keyIn(h.rowAddress(), readyRows(db, h, skipLocked, o)))
    .$if(group !== undefined, (q) => q.where(group!))
    .returning(['org_id', 'work_event_id', 'attempts', h.commitWithoutFlush().as('relaxed')]);
}

type ClaimRow = Pick<Row<'work_event'>, 'work_event_id' | 'org_id' | 'event_name' | 'item_type' | 'item_id' | 'payload_json' | 'actor' | 'happened_at' | 'created_at' | 'attempts'>;

function toClaimed(rows: ClaimRow[], now: string): ClaimedEvent[] {
  const out = rows.map(
    (r): ClaimedEvent => ({
      work_event_id: r.work_event_id,
      org_id: r.org_id,
      event_name: r.event_name,
      item_type: r.item_type,
      item_id: r.item_id,
      payload: parseWorkEventPayload(r.payload_json),
      actor: r.actor,
      happened_at: r.happened_at,
      created_at: r.created_at,
      attempts: r.attempts,
      claimed_at: now,
    }),
  );
  // Ids ascending (the order handlers of one batch are started in); RETURNING has no order.
  return out.sort((a, b) => a.work_event_id - b.work_event_id);
}

/**
 * PostgreSQL: the claim as a CTE (`qc` may carry earlier CTEs, e.g. a completion) and its events
 * read from work_event by key in the same statement.
 */
function claimWithEvents(database: Database, qc: QueryCreator<DB>, o: ClaimOptions) {
  return qc
    .with('c', () => claimUpdate(database.db, database.db, sqlHelpers(database.engine), true, o))
    .selectFrom('c')
    .innerJoin('work_event as e', (j) => j.onRef('e.org_id', '=', 'c.org_id').onRef('e.work_event_id', '=', 'c.work_event_id'))
    .select([...EVENT_COLUMNS, 'c.attempts']);
}

async function claimInOneStatement(database: Database, qc: QueryCreator<DB>, o: ClaimOptions): Promise<ClaimedEvent[]> {
  const { rows } = await database.executePrepared(claimWithEvents(database, qc, o));
  return toClaimed(rows, o.now);
}

/** The values that change from claim to claim: slots in claimTemplate's compiled statement. */
const NOW_SLOT = slot('now');
const TOKEN_SLOT = slot('token');

/**
 * The plain claim (a lane woken for new work: the path of the commit → handler latency) compiled
 * once per database, batch size and org group (statement-shapes.ts), then re-used with this claim's
 * time and token in their slots: building and compiling the query was about a quarter of the time
 * from the wake-up to the claim's answer.
 */
function claimTemplate(database: Database, o: ClaimOptions): CompiledQuery<ClaimRow> {
  const shape = `outbox.claim|${o.limit}|${o.orgGroup ? `${o.orgGroup.first}-${o.orgGroup.last ?? ''}` : '*'}`;
  return shapedStatement(
    database.db,
    shape,
    () => claimWithEvents(database, database.db as unknown as QueryCreator<DB>, { ...o, now: NOW_SLOT, workerId: TOKEN_SLOT }),
    new Map<Slot, unknown>([
      [NOW_SLOT, o.now],
      [TOKEN_SLOT, o.workerId],
    ]),
  );
}

/** SQLite (inside the caller's BEGIN IMMEDIATE transaction): the claim, then its events. */
async function claimInTransaction(trx: DbOrTrx, h: SqlHelpers, o: ClaimOptions): Promise<ClaimedEvent[]> {
  const claimed = await claimUpdate(trx, trx, h, false, o).execute();
  if (claimed.length === 0) return [];
  const attempts = new Map(claimed.map((c) => [c.work_event_id, c.attempts]));
  const events = await trx
    .selectFrom('work_event as e')
    .select(EVENT_COLUMNS)
    .where('e.work_event_id', 'in', [...attempts.keys()])
    .execute();
  return toClaimed(
    events.map((e) => ({ ...e, attempts: attempts.get(e.work_event_id)! })),
    o.now,
  );
}

/** Claims up to `limit` ready events for `workerId`, atomically. */
export async function claimEvents(database: Database, o: ClaimOptions): Promise<ClaimedEvent[]> {
  if (database.caps.skipLocked && database.caps.writableCte) return toClaimed((await database.executePrepared(claimTemplate(database, o))).rows, o.now);
  return database.db.transaction().execute((trx) => claimInTransaction(trx, sqlHelpers(database.engine), o));
}

/** A batch whose handlers all succeeded, to be marked processed (see completeEvents). */
export interface Completion {
  ids: number[];
  /** The claim token the events were claimed under. */
  workerId: string;
}

/**
 * Completes one batch and claims the next in a single round trip and a single commit: what a
 * busy lane does between batches. On PostgreSQL one statement, the completion data-modifying CTEs
 * that run to completion whether or not the claim finds anything, all in one snapshot; the queue
 * rows being completed are still claimed in that snapshot, so the claim can never pick them up
 * again. Atomic: if the statement fails neither happened. On SQLite all of it in one
 * BEGIN IMMEDIATE transaction.
 */
export async function completeAndClaim(database: Database, done: Completion, o: ClaimOptions): Promise<ClaimedEvent[]> {
  if (done.ids.length === 0) return claimEvents(database, o);
  if (!(database.caps.skipLocked && database.caps.writableCte)) {
    return database.db.transaction().execute(async (trx) => {
      await completeInTransaction(trx, { ...done, now: o.now });
      return claimInTransaction(trx, sqlHelpers(database.engine), o);
    });
  }
  return claimInOneStatement(database, completionCtes(database.db, sqlHelpers(database.engine), { ...done, now: o.now }) as unknown as QueryCreator<DB>, o);
}

function nextDueStatement(qc: QueryCreator<DB>, orgGroup: OrgGroup | undefined) {
  const group = inOrgGroup(orgGroup, 'org_id');
  return qc
    .selectFrom('outbox_queue')
    .select('next_attempt_at')
    .where('claimed_at', 'is', null)
    .$if(group !== undefined, (q) => q.where(group!))
    .orderBy('next_attempt_at')
    .limit(1);
}

/** When the next not-yet-due event becomes due (for the idle wait), or undefined if none waits. */
export async function nextDueAt(db: DbOrTrx, orgGroup?: OrgGroup): Promise<string | undefined> {
  const row = await nextDueStatement(db, orgGroup).executeTakeFirst();
  return row?.next_attempt_at ?? undefined;
}

/**
 * Completes a lane's last batch before it goes idle and answers nextDueAt, in one round trip (data-
 * modifying CTEs ahead of the read on PostgreSQL; one transaction on SQLite). The read does not
 * see the completion, which changes nothing: the completed rows were claimed, so not waiting.
 */
export async function completeAndNextDue(database: Database, done: Completion, now: string, orgGroup?: OrgGroup): Promise<string | undefined> {
  if (!database.caps.writableCte) {
    return database.db.transaction().execute(async (trx) => {
      await completeInTransaction(trx, { ...done, now });
      return nextDueAt(trx, orgGroup);
    });
  }
  const { rows } = await database.executePrepared(nextDueStatement(completionCtes(database.db, sqlHelpers(database.engine), { ...done, now }) as unknown as QueryCreator<DB>, orgGroup));
  return rows[0]?.next_attempt_at ?? undefined;
}

/** A numeric id from the payload (`key`) or, when the event is about that item type, its item_id. */
export function numericId(e: ClaimedEvent, key: string, itemType: string): number | undefined {
  const fromPayload = e.payload[key];
  const raw = fromPayload ?? (e.item_type === itemType ? e.item_id : undefined);
  const n = Number(raw);
  return raw !== undefined && raw !== null && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}
