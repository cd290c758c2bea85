/**
 * npm run bench:workstream — seeds one org (see seed.ts), starts the real server in a child process
 * on 127.0.0.1, and drives 20 concurrent keep-alive clients for BENCH_SECONDS (10) per figure,
 * printing p50/p99 latency, req/s and CPU per request, on SQLite and on PostgreSQL (BENCH_ENGINES
 * picks; the PostgreSQL server is BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local
 * default, where the run creates its own scratch database and drops it). A trivial Fastify route is
 * measured first, in the same run, as the ceiling.
 *
 * CPU per request is #23's measure (bench/lib/server-cpu.ts): the server process, all threads, plus
 * on PostgreSQL every backend connected to the scratch database — which is why the run gets a
 * database of its own rather than a schema.
 *
 * Rows, as served (answer cache on): Today with no writes (reused answers), Today with a writer
 * committing BENCH_WRITES (5) candidate changes per second through the API (each commit
 * invalidates), stats, signals page 50. Then a server with the cache off (ANSWER_CACHE_ENTRIES=0,
 * every answer computed): Today, stats, signals page 1. Goal (#23, both engines): cache-off Today
 * ≤ 0.6 ms CPU per request and p99 ≤ 25 ms.
 *
 * Options while iterating: BENCH_CACHE_OFF_ONLY=1 runs only the cache-off rows; BENCH_REUSE=1 keeps
 * the seeded data (SQLite file in the temp directory, PostgreSQL database flowledger_bench_workstream)
 * and reuses it on the next run instead of seeding again (drop it by hand when done).
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createApiKey } from '../../src/auth/api-keys.repository.js';
import { createOrg } from '../../src/auth/orgs.repository.js';
import { createDatabase, type Database } from '../../src/db/create-db.js';
import { benchEngines, pgUrl } from '../lib/engines.js';
import { cacheCounts, cacheDelta, loadInChild, request, steadyWriter, type LoadResult } from '../lib/http-load.js';
import { cpuDelta, cpuMeter, type CpuMeter } from '../lib/server-cpu.js';
import { SEED, seed } from './seed.js';

const CONCURRENCY = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WRITES_PER_S = Number(process.env.BENCH_WRITES ?? 5);
const CACHE_OFF_ONLY = process.env.BENCH_CACHE_OFF_ONLY === '1';
const REUSE = process.env.BENCH_REUSE === '1';
const PG_URL = pgUrl();
const opts = { concurrency: CONCURRENCY, durationMs: SECONDS * 1000, warmupMs: 1000 };
/** #23: cache-off Today, both engines. */
const GOAL = { cpuMsPerRequest: 0.6, p99Ms: 25 };
const REUSED_PG_DB = 'flowledger_bench_workstream';

interface Target {
  name: 'sqlite' | 'postgres';
  url: string;
  /** PostgreSQL: the scratch database, whose backends are counted. */
  database?: string;
  /** Seeded by an earlier BENCH_REUSE run. */
  seeded: boolean;
  cleanup(): Promise<void>;
}

function urlOfDatabase(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

async function sqliteTarget(): Promise<Target> {
  if (REUSE) {
    const dir = join(tmpdir(), 'flowledger-bench-workstream');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'bench.db');
    return { name: 'sqlite', url: `sqlite:${file}`, seeded: existsSync(file), cleanup: async () => {} };
  }
  const dir = mkdtempSync(join(tmpdir(), 'flowledger-bench-'));
  return { name: 'sqlite', url: `sqlite:${join(dir, 'bench.db')}`, seeded: false, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function pgTarget(): Promise<Target | undefined> {
  const name = REUSE ? REUSED_PG_DB : `bench_ws_${randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: PG_URL });
  let seeded = false;
  try {
    await c.connect();
    const exists = (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount! > 0;
    if (!exists) await c.query(`create database ${name}`);
    seeded = exists;
  } catch (err) {
    console.log(`PostgreSQL at ${PG_URL.replace(/:[^:@/]*@/, ':***@')} unreachable (${(err as Error).message}): skipped`);
    return undefined;
  } finally {
    await c.end().catch(() => {});
  }
  return {
    name: 'postgres',
    url: urlOfDatabase(PG_URL, name),
    database: name,
    seeded,
    async cleanup() {
      if (REUSE) return;
      const d = new pg.Client({ connectionString: PG_URL });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    },
  };
}

interface Server {
  base: string;
  meter: CpuMeter;
  stop(): Promise<void>;
}

async function startServer(target: Target, cacheEntries?: number): Promise<Server> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_SERVER_NODE_ARGS ? process.env.BENCH_SERVER_NODE_ARGS.split(' ') : [])],
    env: { ...process.env, DATABASE_URL: target.url, DB_POOL_SIZE: '10', ...(cacheEntries !== undefined ? { ANSWER_CACHE_ENTRIES: String(cacheEntries) } : {}) },
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const meter = await cpuMeter(child.pid!, target.database ? { url: PG_URL, database: target.database } : undefined);
  return {
    base: `http://127.0.0.1:${port}`,
    meter,
    async stop() {
      await meter.close();
      child.send('stop');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

interface Row {
  label: string;
  r: LoadResult;
  cpuMs: number;
  dbCpuMs: number;
}

const header = `endpoint                                          p50 ms   p99 ms    req/s  CPU ms/req (of it PG)`;

async function bench(target: Target): Promise<Row[]> {
  const database: Database = createDatabase(target.url);
  const now = new Date().toISOString();
  await database.migrate();
  let orgId: number;
  if (target.seeded) {
    orgId = (await database.db.selectFrom('org').select('org_id').where('name', '=', 'Bench').orderBy('org_id').executeTakeFirstOrThrow()).org_id;
    console.log(`\n[${target.name}] reusing the seeded data set (org ${orgId})`);
  } else {
    orgId = (await createOrg(database.db, { name: 'Bench', now })).org_id;
    const t0 = performance.now();
    await seed(database, orgId, now);
    console.log(`\n[${target.name}] seeded ${SEED.signals} signals, ${SEED.candidates} candidates, ${SEED.pursuits} pursuits in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const { key } = await createApiKey(database.db, { orgId, role: 'viewer', name: 'bench', now });
  const { key: writerKey } = await createApiKey(database.db, { orgId, role: 'member', name: 'bench-writer', now });
  // Open candidates the writer renames (a PATCH is a committed change with its work event).
  const writable = (await database.db.selectFrom('candidate').select('candidate_id').where('org_id', '=', orgId).where('status', '=', 'triaged').limit(500).execute()).map((r) => r.candidate_id);
  await database.close();
  const headers = { authorization: `Bearer ${key}` };
  const rows: Row[] = [];

  const measure = async (server: Server, label: string, path: string, writes = false) => {
    const before = await cacheCounts(server.base);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const cpu0 = await server.meter.read();
    const writer = writes
      ? steadyWriter(WRITES_PER_S, (i) =>
          request(agent, new URL(`${server.base}/api/workstream/candidates/${writable[i % writable.length]}`), { authorization: `Bearer ${writerKey}` }, 'PATCH', JSON.stringify({ title: `Renamed ${i}` })),
        )
      : undefined;
    const r = await loadInChild(`${server.base}${path}`, headers, opts);
    const w = await writer?.stop();
    agent.destroy();
    const cpu = cpuDelta(cpu0, await server.meter.read());
    // The window includes warm-up; its requests are not counted in r.requests, so count them at the measured rate.
    const requests = r.requests * ((SECONDS + opts.warmupMs / 1000) / SECONDS);
    const row = { label, r, cpuMs: (cpu.total * 1000) / requests, dbCpuMs: (cpu.database * 1000) / requests };
    rows.push(row);
    const cache = cacheDelta(before, await cacheCounts(server.base));
    console.log(
      `${label.padEnd(48)} ${r.p50.toFixed(2).padStart(7)}  ${r.p99.toFixed(2).padStart(7)}  ${r.rps.toFixed(0).padStart(7)}  ${row.cpuMs.toFixed(3).padStart(9)}` +
        `${target.name === 'postgres' ? ` (${row.dbCpuMs.toFixed(3)})` : ''}` +
        `\n${' '.repeat(49)}${r.errors} errors; ${cache}${w ? `; ${w.writes} writes, ${w.errors} failed` : ''}`,
    );
  };

  console.log(`${header}   (${CONCURRENCY} clients, ${SECONDS} s each; ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
  try {
    if (!CACHE_OFF_ONLY) {
      const server = await startServer(target);
      try {
        await measure(server, 'GET /api/workstream/today', '/api/workstream/today');
        await measure(server, `GET /api/workstream/today + ${WRITES_PER_S} writes/s`, '/api/workstream/today', true);
        await measure(server, 'GET /api/workstream/stats', '/api/workstream/stats');
        await measure(server, 'GET /api/workstream/signals?page=50', '/api/workstream/signals?page=50');
      } finally {
        await server.stop();
      }
    }
    const uncached = await startServer(target, 0);
    try {
      await measure(uncached, 'GET /api/workstream/today, cache off', '/api/workstream/today');
      await measure(uncached, 'GET /api/workstream/stats, cache off', '/api/workstream/stats');
      await measure(uncached, 'GET /api/workstream/signals?page=1, cache off', '/api/workstream/signals?page=1');
    } finally {
      await uncached.stop();
    }
  } finally {
    await target.cleanup();
  }
  return rows;
}

/** The ceiling: a bare Fastify route, CPU counted the same way. */
async function ceiling(): Promise<void> {
  const trivial = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../lib/trivial-server.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => {
    let out = '';
    trivial.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /LISTENING (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
  });
  const meter = await cpuMeter(trivial.pid!);
  const c0 = await meter.read();
  const r = await loadInChild(`${url}/ping`, {}, opts);
  const cpu = cpuDelta(c0, await meter.read());
  const cpuMs = (cpu.total * 1000) / (r.requests * ((SECONDS + opts.warmupMs / 1000) / SECONDS));
  console.log(`[ceiling] trivial Fastify GET /ping: ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, ${cpuMs.toFixed(3)} ms CPU/req`);
  await meter.close();
  const exited = new Promise((res) => trivial.once('exit', res));
  trivial.kill('SIGTERM');
  await exited;
}

console.log(`bench:workstream — ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
await ceiling();
const verdicts: string[] = [];
for (const engine of benchEngines()) {
  const target = engine === 'sqlite' ? await sqliteTarget() : await pgTarget();
  if (!target) continue;
  const rows = await bench(target);
  const today = rows.find((r) => r.label === 'GET /api/workstream/today, cache off')!;
  const ok = today.cpuMs <= GOAL.cpuMsPerRequest && today.r.p99 <= GOAL.p99Ms && today.r.errors === 0;
  verdicts.push(
    `${ok ? '✓' : '✗'} ${engine}: cache-off Today ${today.cpuMs.toFixed(3)} ms CPU/req (goal ≤ ${GOAL.cpuMsPerRequest}), p99 ${today.r.p99.toFixed(1)} ms (goal ≤ ${GOAL.p99Ms})`,
  );
}
console.log(`\nGoal (#23): cache-off GET /api/workstream/today ≤ ${GOAL.cpuMsPerRequest} ms CPU per request (server + PG backends), p99 ≤ ${GOAL.p99Ms} ms`);
for (const v of verdicts) console.log(v);
console.log(`\nload average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
