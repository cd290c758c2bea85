/**
 * bench:mixed's operations one at a time: the server's CPU per request of each, 1 client, on a
 * database a `BENCH_REUSE=1 npm run bench:mixed` run kept (what the mix's CPU per request is made
 * of). argv: the kept state file ($TMPDIR/flowledger-bench-mixed/<engine>-….json), then
 * ANSWER_CACHE_ENTRIES (default 0: cache off, every read computed).
 * Env: ONLY (operations whose name contains it), SECONDS per operation (4), BENCH_TASKS (20000),
 * PROF=dir (the server writes a --cpu-prof profile there).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startListening, stopChild } from '../lib/child-script.js';
import { mixLoadInChild } from '../lib/http-load.js';
import { processCpuSeconds } from '../lib/server-cpu.js';
import { operations } from './ops.js';

const state = JSON.parse(readFileSync(process.argv[2]!, 'utf8'));
const here = new URL('.', import.meta.url).pathname;
const server = await startListening(join(here, '../workflow/app-server.ts'), [state.url, process.argv[3] ?? '0'], {
  nodeArgs: process.env.PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROF}`] : [],
});
const ops = operations(state.seeded, Number(process.env.BENCH_TASKS ?? 20_000)).filter((o) => !process.env.ONLY || o.name.includes(process.env.ONLY));
try {
  await mixLoadInChild(server.base, ops, { concurrency: 2, durationMs: 3000, warmupMs: 0 });
  for (const op of ops) {
    const c0 = processCpuSeconds(server.child.pid!);
    const r = await mixLoadInChild(server.base, [{ ...op, weight: 1 }], { concurrency: 1, durationMs: Number(process.env.SECONDS ?? 4) * 1000, warmupMs: 0 });
    const c1 = processCpuSeconds(server.child.pid!);
    console.log(`${op.name.padEnd(50)} ${r.requests} requests, CPU ${(((c1 - c0) * 1000) / r.requests).toFixed(2)} ms/request, p50 ${r.operations[0]!.p50.toFixed(2)} ms, ${r.errors} errors`);
  }
} finally {
  await stopChild(server.child);
}
