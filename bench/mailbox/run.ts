/**
 * bench/mailbox: mail arriving over IMAP, against a private Dovecot (test/helpers/dovecot.ts) and
 * FlowLedger as it runs in production: the built `flowledger serve` (API, WebSocket and workers,
 * the mailbox sync among them) in a child process, on each engine (SQLite, then PostgreSQL in a
 * fresh schema; BENCH_ENGINES=sqlite limits it).
 *
 * 1. APPEND → task visible (IDLE): a mailbox watches an INBOX; `--live` actionable messages are
 *    APPENDed one every `--interval` ms from one IMAP session; each is timed from the APPEND's
 *    tagged OK to its `workflow:task:created` frame on /ws (matched by Message-ID).
 *    Goal: p50 ≤ 1 s, p99 ≤ 3 s.
 * 2. First sync of a `--messages` (10,000) folder: the demo generator's business mail written
 *    straight into the folder's Maildir and indexed by Dovecot (a STATUS) before the clock starts;
 *    timed from the mailbox's creation (POST /api/mailboxes) until its messages_ingested covers the
 *    folder. Compared with `flowledger ingest` of the same messages as an mbox file into a fresh
 *    database on the same engine, timed from spawning the command to its exit. `--rounds` (3)
 *    pairs, each on fresh databases (and a fresh server), alternating which goes first, so that
 *    other work on the machine weighs on both alike; the medians are compared, and the CPU time
 *    each took (FlowLedger's processes only, not Dovecot's), which other work disturbs less.
 *    Goal: ≥ 0.5× the mbox rate.
 *
 *   npm run bench:mailbox [-- --messages 10000 --rounds 3 --live 200 --interval 300 --only live|sync --profile]
 *   (builds dist/ first when stale; --profile writes CPU profiles to $TMPDIR/flowledger-bench-mailbox-prof)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApiKey } from '../../src/auth/api-keys.repository.js';
import { createOrg } from '../../src/auth/orgs.repository.js';
import { generateMail, toMbox } from '../../src/cli/demo/demo.mail.js';
import { analyseMessage, type AnalysisContext } from '../../src/ingest/analyse.js';
import { getIngestConfig } from '../../src/ingest/config.js';
import { newSecretKey } from '../../src/shared/secret-box.js';
import { startDovecot, type Dovecot } from '../../test/helpers/dovecot.js';
import { openReady, type TestSocket } from '../../test/helpers/ws-client.js';
import { benchEngines, fmt, openBenchDb, percentile, type BenchDb } from '../lib/engines.js';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '3' },
    live: { type: 'string', default: '200' },
    interval: { type: 'string', default: '300' },
    only: { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
});
const COUNT = Number(values.messages);
const ROUNDS = Number(values.rounds);
const LIVE = Number(values.live);
const INTERVAL_MS = Number(values.interval);
/** `--only live` or `--only sync`: one of the two measurements. */
const ONLY = values.only;
const PROFILE_DIR = join(tmpdir(), 'flowledger-bench-mailbox-prof');
const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'bin/flowledger.js');
const SECRETS_KEY = newSecretKey();
const RUN = `${process.pid}-${Date.now().toString(36)}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Fields of /proc/<pid>/stat after the command name: [11] utime, [12] stime, [13] cutime, [14] cstime (clock ticks). */
function procStat(pid: number | 'self'): number[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
}
const TICK_MS = 10; // USER_HZ = 100 on Linux
/** CPU ms used so far by a live process, all its threads (the parse workers) included. */
const cpuOf = (pid: number) => (procStat(pid)[11]! + procStat(pid)[12]!) * TICK_MS;
/** CPU ms used by this process's children that have exited (and been waited for). */
const cpuOfExitedChildren = () => (procStat('self')[13]! + procStat('self')[14]!) * TICK_MS;

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

async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs: number, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

interface Server {
  base: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** The built `flowledger serve` (with workers) on the bench database, as production runs it. */
async function startServer(db: BenchDb): Promise<Server> {
  const port = await freePort();
  const prof = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...prof, CLI, 'serve'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: db.url,
      SECRETS_KEY,
      LOG_LEVEL: 'warn',
      SHUTDOWN_DRAIN_DELAY: '0',
      MAILBOX_ALLOW_PRIVATE_NETWORKS: 'true',
      // A new mailbox is claimed on the next lease round (every third of the lease): 3 s keeps the
      // wait for it short; the timings below start after it anyway (first sync) or do not involve it.
      MAILBOX_LEASE: '3s',
    },
  });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<void>((r) => child.on('close', () => r()));
  const base = `http://127.0.0.1:${port}`;
  await until(
    'the server to answer /health',
    async () => {
      if (child.exitCode !== null) throw new Error(`flowledger serve exited with ${child.exitCode}:\n${out}`);
      return fetch(`${base}/health`).then((r) => r.ok, () => false);
    },
    60_000,
    50,
  );
  return {
    base,
    child,
    output: () => out,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function api(s: Server, key: string) {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${s.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return JSON.parse(text) as T;
  };
}

interface MailboxView {
  mailbox_id: number;
  state: string;
  last_error: string | null;
  messages_ingested: number;
}

/** Actionable messages of several kinds (checked with the analyser), each with a Message-ID of its own. */
async function liveMessages(db: BenchDb, orgId: number, engine: string): Promise<Array<{ raw: string; messageId: string }>> {
  const { config } = await getIngestConfig(db.database.db, orgId);
  const ctx: AnalysisContext = { config, currency: 'USD', highValueThreshold: 10_000, selfNames: ['Bench'] };
  const pool = generateMail(17, LIVE * 6, Date.UTC(2026, 2, 1), Date.UTC(2026, 2, 20)).filter((m) => ['quote_request', 'purchase_order', 'invoice', 'support'].includes(m.kind));
  const out: Array<{ raw: string; messageId: string }> = [];
  for (const m of pool) {
    if (out.length === LIVE) break;
    const messageId = `live-${engine}-${out.length}-${RUN}@bench.flowledger.test`;
    const raw = m.raw.replace(/^Message-ID: .*$/im, `Message-ID: <${messageId}>`);
    if (!raw.includes(messageId)) continue;
    const a = await analyseMessage(raw, 1, ctx);
    if (a.ok && !a.notActionable) out.push({ raw, messageId });
  }
  if (out.length < LIVE) throw new Error(`only ${out.length} actionable messages generated; lower --live`);
  return out;
}

interface LiveResult {
  latencies: number[];
  /** APPEND → EXISTS at a bare IDLE client, per message. */
  floor: number[];
  lost: number;
  behind: number;
}

async function appendToTask(imap: Dovecot, server: Server, key: string, db: BenchDb, orgId: number, engine: string): Promise<LiveResult> {
  const call = api(server, key);
  const user = `${engine}-live`;
  const messages = await liveMessages(db, orgId, engine);
  const box = await call<MailboxView>('POST', '/api/mailboxes', { name: 'Live', host: imap.host, port: imap.port, tls_mode: 'none', username: user, secret: `${user}-pw` });
  await until('the live mailbox to be watching', async () => (await call<MailboxView>('GET', `/api/mailboxes/${box.mailbox_id}`)).state === 'watching', 60_000);
  const ws: TestSocket = await openReady(`${server.base.replace('http', 'ws')}/ws?events=workflow:task:created`, key);
  // The floor: a bare IMAP client idling on the same folder, timed to the server's EXISTS for each
  // message (Dovecot's own IDLE notification delay, which FlowLedger cannot beat).
  const bare = await imap.client(user);
  const base = (await bare.mailboxOpen('INBOX')).exists;
  const existsAt: number[] = [];
  bare.on('exists', (d: { count: number }) => {
    for (let k = existsAt.length; k < d.count - base; k++) existsAt[k] = Date.now();
  });
  void bare.idle().catch(() => {});
  const client = await imap.client(user);
  const appendedAt = new Map<string, number>();
  const appended: number[] = [];
  let behind = 0;
  try {
    const start = Date.now() + 200;
    for (let i = 0; i < messages.length; i++) {
      const due = start + i * INTERVAL_MS;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
      else behind += 1;
      await client.append('INBOX', messages[i]!.raw);
      appendedAt.set(messages[i]!.messageId, Date.now());
      appended.push(Date.now());
    }
    // Everything that is coming arrives within seconds; what has not after 30 s is lost.
    await ws.collect((f) => f.event === 'workflow:task:created', messages.length, 30_000).catch(() => undefined);
    // A sync already running takes in mail APPENDed meanwhile: the last task can beat the bare client's EXISTS.
    await until('EXISTS for every message at the bare client', async () => existsAt.length >= messages.length, 5_000, 20).catch(() => undefined);
  } finally {
    await client.logout().catch(() => client.close());
    bare.close();
    await ws.close();
  }
  const latencies: number[] = [];
  ws.frames.forEach((f, i) => {
    if (f.event !== 'workflow:task:created') return;
    const id = String((f.data.task as { source_message_id?: string } | null)?.source_message_id ?? '').replace(/^<|>$/g, '');
    const at = appendedAt.get(id);
    if (at !== undefined) latencies.push(ws.arrivals[i]! - at);
  });
  await call('DELETE', `/api/mailboxes/${box.mailbox_id}`);
  const floor = appended.flatMap((at, i) => (existsAt[i] === undefined ? [] : [existsAt[i]! - at]));
  return { latencies: latencies.sort((a, b) => a - b), floor: floor.sort((a, b) => a - b), lost: messages.length - latencies.length, behind };
}

interface BatchTotals {
  read: number;
  new_signals: number;
  new_tasks: number;
  duplicates: number;
  failed: number;
  not_actionable: number;
}

interface FirstSync {
  ms: number;
  /** From the first batch's start to the last one's end: the sync without the lease round and connection. */
  syncMs: number;
  batches: number;
  totals: BatchTotals;
  fillMs: number;
  /** The server process's CPU time over `ms`. */
  cpuMs: number;
}

function sum(rows: BatchTotals[]): BatchTotals {
  const t: BatchTotals = { read: 0, new_signals: 0, new_tasks: 0, duplicates: 0, failed: 0, not_actionable: 0 };
  for (const r of rows) for (const k of Object.keys(t) as Array<keyof BatchTotals>) t[k] += r[k];
  return t;
}

async function firstSync(imap: Dovecot, server: Server, key: string, raws: string[], user: string): Promise<FirstSync> {
  const call = api(server, key);
  // Fill (untimed): a login makes the Maildir; the files go in; a STATUS makes Dovecot index them.
  const f0 = Date.now();
  const c = await imap.client(user);
  try {
    await c.mailboxOpen('INBOX');
    await c.mailboxClose();
    imap.deliverFiles(user, raws);
    const st = await c.status('INBOX', { messages: true });
    if (st.messages !== raws.length) throw new Error(`Dovecot indexed ${st.messages} of ${raws.length} messages`);
  } finally {
    await c.logout().catch(() => c.close());
  }
  const fillMs = Date.now() - f0;

  const cpu0 = cpuOf(server.child.pid!);
  const t0 = performance.now();
  const box = await call<MailboxView>('POST', '/api/mailboxes', { name: 'Backlog', host: imap.host, port: imap.port, tls_mode: 'none', username: user, secret: `${user}-pw` });
  await until(
    `${raws.length} messages ingested`,
    async () => {
      const m = await call<MailboxView>('GET', `/api/mailboxes/${box.mailbox_id}`);
      if (m.state === 'error') throw new Error(`mailbox error: ${m.last_error}`);
      return m.messages_ingested >= raws.length;
    },
    600_000,
    50,
  );
  const ms = performance.now() - t0;
  const cpuMs = cpuOf(server.child.pid!) - cpu0;
  type Batch = BatchTotals & { source: string; source_name: string; status: string; started_at: string; completed_at: string };
  // The counter reaches the total with the last chunk; its batch closes (with its counts) just after.
  const ours = await until(
    'the batches to close',
    async () => {
      const page = await call<{ data: Batch[] }>('GET', '/api/ingest/batches?limit=200');
      const mine = page.data.filter((b) => b.source === 'imap' && b.source_name === 'Backlog/INBOX');
      return mine.every((b) => b.status !== 'running') && mine;
    },
    60_000,
  );
  const started = Math.min(...ours.map((b) => Date.parse(b.started_at)));
  const ended = Math.max(...ours.map((b) => Date.parse(b.completed_at)));
  await call('DELETE', `/api/mailboxes/${box.mailbox_id}`);
  return { ms, syncMs: ended - started, batches: ours.length, totals: sum(ours), fillMs, cpuMs };
}

/** `flowledger ingest <mbox>` (built) into a fresh database: spawn to exit. */
async function mboxIngest(db: BenchDb, orgId: number, mboxPath: string): Promise<{ ms: number; cpuMs: number; batch: BatchTotals & { duration_ms: number } }> {
  const cpu0 = cpuOfExitedChildren();
  const t0 = performance.now();
  const prof = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...prof, CLI, 'ingest', mboxPath, '--org', String(orgId), '--json', '--no-progress'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: db.url, SECRETS_KEY, LOG_LEVEL: 'warn' },
  });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const code = await new Promise<number | null>((r) => child.on('close', r));
  const ms = performance.now() - t0;
  const cpuMs = cpuOfExitedChildren() - cpu0;
  const line = out.split('\n').reverse().find((l) => l.startsWith('{'));
  if (code !== 0 || !line) throw new Error(`flowledger ingest exited with ${code}:\n${out}`);
  return { ms, cpuMs, batch: JSON.parse(line) as BatchTotals & { duration_ms: number } };
}

async function newOrg(db: BenchDb): Promise<{ orgId: number; key: string }> {
  const now = new Date().toISOString();
  const org = await createOrg(db.database.db, { name: 'Northwind Fabrication Ltd', now });
  const { key } = await createApiKey(db.database.db, { orgId: org.org_id, role: 'admin', name: 'bench', now });
  return { orgId: org.org_id, key };
}

const rate = (n: number, ms: number) => n / (ms / 1000);
const counts = (t: BatchTotals) => `${t.read} read, ${t.new_signals} signals, ${t.new_tasks} tasks, ${t.duplicates} duplicates, ${t.failed} failed`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const secs = (ms: number) => (ms / 1000).toFixed(2);

/** One first sync on a fresh database and a fresh server, which is stopped before anything else runs. */
async function syncRound(imap: Dovecot, engine: 'sqlite' | 'postgres', raws: string[], user: string): Promise<FirstSync> {
  const db = await openBenchDb(engine);
  let server: Server | undefined;
  try {
    const { key } = await newOrg(db);
    server = await startServer(db);
    return await firstSync(imap, server, key, raws, user);
  } catch (err) {
    if (server) console.error(server.output().slice(-4000));
    throw err;
  } finally {
    await server?.stop();
    await db.drop();
  }
}

async function mboxRound(engine: 'sqlite' | 'postgres', mboxPath: string): Promise<Awaited<ReturnType<typeof mboxIngest>>> {
  const db = await openBenchDb(engine);
  try {
    const { orgId } = await newOrg(db);
    return await mboxIngest(db, orgId, mboxPath);
  } finally {
    await db.drop();
  }
}

async function live(imap: Dovecot, engine: 'sqlite' | 'postgres'): Promise<void> {
  const db = await openBenchDb(engine);
  let server: Server | undefined;
  try {
    const { orgId, key } = await newOrg(db);
    server = await startServer(db);
    const r = await appendToTask(imap, server, key, db, orgId, engine);
    const l = r.latencies;
    console.log(
      `${engine} APPEND → workflow:task:created on /ws (IDLE), ${l.length} of ${LIVE}: p50 ${fmt(percentile(l, 50))}, p95 ${fmt(percentile(l, 95))}, ` +
        `p99 ${fmt(percentile(l, 99))}, max ${fmt(l.at(-1) ?? NaN)}; lost ${r.lost}${r.behind ? `; ${r.behind} APPENDs late on the schedule` : ''} ` +
        `(goal p50 ≤ 1 s ${percentile(l, 50) <= 1000 ? '✓' : '✗'}, p99 ≤ 3 s ${percentile(l, 99) <= 3000 && r.lost === 0 ? '✓' : '✗'})`,
    );
    const f = r.floor;
    console.log(
      `${engine} floor, APPEND → EXISTS at a bare IMAP client in IDLE on the same folder, ${f.length} of ${LIVE}: p50 ${fmt(percentile(f, 50))}, ` +
        `p95 ${fmt(percentile(f, 95))}, p99 ${fmt(percentile(f, 99))}, max ${fmt(f.at(-1) ?? NaN)}`,
    );
  } catch (err) {
    if (server) console.error(server.output().slice(-4000));
    throw err;
  } finally {
    await server?.stop();
    await db.drop();
  }
}

async function compare(imap: Dovecot, engine: 'sqlite' | 'postgres', raws: string[], mboxPath: string): Promise<void> {
  const syncs: FirstSync[] = [];
  const mboxes: Array<Awaited<ReturnType<typeof mboxIngest>>> = [];
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate which goes first, so a change in the machine's other load weighs on both.
    const imapFirst = r % 2 === 0;
    if (!imapFirst) mboxes.push(await mboxRound(engine, mboxPath));
    syncs.push(await syncRound(imap, engine, raws, `${engine}-backlog-${r}`));
    if (imapFirst) mboxes.push(await mboxRound(engine, mboxPath));
  }
  const imapMs = median(syncs.map((s) => s.ms));
  const mboxMs = median(mboxes.map((m) => m.ms));
  const s = syncs[0]!;
  console.log(
    `${engine} first sync of ${COUNT} messages over IMAP: ${rate(COUNT, imapMs).toFixed(0)} msg/s, median ${secs(imapMs)} s from POST /api/mailboxes to all ingested ` +
      `(runs ${syncs.map((x) => secs(x.ms)).join(', ')} s; of which its ${s.batches} batches ${syncs.map((x) => secs(x.syncMs)).join(', ')} s); ` +
      `CPU ${(median(syncs.map((x) => x.cpuMs)) / (COUNT / 1000)).toFixed(0)} ms per 1,000 messages; ${counts(s.totals)}; ` +
      `each folder filled and indexed in ${secs(median(syncs.map((x) => x.fillMs)))} s, untimed`,
  );
  const m = mboxes[0]!;
  console.log(
    `${engine} flowledger ingest of the same mbox: ${rate(COUNT, mboxMs).toFixed(0)} msg/s, median ${secs(mboxMs)} s spawn to exit ` +
      `(runs ${mboxes.map((x) => secs(x.ms)).join(', ')} s; of which the batch ${mboxes.map((x) => secs(x.batch.duration_ms)).join(', ')} s); ` +
      `CPU ${(median(mboxes.map((x) => x.cpuMs)) / (COUNT / 1000)).toFixed(0)} ms per 1,000 messages; ${counts(m.batch)}`,
  );
  const same = [...syncs.map((x) => x.totals), ...mboxes.map((x) => x.batch)].every((t) => t.new_signals === s.totals.new_signals && t.new_tasks === s.totals.new_tasks);
  const ratio = mboxMs / imapMs;
  console.log(
    `${engine} IMAP first sync / mbox ingest: ${ratio.toFixed(2)}× the rate (goal ≥ 0.5× ${ratio >= 0.5 ? '✓' : '✗'}); ` +
      `CPU per message ${(median(syncs.map((x) => x.cpuMs)) / median(mboxes.map((x) => x.cpuMs))).toFixed(2)}× the mbox ingest's` +
      `${same ? '' : '; ✗ the runs did not all make the same signals and tasks'}`,
  );
}

async function main() {
  const engines = benchEngines();
  const dir = mkdtempSync(join(tmpdir(), 'flowledger-bench-mailbox-'));
  const mail = generateMail(2026, COUNT, Date.UTC(2026, 0, 5), Date.UTC(2026, 1, 5)).map((m) => m.raw);
  const mboxPath = join(dir, 'backlog.mbox');
  const mbox = toMbox(mail);
  writeFileSync(mboxPath, mbox);
  const users = engines
    .flatMap((e) => [`${e}-live`, ...Array.from({ length: ROUNDS }, (_, r) => `${e}-backlog-${r}`)])
    .map((user) => ({ user, pass: `${user}-pw` }));
  console.log(
    `bench/mailbox: ${LIVE} APPENDs one every ${INTERVAL_MS} ms; first sync of ${COUNT} messages (${(Buffer.byteLength(mbox) / 1048576).toFixed(1)} MiB as mbox), ` +
      `${ROUNDS} rounds; ${cpus().length} cores, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} at start`,
  );
  const imap = await startDovecot({ users });
  try {
    for (const engine of engines) {
      if (ONLY !== 'sync') await live(imap, engine);
      if (ONLY !== 'live') await compare(imap, engine, mail, mboxPath);
    }
  } finally {
    await imap.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`load average at the end ${loadavg()[0]!.toFixed(1)}`);
}

await main();
