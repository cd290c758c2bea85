/**
 * npm run bench:cache — the answer cache's hit rate with ORGS orgs writing at once: every org has a
 * writer committing WRITES task updates per second through the API and READERS closed-loop readers
 * asking its task list, executive metrics and Today panel in turn. Measured twice on the same
 * seeded database, each on a fresh server: with the database-wide change token
 * (ANSWER_CACHE_TOKEN=database: any org's commit invalidates every answer, the behaviour before
 * per-org versions) and with the per-org token (the default). The server runs in its own process.
 *
 * Env: BENCH_ORGS (10), BENCH_TASKS per org (20000), BENCH_READERS per org (2), BENCH_WRITES per org
 * per second (2), BENCH_SECONDS per figure (15), BENCH_ENGINES (sqlite,postgres); PostgreSQL as in
 * bench/lib/engines.ts (a scratch schema, dropped afterwards).
 */
import http from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { runScript, startListening, stopChild } from '../lib/child-script.js';
import { benchEngines, openBenchDb } from '../lib/engines.js';
import { cacheCounts, request, steadyWriter } from '../lib/http-load.js';

const ORGS = Number(process.env.BENCH_ORGS ?? 10);
const TASKS = Number(process.env.BENCH_TASKS ?? 20_000);
const READERS = Number(process.env.BENCH_READERS ?? 2);
const WRITES = Number(process.env.BENCH_WRITES ?? 2);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const here = new URL('.', import.meta.url).pathname;

interface SeededOrg {
  orgId: number;
  key: string;
  writerKey: string;
  prefix: string;
}

const listInput = { filter: { status: 'RED', category: 'Quote Processing' }, pagination: { page: 1, limit: 50 }, sort: { field: 'sla_deadline', direction: 'asc' } };
const READS = [`/api/workflow.list?input=${encodeURIComponent(JSON.stringify(listInput))}`, '/api/workflow.metrics', '/api/workstream/today'];

interface Figure {
  reads: number;
  errors: number;
  writes: number;
  writeErrors: number;
  hit: number;
  miss: number;
  shared: number;
  p50: number;
  p99: number;
  seconds: number;
}

/** ORGS writers and ORGS × READERS readers at once for SECONDS (after a 2 s warm-up), on one server. */
/** `label` goes into the written values: a run repeating an earlier run's values would write nothing (an unchanged update is no write). */
async function measure(base: string, orgs: SeededOrg[], label: string): Promise<Figure> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: orgs.length * (READERS + 1) });
  const latencies: number[] = [];
  let errors = 0;
  const readFor = async (org: SeededOrg, until: number, record: boolean, offset: number) => {
    const headers = { authorization: `Bearer ${org.key}` };
    for (let i = offset; performance.now() < until; i++) {
      const t0 = performance.now();
      const status = await request(agent, new URL(`${base}${READS[i % READS.length]}`), headers).catch(() => 0);
      if (!record) continue;
      if (status !== 200) errors += 1;
      latencies.push(performance.now() - t0);
    }
  };
  const readers = (until: number, record: boolean) => Promise.all(orgs.flatMap((org) => Array.from({ length: READERS }, (_, r) => readFor(org, until, record, r))));
  // RED Quote Processing tasks (n ≡ 0 mod 40 in the seed): rows of the list the readers ask for.
  const writers = orgs.map((org) =>
    steadyWriter(WRITES, (i) =>
      request(agent, new URL(`${base}/api/workflow/update/${org.prefix}${40 * (1 + ((i * 7919) % Math.floor(TASKS / 40)))}`), { authorization: `Bearer ${org.writerKey}` }, 'PUT',
        JSON.stringify({ updates: { current_owner: `Writer ${label} ${i}` } })),
    ),
  );
  await readers(performance.now() + 2_000, false);
  const before = await cacheCounts(base);
  const start = performance.now();
  await readers(start + SECONDS * 1000, true);
  const seconds = (performance.now() - start) / 1000;
  const after = await cacheCounts(base);
  const written = await Promise.all(writers.map((w) => w.stop()));
  agent.destroy();
  latencies.sort((x, y) => x - y);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    reads: latencies.length,
    errors,
    writes: written.reduce((n, w) => n + w.writes, 0),
    writeErrors: written.reduce((n, w) => n + w.errors, 0),
    hit: after.hit - before.hit,
    miss: after.miss - before.miss,
    shared: after.shared - before.shared,
    p50: at(0.5),
    p99: at(0.99),
    seconds,
  };
}

function row(engine: string, token: string, f: Figure): string {
  const answered = f.hit + f.miss + f.shared;
  const pct = (n: number) => `${((100 * n) / Math.max(1, answered)).toFixed(1)}%`;
  return `| ${engine} | ${token} | ${(f.reads / f.seconds).toFixed(0)} | ${f.errors} | ${f.writes} (${f.writeErrors} failed) | ${pct(f.hit)} | ${pct(f.miss)} | ${pct(f.shared)} | ${f.p50.toFixed(2)} | ${f.p99.toFixed(2)} |`;
}

async function benchEngine(engine: 'sqlite' | 'postgres'): Promise<void> {
  const bench = await openBenchDb(engine, 1);
  try {
    const orgs = await runScript<SeededOrg[]>(join(here, 'seed-db.ts'), [bench.url, String(ORGS), String(TASKS)], 'SEEDED');
    for (const token of ['database', 'org'] as const) {
      const server = await startListening(join(here, 'server.ts'), [bench.url, token]);
      try {
        console.log(row(engine, token, await measure(server.base, orgs, token)));
      } finally {
        await stopChild(server.child);
      }
    }
  } finally {
    await bench.drop();
  }
}

console.log(
  `bench:cache — ${ORGS} orgs × (${TASKS.toLocaleString('en')} tasks, ${READERS} readers, ${WRITES} writes/s), ${SECONDS} s per figure; ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
);
console.log('| engine | change token | reads/s | read errors | writes | reused (hit) | computed (miss) | shared | read p50 ms | read p99 ms |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const engine of benchEngines()) await benchEngine(engine);
console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
