/**
 * npm run bench:workstream — seeds one org (see seed.ts), starts the real server in a child process
 * on 127.0.0.1, and drives 20 concurrent keep-alive clients for BENCH_SECONDS (10) per figure
 * against GET /today, GET /stats and GET /signals?page=50, printing p50/p99 latency, req/s and the
 * server's CPU per request, on SQLite and (when BENCH_DATABASE_URL or TEST_DATABASE_URL is set,
 * else the local default) on PostgreSQL. A trivial Fastify route is measured first, in the same
 * run, as the ceiling.
 *
 * Today is measured three ways: as served (answer cache on, no writes: reused answers), with a
 * writer committing BENCH_WRITES (5) candidate changes per second through the API meanwhile (each
 * commit invalidates, so some answers are computed), and on a server with the cache off
 * (ANSWER_CACHE_ENTRIES=0: every answer computed, the miss path).
 */
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createApiKey } from '../../src/auth/api-keys.repository.js';
import { createOrg } from '../../src/auth/orgs.repository.js';
import { createDatabase, type Database } from '../../src/db/create-db.js';
import { cacheCounts, cacheDelta, loadInChild, request, steadyWriter } from '../lib/http-load.js';
import { SEED, seed } from './seed.js';

const CONCURRENCY = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WRITES_PER_S = Number(process.env.BENCH_WRITES ?? 5);
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const opts = { concurrency: CONCURRENCY, durationMs: SECONDS * 1000, warmupMs: 1000 };

interface Target {
  name: 'sqlite' | 'postgres';
  url: string;
  schema?: string;
  cleanup(): Promise<void>;
}

async function sqliteTarget(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'flowledger-bench-'));
  return { name: 'sqlite', url: `sqlite:${join(dir, 'bench.db')}`, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function pgTarget(): Promise<Target | undefined> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: PG_URL });
  try {
    await c.connect();
    await c.query(`create schema ${schema}`);
  } catch (err) {
    console.log(`PostgreSQL at ${PG_URL.replace(/:[^:@/]*@/, ':***@')} unreachable (${(err as Error).message}): skipped`);
    return undefined;
  } finally {
    await c.end().catch(() => {});
  }
  return {
    name: 'postgres',
    url: PG_URL,
    schema,
    async cleanup() {
      const d = new pg.Client({ connectionString: PG_URL });
      await d.connect();
      await d.query(`drop schema if exists ${schema} cascade`);
      await d.end();
    },
  };
}

interface Server {
  base: string;
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

async function startServer(target: Target, cacheEntries?: number): Promise<Server> {
  const child = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), target.schema ? [target.schema] : [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, DATABASE_URL: target.url, DB_POOL_SIZE: '10', ...(cacheEntries !== undefined ? { ANSWER_CACHE_ENTRIES: String(cacheEntries) } : {}) },
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    cpuMs: () =>
      new Promise<number>((resolve) => {
        child.once('message', (m) => {
          const { user, system } = (m as { cpu: NodeJS.CpuUsage }).cpu;
          resolve((user + system) / 1000);
        });
        child.send('cpu');
      }),
    async stop() {
      child.send('stop');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

const header = `endpoint                                          p50 ms   p99 ms    req/s  server CPU ms/req`;

async function bench(target: Target): Promise<void> {
  const database: Database = createDatabase(target.url, target.schema ? { schema: target.schema } : {});
  const now = new Date().toISOString();
  await database.migrate();
  const org = await createOrg(database.db, { name: 'Bench', now });
  const { key } = await createApiKey(database.db, { orgId: org.org_id, role: 'viewer', name: 'bench', now });
  const { key: writerKey } = await createApiKey(database.db, { orgId: org.org_id, role: 'member', name: 'bench-writer', now });
  const t0 = performance.now();
  await seed(database, org.org_id, now);
  // Open candidates the writer renames (a PATCH is a committed change with its work event).
  const writable = (await database.db.selectFrom('candidate').select('candidate_id').where('org_id', '=', org.org_id).where('status', '=', 'triaged').limit(500).execute()).map((r) => r.candidate_id);
  console.log(`\n[${target.name}] seeded ${SEED.signals} signals, ${SEED.candidates} candidates, ${SEED.pursuits} pursuits in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await database.close();
  const headers = { authorization: `Bearer ${key}` };

  const measure = async (server: Server, label: string, path: string, writes = false) => {
    const before = await cacheCounts(server.base);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const cpu0 = await server.cpuMs();
    const writer = writes
      ? steadyWriter(WRITES_PER_S, (i) =>
          request(agent, new URL(`${server.base}/api/workstream/candidates/${writable[i % writable.length]}`), { authorization: `Bearer ${writerKey}` }, 'PATCH', JSON.stringify({ title: `Renamed ${i}` })),
        )
      : undefined;
    const r = await loadInChild(`${server.base}${path}`, headers, opts);
    const w = await writer?.stop();
    agent.destroy();
    const cpuPerRequest = ((await server.cpuMs()) - cpu0) / r.requests;
    const cache = cacheDelta(before, await cacheCounts(server.base));
    const goal = target.name === 'sqlite' && path.endsWith('/today') ? (r.p99 <= 20 && r.errors === 0 ? '  ✓ goal p99 ≤ 20 ms' : '  ✗ goal p99 ≤ 20 ms') : '';
    console.log(
      `${label.padEnd(48)} ${r.p50.toFixed(2).padStart(7)}  ${r.p99.toFixed(2).padStart(7)}  ${r.rps.toFixed(0).padStart(7)}  ${cpuPerRequest.toFixed(3).padStart(9)}${goal}` +
        `\n${' '.repeat(49)}${r.errors} errors; ${cache}${w ? `; ${w.writes} writes, ${w.errors} failed` : ''}`,
    );
  };

  // The machine is shared: the load average says how contended these figures are.
  console.log(`${header}   (${CONCURRENCY} clients, ${SECONDS} s each; ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
  const server = await startServer(target);
  try {
    await measure(server, 'GET /api/workstream/today', '/api/workstream/today');
    await measure(server, `GET /api/workstream/today + ${WRITES_PER_S} writes/s`, '/api/workstream/today', true);
    await measure(server, 'GET /api/workstream/stats', '/api/workstream/stats');
    await measure(server, 'GET /api/workstream/signals?page=50', '/api/workstream/signals?page=50');
  } finally {
    await server.stop();
  }
  const uncached = await startServer(target, 0);
  try {
    await measure(uncached, 'GET /api/workstream/today, cache off', '/api/workstream/today');
  } finally {
    await uncached.stop();
    await target.cleanup();
  }
}

console.log(`bench:workstream — ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
{
  const trivial = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../lib/trivial-server.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => {
    let out = '';
    trivial.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /LISTENING (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
  });
  const r = await loadInChild(`${url}/ping`, {}, opts);
  console.log(`[ceiling] trivial Fastify GET /ping: ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms`);
  const exited = new Promise((r) => trivial.once('exit', r));
  trivial.kill('SIGTERM');
  await exited;
}
await bench(await sqliteTarget());
const pgT = await pgTarget();
if (pgT) await bench(pgT);
console.log(`\nload average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
