/**
 * Seeds bench:mixed's database in its own process: migrations, then ORGS orgs, each with a member
 * key (its clients read and write), TASKS workflow tasks (bench/workflow/seed.ts; ids
 * `TASK-O<org>-<n>`) and a workstream of SIGNALS signals, SIGNALS / 10 candidates and as many
 * pursuits (bench/workstream/seed.ts). Prints `SEEDED {"orgs": [{"orgId", "key", "prefix"}, …], "seconds"}`.
 * argv: DATABASE_URL, org count, tasks per org, signals per org.
 */
import { createApiKey } from '../../src/auth/api-keys.repository.js';
import { createOrg } from '../../src/auth/orgs.repository.js';
import { createDatabase } from '../../src/db/create-db.js';
import { seedTasks } from '../workflow/seed.js';
import { seed as seedWorkstream } from '../workstream/seed.js';

const [url, orgs, tasks, signals] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4]), Number(process.argv[5])];
const database = createDatabase(url, { poolSize: 2 });
await database.migrate();
const now = new Date().toISOString();
const t0 = performance.now();
const out = [];
for (let i = 1; i <= orgs; i++) {
  const org = await createOrg(database.db, { name: `Mixed ${i}`, now });
  const key = (await createApiKey(database.db, { orgId: org.org_id, role: 'member', name: 'bench-mixed', now })).key;
  const prefix = `TASK-O${org.org_id}-`;
  await seedTasks(database, org.org_id, tasks, now, 100_000, prefix);
  await seedWorkstream(database, org.org_id, now, { signals, candidates: Math.round(signals / 10), pursuits: Math.round(signals / 10) });
  out.push({ orgId: org.org_id, key, prefix });
}
const seconds = (performance.now() - t0) / 1000;
await database.close();
process.stdout.write(`SEEDED ${JSON.stringify({ orgs: out, seconds })}\n`);
