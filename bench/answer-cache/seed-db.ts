/**
 * Seeds the cache bench's database in its own process: migrations, then ORGS orgs, each with a viewer
 * key (its readers), a member key (its writer), TASKS tasks (ids `TASK-O<org>-<n>`) and 50 open
 * candidates for its Today panel. Prints `SEEDED [{"orgId", "key", "writerKey", "prefix"}, …]`.
 * argv: DATABASE_URL, org count, tasks per org.
 */
import { createApiKey } from '../../src/auth/api-keys.repository.js';
import { createOrg } from '../../src/auth/orgs.repository.js';
import { createDatabase } from '../../src/db/create-db.js';
import { seedTasks } from '../workflow/seed.js';

const [url, orgs, tasks] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4])];
const database = createDatabase(url, { poolSize: 2 });
await database.migrate();
const now = new Date().toISOString();
const out = [];
for (let i = 1; i <= orgs; i++) {
  const org = await createOrg(database.db, { name: `Bench ${i}`, now });
  const key = (await createApiKey(database.db, { orgId: org.org_id, role: 'viewer', name: 'bench', now })).key;
  const writerKey = (await createApiKey(database.db, { orgId: org.org_id, role: 'member', name: 'bench-writer', now })).key;
  const prefix = `TASK-O${org.org_id}-`;
  await seedTasks(database, org.org_id, tasks, now, 100_000, prefix);
  await database.db
    .insertInto('candidate')
    .values(Array.from({ length: 50 }, (_, n) => ({ org_id: org.org_id, title: `Lead ${n}`, status: 'triaged' as const, last_touch_at: now, created_at: now, updated_at: now })))
    .execute();
  out.push({ orgId: org.org_id, key, writerKey, prefix });
}
await database.close();
process.stdout.write(`SEEDED ${JSON.stringify(out)}\n`);
