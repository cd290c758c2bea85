/**
 * How long migration 0027 (org_id-leading keys, #21) takes on a database with data, on PostgreSQL:
 * a scratch schema migrated up to the migration before it, BENCH_TASKS tasks seeded as
 * bench:workflow seeds them (one org), as many work events and status-history rows, then 0027 alone
 * through the app's migrator, timed. Prints the seed size and the time.
 *
 *   BENCH_TASKS=1000000 npx tsx bench/citus/migrate.ts     (BENCH_DATABASE_URL, default the test database)
 */
import { randomBytes } from 'node:crypto';
import { Migrator, sql, type Migration } from 'kysely';
import pg from 'pg';
import { createDatabase } from '../../src/db/create-db.js';
import { MIGRATIONS } from '../../src/db/migrations/index.js';
import { seedTasks } from '../workflow/seed.js';

const TASKS = Number(process.env.BENCH_TASKS ?? 1_000_000);
const URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TARGET = '0027_org_leading_keys';

const schema = `bench_citus_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: URL });
await admin.connect();
await admin.query(`create schema ${schema}`);
const database = createDatabase(URL, { schema, poolSize: 2 });
try {
  const before: Record<string, Migration> = {};
  for (const [name, mod] of Object.entries(MIGRATIONS)) if (name < TARGET) before[name] = { up: (db) => mod.up(db, 'postgres') };
  const { error } = await new Migrator({ db: database.db, provider: { getMigrations: async () => before }, migrationTableSchema: schema, allowUnorderedMigrations: true }).migrateToLatest();
  if (error) throw error;

  const now = new Date().toISOString();
  const { rows } = await sql<{ org_id: number }>`insert into org (name) values ('Bench') returning org_id`.execute(database.db);
  const orgId = rows[0]!.org_id;
  let t = performance.now();
  await seedTasks(database, orgId, TASKS, now);
  await sql`insert into work_event (org_id, event_name, item_type, item_id, happened_at, created_at, processed_at)
    select org_id, 'task.created', 'task', task_id, created_at, created_at, created_at from workflow_tasks`.execute(database.db);
  await sql`insert into workflow_status_history (org_id, task_id, to_status, changed_by, changed_at)
    select org_id, task_id, task_status, 'bench', created_at from workflow_tasks`.execute(database.db);
  await sql`analyze workflow_tasks, work_event, workflow_status_history`.execute(database.db);
  console.log(`seeded ${TASKS} tasks, ${TASKS} work events, ${TASKS} history rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  t = performance.now();
  const applied = await database.migrate();
  const seconds = (performance.now() - t) / 1000;
  console.log(`${applied.join(', ')}: ${seconds.toFixed(1)} s`);
} finally {
  await database.close();
  await admin.query(`drop schema ${schema} cascade`);
  await admin.end();
}
