/**
 * Seeds the bench database in its own process: migrations, one org with a viewer key (readers) and a
 * member key (the writer), then BENCH tasks (seed.ts). Prints `SEEDED {"key", "writerKey", "seconds"}`.
 *
 * Not in the load generator's process: having run the 1,000,000-row seed there (better-sqlite3 in
 * process, ~150 MB resident afterwards) raised the p99 the load generator itself recorded from
 * ~9.8 ms to ~13.1 ms against the same server, same CPU per request — the "tail grows with table
 * size" of earlier runs was the client, not the server.
 * argv: DATABASE_URL, task count.
 */
import { createApiKey } from '../../src/auth/api-keys.repository.js';
import { createOrg } from '../../src/auth/orgs.repository.js';
import { createDatabase } from '../../src/db/create-db.js';
import { seedTasks } from './seed.js';

const [url, count] = [process.argv[2]!, Number(process.argv[3])];
const database = createDatabase(url);
await database.migrate();
const now = new Date().toISOString();
const org = await createOrg(database.db, { name: 'Bench', now });
const key = (await createApiKey(database.db, { orgId: org.org_id, role: 'viewer', name: 'bench', now })).key;
const writerKey = (await createApiKey(database.db, { orgId: org.org_id, role: 'member', name: 'bench-writer', now })).key;
const t0 = performance.now();
await seedTasks(database, org.org_id, count, now);
const seconds = (performance.now() - t0) / 1000;
await database.close();
process.stdout.write(`SEEDED ${JSON.stringify({ key, writerKey, seconds })}\n`);
