/**
 * The commit-ordered event feed (src/db/event-feed.ts, #21).
 *
 * PostgreSQL hands out work_event ids before commit, so id order is not commit order: a reader that
 * keeps an id cursor can pass over a row whose transaction commits later. Each row now records its
 * writing transaction's top-level id (`pg_current_xact_id()`, the same for every savepoint), so a
 * reader can ask per transaction "committed since the snapshot I last read at?"
 * (`pg_visible_in_snapshot`), and a transaction still in progress holds back only its own rows.
 * Indexed: a feed read looks rows up by the transactions it has not seen yet. SQLite has one writer
 * at a time, so its id order is its commit order and it needs no column.
 *
 * `work_event_feed`, one row on both engines, records what retention pruning removed (the highest
 * work_event_id and, on PostgreSQL, the highest xact_id of deleted events), so a resume position
 * older than that is told to reload rather than silently missing events; and a random `epoch`, so a
 * position from another database is recognised as foreign.
 *
 * Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';
import type { Engine } from './helpers.js';

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  if (engine === 'postgres') {
    await sql`alter table work_event add column xact_id xid8 not null default pg_current_xact_id()`.execute(db);
    await db.schema.createIndex('work_event_xact_idx').on('work_event').columns(['xact_id']).execute();
  }
  await db.schema
    .createTable('work_event_feed')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('epoch', 'text', (c) => c.notNull())
    .addColumn('pruned_event_id', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('pruned_xact_id', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  const epoch = engine === 'sqlite' ? sql`lower(hex(randomblob(6)))` : sql`substr(md5(random()::text || clock_timestamp()::text), 1, 12)`;
  await sql`insert into work_event_feed (id, epoch) values (1, ${epoch})`.execute(db);
}
