/**
 * bench/outbox: FlowLedger's outbox against graphile-worker on the same PostgreSQL, each at its
 * fastest configuration, with the raw-SQL floor in the same run; and FlowLedger on SQLite.
 *
 *   npm run bench:outbox
 *
 * Options (env): BENCH_EVENTS (50000 per measured run), BENCH_RUNS (5), BENCH_SWEEP_EVENTS (20000
 * per sweep run), BENCH_FL_SWEEP ("lanes x batch" list), BENCH_GW_SWEEP ("concurrency x localQueue"
 * list), BENCH_RATE (events/s for the latency runs, 300), BENCH_SAMPLES (latency events, 1500),
 * BENCH_ONLY (any of sweep,runs,latency,sqlite; default all), BENCH_DATABASE_URL.
 *
 * Throughput: N no-op events already committed; from the worker's start until every one is done in
 * the database (FlowLedger: processed_at set; graphile-worker: its job row deleted; both only after
 * the handler returned). Each side's best configuration is chosen by a short sweep (one run per
 * configuration, the two sides interleaved), then FlowLedger-best, graphile-best and the floor run
 * BENCH_RUNS times each in rotating order; median and min–max are printed. CPU is the bench
 * process (where both workers run) plus every backend of the bench's own database, per event.
 * Floor: the same tables (outbox_queue, work_event), lanes × batch as FlowLedger's best, one
 * statement per batch that takes queue rows with FOR UPDATE SKIP LOCKED, deletes them and marks
 * their events processed, no handler.
 * Latency: the worker idle, another process commits one event at a time at BENCH_RATE; from the
 * commit returning to the handler starting (NOTIFY wakes both systems).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Logger, makeWorkerUtils, run, runMigrations, type WorkerUtils } from 'graphile-worker';
import { sql } from 'kysely';
import pg from 'pg';
import { createOrg } from '../../src/auth/orgs.repository.js';
import { loadConfig } from '../../src/config/config.js';
import { createDatabase, type Database } from '../../src/db/create-db.js';
import { createDeps } from '../../src/app/deps.js';
import { HandlerMap } from '../../src/outbox/handler.js';
import { appendEvent, appendEvents } from '../../src/outbox/work-events.repository.js';
import { DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY, OutboxWorker } from '../../src/outbox/worker.js';
import { createLogger } from '../../src/shared/logger.js';
import { SecretKeyRing } from '../../src/shared/secret-box.js';
import { cpuDelta, cpuMeter, type CpuMeter, type CpuReading } from '../lib/server-cpu.js';

const N = Number(process.env.BENCH_EVENTS ?? 50_000);
const SWEEP_N = Number(process.env.BENCH_SWEEP_EVENTS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const RATE = Number(process.env.BENCH_RATE ?? 300);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 1_500);
const ONLY = new Set((process.env.BENCH_ONLY ?? 'sweep,runs,latency,sqlite').split(','));
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const pairs = (s: string) => s.split(',').filter(Boolean).map((p) => p.split('x').map(Number) as [number, number]);
const FL_SWEEP = pairs(process.env.BENCH_FL_SWEEP ?? `${DEFAULT_CONCURRENCY}x${DEFAULT_BATCH_SIZE},4x200,4x500,8x250`);
// graphile-worker's performance page runs concurrentJobs 24, localQueue 500 and batched completion
// and failure (delay 0); its release notes suggest a local queue of concurrency + 1 and up.
const GW_SWEEP = pairs(process.env.BENCH_GW_SWEEP ?? '8x100,24x500,48x500,32x1000');
const wall = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const redact = (u: string) => u.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

interface Measured {
  rate: number;
  cpuUsPerEvent: number;
  /** Of which PostgreSQL backends. */
  dbUsPerEvent: number;
}

function measured(n: number, seconds: number, c0: CpuReading | undefined, c1: CpuReading | undefined): Measured {
  const d = c0 && c1 ? cpuDelta(c0, c1) : undefined;
  return { rate: n / seconds, cpuUsPerEvent: d ? (d.total * 1e6) / n : NaN, dbUsPerEvent: d ? (d.database * 1e6) / n : NaN };
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
const median = (xs: number[]) => pct(xs, 50);

async function until(check: () => boolean | Promise<boolean>, intervalMs = 5): Promise<void> {
  while (!(await check())) await sleep(intervalMs);
}

/** Waits until every committed key has started, then returns start − commit per key. */
async function latencies(commits: Map<string, number>, starts: Map<string, number>): Promise<number[]> {
  await until(() => [...commits.keys()].every((k) => starts.has(k)), 10);
  return [...commits].map(([k, t]) => starts.get(k)! - t);
}

/** Runs the producer process; resolves with key → commit time. */
function produceFromAnotherProcess(mode: 'flowledger' | 'graphile', url: string, target: string, count: number, rate: number): Promise<Map<string, number>> {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(import.meta.dirname, 'producer.ts'), mode, url, target, String(count), String(rate)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const commits = new Map<string, number>();
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const [id, t] = line.split(' ');
    commits.set(id!, Number(t));
  });
  return new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve(commits) : reject(new Error(`producer exited ${code}`)))));
}

// ------------------------------------------------------------------ FlowLedger (either engine)
interface FlowLedgerSide {
  database: Database;
  deps: ReturnType<typeof createDeps>;
  orgId: number;
  url: string;
}

async function openFlowLedger(url: string, schema?: string): Promise<FlowLedgerSide> {
  const database = createDatabase(url, { poolSize: 80, ...(schema ? { schema } : {}) });
  await database.migrate();
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' });
  const deps = createDeps({ config, database, logger: createLogger('silent'), secrets: SecretKeyRing.ephemeral() });
  const org = await createOrg(database.db, { name: 'Bench', now: new Date().toISOString() });
  return { database, deps, orgId: org.org_id, url };
}

/** A fresh queue of n due no-op events (earlier runs' rows removed, statistics current). */
async function fillWorkEvents(side: FlowLedgerSide, n: number): Promise<void> {
  const { database } = side;
  if (database.engine === 'postgres') await sql`truncate work_event cascade`.execute(database.db);
  else await database.db.deleteFrom('work_event').execute();
  const now = new Date().toISOString();
  for (let i = 0; i < n; i += 2_000) {
    await database.db.transaction().execute((trx) =>
      appendEvents(trx, Array.from({ length: Math.min(2_000, n - i) }, (_, j) => ({ orgId: side.orgId, eventName: 'bench.noop', itemType: 'bench', itemId: i + j, happenedAt: now }))),
    );
  }
  if (database.engine === 'postgres') await sql`vacuum analyze work_event`.execute(database.db);
}

async function unprocessedLeft(database: Database): Promise<boolean> {
  const rows = await database.db.selectFrom('work_event').select('work_event_id').where('processed_at', 'is', null).limit(1).execute();
  return rows.length > 0;
}

async function flThroughput(side: FlowLedgerSide, meter: CpuMeter | undefined, lanes: number, batch: number, n: number): Promise<Measured> {
  await fillWorkEvents(side, n);
  let handled = 0;
  const handlers = new HandlerMap().on('bench.noop', async () => {
    handled++;
  });
  const worker = new OutboxWorker(side.deps, { handlers, concurrency: lanes, batchSize: batch });
  const c0 = await meter?.read();
  const t0 = performance.now();
  await worker.start();
  await until(() => handled >= n, 2);
  await until(async () => !(await unprocessedLeft(side.database)), 2);
  const seconds = (performance.now() - t0) / 1000;
  const c1 = await meter?.read();
  await worker.stop();
  if (handled !== n) throw new Error(`FlowLedger handled ${handled} of ${n}`);
  return measured(n, seconds, c0, c1);
}

/** The floor: claim (FOR UPDATE SKIP LOCKED) and complete in one statement per batch, no handler. */
async function floorThroughput(side: FlowLedgerSide, meter: CpuMeter | undefined, lanes: number, batch: number, n: number): Promise<Measured> {
  await fillWorkEvents(side, n);
  const now = new Date().toISOString();
  let done = 0;
  const c0 = await meter?.read();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      for (;;) {
        const { rows } = await sql<{ work_event_id: number }>`
          with c as (
            select org_id, work_event_id from outbox_queue
            where claimed_at is null and next_attempt_at <= ${now}
            order by next_attempt_at, work_event_id
            limit ${batch}
            for update skip locked),
          d as (
            delete from outbox_queue q using c where q.org_id = c.org_id and q.work_event_id = c.work_event_id
            returning q.org_id, q.work_event_id, q.attempts)
          update work_event w set processed_at = ${now}, claimed_by = 'floor', attempts = d.attempts + 1
          from d where w.org_id = d.org_id and w.work_event_id = d.work_event_id
          returning w.work_event_id`.execute(side.database.db);
        done += rows.length;
        if (rows.length === 0) return;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const c1 = await meter?.read();
  if (done !== n) throw new Error(`floor did ${done} of ${n}`);
  return measured(n, seconds, c0, c1);
}

async function flLatency(side: FlowLedgerSide, lanes: number, batch: number, inProcess: boolean): Promise<{ inProc?: number[]; other: number[] }> {
  await fillWorkEvents(side, 0);
  const starts = new Map<string, number>();
  const handlers = new HandlerMap().on('bench.latency', async (e) => {
    starts.set(String(e.work_event_id), wall());
  });
  const worker = new OutboxWorker(side.deps, { handlers, concurrency: lanes, batchSize: batch });
  await worker.start();
  try {
    let inProc: number[] | undefined;
    if (inProcess) {
      // Committed in this process (in-process wake), at the same rate.
      await sleep(200);
      const commits = new Map<string, number>();
      const t0 = performance.now();
      for (let i = 0; i < Math.min(SAMPLES, 500); i++) {
        await sleep(Math.max(0, t0 + (i * 1000) / RATE - performance.now()));
        const id = await side.database.db.transaction().execute((trx) =>
          appendEvent(trx, { orgId: side.orgId, eventName: 'bench.latency', itemType: 'bench', itemId: i, happenedAt: new Date().toISOString() }),
        );
        commits.set(String(id), wall());
        side.deps.commitFeed.notify();
      }
      inProc = await latencies(commits, starts);
    }
    await sleep(200);
    const other = await produceFromAnotherProcess('flowledger', side.url, String(side.orgId), SAMPLES, RATE);
    return { inProc, other: await latencies(other, starts) };
  } finally {
    await worker.stop();
  }
}

// ------------------------------------------------------------------ graphile-worker
interface GraphileSide {
  url: string;
  schema: string;
  utils: WorkerUtils;
  pool: pg.Pool;
}

const gwLogger = new Logger(() => () => {});

async function openGraphile(url: string): Promise<GraphileSide> {
  const schema = 'graphile_worker';
  await runMigrations({ connectionString: url, schema, logger: gwLogger });
  const utils = await makeWorkerUtils({ connectionString: url, schema, logger: gwLogger });
  return { url, schema, utils, pool: new pg.Pool({ connectionString: url, max: 2 }) };
}

/** Its documented high-throughput settings: local queue, batched completion and failure. */
function gwOptions(g: GraphileSide, concurrency: number, localQueue: number) {
  return {
    connectionString: g.url,
    schema: g.schema,
    logger: gwLogger,
    concurrency,
    maxPoolSize: Math.max(10, concurrency + 1),
    noHandleSignals: true,
    preset: { worker: { localQueue: { size: localQueue }, completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
  };
}

async function fillJobs(g: GraphileSide, n: number): Promise<void> {
  await g.pool.query(`truncate ${g.schema}._private_jobs cascade`);
  for (let i = 0; i < n; i += 2_000) {
    await g.utils.addJobs(Array.from({ length: Math.min(2_000, n - i) }, (_, j) => ({ identifier: 'noop', payload: { i: i + j } })));
  }
  await g.pool.query(`vacuum analyze ${g.schema}._private_jobs`);
}

async function gwThroughput(g: GraphileSide, meter: CpuMeter | undefined, concurrency: number, localQueue: number, n: number): Promise<Measured> {
  await fillJobs(g, n);
  let handled = 0;
  const c0 = await meter?.read();
  const t0 = performance.now();
  const runner = await run({
    ...gwOptions(g, concurrency, localQueue),
    taskList: {
      noop: async () => {
        handled++;
      },
    },
  });
  await until(() => handled >= n, 2);
  await until(async () => (await g.pool.query(`select 1 from ${g.schema}._private_jobs limit 1`)).rowCount === 0, 2);
  const seconds = (performance.now() - t0) / 1000;
  const c1 = await meter?.read();
  await runner.stop();
  if (handled !== n) throw new Error(`graphile-worker handled ${handled} of ${n}`);
  return measured(n, seconds, c0, c1);
}

async function gwLatency(g: GraphileSide, concurrency: number, localQueue: number): Promise<number[]> {
  await fillJobs(g, 0);
  const starts = new Map<string, number>();
  const runner = await run({
    ...gwOptions(g, concurrency, localQueue),
    taskList: {
      latency: async (payload) => {
        starts.set(String((payload as { k: number }).k), wall());
      },
    },
  });
  try {
    await sleep(200);
    const commits = await produceFromAnotherProcess('graphile', g.url, g.schema, SAMPLES, RATE);
    return await latencies(commits, starts);
  } finally {
    await runner.stop();
  }
}

// ------------------------------------------------------------------ the run
const f0 = (x: number) => Math.round(x).toLocaleString('en-US');
const f1 = (x: number) => x.toFixed(1);
const spread = (xs: number[]) => `${f0(Math.min(...xs))}–${f0(Math.max(...xs))}`;
const flLabel = (l: number, b: number) => `FlowLedger outbox, ${l} lanes × batch ${b}`;
const gwLabel = (c: number, q: number) => `graphile-worker 0.17, concurrency ${c}, localQueue ${q}, completeJobBatchDelay 0, failJobBatchDelay 0`;

console.log(
  `bench/outbox: ${N} no-op events per run, ${RUNS} runs; sweep ${SWEEP_N} events; latency ${SAMPLES} events at ${RATE}/s from another process; PostgreSQL ${redact(PG_URL)}`,
);

const dbName = `bench_outbox_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: PG_URL });
await admin.connect();
await admin.query(`create database ${dbName}`);
const benchUrl = (() => {
  const u = new URL(PG_URL);
  u.pathname = `/${dbName}`;
  return u.toString();
})();
let fl: FlowLedgerSide | undefined;
let gw: GraphileSide | undefined;
let meter: CpuMeter | undefined;
const table: string[] = [];
try {
  await admin.query(`select 1`);
  const schemaClient = new pg.Client({ connectionString: benchUrl });
  await schemaClient.connect();
  await schemaClient.query('create schema flowledger');
  await schemaClient.end();
  fl = await openFlowLedger(`${benchUrl}?options=-c%20search_path%3Dflowledger`, 'flowledger');
  gw = await openGraphile(benchUrl);
  meter = await cpuMeter(process.pid, { url: PG_URL, database: dbName });

  let flBest: [number, number] = [DEFAULT_CONCURRENCY, DEFAULT_BATCH_SIZE];
  let gwBest: [number, number] = [24, 500];
  if (ONLY.has('sweep')) {
    console.log('\nsweep (one run each, interleaved):');
    const flSeen: Array<[[number, number], Measured]> = [];
    const gwSeen: Array<[[number, number], Measured]> = [];
    for (let i = 0; i < Math.max(FL_SWEEP.length, GW_SWEEP.length); i++) {
      const a = FL_SWEEP[i];
      if (a) {
        const m = await flThroughput(fl, meter, a[0], a[1], SWEEP_N);
        flSeen.push([a, m]);
        console.log(`  ${flLabel(...a)}: ${f0(m.rate)} events/s, ${f1(m.cpuUsPerEvent)} µs CPU/event (${f1(m.dbUsPerEvent)} in PostgreSQL)`);
      }
      const b = GW_SWEEP[i];
      if (b) {
        const m = await gwThroughput(gw, meter, b[0], b[1], SWEEP_N);
        gwSeen.push([b, m]);
        console.log(`  ${gwLabel(...b)}: ${f0(m.rate)} jobs/s, ${f1(m.cpuUsPerEvent)} µs CPU/job (${f1(m.dbUsPerEvent)} in PostgreSQL)`);
      }
    }
    flBest = flSeen.reduce((x, y) => (y[1].rate > x[1].rate ? y : x))[0];
    gwBest = gwSeen.reduce((x, y) => (y[1].rate > x[1].rate ? y : x))[0];
    console.log(`  best: ${flLabel(...flBest)}; ${gwLabel(...gwBest)}`);
  }

  if (ONLY.has('runs')) {
    console.log(`\n${RUNS} runs each, rotating order:`);
    const systems = [
      { name: 'fl', run: () => flThroughput(fl!, meter, flBest[0], flBest[1], N) },
      { name: 'gw', run: () => gwThroughput(gw!, meter, gwBest[0], gwBest[1], N) },
      { name: 'floor', run: () => floorThroughput(fl!, meter, flBest[0], flBest[1], N) },
    ];
    const got: Record<string, Measured[]> = { fl: [], gw: [], floor: [] };
    for (let r = 0; r < RUNS; r++) {
      const order = [...systems.slice(r % 3), ...systems.slice(0, r % 3)];
      for (const s of order) {
        const m = await s.run();
        got[s.name]!.push(m);
        console.log(`  run ${r + 1} ${s.name}: ${f0(m.rate)}/s, ${f1(m.cpuUsPerEvent)} µs CPU/event (${f1(m.dbUsPerEvent)} in PostgreSQL)`);
      }
    }
    const rate = (k: string) => got[k]!.map((m) => m.rate);
    const cpu = (k: string) => f1(median(got[k]!.map((m) => m.cpuUsPerEvent)));
    const [mFl, mGw, mFloor] = [median(rate('fl')), median(rate('gw')), median(rate('floor'))];
    table.push('| system (PostgreSQL) | configuration | median events/s | min–max | CPU µs/event (median) |', '|---|---|---|---|---|');
    table.push(`| FlowLedger outbox | ${flBest[0]} lanes × batch ${flBest[1]} | ${f0(mFl)} | ${spread(rate('fl'))} | ${cpu('fl')} |`);
    table.push(`| graphile-worker 0.17 | concurrency ${gwBest[0]}, localQueue ${gwBest[1]}, completeJobBatchDelay 0, failJobBatchDelay 0 | ${f0(mGw)} | ${spread(rate('gw'))} | ${cpu('gw')} |`);
    table.push(`| raw-SQL floor (claim + complete, one statement per batch, no handler) | ${flBest[0]} lanes × batch ${flBest[1]} | ${f0(mFloor)} | ${spread(rate('floor'))} | ${cpu('floor')} |`);
    table.push(
      '',
      `FlowLedger / graphile-worker (medians): ${(mFl / mGw).toFixed(2)}× (goal ≥ 1.2×: ${mFl / mGw >= 1.2 ? '✓' : '✗'}); FlowLedger / floor: ${(mFl / mFloor).toFixed(2)}× (goal ≥ 0.5×: ${mFl / mFloor >= 0.5 ? '✓' : '✗'})`,
    );
  }

  if (ONLY.has('latency')) {
    const a = await flLatency(fl, flBest[0], flBest[1], false);
    const b = await gwLatency(gw, gwBest[0], gwBest[1]);
    const [p50a, p99a, p50b, p99b] = [pct(a.other, 50), pct(a.other, 99), pct(b, 50), pct(b, 99)];
    table.push(
      '',
      `| commit → handler start, other process, ${RATE}/s (PostgreSQL) | configuration | p50 ms | p99 ms |`,
      '|---|---|---|---|',
      `| FlowLedger outbox | ${flBest[0]} lanes × batch ${flBest[1]} | ${p50a.toFixed(2)} | ${p99a.toFixed(2)} |`,
      `| graphile-worker 0.17 | concurrency ${gwBest[0]}, localQueue ${gwBest[1]}, batched completion/failure | ${p50b.toFixed(2)} | ${p99b.toFixed(2)} |`,
      '',
      `latency goals: FlowLedger p50 ≤ graphile-worker's: ${p50a <= p50b ? '✓' : '✗'}; FlowLedger p99 ≤ 10 ms: ${p99a <= 10 ? '✓' : '✗'}`,
    );
  }
} finally {
  await meter?.close();
  await fl?.database.close();
  if (gw) {
    await gw.utils.release();
    await gw.pool.end();
  }
  // Pools close asynchronously: wait for their backends to go rather than terminating them.
  for (let i = 0; ; i++) {
    try {
      await admin.query(`drop database if exists ${dbName}`);
      break;
    } catch (err) {
      if (i >= 20) throw err;
      await sleep(250);
    }
  }
  await admin.end();
}

if (ONLY.has('sqlite')) {
  const dir = mkdtempSync(join(tmpdir(), 'flowledger-bench-'));
  const url = `sqlite:${join(dir, 'bench.db')}`;
  const side = await openFlowLedger(url);
  try {
    const m = await flThroughput(side, undefined, DEFAULT_CONCURRENCY, DEFAULT_BATCH_SIZE, N);
    const l = await flLatency(side, DEFAULT_CONCURRENCY, DEFAULT_BATCH_SIZE, true);
    table.push(
      '',
      '| FlowLedger outbox on SQLite (defaults) | events/s | p50 / p99 ms, same process | p50 / p99 ms, other process |',
      '|---|---|---|---|',
      `| ${DEFAULT_CONCURRENCY} lanes × batch ${DEFAULT_BATCH_SIZE} | ${f0(m.rate)} | ${pct(l.inProc!, 50).toFixed(2)} / ${pct(l.inProc!, 99).toFixed(2)} | ${pct(l.other, 50).toFixed(2)} / ${pct(l.other, 99).toFixed(2)} |`,
    );
  } finally {
    await side.database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`\n${table.join('\n')}`);
