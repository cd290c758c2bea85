/**
 * npm run bench:export — the task CSV export at BENCH_SIZES tasks (10,000 and 100,000), on SQLite
 * and PostgreSQL: how long the whole download takes and how much the server's resident memory grows
 * while it streams. Constant memory means the growth does not scale with the row count: the
 * server holds one page (1,000 rows) at a time, however many rows the export has.
 *
 * The server runs in its own process (`serve --no-workers`, bench/workflow/app-server.ts) on a
 * database seeded in another (bench/workflow/seed-db.ts); its RSS is read from /proc every 20 ms
 * during the download. Env: BENCH_SIZES (10000,100000), BENCH_ENGINES (sqlite,postgres),
 * BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/postgres; a scratch database is created and dropped).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { runScript, startListening, stopChild } from '../lib/child-script.js';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',');
const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const workflowBench = new URL('../workflow/', import.meta.url).pathname;

/** Resident set size of a process, MiB (Linux). */
function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

/** Downloads the export, counting bytes and lines, while sampling the server's RSS. */
function download(url: string, key: string, pid: number): Promise<{ seconds: number; bytes: number; lines: number; peakMiB: number }> {
  return new Promise((resolve, reject) => {
    let peak = rssMiB(pid);
    const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 20);
    const t0 = performance.now();
    http
      .get(url, { headers: { authorization: `Bearer ${key}`, accept: 'text/csv' } }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`export answered ${res.statusCode}`));
        let bytes = 0;
        let lines = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        });
        res.on('end', () => {
          clearInterval(sampler);
          resolve({ seconds: (performance.now() - t0) / 1000, bytes, lines, peakMiB: Math.max(peak, rssMiB(pid)) });
        });
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

async function scratchDatabase(engine: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'flowledger-export-'));
    return { url: `sqlite:${join(dir, 'bench.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `flowledger_export_${randomBytes(4).toString('hex')}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: PG_ADMIN });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await admin(`create database ${name}`);
  const u = new URL(PG_ADMIN);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

console.log(`CSV export of tasks (GET /api/workflow/tasks, Accept: text/csv), ${new Date().toISOString()}`);
console.log('engine    tasks     seconds   rows/s     MiB sent   server RSS before → peak (growth)');
for (const engine of ENGINES) {
  for (const size of SIZES) {
    const db = await scratchDatabase(engine);
    try {
      const { key } = await runScript<{ key: string }>(join(workflowBench, 'seed-db.ts'), [db.url, String(size)], 'SEEDED');
      const { child, base } = await startListening(join(workflowBench, 'app-server.ts'), [db.url]);
      try {
        const url = `${base}/api/workflow/tasks`;
        await download(`${url}?limit=1`, key, child.pid!); // warm the route and the connection pool
        const before = rssMiB(child.pid!);
        const r = await download(url, key, child.pid!);
        if (r.lines !== size + 1) throw new Error(`expected ${size + 1} lines, got ${r.lines}`);
        console.log(
          `${engine.padEnd(9)} ${String(size).padStart(7)}  ${r.seconds.toFixed(2).padStart(8)}  ${(size / r.seconds).toFixed(0).padStart(8)}  ${(r.bytes / 2 ** 20).toFixed(1).padStart(9)}   ${before.toFixed(0)} → ${r.peakMiB.toFixed(0)} MiB (+${(r.peakMiB - before).toFixed(0)})`,
        );
      } finally {
        await stopChild(child);
      }
    } finally {
      await db.drop();
    }
  }
}
