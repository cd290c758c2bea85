/**
 * The outbox's live queue moves out of work_event into a lean table of its own (#23).
 *
 * Before, claiming and completing an event were two updates of its work_event row, and each wrote
 * a new version of the row into every one of work_event's indexes (the claim and ready indexes'
 * predicates name claimed_at and processed_at, so PostgreSQL could never update in place): about
 * a dozen index entries per event, the bulk of the outbox's PostgreSQL CPU. Now:
 * - `outbox_queue` holds one small row per event still to be handled (due time, attempts, claim,
 *   last error), with two partial indexes (ready rows, and claims in flight by token). A claim
 *   updates it; a completion or a dead-lettering deletes it. It is empty in a steady state.
 * - work_event keeps the record: processed_at, dead_letter_at, and the attempts, last error and
 *   claim token of the attempt that ended it. No index of work_event names those columns any more
 *   (the ready, claimed and pending indexes are dropped), so on PostgreSQL the completion's update
 *   is a heap-only (HOT) update: no index entry at all. HOT needs room on the row's own page, hence
 *   a fill factor of 70 for work_event (new pages only; existing ones fill up as before).
 * - work_event.next_attempt_at is when the event was first due (what the appender asked for); it
 *   is no longer updated, nor is claimed_at written (claims in flight are moved and cleared here):
 *   the queue row says when an event is due next and who holds it.
 * - A trigger queues every appended event (below).
 *
 * Rows move on upgrade: every unprocessed, not dead-lettered event gets its queue row with its
 * claim, attempts and due time (an event without a due time is due when it was created).
 *
 * Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';
import { refType, tsType, type Engine } from './helpers.js';

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const ts = tsType(engine);
  const ref = refType(engine);
  await db.schema
    .createTable('outbox_queue')
    .addColumn('org_id', ref, (c) => c.notNull())
    .addColumn('work_event_id', ref, (c) => c.notNull())
    .addColumn('next_attempt_at', ts, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_at', ts)
    .addColumn('last_error', 'text')
    .addPrimaryKeyConstraint('outbox_queue_pk', ['org_id', 'work_event_id'])
    // SQLite's work_event is keyed by its rowid alone (0027 left SQLite's keys as they were).
    .$call((t) =>
      engine === 'sqlite'
        ? t.addForeignKeyConstraint('outbox_queue_event_fk', ['work_event_id'], 'work_event', ['work_event_id'], (f) => f.onDelete('cascade'))
        : t.addForeignKeyConstraint('outbox_queue_event_fk', ['org_id', 'work_event_id'], 'work_event', ['org_id', 'work_event_id'], (f) => f.onDelete('cascade')),
    )
    .execute();
  // The claim's scan: ready rows in due order.
  await db.schema
    .createIndex('outbox_queue_ready_idx')
    .on('outbox_queue')
    .columns(['next_attempt_at', 'work_event_id'])
    .where(sql.ref('claimed_at'), 'is', null)
    .execute();
  // Claims in flight, by claim token: a completion finds its batch's rows here (a condition on the
  // primary key's second column alone left PostgreSQL scanning the whole org's queue when its
  // statistics were stale), as does the release of a stranded claim; the sweeper reads the whole
  // (small) index for the expired ones.
  await db.schema
    .createIndex('outbox_queue_claimed_idx')
    .on('outbox_queue')
    .columns(['claimed_by'])
    .where(sql.ref('claimed_at'), 'is not', null)
    .execute();

  await sql`
    insert into outbox_queue (org_id, work_event_id, next_attempt_at, attempts, claimed_by, claimed_at, last_error)
    select org_id, work_event_id, coalesce(next_attempt_at, created_at), attempts, claimed_by, claimed_at, last_error
      from work_event
     where processed_at is null and dead_letter_at is null`.execute(db);
  // Only claims in flight are cleared; next_attempt_at stays on old rows as history (rewriting every row of a long log is not worth it).
  await sql`update work_event set claimed_at = null where claimed_at is not null`.execute(db);

  // Every appended event (unless written as already processed or dead, e.g. history imported) is queued by the database itself, in the appending statement's
  // transaction: any writer (API, CLI, another service, a test's own insert) is covered without
  // remembering, as with 0004's NOTIFY. Set-based on PostgreSQL (one insert per statement, from
  // the statement's new rows); per row on SQLite, which has no statement-level triggers.
  if (engine === 'postgres') {
    await sql`
      create function flowledger_outbox_enqueue() returns trigger language plpgsql as $$
      begin
        insert into outbox_queue (org_id, work_event_id, next_attempt_at)
          select org_id, work_event_id, coalesce(next_attempt_at, created_at) from new_rows
           where processed_at is null and dead_letter_at is null;
        return null;
      end $$`.execute(db);
    await sql`
      create trigger work_event_enqueue after insert on work_event
      referencing new table as new_rows
      for each statement execute function flowledger_outbox_enqueue()`.execute(db);
  } else {
    await sql`
      create trigger work_event_enqueue after insert on work_event for each row
      when new.processed_at is null and new.dead_letter_at is null begin
        insert into outbox_queue (org_id, work_event_id, next_attempt_at) values (new.org_id, new.work_event_id, coalesce(new.next_attempt_at, new.created_at));
      end`.execute(db);
  }

  for (const name of ['work_event_ready_idx', 'work_event_claimed_idx', 'work_event_pending_idx']) await db.schema.dropIndex(name).ifExists().execute();
  if (engine === 'postgres') await sql`alter table work_event set (fillfactor = 70)`.execute(db);
}
