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
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
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

/**
 * CPU seconds (user + system) used so far by the live processes of a process group (Linux /proc;
 * undefined elsewhere). On a shared machine the wall time depends on the load, this does not.
 */
function groupCpuSeconds(pgid: number): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const tick = 100; // USER_HZ on Linux
  let sum = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // Fields after the command name (which may hold spaces) in parentheses: state is field 3.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // pgrp is field 5, utime 14, stime 15, cutime 16, cstime 17 (waited-for children: npm's finished prestart).
    if (Number(f[2]) === pgid) sum += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
  }
  return sum / tick;
}

/** One `npm start`: ms to the first 200 from /health, the CPU it took, and whether its build check rebuilt anything. */
async function timeStart(dataDir: string): Promise<{ ms: number; cpu: number | undefined; rebuilt: boolean }> {
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
    return { ms: Math.round(performance.now() - t0), cpu: groupCpuSeconds(child.pid!), rebuilt: /out of date/.test(out) };
  } finally {
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
}

const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: ROOT, encoding: 'utf8' });
if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
console.log(build.stdout.trim());
console.log(`npm start → /health, SQLite, ${RUNS} runs each; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`);

const first: Array<{ ms: number; cpu: number | undefined }> = [];
const later: Array<{ ms: number; cpu: number | undefined }> = [];
let rebuilt = false;
for (let i = 0; i < RUNS; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'flowledger-start-'));
  try {
    const a = await timeStart(dir);
    const b = await timeStart(dir);
    first.push(a);
    later.push(b);
    rebuilt ||= a.rebuilt || b.rebuilt;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const report = (name: string, runs: typeof first) => {
  const cpu = runs.every((r) => r.cpu !== undefined) ? `, CPU ${median(runs.map((r) => r.cpu!)).toFixed(2)} s` : '';
  console.log(`${name}: median ${median(runs.map((r) => r.ms))} ms${cpu} (runs: ${runs.map((r) => r.ms).join(', ')} ms)`);
};
report('first start (empty database)', first);
report('later start                 ', later);
console.log(`load average after: ${loadavg()[0]!.toFixed(1)}; goal: first start ≤ 5000 ms`);
if (rebuilt) console.log('note: a start rebuilt something (sources changed during the run?): the figures include that build');
