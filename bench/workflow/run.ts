/**
 * npm run bench:workflow — workflow.metrics and workflow.list at 1,000,000 tasks in one org, on
 * SQLite and PostgreSQL, 20 concurrent clients, with the req/s of a trivial Fastify route measured
 * in the same run as the ceiling. Both are answered from the answer cache. Rows: as served (no
 * writes: reused answers), for clients that send no Accept-Encoding (like curl) and, for the list,
 * clients that send `gzip, deflate` (like fetch; the loader decompresses every body); with a writer
 * committing WRITES_PER_S task updates per second through the API meanwhile (each commit
 * invalidates, so some answers are computed); and on a server with the cache off
 * (ANSWER_CACHE_ENTRIES=0: every answer computed, the miss path).
 *
 * The server runs in its own process (as `serve --no-workers` does), the seed in another
 * (seed-db.ts); this process only drives load, so nothing else in it competes with the clients.
 * Env: BENCH_TASKS (1000000), BENCH_SECONDS (10), BENCH_CONCURRENCY (20), BENCH_WRITES (5 per s), BENCH_ENGINES
 * (sqlite,postgres), BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/postgres; a scratch database
 * is created next to it and dropped afterwards).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import http from 'node:http';
import { runScript } from '../lib/child-script.js';
import { cacheCounts, cacheDelta, loadInChild, request, steadyWriter, type LoadResult } from '../lib/http-load.js';

const TASKS = Number(process.env.BENCH_TASKS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const WRITES_PER_S = Number(process.env.BENCH_WRITES ?? 5);
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',');
const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const here = new URL('.', import.meta.url).pathname;

function startChild(script: string, args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /LISTENING (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

/** Seeds in a child process (seed-db.ts) and returns what it printed. */
function seedInChild(url: string): Promise<{ key: string; writerKey: string; seconds: number }> {
  return runScript(join(here, 'seed-db.ts'), [url, String(TASKS)], 'SEEDED');
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

const opts = { concurrency: CONCURRENCY, durationMs: SECONDS * 1000, warmupMs: 2000 };
const fmt = (r: LoadResult) =>
  `${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(2).padStart(6)} ms  p99 ${r.p99.toFixed(2).padStart(6)} ms  max ${r.max.toFixed(1).padStart(6)} ms  (${r.requests} requests, ${r.errors} errors)`;

const listInput = (page: number) => ({
  filter: { status: 'RED', category: 'Quote Processing' },
  pagination: { page, limit: 50 },
  sort: { field: 'sla_deadline', direction: 'asc' },
});
const trpcGet = (base: string, proc: string, input?: unknown) =>
  `${base}/api/workflow.${proc}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;

async function benchEngine(engine: string): Promise<void> {
  let url: string;
  let cleanup: () => Promise<void>;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'flowledger-bench-'));
    url = `sqlite:${join(dir, 'bench.db')}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `flowledger_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(PG_ADMIN);
    u.pathname = `/${name}`;
    url = u.toString();
    cleanup = async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  try {
    const { key, writerKey, seconds: seedS } = await seedInChild(url);
    console.log(`\n[${engine}] seeded ${TASKS.toLocaleString('en')} tasks in ${seedS.toFixed(1)} s (${(TASKS / seedS).toFixed(0)} rows/s, counter triggers on)`);
    const headers = { authorization: `Bearer ${key}` };

    const measure = async (base: string, label: string, target: string, goal: number | undefined, writes = false, accept?: string) => {
      const before = await cacheCounts(base);
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      // RED Quote Processing tasks (n ≡ 0 mod 40 in the seed): the listed rows themselves change.
      const writer = writes
        ? steadyWriter(WRITES_PER_S, (i) =>
            request(agent, new URL(`${base}/api/workflow/update/TASK-BENCH-${40 * (1 + ((i * 7919) % Math.floor(TASKS / 40)))}`), { authorization: `Bearer ${writerKey}` }, 'PUT',
              JSON.stringify({ updates: { current_owner: `Writer ${label} ${i}` } })),
          )
        : undefined;
      const r = await loadInChild(target, accept ? { ...headers, 'accept-encoding': accept } : headers, opts);
      const w = await writer?.stop();
      agent.destroy();
      const after = await cacheCounts(base);
      const cpu = `server CPU ${(((after.cpuS - before.cpuS) * 1000) / r.requests).toFixed(3)} ms/request; `;
      const cache = cpu + cacheDelta(before, after);
      const verdict = engine === 'sqlite' && goal !== undefined ? (r.p99 <= goal && r.errors === 0 ? `  ✓ goal p99 ≤ ${goal} ms` : `  ✗ goal p99 ≤ ${goal} ms`) : '';
      const wrote = w ? `; ${w.writes} writes, ${w.errors} failed` : '';
      console.log(`[${engine}] ${label.padEnd(40)} ${fmt(r)}${verdict}\n${' '.repeat(engine.length + 3)}${' '.repeat(40)} ${cache}${wrote}`);
    };

    const cached = await startChild('app-server.ts', [url]);
    try {
      const base = cached.url;
      // Check the answers before timing them.
      const m = (await (await fetch(trpcGet(base, 'metrics'), { headers })).json()) as any;
      const p500 = (await (await fetch(trpcGet(base, 'list', listInput(500)), { headers })).json()) as any;
      if (m.result.data.total_tasks !== TASKS) throw new Error(`metrics total ${m.result.data.total_tasks}`);
      console.log(`[${engine}] metrics: ${JSON.stringify(m.result.data)}`);
      console.log(`[${engine}] list page 500: ${p500.result.data.data.length} rows of ${p500.result.data.pagination.total}`);
      await measure(base, 'workflow.metrics', trpcGet(base, 'metrics'), 20);
      await measure(base, `workflow.metrics + ${WRITES_PER_S} writes/s`, trpcGet(base, 'metrics'), 20, true);
      await measure(base, 'workflow.list page 1', trpcGet(base, 'list', listInput(1)), 15);
      await measure(base, 'workflow.list page 500', trpcGet(base, 'list', listInput(500)), 15);
      // What fetch-based clients (@trpc/client, browsers) send; the loader decompresses every body.
      await measure(base, 'workflow.list page 1, gzip clients', trpcGet(base, 'list', listInput(1)), 15, false, 'gzip, deflate');
      await measure(base, `workflow.list page 1 + ${WRITES_PER_S} writes/s`, trpcGet(base, 'list', listInput(1)), 15, true);
      await measure(base, `workflow.list page 500 + ${WRITES_PER_S} writes/s`, trpcGet(base, 'list', listInput(500)), 15, true);
    } finally {
      await stopChild(cached.child);
    }
    const uncached = await startChild('app-server.ts', [url, '0']);
    try {
      const base = uncached.url;
      await measure(base, 'workflow.metrics, cache off', trpcGet(base, 'metrics'), undefined);
      await measure(base, 'workflow.list page 1, cache off', trpcGet(base, 'list', listInput(1)), undefined);
      await measure(base, 'workflow.list page 500, cache off', trpcGet(base, 'list', listInput(500)), undefined);
    } finally {
      await stopChild(uncached.child);
    }
  } finally {
    await cleanup();
  }
}

console.log(`bench:workflow — ${TASKS.toLocaleString('en')} tasks, ${CONCURRENCY} clients, ${SECONDS} s per figure; ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const trivial = await startChild('../lib/trivial-server.ts', []);
try {
  console.log(`[ceiling] trivial Fastify GET /ping      ${fmt(await loadInChild(`${trivial.url}/ping`, {}, opts))}`);
} finally {
  await stopChild(trivial.child);
}
for (const engine of ENGINES) await benchEngine(engine);
console.log(`\nload average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
