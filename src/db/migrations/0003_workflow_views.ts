/**
 * Workflow intelligence: the seed's metric views, the trigger-kept per-status counters behind the
 * fast metrics API, and the indexes the task list's filters and sorts walk.
 *
 * Edited once after landing, for one reason: to freeze the SQL it used to import. The views, the
 * counter triggers and the initial count were built from src/workflow/metrics.query.ts (and the
 * engine spellings of src/db/sql-helpers.ts); that SQL is now written out here, exactly as it was
 * generated on each engine (test/migrations-frozen.test.ts proves every statement byte for byte
 * against what this file ran before), and this file imports nothing but kysely and ./helpers.js.
 * The metrics API (metrics.query.ts, metrics.service.ts) is tied to these views and to the
 * trigger-kept counters only by test/view-equivalence.test.ts, which proves they answer the same on
 * random data: a change to either side must keep that test green, and a change to a view or a
 * trigger needs a new migration.
 *
 * Frozen: never edited again.
 */
import { sql, type Kysely } from 'kysely';
import { realType, refType, type Engine } from './helpers.js';

const KEY = ['org_id', 'workflow_category', 'task_status'] as const;

/** The counter row: its key, then the per-task facts it sums. */
const COUNTER_COLUMNS = 'org_id, workflow_category, task_status, tasks, dollar_value, sla_missed, sla_met, sla_breached, resolution_hours_sum, resolution_count';

/** Existing tasks (if any), counted once, set-based. */
const COUNT_EXISTING_TASKS = `insert into workflow_task_counters (${COUNTER_COLUMNS})
    select org_id, workflow_category, task_status, sum(1), sum(workflow_tasks.dollar_value), sum(case when workflow_tasks.sla_deadline is not null and ((workflow_tasks.task_status = 'COMPLETED' and workflow_tasks.completed_at > workflow_tasks.sla_deadline) or (workflow_tasks.task_status <> 'COMPLETED' and workflow_tasks.sla_status = 'breached')) then 1 else 0 end), sum(case when workflow_tasks.task_status = 'COMPLETED' and workflow_tasks.sla_deadline is not null and workflow_tasks.completed_at <= workflow_tasks.sla_deadline then 1 else 0 end), sum(case when workflow_tasks.sla_status = 'breached' then 1 else 0 end), sum(case when workflow_tasks.task_status = 'COMPLETED' then coalesce(workflow_tasks.resolution_hours, 0) else 0 end), sum(case when workflow_tasks.task_status = 'COMPLETED' and workflow_tasks.resolution_hours is not null then 1 else 0 end)
    from workflow_tasks group by org_id, workflow_category, task_status`;

// ------------------------------------------------------------------ SQLite: per-row triggers
const SQLITE_ON_CONFLICT = `on conflict (org_id, workflow_category, task_status) do update set tasks = tasks + excluded.tasks, dollar_value = dollar_value + excluded.dollar_value, sla_missed = sla_missed + excluded.sla_missed, sla_met = sla_met + excluded.sla_met, sla_breached = sla_breached + excluded.sla_breached, resolution_hours_sum = resolution_hours_sum + excluded.resolution_hours_sum, resolution_count = resolution_count + excluded.resolution_count;`;

/** Adds the new row's facts to its counter row. */
const SQLITE_ADD_NEW = `insert into workflow_task_counters (${COUNTER_COLUMNS}) values (NEW.org_id, NEW.workflow_category, NEW.task_status, 1, NEW.dollar_value, case when NEW.sla_deadline is not null and ((NEW.task_status = 'COMPLETED' and NEW.completed_at > NEW.sla_deadline) or (NEW.task_status <> 'COMPLETED' and NEW.sla_status = 'breached')) then 1 else 0 end, case when NEW.task_status = 'COMPLETED' and NEW.sla_deadline is not null and NEW.completed_at <= NEW.sla_deadline then 1 else 0 end, case when NEW.sla_status = 'breached' then 1 else 0 end, case when NEW.task_status = 'COMPLETED' then coalesce(NEW.resolution_hours, 0) else 0 end, case when NEW.task_status = 'COMPLETED' and NEW.resolution_hours is not null then 1 else 0 end)
      ${SQLITE_ON_CONFLICT}`;

/** Subtracts the old row's facts from its counter row. */
const SQLITE_SUBTRACT_OLD = `insert into workflow_task_counters (${COUNTER_COLUMNS}) values (OLD.org_id, OLD.workflow_category, OLD.task_status, -(1), -(OLD.dollar_value), -(case when OLD.sla_deadline is not null and ((OLD.task_status = 'COMPLETED' and OLD.completed_at > OLD.sla_deadline) or (OLD.task_status <> 'COMPLETED' and OLD.sla_status = 'breached')) then 1 else 0 end), -(case when OLD.task_status = 'COMPLETED' and OLD.sla_deadline is not null and OLD.completed_at <= OLD.sla_deadline then 1 else 0 end), -(case when OLD.sla_status = 'breached' then 1 else 0 end), -(case when OLD.task_status = 'COMPLETED' then coalesce(OLD.resolution_hours, 0) else 0 end), -(case when OLD.task_status = 'COMPLETED' and OLD.resolution_hours is not null then 1 else 0 end))
      ${SQLITE_ON_CONFLICT}`;

/** Updates touching none of the columns that can move a task's facts skip the update trigger. */
const SQLITE_TRIGGERS = [
  `create trigger workflow_tasks_counters_ins after insert on workflow_tasks begin ${SQLITE_ADD_NEW} end`,
  `create trigger workflow_tasks_counters_del after delete on workflow_tasks begin ${SQLITE_SUBTRACT_OLD} end`,
  `create trigger workflow_tasks_counters_upd after update of org_id, workflow_category, task_status, dollar_value, sla_deadline, sla_status, completed_at, resolution_hours on workflow_tasks
       begin ${SQLITE_SUBTRACT_OLD} ${SQLITE_ADD_NEW} end`,
];

// ------------------------------------------------------------------ PostgreSQL: per-statement triggers
/*
 * Per statement over transition tables: a set-based update of 100k tasks (the SLA monitor) becomes
 * one grouped upsert, not 100k. Groups whose deltas are all zero are skipped so an update of
 * unrelated columns writes nothing. Counter rows are upserted in key order, so concurrent
 * transactions lock them in the same order and cannot deadlock on them; writers that touch the same
 * (org, category, status) row do queue on it until commit — the price of exact counts.
 */
const PG_NEW_ROWS_FACTS = `select new_rows.org_id, new_rows.workflow_category, new_rows.task_status, (1) as tasks, (new_rows.dollar_value) as dollar_value, (case when new_rows.sla_deadline is not null and ((new_rows.task_status = 'COMPLETED' and new_rows.completed_at > new_rows.sla_deadline) or (new_rows.task_status <> 'COMPLETED' and new_rows.sla_status = 'breached')) then 1 else 0 end) as sla_missed, (case when new_rows.task_status = 'COMPLETED' and new_rows.sla_deadline is not null and new_rows.completed_at <= new_rows.sla_deadline then 1 else 0 end) as sla_met, (case when new_rows.sla_status = 'breached' then 1 else 0 end) as sla_breached, (case when new_rows.task_status = 'COMPLETED' then coalesce(new_rows.resolution_hours, 0) else 0 end) as resolution_hours_sum, (case when new_rows.task_status = 'COMPLETED' and new_rows.resolution_hours is not null then 1 else 0 end) as resolution_count from new_rows`;

const PG_OLD_ROWS_FACTS_NEGATED = `select old_rows.org_id, old_rows.workflow_category, old_rows.task_status, -(1) as tasks, -(old_rows.dollar_value) as dollar_value, -(case when old_rows.sla_deadline is not null and ((old_rows.task_status = 'COMPLETED' and old_rows.completed_at > old_rows.sla_deadline) or (old_rows.task_status <> 'COMPLETED' and old_rows.sla_status = 'breached')) then 1 else 0 end) as sla_missed, -(case when old_rows.task_status = 'COMPLETED' and old_rows.sla_deadline is not null and old_rows.completed_at <= old_rows.sla_deadline then 1 else 0 end) as sla_met, -(case when old_rows.sla_status = 'breached' then 1 else 0 end) as sla_breached, -(case when old_rows.task_status = 'COMPLETED' then coalesce(old_rows.resolution_hours, 0) else 0 end) as resolution_hours_sum, -(case when old_rows.task_status = 'COMPLETED' and old_rows.resolution_hours is not null then 1 else 0 end) as resolution_count from old_rows`;

/** Adds the summed deltas of `rows` to the counter rows. */
const pgApply = (rows: string) => `insert into workflow_task_counters (${COUNTER_COLUMNS})
      select org_id, workflow_category, task_status, sum(tasks), sum(dollar_value), sum(sla_missed), sum(sla_met), sum(sla_breached), sum(resolution_hours_sum), sum(resolution_count) from (${rows}) d
      group by org_id, workflow_category, task_status
      having sum(tasks) <> 0 or sum(dollar_value) <> 0 or sum(sla_missed) <> 0 or sum(sla_met) <> 0 or sum(sla_breached) <> 0 or sum(resolution_hours_sum) <> 0 or sum(resolution_count) <> 0
      order by org_id, workflow_category, task_status
      on conflict (org_id, workflow_category, task_status) do update set tasks = workflow_task_counters.tasks + excluded.tasks, dollar_value = workflow_task_counters.dollar_value + excluded.dollar_value, sla_missed = workflow_task_counters.sla_missed + excluded.sla_missed, sla_met = workflow_task_counters.sla_met + excluded.sla_met, sla_breached = workflow_task_counters.sla_breached + excluded.sla_breached, resolution_hours_sum = workflow_task_counters.resolution_hours_sum + excluded.resolution_hours_sum, resolution_count = workflow_task_counters.resolution_count + excluded.resolution_count;`;

const PG_TRIGGERS = [
  `create function workflow_tasks_counters_apply() returns trigger language plpgsql as $fn$
begin
  if tg_op = 'INSERT' then
    ${pgApply(PG_NEW_ROWS_FACTS)}
  elsif tg_op = 'DELETE' then
    ${pgApply(PG_OLD_ROWS_FACTS_NEGATED)}
  else
    ${pgApply(`${PG_OLD_ROWS_FACTS_NEGATED} union all ${PG_NEW_ROWS_FACTS}`)}
  end if;
  return null;
end
$fn$`,
  `create trigger workflow_tasks_counters_ins after insert on workflow_tasks referencing new table as new_rows for each statement execute function workflow_tasks_counters_apply()`,
  `create trigger workflow_tasks_counters_del after delete on workflow_tasks referencing old table as old_rows for each statement execute function workflow_tasks_counters_apply()`,
  `create trigger workflow_tasks_counters_upd after update on workflow_tasks referencing old table as old_rows new table as new_rows for each statement execute function workflow_tasks_counters_apply()`,
];

// ------------------------------------------------------------------ the metric views
/** Per-task facts of every task row: what the counters pre-sum, read directly by the views. */
const TASK_FACT_ROWS = `select org_id, workflow_category, task_status, 1 as tasks, workflow_tasks.dollar_value as dollar_value, case when workflow_tasks.sla_deadline is not null and ((workflow_tasks.task_status = 'COMPLETED' and workflow_tasks.completed_at > workflow_tasks.sla_deadline) or (workflow_tasks.task_status <> 'COMPLETED' and workflow_tasks.sla_status = 'breached')) then 1 else 0 end as sla_missed, case when workflow_tasks.task_status = 'COMPLETED' and workflow_tasks.sla_deadline is not null and workflow_tasks.completed_at <= workflow_tasks.sla_deadline then 1 else 0 end as sla_met, case when workflow_tasks.sla_status = 'breached' then 1 else 0 end as sla_breached, case when workflow_tasks.task_status = 'COMPLETED' then coalesce(workflow_tasks.resolution_hours, 0) else 0 end as resolution_hours_sum, case when workflow_tasks.task_status = 'COMPLETED' and workflow_tasks.resolution_hours is not null then 1 else 0 end as resolution_count from workflow_tasks`;

/** What the engines spell differently in the views: rounding to 2 decimals, and the database's now − 24 h / − 1 h. */
interface ViewSpelling {
  round2(value: string): string;
  dayAgo: string;
  hourAgo: string;
}

const VIEW_SPELLING: Record<Engine, ViewSpelling> = {
  sqlite: {
    round2: (value) => `round(${value}, 2)`,
    dayAgo: `strftime('%Y-%m-%dT%H:%M:%fZ', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), '-24 hours')`,
    hourAgo: `strftime('%Y-%m-%dT%H:%M:%fZ', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), '-1 hours')`,
  },
  postgres: {
    round2: (value) => `round(cast(${value} as numeric), 2)`,
    dayAgo: `(now() + '-24 hours'::interval)`,
    hourAgo: `(now() + '-1 hours'::interval)`,
  },
};

const metricViews = ({ round2, dayAgo, hourAgo }: ViewSpelling): Array<{ name: string; body: string }> => [
  {
    name: 'executive_metrics_v2',
    body: `select o.org_id,
  coalesce(f.total_tasks, 0) as total_tasks,
  coalesce(f.red_tasks, 0) as red_tasks,
  coalesce(f.yellow_tasks, 0) as yellow_tasks,
  coalesce(f.green_tasks, 0) as green_tasks,
  coalesce(f.completed_tasks, 0) as completed_tasks,
  ${round2(`coalesce(f.at_risk_value, 0)`)} as revenue_at_risk,
  coalesce(f.sla_missed, 0) as sla_violations,
  (select count(*) from workflow_tasks t where t.org_id = o.org_id and t.created_at >= ${dayAgo}) as tasks_last_24h,
  ${round2(`case when (coalesce(f.sla_met, 0) + coalesce(f.sla_missed, 0)) = 0 then 100 else 100.0 * coalesce(f.sla_met, 0) / (coalesce(f.sla_met, 0) + coalesce(f.sla_missed, 0)) end`)} as sla_met_percentage
from org o left join (
  select org_id,
    sum(tasks) as total_tasks,
    sum(case when task_status in ('RED') then tasks else 0 end) as red_tasks,
    sum(case when task_status in ('YELLOW') then tasks else 0 end) as yellow_tasks,
    sum(case when task_status in ('GREEN') then tasks else 0 end) as green_tasks,
    sum(case when task_status in ('COMPLETED') then tasks else 0 end) as completed_tasks,
    sum(case when task_status in ('RED', 'YELLOW') then dollar_value else 0 end) as at_risk_value,
    sum(sla_missed) as sla_missed,
    sum(sla_met) as sla_met
  from (${TASK_FACT_ROWS}) s group by org_id
) f on f.org_id = o.org_id`,
  },
  {
    name: 'category_performance_v2',
    body: `select org_id, workflow_category,
  sum(tasks) as total_tasks,
  sum(case when task_status in ('RED', 'YELLOW', 'GREEN') then tasks else 0 end) as open_tasks,
  sum(case when task_status in ('COMPLETED') then tasks else 0 end) as completed_tasks,
  ${round2(`case when sum(tasks) = 0 then 0 else 100.0 * sum(case when task_status in ('COMPLETED') then tasks else 0 end) / sum(tasks) end`)} as completion_rate,
  case when sum(resolution_count) = 0 then null else ${round2(`sum(resolution_hours_sum) / sum(resolution_count)`)} end as avg_resolution_hrs,
  ${round2(`case when (sum(sla_met) + sum(sla_missed)) = 0 then 100 else 100.0 * sum(sla_met) / (sum(sla_met) + sum(sla_missed)) end`)} as sla_met_percentage,
  ${round2(`(case when sum(tasks) = 0 then 0 else 100.0 * sum(case when task_status in ('COMPLETED') then tasks else 0 end) / sum(tasks) end + case when (sum(sla_met) + sum(sla_missed)) = 0 then 100 else 100.0 * sum(sla_met) / (sum(sla_met) + sum(sla_missed)) end) / 2.0`)} as efficiency_score
from (${TASK_FACT_ROWS}) s
group by org_id, workflow_category
having sum(tasks) > 0`,
  },
  {
    name: 'owner_workload_v2',
    body: `select org_id, current_owner,
  count(*) as open_tasks,
  sum(case when task_status in ('RED') then 1 else 0 end) as red_tasks,
  sum(case when task_status in ('YELLOW') then 1 else 0 end) as yellow_tasks,
  ${round2(`sum(dollar_value)`)} as open_dollar_value,
  (3 * sum(case when task_status in ('RED') then 1 else 0 end) + 2 * sum(case when task_status in ('YELLOW') then 1 else 0 end) + (count(*) - sum(case when task_status in ('RED') then 1 else 0 end) - sum(case when task_status in ('YELLOW') then 1 else 0 end))) as pressure_score
from workflow_tasks
where task_status <> 'COMPLETED'
group by org_id, current_owner`,
  },
  {
    name: 'real_time_metrics',
    body: `select o.org_id,
  coalesce(f.open_red, 0) as open_red,
  coalesce(f.open_yellow, 0) as open_yellow,
  coalesce(f.open_green, 0) as open_green,
  (select count(*) from workflow_status_history hs where hs.org_id = o.org_id and hs.changed_at >= ${hourAgo}) as changes_last_hour,
  (select count(*) from workflow_tasks t where t.org_id = o.org_id and t.created_at >= ${dayAgo}) as created_last_24h,
  coalesce(f.breaches_open, 0) as breaches_open
from org o left join (
  select org_id,
    sum(case when task_status in ('RED') then tasks else 0 end) as open_red,
    sum(case when task_status in ('YELLOW') then tasks else 0 end) as open_yellow,
    sum(case when task_status in ('GREEN') then tasks else 0 end) as open_green,
    sum(case when task_status in ('RED', 'YELLOW', 'GREEN') then sla_breached else 0 end) as breaches_open
  from (${TASK_FACT_ROWS}) s group by org_id
) f on f.org_id = o.org_id`,
  },
];

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('workflow_task_counters')
    .addColumn('org_id', refType(engine), (c) => c.notNull())
    .addColumn('workflow_category', 'text', (c) => c.notNull())
    .addColumn('task_status', 'text', (c) => c.notNull())
    .addColumn('tasks', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('dollar_value', engine === 'sqlite' ? 'real' : sql`numeric(18,2)`, (c) => c.notNull().defaultTo(0))
    .addColumn('sla_missed', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('sla_met', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('sla_breached', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('resolution_hours_sum', realType(engine), (c) => c.notNull().defaultTo(0))
    .addColumn('resolution_count', 'bigint', (c) => c.notNull().defaultTo(0))
    // No foreign key to org: when an org is deleted its tasks cascade and their triggers write here.
    .addPrimaryKeyConstraint('workflow_task_counters_pk', [...KEY])
    .execute();

  await sql.raw(COUNT_EXISTING_TASKS).execute(db);
  for (const statement of engine === 'sqlite' ? SQLITE_TRIGGERS : PG_TRIGGERS) await sql.raw(statement).execute(db);

  // The task list: filter by category and status, sort by deadline, ties broken by task_id so pages
  // are stable; and the default sort (newest first). Both walk the index without a sort step.
  await db.schema
    .createIndex('workflow_tasks_list_cat_status_deadline_idx')
    .on('workflow_tasks')
    .columns(['org_id', 'workflow_category', 'task_status', 'sla_deadline', 'task_id'])
    .execute();
  await db.schema
    .createIndex('workflow_tasks_list_created_idx')
    .on('workflow_tasks')
    .columns(['org_id', 'created_at', 'task_id'])
    .execute();
  await db.schema
    .createIndex('workflow_tasks_org_completed_idx')
    .on('workflow_tasks')
    .columns(['org_id', 'completed_at'])
    .execute();

  for (const view of metricViews(VIEW_SPELLING[engine])) {
    await db.schema.createView(view.name).as(sql.raw(view.body)).execute();
  }
}
