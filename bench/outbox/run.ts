/**
 * bench/outbox: the outbox worker's throughput and commit→handler-start latency on SQLite and
 * PostgreSQL, and graphile-worker doing the same work against the same PostgreSQL in the same run.
 *
 *   npm run bench:outbox            (BENCH_EVENTS=50000, BENCH_SAMPLES=300, BENCH_DATABASE_URL=postgres://…)
 *
 * Throughput: N events already committed, a no-op handler, time from worker start until none is
 * left unprocessed (for graphile-worker: until its job table is empty).
 * Latency: the worker idle, events committed one at a time 5–15 ms apart; from the commit
 * returning to the handler starting. "in-process" = the committing process wakes its own worker;
 * "other process" = a separate producer process commits (NOTIFY / data_version / graphile's NOTIFY).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Logger, makeWorkerUtils, run, runMigrations } from 'graphile-worker';
import pg from 'pg';
import { createOrg } from '../../src/auth/orgs.repository.js';
import { loadConfig } from '../../src/config/config.js';
import { createDatabase, type Database } from '../../src/db/create-db.js';
import { createDeps } from '../../src/app/deps.js';
import { HandlerMap } from '../../src/outbox/handler.js';
import { appendEvent, appendEvents } from '../../src/outbox/work-events.repository.js';
import { OutboxWorker } from '../../src/outbox/worker.js';
import { createLogger } from '../../src/shared/logger.js';
import { SecretKeyRing } from '../../src/shared/secret-box.js';

const N = Number(process.env.BENCH_EVENTS ?? 50_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const BATCH = Number(process.env.BENCH_BATCH ?? 50); // the worker's default batch size
const wall = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Row {
  system: string;
  engine: string;
  throughput: number;
  p50InProcess?: number;
  p99InProcess?: number;
  p50Other: number;
  p99Other: number;
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** Waits until every committed key has started, then returns start − commit per key. */
async function latencies(commits: Map<string, number>, starts: Map<string, number>): Promise<number[]> {
  await until(async () => [...commits.keys()].every((k) => starts.has(k)));
  return [...commits].map(([k, t]) => starts.get(k)! - t);
}

function row(system: string, engine: string, throughput: number, inProc: number[], cross: number[]): Row {
  return { system, engine, throughput, p50InProcess: pct(inProc, 50), p99InProcess: pct(inProc, 99), p50Other: pct(cross, 50), p99Other: pct(cross, 99) };
}

async function until(check: () => Promise<boolean>, intervalMs = 10): Promise<void> {
  while (!(await check())) await sleep(intervalMs);
}

/** Runs the producer process; resolves with id → commit time. */
function produceFromAnotherProcess(mode: 'flowledger' | 'graphile', url: string, target: string, count: number): Promise<Map<string, number>> {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(import.meta.dirname, 'producer.ts'), mode, url, target, String(count), '10'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const commits = new Map<string, number>();
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const [id, t] = line.split(' ');
    commits.set(id!, Number(t));
  });
  return new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve(commits) : reject(new Error(`producer exited ${code}`)))));
}

async function benchFlowLedger(engine: 'sqlite' | 'postgres'): Promise<Row> {
  let url: string;
  let cleanup: () => Promise<void>;
  let schema: string | undefined;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'flowledger-bench-'));
    url = `sqlite:${join(dir, 'bench.db')}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    schema = `bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    url = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`;
    cleanup = async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    };
  }
  const database: Database = createDatabase(url, { poolSize: 10, ...(schema ? { schema } : {}) });
  try {
    await database.migrate();
    const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' });
    const deps = createDeps({ config, database, logger: createLogger('silent'), secrets: SecretKeyRing.ephemeral() });
    const org = await createOrg(database.db, { name: 'Bench', now: new Date().toISOString() });

    // ---- throughput
    const now = new Date().toISOString();
    for (let i = 0; i < N; i += 1_000) {
      await database.db.transaction().execute((trx) =>
        appendEvents(trx, Array.from({ length: Math.min(1_000, N - i) }, (_, j) => ({ orgId: org.org_id, eventName: 'bench.noop', itemType: 'bench', itemId: i + j, happenedAt: now }))),
      );
    }
    let handled = 0;
    const starts = new Map<string, number>();
    const handlers = new HandlerMap()
      .on('bench.noop', async () => {
        handled++;
      })
      .on('bench.latency', async (e) => {
        starts.set(String(e.work_event_id), wall());
      });
    const worker = new OutboxWorker(deps, { handlers, concurrency: CONCURRENCY, batchSize: BATCH });
    const t0 = performance.now();
    await worker.start();
    const pending = async () =>
      (await database.db.selectFrom('work_event').select('work_event_id').where('processed_at', 'is', null).limit(1).execute()).length > 0;
    await until(async () => handled >= N && !(await pending()), 5);
    const throughput = N / ((performance.now() - t0) / 1000);
    if (handled !== N) throw new Error(`handled ${handled} of ${N}`);

    // ---- latency, committed in this process (in-process wake)
    await sleep(200);
    const commits = new Map<string, number>();
    for (let i = 0; i < SAMPLES; i++) {
      const id = await database.db.transaction().execute((trx) =>
        appendEvent(trx, { orgId: org.org_id, eventName: 'bench.latency', itemType: 'bench', itemId: i, happenedAt: new Date().toISOString() }),
      );
      commits.set(String(id), wall());
      deps.commitFeed.notify();
      await sleep(5 + Math.random() * 10);
    }
    const inProc = await latencies(commits, starts);

    // ---- latency, committed by another process (NOTIFY / data_version)
    await sleep(200);
    const other = await produceFromAnotherProcess('flowledger', url, String(org.org_id), SAMPLES);
    const cross = await latencies(other, starts);
    await worker.stop();
    return row('FlowLedger outbox', engine === 'sqlite' ? 'SQLite' : 'PostgreSQL', throughput, inProc, cross);
  } finally {
    await database.close();
    await cleanup();
  }
}

async function benchGraphile(label: string, preset: object): Promise<Row> {
  const schema = `gw_bench_${randomBytes(4).toString('hex')}`;
  const logger = new Logger(() => () => {});
  const common = { connectionString: PG_URL, schema, logger, maxPoolSize: 10 };
  await runMigrations(common);
  const utils = await makeWorkerUtils(common);
  const pool = new pg.Pool({ connectionString: PG_URL, max: 2 });
  try {
    for (let i = 0; i < N; i += 1_000) {
      await utils.addJobs(Array.from({ length: Math.min(1_000, N - i) }, (_, j) => ({ identifier: 'noop', payload: { i: i + j } })));
    }
    let handled = 0;
    const starts = new Map<string, number>();
    const t0 = performance.now();
    const runner = await run({
      ...common,
      concurrency: CONCURRENCY,
      noHandleSignals: true,
      pollInterval: 2_000,
      preset,
      taskList: {
        noop: async () => {
          handled++;
        },
        latency: async (payload) => {
          starts.set(String((payload as { k: number }).k), wall());
        },
      },
    });
    const left = async () => (await pool.query(`select 1 from ${schema}._private_jobs limit 1`)).rowCount! > 0;
    await until(async () => handled >= N && !(await left()), 5);
    const throughput = N / ((performance.now() - t0) / 1000);

    // Latency, same process (graphile's addJob; its NOTIFY can reach the worker before addJob returns).
    await sleep(200);
    const commits = new Map<string, number>();
    for (let k = 0; k < SAMPLES; k++) {
      await utils.addJob('latency', { k });
      commits.set(String(k), wall());
      await sleep(5 + Math.random() * 10);
    }
    const inProc = await latencies(commits, starts);
    starts.clear();
    // Latency, another process calling add_job.
    await sleep(200);
    const other = await produceFromAnotherProcess('graphile', PG_URL, schema, SAMPLES);
    const cross = await latencies(other, starts);
    await runner.stop();
    return row(`graphile-worker 0.17 (${label})`, 'PostgreSQL', throughput, inProc, cross);
  } finally {
    await utils.release();
    await pool.query(`drop schema ${schema} cascade`);
    await pool.end();
  }
}

const fmt = (n: number | undefined, d = 1) => (n === undefined ? '—' : n.toFixed(d));
const rows: Row[] = [];
console.log(`bench/outbox: ${N} events (no-op handler), ${SAMPLES} latency samples, concurrency ${CONCURRENCY}, batch ${BATCH}; PostgreSQL ${PG_URL.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}`);
for (const engine of ['sqlite', 'postgres'] as const) {
  rows.push(await benchFlowLedger(engine));
  console.log(rows.at(-1));
}
rows.push(await benchGraphile(`concurrency ${CONCURRENCY}, defaults`, {}));
console.log(rows.at(-1));
rows.push(await benchGraphile(`concurrency ${CONCURRENCY}, localQueue ${BATCH} + batched completion`, { worker: { localQueue: { size: BATCH }, completeJobBatchDelay: 0 } }));
console.log(rows.at(-1));

console.log('\n| system | engine | throughput (events/s) | latency p50 / p99, same process (ms) | latency p50 / p99, other process (ms) |');
console.log('|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.system} | ${r.engine} | ${Math.round(r.throughput)} | ${fmt(r.p50InProcess)} / ${fmt(r.p99InProcess)} | ${fmt(r.p50Other)} / ${fmt(r.p99Other)} |`);
}
