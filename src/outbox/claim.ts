/**
 * Claiming a batch: the outbox's hottest statement.
 *
 * One UPDATE whose subquery picks the ready events in due order; on PostgreSQL the subquery takes
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
 */
import { sql } from 'kysely';
import type { Database, DbOrTrx } from '../db/create-db.js';
import { inOrgGroup, type OrgGroup } from '../db/org-group.js';
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

async function claimOn(db: DbOrTrx, skipLocked: boolean, o: ClaimOptions): Promise<ClaimedEvent[]> {
  const group = inOrgGroup(o.orgGroup, 'org_id');
  const ready = db
    .selectFrom('work_event')
    .select('work_event_id')
    .where('processed_at', 'is', null)
    .where('dead_letter_at', 'is', null)
    .where('claimed_at', 'is', null)
    .where('next_attempt_at', '<=', o.now)
    .$if(group !== undefined, (q) => q.where(group!))
    .orderBy('next_attempt_at')
    .orderBy('work_event_id')
    .limit(o.limit)
    .$if(skipLocked, (q) => q.forUpdate().skipLocked());
  const rows = await db
    .updateTable('work_event')
    .set({ claimed_at: o.now, claimed_by: o.workerId, attempts: sql<number>`attempts + 1` })
    .where('work_event_id', 'in', ready)
    .$if(group !== undefined, (q) => q.where(group!))
    .returning([
      'work_event_id',
      'org_id',
      'event_name',
      'item_type',
      'item_id',
      'payload_json',
      'actor',
      'happened_at',
      'created_at',
      'attempts',
      'claimed_at',
    ])
    .execute();
  return rows
    .map((r) => ({
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
      claimed_at: r.claimed_at!,
    }))
    .sort((a, b) => a.work_event_id - b.work_event_id);
}

/** Claims up to `limit` ready events for `workerId`, atomically. */
export async function claimEvents(database: Database, o: ClaimOptions): Promise<ClaimedEvent[]> {
  if (database.caps.skipLocked) return claimOn(database.db, true, o);
  return database.db.transaction().execute((trx) => claimOn(trx, false, o));
}

/** When the next not-yet-due event becomes due (for the idle wait), or undefined if none waits. */
export async function nextDueAt(db: DbOrTrx, orgGroup?: OrgGroup): Promise<string | undefined> {
  const group = inOrgGroup(orgGroup, 'org_id');
  const row = await db
    .selectFrom('work_event')
    .select('next_attempt_at')
    .where('processed_at', 'is', null)
    .where('dead_letter_at', 'is', null)
    .where('claimed_at', 'is', null)
    .$if(group !== undefined, (q) => q.where(group!))
    .orderBy('next_attempt_at')
    .limit(1)
    .executeTakeFirst();
  return row?.next_attempt_at ?? undefined;
}

/** A numeric id from the payload (`key`) or, when the event is about that item type, its item_id. */
export function numericId(e: ClaimedEvent, key: string, itemType: string): number | undefined {
  const fromPayload = e.payload[key];
  const raw = fromPayload ?? (e.item_type === itemType ? e.item_id : undefined);
  const n = Number(raw);
  return raw !== undefined && raw !== null && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}
