/**
 * The API's definition of the workflow metrics (`workflow.metrics`, `.categories`, `.owners`,
 * `.realtime`), run with the injected clock as a parameter and, for the per-status figures, over
 * `workflow_task_counters` (the same per-row facts, pre-summed by triggers), so a million tasks cost
 * a few dozen counter rows instead of a scan.
 *
 * The database views (`executive_metrics_v2`, `category_performance_v2`, `owner_workload_v2`,
 * `real_time_metrics`) and the counter triggers hold the same rules as frozen SQL (migration 0003,
 * which no longer imports this module); test/view-equivalence.test.ts proves views, counters and
 * these functions give the same answers on random data, on both engines. A rule change here must
 * come with a new migration that re-creates the views (and, for the task facts, the triggers and
 * counters), or that test fails.
 *
 * Derived figures (also in docs/contract.md, "Workflow rules"):
 * - revenue_at_risk     = Σ dollar_value of tasks whose status is RED or YELLOW
 * - sla_violations      = tasks that missed their deadline: completed after sla_deadline, or still
 *                         open with sla_status = 'breached'
 * - sla_met_percentage  = 100 × met / (met + missed), where met = completed on or before the
 *                         deadline; 100 when no task has been judged yet
 * - completion_rate     = 100 × completed / total
 * - efficiency_score    = (completion_rate + sla_met_percentage) / 2
 * - pressure_score      = 3 × red + 2 × yellow + 1 × other open tasks (per owner)
 * Percentages and money are rounded to 2 decimals.
 */
import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/create-db.js';
import { shapedStatement, slot, type Slot } from '../db/statement-shapes.js';
import type { SqlHelpers } from '../db/sql-helpers.js';
import type { DB } from '../db/types.js';

export const FACT_COLUMNS = [
  'tasks',
  'dollar_value',
  'sla_missed',
  'sla_met',
  'sla_breached',
  'resolution_hours_sum',
  'resolution_count',
] as const;
export type FactColumn = (typeof FACT_COLUMNS)[number];

/**
 * Per-task facts as SQL over a row alias (`workflow_tasks`, or `NEW`/`OLD` inside a trigger). Plain
 * SQL valid on both engines: ISO text compares in time order on SQLite, timestamptz on PostgreSQL.
 */
export function taskFactSql(a: string): Record<FactColumn, string> {
  return {
    tasks: '1',
    dollar_value: `${a}.dollar_value`,
    sla_missed:
      `case when ${a}.sla_deadline is not null and ((${a}.task_status = 'COMPLETED' and ${a}.completed_at > ${a}.sla_deadline)` +
      ` or (${a}.task_status <> 'COMPLETED' and ${a}.sla_status = 'breached')) then 1 else 0 end`,
    sla_met:
      `case when ${a}.task_status = 'COMPLETED' and ${a}.sla_deadline is not null and ${a}.completed_at <= ${a}.sla_deadline` +
      ` then 1 else 0 end`,
    sla_breached: `case when ${a}.sla_status = 'breached' then 1 else 0 end`,
    resolution_hours_sum: `case when ${a}.task_status = 'COMPLETED' then coalesce(${a}.resolution_hours, 0) else 0 end`,
    resolution_count: `case when ${a}.task_status = 'COMPLETED' and ${a}.resolution_hours is not null then 1 else 0 end`,
  };
}

/** Where the per-status facts come from: the task rows (views) or the trigger-kept counters (API). */
export type FactSource = 'rows' | 'counters';

export interface MetricsQueryOptions {
  h: SqlHelpers;
  /** The current time: `h.dbNow()` in views, `h.timeParam(clock ISO)` in the API. */
  now: Expression<string>;
  source: FactSource;
  /** Restrict to one org (the API); views cover every org. */
  orgId?: number;
}

/** Rows of (org_id, workflow_category, task_status, <facts>) from the chosen source. */
function factsSource(o: MetricsQueryOptions): RawBuilder<unknown> {
  const where = o.orgId === undefined ? sql`` : sql` where org_id = ${o.orgId}`;
  if (o.source === 'counters') {
    return sql`select org_id, workflow_category, task_status, ${sql.raw(FACT_COLUMNS.join(', '))} from workflow_task_counters${where}`;
  }
  const f = taskFactSql('workflow_tasks');
  const cols = FACT_COLUMNS.map((c) => `${f[c]} as ${c}`).join(', ');
  return sql`select org_id, workflow_category, task_status, ${sql.raw(cols)} from workflow_tasks${where}`;
}

const orgFilter = (o: MetricsQueryOptions, col: string) =>
  o.orgId === undefined ? sql`` : sql` where ${sql.ref(col)} = ${o.orgId}`;

// ------------------------------------------------------------------ the derived figures, once
const sumWhenStatus = (statuses: string[], col: string) =>
  sql.raw(`sum(case when task_status in (${statuses.map((s) => `'${s}'`).join(', ')}) then ${col} else 0 end)`);

const slaMetRaw = (met: Expression<unknown>, missed: Expression<unknown>) =>
  sql`case when (${met} + ${missed}) = 0 then 100 else 100.0 * ${met} / (${met} + ${missed}) end`;
const completionRateRaw = (completed: Expression<unknown>, total: Expression<unknown>) =>
  sql`case when ${total} = 0 then 0 else 100.0 * ${completed} / ${total} end`;

export const formulas = {
  revenueAtRisk: (h: SqlHelpers, atRiskValue: Expression<unknown>) => h.round2(sql`coalesce(${atRiskValue}, 0)`),
  slaMetPercentage: (h: SqlHelpers, met: Expression<unknown>, missed: Expression<unknown>) => h.round2(slaMetRaw(met, missed)),
  completionRate: (h: SqlHelpers, completed: Expression<unknown>, total: Expression<unknown>) =>
    h.round2(completionRateRaw(completed, total)),
  avgResolutionHours: (h: SqlHelpers, sum: Expression<unknown>, count: Expression<unknown>) =>
    sql<number | null>`case when ${count} = 0 then null else ${h.round2(sql`${sum} / ${count}`)} end`,
  /** From the unrounded rates, so rounding happens once. */
  efficiencyScore: (h: SqlHelpers, x: { completed: Expression<unknown>; total: Expression<unknown>; met: Expression<unknown>; missed: Expression<unknown> }) =>
    h.round2(sql`(${completionRateRaw(x.completed, x.total)} + ${slaMetRaw(x.met, x.missed)}) / 2.0`),
  pressureScore: (red: Expression<unknown>, yellow: Expression<unknown>, open: Expression<unknown>) =>
    sql<number>`(3 * ${red} + 2 * ${yellow} + (${open} - ${red} - ${yellow}))`,
};

// ------------------------------------------------------------------ executive_metrics_v2
export interface ExecutiveMetricsRow {
  org_id: number;
  total_tasks: number;
  red_tasks: number;
  yellow_tasks: number;
  green_tasks: number;
  completed_tasks: number;
  revenue_at_risk: number;
  sla_violations: number;
  tasks_last_24h: number;
  sla_met_percentage: number;
}

export function executiveMetricsQuery(o: MetricsQueryOptions): RawBuilder<ExecutiveMetricsRow> {
  const { h } = o;
  const met = sql.raw('coalesce(f.sla_met, 0)');
  const missed = sql.raw('coalesce(f.sla_missed, 0)');
  return sql<ExecutiveMetricsRow>`select o.org_id,
  coalesce(f.total_tasks, 0) as total_tasks,
  coalesce(f.red_tasks, 0) as red_tasks,
  coalesce(f.yellow_tasks, 0) as yellow_tasks,
  coalesce(f.green_tasks, 0) as green_tasks,
  coalesce(f.completed_tasks, 0) as completed_tasks,
  ${formulas.revenueAtRisk(h, sql.raw('f.at_risk_value'))} as revenue_at_risk,
  ${missed} as sla_violations,
  (select count(*) from workflow_tasks t where t.org_id = o.org_id and t.created_at >= ${h.shiftHours(o.now, -24)}) as tasks_last_24h,
  ${formulas.slaMetPercentage(h, met, missed)} as sla_met_percentage
from org o left join (
  select org_id,
    sum(tasks) as total_tasks,
    ${sumWhenStatus(['RED'], 'tasks')} as red_tasks,
    ${sumWhenStatus(['YELLOW'], 'tasks')} as yellow_tasks,
    ${sumWhenStatus(['GREEN'], 'tasks')} as green_tasks,
    ${sumWhenStatus(['COMPLETED'], 'tasks')} as completed_tasks,
    ${sumWhenStatus(['RED', 'YELLOW'], 'dollar_value')} as at_risk_value,
    sum(sla_missed) as sla_missed,
    sum(sla_met) as sla_met
  from (${factsSource(o)}) s group by org_id
) f on f.org_id = o.org_id${orgFilter(o, 'o.org_id')}`;
}

// ------------------------------------------------------------------ category_performance_v2
export interface CategoryPerformanceRow {
  org_id: number;
  workflow_category: string;
  total_tasks: number;
  open_tasks: number;
  completed_tasks: number;
  completion_rate: number;
  avg_resolution_hrs: number | null;
  sla_met_percentage: number;
  efficiency_score: number;
}

export function categoryPerformanceQuery(o: MetricsQueryOptions): RawBuilder<CategoryPerformanceRow> {
  const { h } = o;
  const total = sql.raw('sum(tasks)');
  const completed = sumWhenStatus(['COMPLETED'], 'tasks');
  const met = sql.raw('sum(sla_met)');
  const missed = sql.raw('sum(sla_missed)');
  return sql<CategoryPerformanceRow>`select org_id, workflow_category,
  ${total} as total_tasks,
  ${sumWhenStatus(['RED', 'YELLOW', 'GREEN'], 'tasks')} as open_tasks,
  ${completed} as completed_tasks,
  ${formulas.completionRate(h, completed, total)} as completion_rate,
  ${formulas.avgResolutionHours(h, sql.raw('sum(resolution_hours_sum)'), sql.raw('sum(resolution_count)'))} as avg_resolution_hrs,
  ${formulas.slaMetPercentage(h, met, missed)} as sla_met_percentage,
  ${formulas.efficiencyScore(h, { completed, total, met, missed })} as efficiency_score
from (${factsSource(o)}) s
group by org_id, workflow_category
having sum(tasks) > 0`;
}

// ------------------------------------------------------------------ owner_workload_v2
export interface OwnerWorkloadRow {
  org_id: number;
  /** The owning user; null for tasks grouped by their current_owner text. */
  owner_user_id: number | null;
  current_owner: string | null;
  open_tasks: number;
  red_tasks: number;
  yellow_tasks: number;
  open_dollar_value: number;
  pressure_score: number;
}

/**
 * Open tasks per owner: by user where owner_user_id is set (current_owner is then the user's name),
 * else by the current_owner text (NULL = unassigned). Always over the rows, through the owner index.
 */
export function ownerWorkloadQuery(o: Omit<MetricsQueryOptions, 'source' | 'now'>): RawBuilder<OwnerWorkloadRow> {
  const org = o.orgId === undefined ? sql`` : sql` and t.org_id = ${o.orgId}`;
  const red = sql.raw(`sum(case when t.task_status in ('RED') then 1 else 0 end)`);
  const yellow = sql.raw(`sum(case when t.task_status in ('YELLOW') then 1 else 0 end)`);
  return sql<OwnerWorkloadRow>`select t.org_id, t.owner_user_id, coalesce(u.name, t.current_owner) as current_owner,
  count(*) as open_tasks,
  ${red} as red_tasks,
  ${yellow} as yellow_tasks,
  ${o.h.round2(sql.raw('sum(t.dollar_value)'))} as open_dollar_value,
  ${formulas.pressureScore(red, yellow, sql.raw('count(*)'))} as pressure_score
from workflow_tasks t left join app_user u on u.user_id = t.owner_user_id
where t.task_status <> 'COMPLETED'${org}
group by t.org_id, t.owner_user_id, coalesce(u.name, t.current_owner)`;
}

// ------------------------------------------------------------------ real_time_metrics
export interface RealTimeMetricsRow {
  org_id: number;
  open_red: number;
  open_yellow: number;
  open_green: number;
  changes_last_hour: number;
  created_last_24h: number;
  breaches_open: number;
}

export function realTimeMetricsQuery(o: MetricsQueryOptions): RawBuilder<RealTimeMetricsRow> {
  const { h } = o;
  return sql<RealTimeMetricsRow>`select o.org_id,
  coalesce(f.open_red, 0) as open_red,
  coalesce(f.open_yellow, 0) as open_yellow,
  coalesce(f.open_green, 0) as open_green,
  (select count(*) from workflow_status_history hs where hs.org_id = o.org_id and hs.changed_at >= ${h.shiftHours(o.now, -1)}) as changes_last_hour,
  (select count(*) from workflow_tasks t where t.org_id = o.org_id and t.created_at >= ${h.shiftHours(o.now, -24)}) as created_last_24h,
  coalesce(f.breaches_open, 0) as breaches_open
from org o left join (
  select org_id,
    ${sumWhenStatus(['RED'], 'tasks')} as open_red,
    ${sumWhenStatus(['YELLOW'], 'tasks')} as open_yellow,
    ${sumWhenStatus(['GREEN'], 'tasks')} as open_green,
    ${sumWhenStatus(['RED', 'YELLOW', 'GREEN'], 'sla_breached')} as breaches_open
  from (${factsSource(o)}) s group by org_id
) f on f.org_id = o.org_id${orgFilter(o, 'o.org_id')}`;
}

/** Runs a metrics query on a handle (the API path). */
/**
 * Runs a metrics query as a prepared statement (Database.executePrepared), compiled once per
 * database (statement-shapes.ts): its text is the same for every org and every moment (both are
 * parameters). On PostgreSQL planning it cost more than running it (executive metrics: 1.2 ms of
 * planning, 0.4 ms of execution, over the counters); building and compiling it with Kysely was
 * 7 % of the CPU of answering the metrics on SQLite.
 */
export async function runMetricsQuery<T>(
  database: Pick<Database, 'db' | 'executePrepared'>,
  h: SqlHelpers,
  name: string,
  query: (o: { h: SqlHelpers; now: Expression<string>; orgId: number }) => RawBuilder<T>,
  values: { orgId: number; now?: string },
): Promise<T[]> {
  const slots = new Map<Slot, unknown>([[slot('org'), values.orgId], [slot('now'), values.now]]);
  const build = () => ({ compile: () => query({ h, now: h.timeParam(slot('now')), orgId: slot('org') as unknown as number }).compile(database.db) });
  return (await database.executePrepared(shapedStatement(database.db, `metrics.${name}`, build, slots))).rows;
}
