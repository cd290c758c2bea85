/**
 * The workstream's database views, partial indexes and daily counters, on both engines, so
 * `SELECT * FROM v_today_panel` works in sqlite3 and psql. The views use the database's now where the
 * API passes its clock's now. Order the panel with `ORDER BY badge_rank, due_date IS NULL, due_date,
 * last_touch_at DESC` (the API's order).
 *
 * Edited once after landing, for one reason: to freeze the SQL it used to import. The views and
 * indexes were built from the query builders of src/workstream/today.query.ts; that SQL is now
 * written out here, exactly as those builders compiled it on each engine (test/migrations-frozen.test.ts
 * proves every statement byte for byte against what this file ran before), and this file imports
 * nothing but kysely and ./helpers.js. The API's Today and readiness queries (today.query.ts,
 * today.repository.ts, checklist.repository.ts) are tied to these views only by
 * test/view-equivalence.test.ts, which proves they answer the same on random data: a change to either
 * side must keep that test green, and a change to a view needs a new migration.
 *
 * Frozen: never edited again.
 */
import { sql, type Kysely } from 'kysely';
import { refType, type Engine } from './helpers.js';

/** Tables whose rows are counted per org and UTC day of created_at (created_at never changes). */
const COUNTED = ['signal', 'candidate', 'pursuit'] as const;

/** One row per pursuit: checklist counts and whether it may be submitted. Lines join with a space. */
const CHECKLIST_READY_VIEW = [
  `select "p"."org_id",`,
  `"p"."pursuit_id", count(k.item_id) as "items_total",`,
  `coalesce(sum(case when k.is_required then 1 else 0 end), 0) as "required_total",`,
  `coalesce(sum(case when k.is_required and k.is_done then 1 else 0 end), 0) as "required_done",`,
  `coalesce(sum(case when ("k"."is_required" and not "k"."is_done") then 1 else 0 end), 0) as "missing_required",`,
  `case when coalesce(sum(case when ("k"."is_required" and not "k"."is_done") then 1 else 0 end), 0) = 0 then 1 else 0 end as "is_ready"`,
  `from "pursuit" as "p"`,
  `left join "pursuit_checklist" as "k" on "k"."org_id" = "p"."org_id" and "k"."pursuit_id" = "p"."pursuit_id"`,
  `group by "p"."org_id", "p"."pursuit_id"`,
].join(' ');

/** The database's now and now − 72 h (a candidate untouched longer is amber), as each engine spells them. */
const TODAY_TIMES: Record<Engine, { now: string; staleBefore: string }> = {
  sqlite: { now: `(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`, staleBefore: `(strftime('%Y-%m-%dT%H:%M:%fZ','now','-72 hours'))` },
  postgres: { now: `now()`, staleBefore: `(now() - '72 hours'::interval)` },
};

/**
 * The Today panel: the union of six disjoint slices (red candidates, red pursuits, dated pursuits
 * amber or green, amber candidates, green undated pursuits, green candidates), joined back to their
 * tables for title, status and the open breach's metric. Lines join with a space.
 */
const todayPanelView = ({ now, staleBefore }: { now: string; staleBefore: string }) =>
  [
    `select "k"."org_id", "k"."item_type", "k"."item_id",`,
    `coalesce("c"."title", "p"."title") as "title", coalesce("c"."status", "p"."pursuit_stage") as "status", coalesce("c"."updated_at", "p"."updated_at") as "updated_at", "k"."due_date",`,
    `case when k.badge = 'red' then ((select min("b"."metric") as "m" from "sla_breach" as "b" where "b"."org_id" = "k"."org_id" and "b"."item_type" = "k"."item_type" and "b"."item_id" = cast(k.item_id as text) and "b"."resolved_at" is null)) end as "sla_metric",`,
    `"k"."badge", "k"."badge_rank", "k"."last_touch_at"`,
    `from (select * from (select "c"."org_id", 'candidate' as "item_type", "c"."candidate_id" as "item_id", 'red' as "badge", 0 as "badge_rank", cast(null as timestamptz) as "due_date", "c"."last_touch_at"`,
    `from "candidate" as "c" where "c"."status" in ('triaged', 'nurture', 'on_hold')`,
    `and "c"."candidate_id" in (select cast(b.item_id as bigint) as "id" from "sla_breach" as "b" where "b"."item_type" = 'candidate' and "b"."resolved_at" is null and "b"."org_id" = "c"."org_id")) as "s0"`,
    `union all select * from (select "p"."org_id", 'pursuit' as "item_type", "p"."pursuit_id" as "item_id", 'red' as "badge", 0 as "badge_rank", "p"."due_date", "p"."updated_at" as "last_touch_at"`,
    `from "pursuit" as "p" where "p"."pursuit_stage" in ('qual', 'pink', 'red', 'submit')`,
    `and "p"."pursuit_id" in (select cast(b.item_id as bigint) as "id" from "sla_breach" as "b" where "b"."item_type" = 'pursuit' and "b"."resolved_at" is null and "b"."org_id" = "p"."org_id")) as "s1"`,
    `union all select * from (select "p"."org_id", 'pursuit' as "item_type", "p"."pursuit_id" as "item_id",`,
    `case when p.due_date < ${now} then 'amber' else 'green' end as "badge",`,
    `case when p.due_date < ${now} then 1 else 2 end as "badge_rank", "p"."due_date", "p"."updated_at" as "last_touch_at"`,
    `from "pursuit" as "p" where "p"."pursuit_stage" in ('qual', 'pink', 'red', 'submit')`,
    `and "p"."pursuit_id" not in (select cast(b.item_id as bigint) as "id" from "sla_breach" as "b" where "b"."item_type" = 'pursuit' and "b"."resolved_at" is null and "b"."org_id" = "p"."org_id")`,
    `and "p"."due_date" is not null) as "s2"`,
    `union all select * from (select "c"."org_id", 'candidate' as "item_type", "c"."candidate_id" as "item_id", 'amber' as "badge", 1 as "badge_rank", cast(null as timestamptz) as "due_date", "c"."last_touch_at"`,
    `from "candidate" as "c" where "c"."status" in ('triaged', 'nurture', 'on_hold')`,
    `and "c"."candidate_id" not in (select cast(b.item_id as bigint) as "id" from "sla_breach" as "b" where "b"."item_type" = 'candidate' and "b"."resolved_at" is null and "b"."org_id" = "c"."org_id")`,
    `and "c"."last_touch_at" < ${staleBefore}) as "s3"`,
    `union all select * from (select "p"."org_id", 'pursuit' as "item_type", "p"."pursuit_id" as "item_id", 'green' as "badge", 2 as "badge_rank", "p"."due_date", "p"."updated_at" as "last_touch_at"`,
    `from "pursuit" as "p" where "p"."pursuit_stage" in ('qual', 'pink', 'red', 'submit')`,
    `and case when p.due_date is null then 1 else 0 end = 1`,
    `and "p"."pursuit_id" not in (select cast(b.item_id as bigint) as "id" from "sla_breach" as "b" where "b"."item_type" = 'pursuit' and "b"."resolved_at" is null and "b"."org_id" = "p"."org_id")) as "s4"`,
    `union all select * from (select "c"."org_id", 'candidate' as "item_type", "c"."candidate_id" as "item_id", 'green' as "badge", 2 as "badge_rank", cast(null as timestamptz) as "due_date", "c"."last_touch_at"`,
    `from "candidate" as "c" where "c"."status" in ('triaged', 'nurture', 'on_hold')`,
    `and "c"."candidate_id" not in (select cast(b.item_id as bigint) as "id" from "sla_breach" as "b" where "b"."item_type" = 'candidate' and "b"."resolved_at" is null and "b"."org_id" = "c"."org_id")`,
    `and "c"."last_touch_at" >= ${staleBefore}) as "s5") as "k"`,
    `left join "candidate" as "c" on "k"."item_type" = 'candidate' and "c"."org_id" = "k"."org_id" and "c"."candidate_id" = "k"."item_id"`,
    `left join "pursuit" as "p" on "k"."item_type" = 'pursuit' and "p"."org_id" = "k"."org_id" and "p"."pursuit_id" = "k"."item_id"`,
  ].join(' ');

/**
 * Partial indexes serving each slice's order; a predicate matches the view's terms exactly (both
 * engines need that to use a partial index), and each carries every column its slices read.
 */
const TODAY_INDEXES = [
  `create index "candidate_open_touch_idx" on "candidate" ("org_id", "last_touch_at" desc, "candidate_id", "status") where "status" in ('triaged', 'nurture', 'on_hold')`,
  `create index "pursuit_open_due_idx" on "pursuit" ("org_id", "due_date", "updated_at" desc, "pursuit_id", "pursuit_stage") where "pursuit_stage" in ('qual', 'pink', 'red', 'submit')`,
  `create index "pursuit_open_touch_idx" on "pursuit" ("org_id", "updated_at" desc, "pursuit_id", "due_date", "pursuit_stage") where "pursuit_stage" in ('qual', 'pink', 'red', 'submit')`,
];

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
  await db.schema.createView('v_pursuit_checklist_ready').as(sql.raw(CHECKLIST_READY_VIEW)).execute();
  await db.schema.createView('v_today_panel').as(sql.raw(todayPanelView(TODAY_TIMES[engine]))).execute();
  for (const index of TODAY_INDEXES) await sql.raw(index).execute(db);
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
