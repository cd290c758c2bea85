/**
 * Outbox worker: claim/sweep/dead-letter indexes, the PostgreSQL commit notification, and webhook
 * dispatch state (one row per endpoint and source event).
 *
 * Frozen once landed: later changes come as new migrations.
 */
import { sql, type Kysely } from 'kysely';
import { dbNow, refType, tsType, type Engine } from './helpers.js';

/** Channel the PostgreSQL trigger notifies on commit (src/outbox/wake-sources.ts LISTENs on it). */
const OUTBOX_CHANNEL = 'flowledger_outbox';

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const ts = tsType(engine);
  const ref = refType(engine);

  // The claim's scan: ready events in due order. Partial, so it holds only the small live queue
  // (claimed, processed and dead-lettered rows drop out of it) however long the log grows.
  await db.schema
    .createIndex('work_event_ready_idx')
    .on('work_event')
    .columns(['next_attempt_at', 'work_event_id'])
    .where(sql.ref('processed_at'), 'is', null)
    .where(sql.ref('dead_letter_at'), 'is', null)
    .where(sql.ref('claimed_at'), 'is', null)
    .execute();
  // The sweeper's scan: claims in flight, oldest first.
  await db.schema
    .createIndex('work_event_claimed_idx')
    .on('work_event')
    .columns(['claimed_at'])
    .where(sql.ref('processed_at'), 'is', null)
    .where(sql.ref('dead_letter_at'), 'is', null)
    .where(sql.ref('claimed_at'), 'is not', null)
    .execute();
  // The admin API's dead-letter list, per org.
  await db.schema
    .createIndex('work_event_dead_idx')
    .on('work_event')
    .columns(['org_id', 'dead_letter_at', 'work_event_id'])
    .where(sql.ref('dead_letter_at'), 'is not', null)
    .execute();

  // Webhook dispatch: which endpoint owes which event. The primary key makes the fan-out
  // idempotent (a re-run inserts nothing), delivered_at makes a 2xx final.
  await db.schema
    .createTable('webhook_dispatch')
    .addColumn('org_id', ref, (c) => c.notNull())
    .addColumn('webhook_id', ref, (c) => c.notNull())
    .addColumn('work_event_id', ref, (c) => c.notNull())
    .addColumn('deliver_event_id', ref)
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('delivered_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(dbNow(engine)))
    .addPrimaryKeyConstraint('webhook_dispatch_pk', ['org_id', 'webhook_id', 'work_event_id'])
    .addForeignKeyConstraint('webhook_dispatch_webhook_fk', ['org_id', 'webhook_id'], 'webhook_endpoint', ['org_id', 'webhook_id'], (f) =>
      f.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('webhook_endpoint_org_active_idx').on('webhook_endpoint').columns(['org_id', 'is_active']).execute();

  if (engine === 'postgres') {
    // NOTIFY from the appending transaction itself: a statement-level trigger sends the new ids
    // (at most 20, then "+n more") once per INSERT, and PostgreSQL delivers it only on commit, so a
    // worker in any process wakes exactly when the events become visible. Any writer (API, CLI,
    // another service) is covered without remembering to notify.
    await sql`
      create function flowledger_outbox_notify() returns trigger language plpgsql as $$
      declare
        ids text;
        n bigint;
      begin
        select count(*) into n from new_rows;
        select string_agg(work_event_id::text, ',') into ids
          from (select work_event_id from new_rows order by work_event_id limit 20) s;
        if n > 20 then ids := ids || ',+' || (n - 20)::text; end if;
        perform pg_notify(${sql.lit(OUTBOX_CHANNEL)}, coalesce(ids, ''));
        return null;
      end $$`.execute(db);
    await sql`
      create trigger work_event_notify after insert on work_event
      referencing new table as new_rows
      for each statement execute function flowledger_outbox_notify()`.execute(db);
  }
}
