/**
 * npx tsx bench/ab/run.ts — bench:workflow's cached rows for two (or more) code trees, interleaved
 * row by row on ONE seeded SQLite database: for each row, tree A, tree B, tree A, tree B … each
 * with a fresh 20-client load generator, so every pair of figures is taken within seconds of each
 * other and sees the same machine (on a shared 2-core machine whole-run A/B pairs drift apart).
 *
 * Env: BENCH_AB_TREES ("A=/path/to/tree,B=/path/to/other": each tree's own
 * bench/workflow/app-server.ts and src/ serve), BENCH_AB_ROUNDS (2), BENCH_TASKS (1000000),
 * BENCH_SECONDS (10), BENCH_CONCURRENCY (20).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript, startListening, stopChild } from '../lib/child-script.js';
import { cacheCounts, cacheDelta, loadInChild } from '../lib/http-load.js';

const TASKS = Number(process.env.BENCH_TASKS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const ROUNDS = Number(process.env.BENCH_AB_ROUNDS ?? 2);
const trees = (process.env.BENCH_AB_TREES ?? '').split(',').filter(Boolean).map((t) => {
  const [name, dir] = t.split('=');
  return { name: name!, dir: dir! };
});
if (trees.length < 2) throw new Error('BENCH_AB_TREES: at least two name=dir entries');
const opts = { concurrency: CONCURRENCY, durationMs: SECONDS * 1000, warmupMs: 2000 };
const here = new URL('.', import.meta.url).pathname;

const startServer = (dir: string, url: string) => startListening(join(dir, 'bench/workflow/app-server.ts'), [url], { cwd: dir });
const stop = stopChild;

const listInput = (page: number) => ({
  filter: { status: 'RED', category: 'Quote Processing' },
  pagination: { page, limit: 50 },
  sort: { field: 'sla_deadline', direction: 'asc' },
});
const trpcGet = (proc: string, input?: unknown) => `/api/workflow.${proc}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;
const rows: Array<{ label: string; path: string; goal: number; accept?: string }> = [
  { label: 'workflow.metrics', path: trpcGet('metrics'), goal: 20 },
  { label: 'workflow.list page 1', path: trpcGet('list', listInput(1)), goal: 15 },
  { label: 'workflow.list page 500', path: trpcGet('list', listInput(500)), goal: 15 },
  { label: 'workflow.list page 1, gzip clients', path: trpcGet('list', listInput(1)), goal: 15, accept: 'gzip, deflate' },
];

const dir = mkdtempSync(join(tmpdir(), 'flowledger-ab-'));
const dbUrl = `sqlite:${join(dir, 'bench.db')}`;
const servers: Array<{ name: string; child: ChildProcess; base: string }> = [];
try {
  console.log(`bench ab — ${trees.map((t) => `${t.name}=${t.dir}`).join(', ')}; ${TASKS.toLocaleString('en')} tasks, ${CONCURRENCY} clients, ${SECONDS} s per figure, ${ROUNDS} rounds; ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const { key, seconds } = await runScript<{ key: string; seconds: number }>(join(here, '../workflow/seed-db.ts'), [dbUrl, String(TASKS)], 'SEEDED');
  console.log(`seeded in ${seconds.toFixed(1)} s`);
  for (const t of trees) servers.push({ name: t.name, ...(await startServer(t.dir, dbUrl)) });
  const headers = { authorization: `Bearer ${key}` };
  for (const row of rows) {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const s of servers) {
        const before = await cacheCounts(s.base);
        const r = await loadInChild(`${s.base}${row.path}`, row.accept ? { ...headers, 'accept-encoding': row.accept } : headers, opts);
        const after = await cacheCounts(s.base);
        const cpu = ((after.cpuS - before.cpuS) * 1000) / r.requests;
        const verdict = r.p99 <= row.goal && r.errors === 0 ? `✓ p99 ≤ ${row.goal}` : `✗ p99 ≤ ${row.goal}`;
        console.log(
          `AB ${s.name} r${round} ${row.label.padEnd(36)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(2).padStart(6)} ms  p99 ${r.p99.toFixed(2).padStart(6)} ms  CPU ${cpu.toFixed(3)} ms/req  ${verdict}  (${r.errors} errors; ${cacheDelta(before, after)}; load ${loadavg()[0]!.toFixed(2)})`,
        );
      }
    }
  }
} finally {
  for (const s of servers) await stop(s.child);
  rmSync(dir, { recursive: true, force: true });
}
console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
