/**
 * npm run bench:workstream — seeds one org (see seed.ts), starts the real server in a child process
 * on 127.0.0.1, and drives 20 concurrent keep-alive clients against GET /today, GET /stats and
 * GET /signals?page=50, printing p50/p99 latency per endpoint, on SQLite and (when
 * BENCH_DATABASE_URL or TEST_DATABASE_URL is set, else the local default) on PostgreSQL.
 */
import { fork } from 'node:child_process';
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
import { SEED, seed } from './seed.js';

const CONCURRENCY = 20;
const REQUESTS = Number(process.argv.find((a) => a.startsWith('--requests='))?.split('=')[1] ?? 4000);
const WARMUP = 200;
const ENDPOINTS = ['/api/workstream/today', '/api/workstream/stats', '/api/workstream/signals?page=50'];
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function load(port: number, key: string, path: string, total: number): Promise<{ p50: number; p99: number; rps: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  let issued = 0;
  const one = () =>
    new Promise<number>((resolve, reject) => {
      const t0 = process.hrtime.bigint();
      const req = http.get({ host: '127.0.0.1', port, path, agent, headers: { authorization: `Bearer ${key}` } }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== 200) reject(new Error(`${path} answered ${res.statusCode}`));
          else resolve(Number(process.hrtime.bigint() - t0) / 1e6);
        });
      });
      req.on('error', reject);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (issued < total) {
        issued += 1;
        latencies.push(await one());
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), rps: total / seconds };
}

async function bench(target: Target): Promise<void> {
  const database: Database = createDatabase(target.url, target.schema ? { schema: target.schema } : {});
  const now = new Date().toISOString();
  await database.migrate();
  const org = await createOrg(database.db, { name: 'Bench', now });
  const { key } = await createApiKey(database.db, { orgId: org.org_id, role: 'viewer', name: 'bench', now });
  const t0 = performance.now();
  await seed(database, org.org_id, now);
  console.log(`\n[${target.name}] seeded ${SEED.signals} signals, ${SEED.candidates} candidates, ${SEED.pursuits} pursuits in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await database.close();

  const child = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), target.schema ? [target.schema] : [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, DATABASE_URL: target.url, DB_POOL_SIZE: '10' },
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (m) => resolve((m as { port: number }).port));
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    // The machine is shared: the load average says how contended these figures are.
    const loadNow = loadavg().map((l) => l.toFixed(1)).join(' ');
    console.log(`endpoint                              p50 ms   p99 ms    req/s  server CPU ms/req   (${CONCURRENCY} clients, ${REQUESTS} requests; ${cpus().length} cores, load ${loadNow})`);
    const serverCpu = () =>
      new Promise<number>((resolve) => {
        child.once('message', (m) => {
          const { user, system } = (m as { cpu: NodeJS.CpuUsage }).cpu;
          resolve((user + system) / 1000);
        });
        child.send('cpu');
      });
    for (const path of ENDPOINTS) {
      await load(port, key, path, WARMUP);
      const cpu0 = await serverCpu();
      const r = await load(port, key, path, REQUESTS);
      const cpuPerRequest = ((await serverCpu()) - cpu0) / REQUESTS;
      console.log(
        `${path.padEnd(36)} ${r.p50.toFixed(2).padStart(7)}  ${r.p99.toFixed(2).padStart(7)}  ${r.rps.toFixed(0).padStart(7)}  ${cpuPerRequest.toFixed(2).padStart(9)}`,
      );
    }
  } finally {
    child.send('stop');
    await new Promise((r) => child.once('exit', r));
    await target.cleanup();
  }
}

await bench(await sqliteTarget());
const pgT = await pgTarget();
if (pgT) await bench(pgT);
