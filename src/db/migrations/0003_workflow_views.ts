/**
 * Workflow intelligence: the seed's metric views, the trigger-kept per-status counters behind the
 * fast metrics API, and the indexes the task list's filters and sorts walk.
 *
 * Exception to "migrations import only ./helpers.js", agreed with the lead: the views and the
 * counter triggers are built from src/workflow/metrics.query.ts so the views, the triggers and the
 * API share ONE definition. Changing those functions therefore requires a NEW migration that
 * re-creates the views (and triggers); this one is never edited.
 */
import { sql, type Kysely } from 'kysely';
import { sqlHelpers } from '../sql-helpers.js';
import { FACT_COLUMNS, metricViewDefinitions, taskFactSql } from '../../workflow/metrics.query.js';
import { realType, refType, type Engine } from './helpers.js';

const KEY = ['org_id', 'workflow_category', 'task_status'] as const;
/** Columns whose change can move a task's facts; updates touching none of them skip the triggers. */
const FACT_INPUTS = [...KEY, 'dollar_value', 'sla_deadline', 'sla_status', 'completed_at', 'resolution_hours'];

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

  // Existing tasks (if any) are counted once, set-based.
  const facts = taskFactSql('workflow_tasks');
  await sql`insert into workflow_task_counters (${sql.raw([...KEY, ...FACT_COLUMNS].join(', '))})
    select ${sql.raw(KEY.join(', '))}, ${sql.raw(FACT_COLUMNS.map((c) => `sum(${facts[c]})`).join(', '))}
    from workflow_tasks group by ${sql.raw(KEY.join(', '))}`.execute(db);

  if (engine === 'sqlite') await createSqliteTriggers(db);
  else await createPostgresTriggers(db);

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

  for (const view of metricViewDefinitions(sqlHelpers(engine))) {
    await db.schema.createView(view.name).as(view.query).execute();
  }
}

/** SQLite triggers are per row: subtract the old row's facts, add the new row's. */
async function createSqliteTriggers(db: Kysely<any>): Promise<void> {
  const upsert = (alias: 'NEW' | 'OLD', sign: 1 | -1) => {
    const f = taskFactSql(alias);
    const values = [...KEY.map((k) => `${alias}.${k}`), ...FACT_COLUMNS.map((c) => (sign === 1 ? f[c] : `-(${f[c]})`))];
    return `insert into workflow_task_counters (${[...KEY, ...FACT_COLUMNS].join(', ')}) values (${values.join(', ')})
      on conflict (${KEY.join(', ')}) do update set ${FACT_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`;
  };
  await sql.raw(`create trigger workflow_tasks_counters_ins after insert on workflow_tasks begin ${upsert('NEW', 1)} end`).execute(db);
  await sql.raw(`create trigger workflow_tasks_counters_del after delete on workflow_tasks begin ${upsert('OLD', -1)} end`).execute(db);
  await sql
    .raw(
      `create trigger workflow_tasks_counters_upd after update of ${FACT_INPUTS.join(', ')} on workflow_tasks
       begin ${upsert('OLD', -1)} ${upsert('NEW', 1)} end`,
    )
    .execute(db);
}

/**
 * PostgreSQL triggers are per statement over transition tables: a set-based update of 100k tasks
 * (the SLA monitor) becomes one grouped upsert, not 100k. Groups whose deltas are all zero are
 * skipped so an update of unrelated columns writes nothing. Counter rows are upserted in key order,
 * so concurrent transactions lock them in the same order and cannot deadlock on them; writers that
 * touch the same (org, category, status) row do queue on it until commit — the price of exact counts.
 */
async function createPostgresTriggers(db: Kysely<any>): Promise<void> {
  const cols = [...KEY, ...FACT_COLUMNS].join(', ');
  const delta = (table: string, sign: 1 | -1) => {
    const f = taskFactSql(table);
    return `select ${KEY.map((k) => `${table}.${k}`).join(', ')}, ${FACT_COLUMNS.map((c) => `${sign === 1 ? '' : '-'}(${f[c]}) as ${c}`).join(', ')} from ${table}`;
  };
  const apply = (rows: string) => `insert into workflow_task_counters (${cols})
      select ${KEY.join(', ')}, ${FACT_COLUMNS.map((c) => `sum(${c})`).join(', ')} from (${rows}) d
      group by ${KEY.join(', ')}
      having ${FACT_COLUMNS.map((c) => `sum(${c}) <> 0`).join(' or ')}
      order by ${KEY.join(', ')}
      on conflict (${KEY.join(', ')}) do update set ${FACT_COLUMNS.map((c) => `${c} = workflow_task_counters.${c} + excluded.${c}`).join(', ')};`;
  await sql
    .raw(
      `create function workflow_tasks_counters_apply() returns trigger language plpgsql as $fn$
begin
  if tg_op = 'INSERT' then
    ${apply(delta('new_rows', 1))}
  elsif tg_op = 'DELETE' then
    ${apply(delta('old_rows', -1))}
  else
    ${apply(`${delta('old_rows', -1)} union all ${delta('new_rows', 1)}`)}
  end if;
  return null;
end
$fn$`,
    )
    .execute(db);
  await sql.raw(`create trigger workflow_tasks_counters_ins after insert on workflow_tasks referencing new table as new_rows for each statement execute function workflow_tasks_counters_apply()`).execute(db);
  await sql.raw(`create trigger workflow_tasks_counters_del after delete on workflow_tasks referencing old table as old_rows for each statement execute function workflow_tasks_counters_apply()`).execute(db);
  await sql.raw(`create trigger workflow_tasks_counters_upd after update on workflow_tasks referencing old table as old_rows new table as new_rows for each statement execute function workflow_tasks_counters_apply()`).execute(db);
}
