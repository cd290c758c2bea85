/**
 * Owners as people, teams and assignment rules (#20).
 *
 * - `team`: a named group of an org's users (name unique per org). `rr_next` is the round-robin
 *   cursor of the assignment rules that name the team: the count of tasks handed out through it so
 *   far; the next task goes to member (rr_next mod n) of its active members ordered by user_id. It is
 *   advanced by one UPDATE … RETURNING in the transaction that inserts the tasks, so concurrent
 *   creators serialise on the team's row and never hand out the same slot twice.
 * - `team_member`: (team, user); users are never deleted (deactivated), so the cascade is for orgs.
 * - `ingest_routing_rule.assign_user_id | assign_team_id`: who a category's new tasks are assigned
 *   to (owner_user_id), beside the free-text `owner` the rule already sets as current_owner.
 * - `pursuit (org_id, owner_user_id)`: the "my pursuits" filter and the reassignment of open work.
 * - `owner_workload_v2` re-created: open tasks grouped by user where owner_user_id is set (named as
 *   the user), else by the current_owner text as before; the metrics API (metrics.query.ts) answers
 *   the same (test/view-equivalence.test.ts).
 *
 * Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';
import { idColumn, refType, tsType, type Engine } from './helpers.js';

const ROUND2: Record<Engine, (v: string) => string> = {
  sqlite: (v) => `round(${v}, 2)`,
  postgres: (v) => `round(cast(${v} as numeric), 2)`,
};

const ownerWorkload = (round2: (v: string) => string) => `select t.org_id, t.owner_user_id, coalesce(u.name, t.current_owner) as current_owner,
  count(*) as open_tasks,
  sum(case when t.task_status in ('RED') then 1 else 0 end) as red_tasks,
  sum(case when t.task_status in ('YELLOW') then 1 else 0 end) as yellow_tasks,
  ${round2('sum(t.dollar_value)')} as open_dollar_value,
  (3 * sum(case when t.task_status in ('RED') then 1 else 0 end) + 2 * sum(case when t.task_status in ('YELLOW') then 1 else 0 end) + (count(*) - sum(case when t.task_status in ('RED') then 1 else 0 end) - sum(case when t.task_status in ('YELLOW') then 1 else 0 end))) as pressure_score
from workflow_tasks t left join app_user u on u.user_id = t.owner_user_id
where t.task_status <> 'COMPLETED'
group by t.org_id, t.owner_user_id, coalesce(u.name, t.current_owner)`;

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const ts = tsType(engine);
  const ref = refType(engine);

  await idColumn(engine, db.schema.createTable('team'), 'team_id')
    .addColumn('org_id', ref, (c) => c.notNull().references('org.org_id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('rr_next', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('team_org_name_uq', ['org_id', 'name'])
    .execute();

  await db.schema
    .createTable('team_member')
    .addColumn('team_id', ref, (c) => c.notNull().references('team.team_id').onDelete('cascade'))
    .addColumn('user_id', ref, (c) => c.notNull().references('app_user.user_id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('team_member_pk', ['team_id', 'user_id'])
    .execute();
  await db.schema.createIndex('team_member_user_idx').on('team_member').column('user_id').execute();

  await db.schema.alterTable('ingest_routing_rule').addColumn('assign_user_id', ref).execute();
  await db.schema.alterTable('ingest_routing_rule').addColumn('assign_team_id', ref).execute();

  await db.schema
    .createIndex('pursuit_owner_user_idx')
    .on('pursuit')
    .columns(['org_id', 'owner_user_id', 'pursuit_stage'])
    .where('owner_user_id', 'is not', null)
    .execute();

  await db.schema.dropView('owner_workload_v2').execute();
  await db.schema.createView('owner_workload_v2').as(sql.raw(ownerWorkload(ROUND2[engine]))).execute();
}
