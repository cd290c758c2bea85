/**
 * bench/start: how long `npm start` takes to answer `/health`, as a newcomer meets it: the tree as
 * `npm install` leaves it (built, stamps fresh: this script brings it there first, untimed), then
 * `npm start` on an empty SQLite database (first start: migrations, organisation "Default" and its
 * key), and again on that database (a later start). Each run is timed from spawning `npm start` to
 * the first 200 from `/health`, npm's own start-up and the build check included.
 *
 *   npm run bench:start          (BENCH_RUNS=3 runs of each)
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** One `npm start`: ms to the first 200 from /health, and whether its build check rebuilt anything. */
async function timeStart(dataDir: string): Promise<{ ms: number; rebuilt: boolean }> {
  const port = await freePort();
  const t0 = performance.now();
  // Its own process group, so the server npm starts is stopped with it.
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), DATABASE_URL: `sqlite:${join(dataDir, 'flowledger.db')}`, MAIL_DIR: join(dataDir, 'mail'), LOG_LEVEL: 'warn', SHUTDOWN_DRAIN_DELAY: '0' },
  });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${out}`);
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    return { ms: Math.round(performance.now() - t0), rebuilt: /out of date/.test(out) };
  } finally {
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
}

const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: ROOT, encoding: 'utf8' });
if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
console.log(build.stdout.trim());
console.log(`npm start → /health, SQLite, ${RUNS} runs each; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`);

const first: number[] = [];
const later: number[] = [];
let rebuilt = false;
for (let i = 0; i < RUNS; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'flowledger-start-'));
  try {
    const a = await timeStart(dir);
    const b = await timeStart(dir);
    first.push(a.ms);
    later.push(b.ms);
    rebuilt ||= a.rebuilt || b.rebuilt;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
console.log(`first start (empty database): median ${median(first)} ms (runs: ${first.join(', ')} ms; goal ≤ 5000 ms)`);
console.log(`later start:                  median ${median(later)} ms (runs: ${later.join(', ')} ms)`);
if (rebuilt) console.log('note: a start rebuilt something (sources changed during the run?): the figures include that build');
