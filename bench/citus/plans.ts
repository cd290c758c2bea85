/**
 * The plans behind docs/scaling.md, "Ready for Citus": a scratch PostgreSQL schema with every
 * migration, 4 orgs (BENCH_TASKS tasks in the first, a tenth as many in the others, seeded as
 * bench:workflow does), their work events (a few thousand still ready), and EXPLAIN of the main
 * statements as the code issues them — so one can see which index each uses and whether it names
 * org_id (what Citus routes on). Citus itself is not installed here.
 *
 *   npx tsx bench/citus/plans.ts      (BENCH_TASKS=50000, BENCH_DATABASE_URL)
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { createDatabase } from '../../src/db/create-db.js';
import { seedTasks } from '../workflow/seed.js';

const TASKS = Number(process.env.BENCH_TASKS ?? 50_000);
const URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const STATEMENTS: Array<[string, string]> = [
  ['task get', `select * from workflow_tasks where org_id = 1 and task_id = 'TASK-BENCH-7'`],
  ['task update', `update workflow_tasks set title = 'x' where org_id = 1 and task_id = 'TASK-BENCH-7'`],
  ['task list (first page, newest)', `select * from workflow_tasks where org_id = 1 order by created_at desc, task_id desc limit 50`],
  ['outbox claim (no group)', `update outbox_queue set claimed_at = now(), claimed_by = 'w', attempts = attempts + 1 where ctid = any(array(
      select ctid from outbox_queue where claimed_at is null and next_attempt_at <= now()
      order by next_attempt_at, work_event_id limit 50 for update skip locked))`],
  ['outbox claim (ORG_GROUP=2-2)', `update outbox_queue set claimed_at = now(), claimed_by = 'w', attempts = attempts + 1 where ctid = any(array(
      select ctid from outbox_queue where claimed_at is null and next_attempt_at <= now()
      and org_id between 2 and 2 order by next_attempt_at, work_event_id limit 50 for update skip locked)) and org_id between 2 and 2`],
  ['outbox completion', `with d as (delete from outbox_queue where work_event_id in (select work_event_id from outbox_queue where org_id = 2 order by work_event_id desc limit 50) and claimed_by = 'w' and claimed_at is not null returning org_id, work_event_id, attempts, last_error)
      update work_event e set processed_at = now(), attempts = d.attempts, last_error = d.last_error, claimed_by = 'w' from d where e.org_id = d.org_id and e.work_event_id = d.work_event_id`],
  ['outbox sweep', `update outbox_queue set claimed_at = null, next_attempt_at = now() where claimed_at is not null and claimed_at < now() - interval '5 minutes'`],
  ['SLA selection', `select t.task_id, o.high_value_threshold from workflow_tasks t join org o on o.org_id = t.org_id where t.sla_next_at <= now() order by t.sla_next_at limit 5000 for update of t`],
  ['commit tap read', `select work_event_id, org_id, event_name from work_event where work_event_id > (select max(work_event_id) - 100 from work_event) order by work_event_id limit 1000`],
];

const schema = `bench_plans_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: URL });
await admin.connect();
await admin.query(`create schema ${schema}`);
const database = createDatabase(URL, { schema, poolSize: 2 });
try {
  await database.migrate();
  const now = new Date().toISOString();
  for (let i = 0; i < 4; i++) {
    const { rows } = await sql<{ org_id: number }>`insert into org (name) values (${`Org ${i + 1}`}) returning org_id`.execute(database.db);
    await seedTasks(database, rows[0]!.org_id, i === 0 ? TASKS : Math.ceil(TASKS / 10), now);
  }
  // Every task's creation event, processed; the last 2,000 of each org still ready.
  await sql`insert into work_event (org_id, event_name, item_type, item_id, happened_at, created_at, processed_at, next_attempt_at)
    select org_id, 'task.created', 'task', task_id, created_at, created_at, created_at, created_at from workflow_tasks`.execute(database.db);
  await sql`update work_event set processed_at = null where work_event_id in (select work_event_id from (select work_event_id, row_number() over (partition by org_id order by work_event_id desc) r from work_event) s where r <= 2000)`.execute(database.db);
  await sql`insert into outbox_queue (org_id, work_event_id, next_attempt_at) select org_id, work_event_id, created_at from work_event where processed_at is null`.execute(database.db);
  await sql`analyze workflow_tasks, work_event, outbox_queue, org`.execute(database.db);
  for (const [name, statement] of STATEMENTS) {
    const { rows } = await sql.raw<{ 'QUERY PLAN': string }>(`explain ${statement}`).execute(database.db);
    console.log(`-- ${name}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}\n`);
  }
} finally {
  await database.close();
  await admin.query(`drop schema ${schema} cascade`);
  await admin.end();
}
