/**
 * Another process committing work one item at a time (autocommit), printing "<key> <commit time>"
 * per item: the bench measures how fast a worker in a different process notices (NOTIFY on
 * PostgreSQL, PRAGMA data_version on SQLite; graphile-worker's own NOTIFY for its add_job).
 * Times are epoch ms with sub-ms precision (performance.timeOrigin + now), comparable across
 * processes on one machine.
 *
 *   producer.ts flowledger <database url> <org id> <count> <gap ms>
 *   producer.ts graphile <postgres url> <graphile schema> <count> <gap ms>
 */
import pg from 'pg';
import { createDatabase } from '../../src/db/create-db.js';
import { appendEvent } from '../../src/outbox/work-events.repository.js';

const [mode, url, target, count, gapMs] = process.argv.slice(2);
const wall = () => performance.timeOrigin + performance.now();
const gap = () => new Promise((r) => setTimeout(r, Number(gapMs) * (0.5 + Math.random())));

if (mode === 'graphile') {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (let k = 0; k < Number(count); k++) {
    await client.query(`select ${target}.add_job('latency', json_build_object('k', $1::int))`, [k]);
    process.stdout.write(`${k} ${wall()}\n`);
    await gap();
  }
  await client.end();
} else {
  const database = createDatabase(url!, { poolSize: 1 });
  for (let i = 0; i < Number(count); i++) {
    const id = await appendEvent(database.db, { orgId: Number(target), eventName: 'bench.latency', itemType: 'bench', itemId: i, happenedAt: new Date().toISOString() });
    process.stdout.write(`${id} ${wall()}\n`);
    await gap();
  }
  await database.close();
}
