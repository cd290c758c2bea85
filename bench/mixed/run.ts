/**
 * npm run bench:mixed — "a day's mixed workload" (#23): ORGS orgs, CLIENTS closed-loop clients, each
 * request an org and an operation picked by weight: 80 % reads (workflow.list with a filter, sort
 * and page; workflow.get; workflow.metrics; GET /api/workstream/today; GET /api/workstream/signals)
 * and 20 % writes (a task update, a task status change, a new signal), with the answer cache on
 * (the default). Prints per operation count, p50 and p99, and in total: throughput, the server's
 * CPU per request (bench/lib/server-cpu.ts: the server process, all threads, plus on PostgreSQL the
 * backends of the bench's own scratch database) and the answer cache's hit rate; then the goal
 * (SQLite: p99 ≤ 25 ms for reads, ≤ 50 ms for writes, no error) and its verdict.
 *
 * The seed (seed-db.ts), the server (`serve --no-workers`, bench/workflow/app-server.ts) and the
 * load (bench/lib/http-load.ts mixLoad) each run in their own process.
 * Env: BENCH_ORGS (10), BENCH_TASKS per org (20000), BENCH_SIGNALS per org (5000; candidates and
 * pursuits a tenth of it each), BENCH_CLIENTS (50), BENCH_SECONDS (30), BENCH_ENGINES
 * (sqlite,postgres), BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/postgres; a scratch database
 * is created beside it), BENCH_REUSE=1 (keep the seeded databases in $TMPDIR/flowledger-bench-mixed
 * and reuse them on the next run, while iterating; without it they are dropped), BENCH_CPU_PROF=dir
 * (the server writes a --cpu-prof profile of its run there).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { runScript, startListening, stopChild } from '../lib/child-script.js';
import { benchEngines } from '../lib/engines.js';
import { cacheCounts, mixLoadInChild, type MixOperationResult, type MixResult } from '../lib/http-load.js';
import { cpuDelta, cpuMeter } from '../lib/server-cpu.js';
import { operations, type Seeded } from './ops.js';

const ORGS = Number(process.env.BENCH_ORGS ?? 10);
const TASKS = Number(process.env.BENCH_TASKS ?? 20_000);
const SIGNALS = Number(process.env.BENCH_SIGNALS ?? 5_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const WARMUP_S = 3;
const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REUSE = process.env.BENCH_REUSE === '1';
const CPU_PROF = process.env.BENCH_CPU_PROF ? resolve(process.env.BENCH_CPU_PROF) : undefined;
const GOAL = { read: 25, write: 50 };
const here = new URL('.', import.meta.url).pathname;

interface Target {
  url: string;
  /** PostgreSQL: the scratch database, whose backends count as the server's CPU. */
  database?: string;
  seeded?: Seeded;
  drop(): Promise<void>;
}

async function pgAdmin(statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_ADMIN });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

/** A fresh database (or, with BENCH_REUSE, the one a previous run kept for this configuration). */
async function openTarget(engine: 'sqlite' | 'postgres'): Promise<Target> {
  const keepDir = join(tmpdir(), 'flowledger-bench-mixed');
  const stateFile = join(keepDir, `${engine}-${ORGS}x${TASKS}x${SIGNALS}.json`);
  if (REUSE && existsSync(stateFile)) {
    const kept = JSON.parse(readFileSync(stateFile, 'utf8')) as Target;
    return { ...kept, seeded: { ...kept.seeded!, seconds: 0 }, drop: async () => {} };
  }
  let target: Target;
  if (engine === 'sqlite') {
    const dir = join(keepDir, `sqlite-${randomBytes(4).toString('hex')}`);
    mkdirSync(dir, { recursive: true });
    target = { url: `sqlite:${join(dir, 'bench.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  } else {
    const name = `flowledger_bench_mixed_${randomBytes(4).toString('hex')}`;
    await pgAdmin(`create database ${name}`);
    const u = new URL(PG_ADMIN);
    u.pathname = `/${name}`;
    target = { url: u.toString(), database: name, drop: () => pgAdmin(`drop database if exists ${name} with (force)`) };
  }
  target.seeded = await runScript<Seeded>(join(here, 'seed-db.ts'), [target.url, String(ORGS), String(TASKS), String(SIGNALS)], 'SEEDED');
  if (REUSE) {
    mkdirSync(keepDir, { recursive: true });
    writeFileSync(stateFile, JSON.stringify({ url: target.url, database: target.database, seeded: target.seeded }));
    return { ...target, drop: async () => {} };
  }
  return target;
}

const ms = (v: number) => v.toFixed(1);
const errorText = (r: MixOperationResult) => {
  const e = Object.entries(r.errors);
  return e.length === 0 ? '0' : e.map(([status, n]) => `${n}×${status}`).join(' ');
};

interface EngineFigures {
  engine: string;
  result: MixResult;
  cpuMsPerRequest: { server: number; database: number; total: number };
  cache: { hit: number; miss: number; shared: number };
}

async function benchEngine(engine: 'sqlite' | 'postgres'): Promise<EngineFigures> {
  const target = await openTarget(engine);
  try {
    if (target.seeded!.seconds > 0) console.log(`[${engine}] seeded ${ORGS} orgs × (${TASKS} tasks, ${SIGNALS} signals) in ${target.seeded!.seconds.toFixed(1)} s`);
    const ops = operations(target.seeded!, TASKS);
    const server = await startListening(join(here, '../workflow/app-server.ts'), [target.url], { nodeArgs: CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : [] });
    const meter = await cpuMeter(server.child.pid!, target.database ? { url: target.url, database: target.database } : undefined);
    try {
      // A warm-up in its own load process (each run a different seed: its writes are new values).
      await mixLoadInChild(server.base, ops, { concurrency: CLIENTS, durationMs: WARMUP_S * 1000, warmupMs: 0, seed: 7 });
      const [cpu0, cache0] = [await meter.read(), await cacheCounts(server.base)];
      const result = await mixLoadInChild(server.base, ops, { concurrency: CLIENTS, durationMs: SECONDS * 1000, warmupMs: 0, seed: Date.now() % 1_000_000 });
      const [cpu1, cache1] = [await meter.read(), await cacheCounts(server.base)];
      const cpu = cpuDelta(cpu0, cpu1);
      const perRequest = (s: number) => (s * 1000) / result.requests;
      return {
        engine,
        result,
        cpuMsPerRequest: { server: perRequest(cpu.server), database: perRequest(cpu.database), total: perRequest(cpu.total) },
        cache: { hit: cache1.hit - cache0.hit, miss: cache1.miss - cache0.miss, shared: cache1.shared - cache0.shared },
      };
    } finally {
      await meter.close();
      await stopChild(server.child);
    }
  } finally {
    await target.drop();
  }
}

console.log(
  `bench:mixed — ${ORGS} orgs × (${TASKS.toLocaleString('en')} tasks, ${SIGNALS.toLocaleString('en')} signals), ${CLIENTS} clients, 80 % reads / 20 % writes, answer cache on, ${SECONDS} s per engine; ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
);
const figures: EngineFigures[] = [];
for (const engine of benchEngines()) figures.push(await benchEngine(engine));

const names = figures[0]!.result.operations.map((o) => o.name);
console.log(`\n| operation | ${figures.map((f) => `${f.engine} count | p50 ms | p99 ms | errors`).join(' | ')} |`);
console.log(`|---|${figures.map(() => '---:|---:|---:|---:').join('|')}|`);
const line = (label: string, pick: (f: EngineFigures) => MixOperationResult) =>
  console.log(`| ${label} | ${figures.map((f) => { const r = pick(f); return `${r.requests} | ${ms(r.p50)} | ${ms(r.p99)} | ${errorText(r)}`; }).join(' | ')} |`);
for (const name of names) line(name, (f) => f.result.operations.find((o) => o.name === name)!);
for (const group of ['read', 'write']) line(`**all ${group}s**`, (f) => f.result.groups.find((g) => g.name === group)!);
console.log('');
for (const f of figures) {
  const answered = f.cache.hit + f.cache.miss + f.cache.shared;
  const c = f.cpuMsPerRequest;
  console.log(
    `[${f.engine}] ${f.result.rps.toFixed(0)} req/s (${f.result.requests} requests in ${f.result.seconds.toFixed(1)} s, ${f.result.errors} errors); ` +
      `CPU ${c.total.toFixed(2)} ms/request (server ${c.server.toFixed(2)}${f.engine === 'postgres' ? ` + PG backends ${c.database.toFixed(2)}` : ''}); ` +
      `answer cache: ${((100 * f.cache.hit) / Math.max(1, answered)).toFixed(1)} % hits, ${((100 * f.cache.shared) / Math.max(1, answered)).toFixed(1)} % shared, ${((100 * f.cache.miss) / Math.max(1, answered)).toFixed(1)} % computed (${answered} cacheable answers)`,
  );
}
const sqlite = figures.find((f) => f.engine === 'sqlite');
if (sqlite) {
  const g = (name: string) => sqlite.result.groups.find((x) => x.name === name)!;
  const verdict = (group: 'read' | 'write') => {
    const r = g(group);
    const worst = sqlite.result.operations.filter((o) => ops(group).includes(o.name)).sort((a, b) => b.p99 - a.p99)[0]!;
    const ok = r.p99 <= GOAL[group] && Object.keys(r.errors).length === 0;
    return `${ok ? '✓' : '✗'} ${group}s p99 ${ms(r.p99)} ms ≤ ${GOAL[group]} ms (worst operation: ${worst.name} ${ms(worst.p99)} ms), ${errorText(r)} errors`;
  };
  const ops = (group: string) => operations({ orgs: [], seconds: 0 }, TASKS).filter((o) => o.group === group).map((o) => o.name);
  console.log(`\ngoal (SQLite): ${verdict('read')}; ${verdict('write')}`);
}
console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
