/**
 * Seeds N workflow tasks into one org, set-based: each batch is ONE INSERT … SELECT over a generated
 * number series (a recursive CTE on SQLite, generate_series on PostgreSQL), in its own transaction.
 * The counter triggers run as in production. Values are spread deterministically from the row
 * number: 10 categories × 4 statuses × 4 priorities, created over the last 365 days.
 */
import { sql } from 'kysely';
import type { Database } from '../../src/db/create-db.js';

export const CATEGORIES = [
  'Quote Processing',
  'Invoicing',
  'Order Management',
  'Shipping',
  'Returns',
  'Customer Support',
  'Vendor Management',
  'Compliance',
  'Contracts',
  'General',
];

const caseOf = (expr: string, values: string[]) =>
  `case ${expr} ${values.map((v, i) => `when ${i} then '${v}'`).join(' ')} end`;

/** `idPrefix`: task ids are `<idPrefix><n>`; ids are unique across orgs, so a seed of several orgs gives each its own. */
export async function seedTasks(database: Database, orgId: number, total: number, nowIso: string, batch = 100_000, idPrefix = 'TASK-BENCH-'): Promise<void> {
  const category = caseOf('n % 10', CATEGORIES);
  const status = caseOf('(n / 10) % 4', ['RED', 'YELLOW', 'GREEN', 'COMPLETED']);
  const priority = caseOf('(n / 40) % 4', ['CRITICAL', 'HIGH', 'MEDIUM', 'NORMAL']);
  const hours = `case (n / 40) % 4 when 0 then 4 when 1 then 8 when 2 then 24 else 48 end`;
  const ageSeconds = `((n * 7919) % 31536000)`;
  const isCompleted = `(n / 10) % 4 = 3`;
  const sqlite = database.engine === 'sqlite';
  // Engine-specific time arithmetic is confined to the two spellings below.
  const created = sqlite
    ? `strftime('%Y-%m-%dT%H:%M:%fZ', '${nowIso}', '-' || ${ageSeconds} || ' seconds')`
    : `(timestamptz '${nowIso}' - ${ageSeconds} * interval '1 second')`;
  const plusHours = (base: string, h: string) =>
    sqlite ? `strftime('%Y-%m-%dT%H:%M:%fZ', ${base}, '+' || (${h}) || ' hours')` : `(${base} + (${h}) * interval '1 hour')`;
  const select = `select '${idPrefix}' || n, ${orgId}, ${category}, ${status}, 'Task ' || n || ' PO-' || (n * 13 % 100000),
      ${priority}, 'Owner ' || (n % 37), ((n * 7919) % 10000000) / 100.0,
      ${plusHours(created, hours)},
      case when ${isCompleted} then 'ok' when n % 3 = 0 then 'breached' when n % 3 = 1 then 'warning' else 'ok' end,
      '{"po_numbers":["PO-' || (n * 13 % 100000) || '"]}', '[]', 'email', 'bench',
      ${created}, ${created},
      case when ${isCompleted} then ${plusHours(created, '(n % 96) + 1')} end,
      case when ${isCompleted} then (n % 96) + 1 end`;
  const cols = `task_id, org_id, workflow_category, task_status, title, priority, current_owner, dollar_value, sla_deadline,
      sla_status, entities, tags, source_type, created_by, created_at, updated_at, completed_at, resolution_hours`;
  for (let from = 1; from <= total; from += batch) {
    const to = Math.min(total, from + batch - 1);
    const stmt = sqlite
      ? `insert into workflow_tasks (${cols}) with recursive seq(n) as (select ${from} union all select n + 1 from seq where n < ${to}) ${select} from seq`
      : `insert into workflow_tasks (${cols}) ${select} from generate_series(${from}::bigint, ${to}::bigint) as s(n)`;
    await database.db.transaction().execute((trx) => sql.raw(stmt).execute(trx));
  }
  // The steady state a production database reaches by itself (autovacuum / PRAGMA optimize): fresh
  // statistics, and on PostgreSQL a visibility map, without which index-only scans (tasks created in
  // the last 24 h) visit the heap for every row: measured 15 ms instead of well under 1 ms.
  await sql.raw(sqlite ? 'analyze' : 'vacuum analyze workflow_tasks').execute(database.db);
}
