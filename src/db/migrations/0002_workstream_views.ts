/**
 * The workstream's database views, partial indexes and daily counters, on both engines, so `SELECT * FROM v_today_panel` works in sqlite3
 * and psql. They are built from the same query builders the API runs (src/workstream/today.query.ts),
 * with the database's now where the API passes its clock's now: one definition, no second copy.
 *
 * The accepted exception to "migrations import only ./helpers.js": that query module imports nothing
 * but kysely, and is frozen with these views — a change to it must come with a new migration that
 * re-creates them. Order the panel with `ORDER BY badge_rank, due_date IS NULL, due_date,
 * last_touch_at DESC` (the API's order).
 *
 * Frozen: once landed this file is never edited.
 */
import { sql, type Kysely } from 'kysely';
import { CANDIDATE_STALE_HOURS, checklistReadinessQuery, todayIndexes, todayPanelQuery } from '../../workstream/today.query.js';
import { dbNow, dbNowMinusHours, refType, type Engine } from './helpers.js';

/** Tables whose rows are counted per org and UTC day of created_at (created_at never changes). */
const COUNTED = ['signal', 'candidate', 'pursuit'] as const;

/**
 * workstream_daily_count: rows per (org, table, UTC day of created_at), kept by triggers in the same
 * transaction as every insert and delete, whoever writes (API, CLI, ingestion, a psql session).
 * Stats and unfiltered list totals sum a few hundred counter rows instead of counting 100k rows;
 * "recent" adds an exact count of the one partial day. On PostgreSQL the triggers are per statement
 * (transition tables), so a 1,000-signal batch is one counter upsert, not a thousand; concurrent
 * inserts of one org on one day serialise briefly on that day's counter row.
 */
async function createDailyCounts(db: Kysely<any>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('workstream_daily_count')
    .addColumn('org_id', refType(engine), (c) => c.notNull().references('org.org_id').onDelete('cascade'))
    .addColumn('item_type', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('workstream_daily_count_pk', ['org_id', 'item_type', 'day'])
    .execute();
  const day = (ref: string) =>
    engine === 'sqlite' ? `substr(${ref}, 1, 10)` : `to_char(${ref} at time zone 'UTC', 'YYYY-MM-DD')`;
  if (engine === 'postgres') {
    await sql
      .raw(
        `create function workstream_count_rows() returns trigger language plpgsql as $$
        begin
          if tg_op = 'INSERT' then
            insert into workstream_daily_count (org_id, item_type, day, n)
              select org_id, tg_argv[0], ${day('created_at')}, count(*) from new_rows group by 1, 2, 3
              on conflict (org_id, item_type, day) do update set n = workstream_daily_count.n + excluded.n;
          else
            update workstream_daily_count w set n = w.n - d.k
              from (select org_id, ${day('created_at')} as day, count(*) as k from old_rows group by 1, 2) d
              where w.org_id = d.org_id and w.item_type = tg_argv[0] and w.day = d.day;
          end if;
          return null;
        end $$`,
      )
      .execute(db);
  }
  for (const table of COUNTED) {
    if (engine === 'sqlite') {
      await sql
        .raw(
          `create trigger ${table}_count_insert after insert on ${table} begin
            insert into workstream_daily_count (org_id, item_type, day, n) values (new.org_id, '${table}', ${day('new.created_at')}, 1)
            on conflict (org_id, item_type, day) do update set n = n + 1;
          end`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger ${table}_count_delete after delete on ${table} begin
            update workstream_daily_count set n = n - 1
            where org_id = old.org_id and item_type = '${table}' and day = ${day('old.created_at')};
          end`,
        )
        .execute(db);
    } else {
      await sql
        .raw(
          `create trigger ${table}_count_insert after insert on ${table} referencing new table as new_rows
           for each statement execute function workstream_count_rows('${table}')`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger ${table}_count_delete after delete on ${table} referencing old table as old_rows
           for each statement execute function workstream_count_rows('${table}')`,
        )
        .execute(db);
    }
    // Rows that existed before this migration.
    await sql
      .raw(
        `insert into workstream_daily_count (org_id, item_type, day, n)
         select org_id, '${table}', ${day('created_at')}, count(*) from ${table} group by org_id, ${day('created_at')}`,
      )
      .execute(db);
  }
}

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  await db.schema.createView('v_pursuit_checklist_ready').as(checklistReadinessQuery(db)).execute();
  await db.schema
    .createView('v_today_panel')
    .as(todayPanelQuery(db, { now: dbNow(engine), staleBefore: dbNowMinusHours(engine, CANDIDATE_STALE_HOURS) }))
    .execute();
  for (const index of todayIndexes(db)) await index.execute();
  await createDailyCounts(db, engine);
}

export async function down(db: Kysely<any>, engine: Engine): Promise<void> {
  for (const table of COUNTED) {
    for (const op of ['insert', 'delete']) {
      await sql.raw(`drop trigger if exists ${table}_count_${op}${engine === 'postgres' ? ` on ${table}` : ''}`).execute(db);
    }
  }
  if (engine === 'postgres') await sql`drop function if exists workstream_count_rows()`.execute(db);
  await db.schema.dropTable('workstream_daily_count').ifExists().execute();
  for (const name of ['candidate_open_touch_idx', 'pursuit_open_due_idx', 'pursuit_open_touch_idx']) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
  await db.schema.dropView('v_today_panel').ifExists().execute();
  await db.schema.dropView('v_pursuit_checklist_ready').ifExists().execute();
}
