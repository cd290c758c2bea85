/**
 * Another process committing work one item at a time (autocommit) at a fixed rate, printing
 * "<key> <commit time>" per item: the bench measures how fast a worker in a different process
 * notices (NOTIFY on PostgreSQL, PRAGMA data_version on SQLite; graphile-worker's own NOTIFY for its
 * add_job). Commits are scheduled open-loop (item i at start + i / rate), so a slow commit does not
 * lower the rate. Times are epoch ms with sub-ms precision (performance.timeOrigin + now),
 * comparable across processes on one machine.
 *
 *   producer.ts flowledger <database url> <org id> <count> <rate per s>
 *   producer.ts graphile <postgres url> <graphile schema> <count> <rate per s>
 */
import pg from 'pg';
import { createDatabase } from '../../src/db/create-db.js';
import { appendEvent } from '../../src/outbox/work-events.repository.js';

const [mode, url, target, count, rate] = process.argv.slice(2);
const wall = () => performance.timeOrigin + performance.now();
const t0 = performance.now() + 50;
const gapMs = 1000 / Number(rate);
const until = (i: number) => new Promise((r) => setTimeout(r, Math.max(0, t0 + i * gapMs - performance.now())));

if (mode === 'graphile') {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (let k = 0; k < Number(count); k++) {
    await until(k);
    await client.query(`select ${target}.add_job('latency', json_build_object('k', $1::int))`, [k]);
    process.stdout.write(`${k} ${wall()}\n`);
  }
  await client.end();
} else {
  const database = createDatabase(url!, { poolSize: 1 });
  for (let i = 0; i < Number(count); i++) {
    await until(i);
    const id = await appendEvent(database.db, { orgId: Number(target), eventName: 'bench.latency', itemType: 'bench', itemId: i, happenedAt: new Date().toISOString() });
    process.stdout.write(`${id} ${wall()}\n`);
  }
  await database.close();
}
