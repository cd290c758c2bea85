/**
 * Two FlowLedger API nodes behind HAProxy, on one PostgreSQL database: node api1 runs the outbox
 * worker and the SLA monitor, node api2 is `--no-workers`. HAProxy runs deploy/haproxy/haproxy.cfg
 * unchanged (addresses come from its environment). test/proxy.test.ts drives it; by hand:
 *
 *   DATABASE_URL=postgres://… npx tsx scripts/haproxy-pair.ts [--port 8080]
 *
 * prints the proxy's URL and runs until Ctrl-C. Debian's haproxy is installed when missing (as root).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = join(import.meta.dirname, '..');
export const HAPROXY_CFG = join(ROOT, 'deploy/haproxy/haproxy.cfg');
const ENTRY = join(ROOT, 'src/main.ts');
/** Output kept per child for failure messages; request logs would otherwise grow without bound. */
const OUTPUT_KEPT = 64 * 1024;

/** A child process with its recent output and its exit. */
export interface Child {
  name: string;
  process: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

export interface ApiNode extends Child {
  /** The node's own URL (bypassing HAProxy). */
  url: string;
}

export interface HaproxyPair {
  /** HAProxy's frontend, e.g. http://127.0.0.1:41234 */
  url: string;
  nodes: { api1: ApiNode; api2: ApiNode };
  haproxy: Child;
  /** HAProxy's view of its servers, `backend/server` → status (`UP`, `DOWN`, `UP 1/2`, …), last check and how often it went down. */
  serverStates(): Promise<Map<string, { status: string; check: string; code: string; downs: number }>>;
  stop(): Promise<void>;
}

/** Installs Debian's haproxy when missing; returns an explanation when it cannot. */
export function ensureHaproxy(): { ok: true } | { ok: false; reason: string } {
  try {
    execFileSync(join(ROOT, 'scripts/ensure-debian-tool.sh'), ['haproxy', 'haproxy'], { stdio: ['ignore', 'ignore', 'pipe'] });
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: String((err as { stderr?: Buffer }).stderr ?? err).trim() };
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Set by the command-line entry: children's output goes to the terminal too, prefixed by name. */
let echo = false;

export function track(name: string, child: ChildProcess): Child {
  let output = '';
  const keep = (b: Buffer) => {
    output += b.toString();
    if (output.length > OUTPUT_KEPT) output = output.slice(-OUTPUT_KEPT);
    if (echo) for (const line of b.toString().trimEnd().split('\n')) process.stdout.write(`[${name}] ${line}\n`);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, process: child, output: () => output, exited };
}

/** Polls until `check` is truthy; a child that exits first fails the wait with its output. */
export async function until<T>(what: string, child: Child, check: () => T | undefined | Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void child.exited.then((code) => (exitCode = code));
  for (;;) {
    const v = await check();
    if (v) return v;
    if (exitCode !== undefined) throw new Error(`${child.name} exited (${exitCode}) before ${what}:\n${child.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${child.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs the flowledger command from source (tsx) with its output tracked. */
function spawnFlowledger(name: string, args: string[], env: Record<string, string>): Child {
  return track(
    name,
    spawn(process.execPath, ['--import', import.meta.resolve('tsx'), ENTRY, ...args], { env: { ...process.env, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] }),
  );
}

/** A child that never got ready is nobody's to stop: it is killed here rather than left running. */
async function killOnFailure<T>(child: Child, ready: Promise<T>): Promise<T> {
  try {
    return await ready;
  } catch (err) {
    child.process.kill('SIGKILL');
    throw err;
  }
}

/** Starts `flowledger serve` from source on a free loopback port; resolves once it listens. */
export async function startNode(name: string, opts: { databaseUrl: string; workers: boolean; env?: Record<string, string>; readyTimeoutMs?: number }): Promise<ApiNode> {
  const args = ['serve', ...(opts.workers ? [] : ['--no-workers'])];
  const child = spawnFlowledger(name, args, { DATABASE_URL: opts.databaseUrl, HOST: '127.0.0.1', PORT: '0', ...opts.env });
  // The "FlowLedger listening" log line carries the URL the OS gave port 0.
  const url = await killOnFailure(child, until(`${name} to listen`, child, () => /"url":"(http:\/\/[^"]+)".*"msg":"FlowLedger listening"/.exec(child.output())?.[1], opts.readyTimeoutMs ?? 60_000));
  return { ...child, url };
}

/** Starts `flowledger worker [args]` from source; resolves once its services have started. */
export async function startWorker(name: string, opts: { databaseUrl: string; args?: string[]; env?: Record<string, string>; readyTimeoutMs?: number }): Promise<Child> {
  const child = spawnFlowledger(name, ['worker', ...(opts.args ?? [])], { DATABASE_URL: opts.databaseUrl, ...opts.env });
  await killOnFailure(child, until(`${name} to start`, child, () => child.output().includes('"msg":"background process started"'), opts.readyTimeoutMs ?? 60_000));
  return child;
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** One command on HAProxy's runtime API (the stats socket). */
function runtimeCommand(socketPath: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(socketPath);
    let answer = '';
    socket.on('data', (b) => (answer += b.toString()));
    socket.once('error', reject);
    socket.once('end', () => resolve(answer));
    socket.once('connect', () => socket.write(`${command}\n`));
  });
}

/** HAProxy running deploy/haproxy/haproxy.cfg in front of up to three API nodes. */
export interface RunningHaproxy {
  url: string;
  child: Child;
  serverStates: HaproxyPair['serverStates'];
  /** Stops HAProxy and removes its runtime directory. */
  stop(): Promise<void>;
}

/** Sends SIGTERM to each child still running (last started first), SIGKILL after 15 s. */
export async function stopChildren(children: readonly Child[]): Promise<void> {
  for (const c of [...children].reverse()) {
    if (c.process.exitCode === null && c.process.signalCode === null) c.process.kill('SIGTERM');
    const done = await Promise.race([c.exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 15_000))]);
    if (!done) c.process.kill('SIGKILL');
  }
}

/**
 * Starts HAProxy on deploy/haproxy/haproxy.cfg, unchanged: the nodes' addresses go in as
 * FLOWLEDGER_API1..3 (the file names a third server only when FLOWLEDGER_API3 is set).
 */
export async function startHaproxy(opts: { nodes: readonly ApiNode[]; port?: number; checkInterval?: string }): Promise<RunningHaproxy> {
  if (opts.nodes.length < 2 || opts.nodes.length > 3) throw new Error('deploy/haproxy/haproxy.cfg names two or three API nodes');
  const dir = mkdtempSync(join(tmpdir(), 'flowledger-haproxy-'));
  const socketPath = join(dir, 'haproxy.sock');
  const port = opts.port ?? (await freePort());
  const addresses = Object.fromEntries(opts.nodes.map((n, i) => [`FLOWLEDGER_API${i + 1}`, new URL(n.url).host]));
  const child = track(
    'haproxy',
    spawn('haproxy', ['-db', '-f', HAPROXY_CFG], {
      env: {
        ...process.env,
        FLOWLEDGER_BIND: `127.0.0.1:${port}`,
        ...addresses,
        FLOWLEDGER_HAPROXY_SOCKET: socketPath,
        ...(opts.checkInterval ? { FLOWLEDGER_CHECK_INTER: opts.checkInterval } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  const stop = async () => {
    await stopChildren([child]);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await until('haproxy to listen', child, () => connects(port), 20_000);
  } catch (err) {
    await stop();
    throw err;
  }
  const serverStates: HaproxyPair['serverStates'] = async () => {
    // `show stat` is CSV with a "# pxname,svname,…" header line.
    const [header, ...rows] = (await runtimeCommand(socketPath, 'show stat')).trim().split('\n');
    const cols = header!.replace(/^# /, '').split(',');
    const at = (row: string[], name: string) => row[cols.indexOf(name)] ?? '';
    const states = new Map<string, { status: string; check: string; code: string; downs: number }>();
    for (const line of rows) {
      const row = line.split(',');
      const sv = at(row, 'svname');
      if (sv === 'FRONTEND' || sv === 'BACKEND') continue;
      states.set(`${at(row, 'pxname')}/${sv}`, { status: at(row, 'status'), check: at(row, 'check_status'), code: at(row, 'check_code'), downs: Number(at(row, 'chkdown')) || 0 });
    }
    return states;
  };
  return { url: `http://127.0.0.1:${port}`, child, serverStates, stop };
}

/** Starts the two nodes (api1 with workers, api2 without) and HAProxy in front of them. */
export async function startHaproxyPair(opts: {
  databaseUrl: string;
  port?: number;
  nodeEnv?: Record<string, string>;
  checkInterval?: string;
  /** How long a node may take to listen (default 60 s). */
  readyTimeoutMs?: number;
}): Promise<HaproxyPair> {
  const started: Child[] = [];
  let proxy: RunningHaproxy | undefined;
  const stop = async () => {
    await proxy?.stop();
    await stopChildren(started);
  };
  try {
    // The nodes start one after the other: both would otherwise race to migrate a fresh database
    // (harmless under Kysely's lock, but slower on a small machine).
    const env = { ...opts.nodeEnv };
    const api1 = await startNode('api1', { databaseUrl: opts.databaseUrl, workers: true, env, readyTimeoutMs: opts.readyTimeoutMs });
    started.push(api1);
    const api2 = await startNode('api2', { databaseUrl: opts.databaseUrl, workers: false, env, readyTimeoutMs: opts.readyTimeoutMs });
    started.push(api2);
    proxy = await startHaproxy({ nodes: [api1, api2], port: opts.port, checkInterval: opts.checkInterval });
    return { url: proxy.url, nodes: { api1, api2 }, haproxy: proxy.child, serverStates: proxy.serverStates, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '8080' } } });
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl?.startsWith('postgres')) {
    process.stderr.write('DATABASE_URL must name a PostgreSQL database: two nodes share it.\n');
    process.exit(2);
  }
  const installed = ensureHaproxy();
  if (!installed.ok) {
    process.stderr.write(`${installed.reason}\n`);
    process.exit(1);
  }
  echo = true;
  const pair = await startHaproxyPair({ databaseUrl, port: Number(values.port) });
  process.stdout.write(`FlowLedger behind HAProxy: ${pair.url} (api1 ${pair.nodes.api1.url} with workers, api2 ${pair.nodes.api2.url} --no-workers)\n`);
  process.stdout.write('Ctrl-C stops everything.\n');
  const onSignal = () => void pair.stop().then(() => process.exit(0));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await main();
