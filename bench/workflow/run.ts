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
 * Cache-off rows (#23): list page 1, a deep page reached by keyset cursor (the `next_cursor` of page
 * DEEP_PAGE − 1, fetched once before the load and then requested by every client), and metrics; each
 * with its CPU per request counted as #23 counts it (bench/lib/server-cpu.ts: the server process, all
 * threads, plus the PostgreSQL backends of the bench's own database) against the goal CPU ≤ 0.6 ms
 * per request and p99 ≤ 25 ms.
 *
 * Env: BENCH_TASKS (1000000), BENCH_SECONDS (10), BENCH_CONCURRENCY (20), BENCH_WRITES (5 per s), BENCH_ENGINES
 * (sqlite,postgres), BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/postgres; a scratch database
 * is created next to it and dropped afterwards), BENCH_ROWS (all | cache-off: only the cache-off
 * rows), BENCH_REUSE=1 (keep the seeded database for the next run and reuse it when there: SQLite
 * file and PostgreSQL database named after BENCH_TASKS, their keys in a JSON file beside them in
 * the temp directory; seeding 1M tasks takes minutes), BENCH_DEEP_PAGE (500), BENCH_AB_TREE (a checkout
 * of another commit: the cache-off rows then run on its server and this tree's in turn, BENCH_AB_ROUNDS
 * rounds, 2).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import http from 'node:http';
import { runScript } from '../lib/child-script.js';
import { cacheCounts, cacheDelta, loadInChild, request, steadyWriter, type LoadResult } from '../lib/http-load.js';
import { cpuDelta, cpuMeter } from '../lib/server-cpu.js';

const TASKS = Number(process.env.BENCH_TASKS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const WRITES_PER_S = Number(process.env.BENCH_WRITES ?? 5);
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',');
const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROWS = process.env.BENCH_ROWS ?? 'all';
const REUSE = process.env.BENCH_REUSE === '1';
const DEEP_PAGE = Number(process.env.BENCH_DEEP_PAGE ?? 500);
/** Another checkout of the repository whose server the cache-off rows also run on, alternating (A/B). */
const AB_TREE = process.env.BENCH_AB_TREE;
const AB_ROUNDS = Number(process.env.BENCH_AB_ROUNDS ?? 2);
/** #23's goal for every cache-off row, on both engines. */
const GOAL_CPU_MS = 0.6;
const GOAL_P99_MS = 25;
const here = new URL('.', import.meta.url).pathname;

function startChild(script: string, args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(here, script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
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
const cursorInput = (cursor: string) => ({ ...listInput(1), pagination: { cursor, limit: 50 } });
const trpcGet = (base: string, proc: string, input?: unknown) =>
  `${base}/api/workflow.${proc}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;

async function benchEngine(engine: string): Promise<void> {
  let url: string;
  let cleanup: () => Promise<void>;
  let pgDatabase: string | undefined;
  let seeded: { key: string; writerKey: string; seconds: number } | undefined;
  // With BENCH_REUSE the database and its keys outlive the run (named after the task count).
  const keysFile = join(tmpdir(), `flowledger-bench-workflow-${engine}-${TASKS}.keys.json`);
  if (REUSE && existsSync(keysFile)) seeded = JSON.parse(readFileSync(keysFile, 'utf8'));
  if (engine === 'sqlite') {
    const dir = REUSE ? tmpdir() : mkdtempSync(join(tmpdir(), 'flowledger-bench-'));
    const file = join(dir, REUSE ? `flowledger-bench-workflow-${TASKS}.db` : 'bench.db');
    if (REUSE && !existsSync(file)) seeded = undefined;
    url = `sqlite:${file}`;
    cleanup = async () => {
      if (!REUSE) rmSync(dir, { recursive: true, force: true });
    };
  } else {
    const name = REUSE ? `flowledger_bench_workflow_${TASKS}` : `flowledger_bench_${randomBytes(4).toString('hex')}`;
    pgDatabase = name;
    const admin = new pg.Client({ connectionString: PG_ADMIN });
    await admin.connect();
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
    if (exists && !seeded) await admin.query(`drop database ${name} with (force)`);
    if (!exists || !seeded) {
      seeded = undefined;
      await admin.query(`create database ${name}`);
    }
    await admin.end();
    const u = new URL(PG_ADMIN);
    u.pathname = `/${name}`;
    url = u.toString();
    cleanup = async () => {
      if (REUSE) return;
      const c = new pg.Client({ connectionString: PG_ADMIN });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  try {
    if (seeded) console.log(`\n[${engine}] reusing the database seeded with ${TASKS.toLocaleString('en')} tasks (BENCH_REUSE=1)`);
    else {
      seeded = await seedInChild(url);
      if (REUSE) writeFileSync(keysFile, JSON.stringify(seeded));
      console.log(`\n[${engine}] seeded ${TASKS.toLocaleString('en')} tasks in ${seeded.seconds.toFixed(1)} s (${(TASKS / seeded.seconds).toFixed(0)} rows/s, counter triggers on)`);
    }
    const { key, writerKey } = seeded;
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

    const cached = ROWS === 'cache-off' ? undefined : await startChild('app-server.ts', [url]);
    if (cached) try {
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

    // The miss path: every answer computed. CPU counted for the server process and its PostgreSQL
    // backends. With BENCH_AB_TREE each round runs the rows on this tree's server and then on that
    // tree's, one server at a time (so the database's backends are the running server's).
    const trees: Array<[string, string]> = [['this tree', here], ...(AB_TREE ? [[`${AB_TREE}`, join(AB_TREE, 'bench/workflow')] as [string, string]] : [])];
    for (let round = 1; round <= (AB_TREE ? AB_ROUNDS : 1); round++) {
      for (const [tree, dir] of trees) {
        const uncached = await startChild(join(dir, 'app-server.ts'), [url, '0']);
        const meter = await cpuMeter(uncached.child.pid!, pgDatabase ? { url: PG_ADMIN, database: pgDatabase } : undefined);
        try {
          const base = uncached.url;
          const before = (await (await fetch(trpcGet(base, 'list', listInput(DEEP_PAGE - 1)), { headers })).json()) as any;
          const cursor = before.result.data.pagination.next_cursor as string;
          const deep = (await (await fetch(trpcGet(base, 'list', cursorInput(cursor)), { headers })).json()) as any;
          const byOffset = (await (await fetch(trpcGet(base, 'list', listInput(DEEP_PAGE)), { headers })).json()) as any;
          if (JSON.stringify(deep.result.data.data) !== JSON.stringify(byOffset.result.data.data)) throw new Error(`page ${DEEP_PAGE} by cursor differs from page ${DEEP_PAGE} by offset`);
          // The server's own background CPU (timers, the commit tap) over an idle window: printed so a
          // slow run's per-request figure can be read net of it.
          const i0 = await meter.read();
          await new Promise((r) => setTimeout(r, 2000));
          const idlePerS = cpuDelta(i0, await meter.read()).total / 2;
          const rowsOff: Array<[string, string]> = [
            ['workflow.list page 1, cache off', trpcGet(base, 'list', listInput(1))],
            [`workflow.list page ${DEEP_PAGE} by cursor, cache off`, trpcGet(base, 'list', cursorInput(cursor))],
            ['workflow.metrics, cache off', trpcGet(base, 'metrics')],
          ];
          const tag = AB_TREE ? `[${engine} ${tree}, round ${round}]` : `[${engine}]`;
          for (const [label, target] of rowsOff) {
            // Warmed up by a load of its own, then measured with no warm-up inside the metered window, so
            // every request the window's CPU paid for is counted (the window also holds the idle server
            // while the load child starts).
            await loadInChild(target, headers, { ...opts, durationMs: opts.warmupMs, warmupMs: 0 });
            const a = await meter.read();
            const t0 = performance.now();
            const r = await loadInChild(target, headers, { ...opts, warmupMs: 0 });
            const b = await meter.read();
            const wall = (performance.now() - t0) / 1000;
            const d = cpuDelta(a, b);
            const cpuMs = (d.total * 1000) / r.requests;
            const netMs = ((d.total - idlePerS * wall) * 1000) / r.requests;
            const ok = cpuMs <= GOAL_CPU_MS && r.p99 <= GOAL_P99_MS && r.errors === 0;
            console.log(
              `${tag} ${label.padEnd(40)} ${fmt(r)}\n${' '.repeat(tag.length + 1)}${' '.repeat(40)} CPU ${cpuMs.toFixed(3)} ms/request (server ${((d.server * 1000) / r.requests).toFixed(3)}` +
                `${pgDatabase ? `, PostgreSQL backends ${((d.database * 1000) / r.requests).toFixed(3)}` : ''}; ${netMs.toFixed(3)} net of the idle server's ${(idlePerS * 1000).toFixed(1)} ms/s over the ${wall.toFixed(1)} s window)  ${ok ? '✓' : '✗'} goal CPU ≤ ${GOAL_CPU_MS} ms/request, p99 ≤ ${GOAL_P99_MS} ms`,
            );
          }
        } finally {
          await meter.close();
          await stopChild(uncached.child);
        }
      }
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
