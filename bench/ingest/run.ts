/**
 * bench/ingest: a deterministic 10,000-message mbox; the bare parser's rate on it (mailparser, one
 * core, parse only); end-to-end ingestion (read + split + parse + analyse + write) on SQLite and,
 * when BENCH_DATABASE_URL or TEST_DATABASE_URL is set, PostgreSQL — all in the same run — and
 * the labelled corpus' accuracy: work or noise (share of actionable and of non-actionable mail that
 * became a task) and precision/recall per entity type, on each part of the corpus.
 *
 *   npm run bench:ingest [-- --messages 10000]      (builds dist/ first)
 *   npm run bench:ingest -- --accuracy-only         (the accuracy tables alone; no throughput run)
 *   npx tsx bench/ingest/run.ts --ab dist-before [--rounds 3] [--engine postgres|sqlite]
 *       A/B: end to end with dist/ and with another build (a copy of dist/ built at another commit,
 *       inside the repository so that it finds node_modules), alternating, in the same run; nothing
 *       else. On PostgreSQL (the default) or SQLite.
 *
 * On PostgreSQL the backends' own CPU is counted too (from /proc, when the server runs on this
 * machine): the database's share of the work, which the process CPU leaves out.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { simpleParser } from 'mailparser';
import pg from 'pg';
import type { Database } from '../../src/db/create-db.js';
import { CORPUS_CONTEXT, scoreCorpus } from './accuracy.js';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '10000' },
    'accuracy-only': { type: 'boolean', default: false },
    ab: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    engine: { type: 'string', default: 'postgres' },
  },
});
const CORPUS = join(import.meta.dirname, '../../test/fixtures/email');

/** The parts of the labelled corpus: tuned on, seen, and held out (heldout-b/, when it is there). */
const PARTS = [
  { name: 'tuning corpus', dir: CORPUS, what: 'test/fixtures/email; the rules were written against them' },
  { name: 'holdout/', dir: join(CORPUS, 'holdout'), what: 'written after the rules, since seen; see its README' },
  {
    name: 'heldout-b/',
    dir: join(CORPUS, 'heldout-b'),
    what: 'written blind to the rules by someone else; never tuned on',
    // Its mailbox is another company's (see its README): the org's own name is never a customer.
    context: { ...CORPUS_CONTEXT, selfNames: ['Harbor Point Supply Co.'] },
  },
].filter((p) => existsSync(join(p.dir, 'expectations.json')));

async function accuracy(): Promise<void> {
  const reports = [];
  for (const p of PARTS) reports.push({ ...p, report: await scoreCorpus(p.dir, 'context' in p ? p.context : undefined) });
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}% (${n}/${d})` : '–');
  console.log('\naccuracy: work or noise (targets on real mail: ≥ 85% of actionable → task, ≤ 10% of non-actionable → task)');
  console.log('| part | messages | actionable → task | non-actionable → task | category (actionable) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const { name, report: r } of reports) {
    console.log(`| ${name} | ${r.messages} | ${pct(r.actionable.tasks, r.actionable.total)} | ${pct(r.notActionable.tasks, r.notActionable.total)} | ${(100 * r.categoryAccuracy).toFixed(1)}% |`);
  }
  console.log('\naccuracy: entities, precision / recall (ids compared case-insensitively on letters and digits; targets on real mail for PO and invoice numbers: ≥ 0.80 each)');
  console.log(`| entity type | ${reports.map((r) => r.name).join(' | ')} |`);
  console.log(`|---|${reports.map(() => '---:').join('|')}|`);
  for (const t of Object.keys(reports[0]!.report.byType) as Array<keyof (typeof reports)[0]['report']['byType']>) {
    const cells = reports.map(({ report }) => {
      const s = report.byType[t];
      return s.tp + s.fp + s.fn === 0 ? '–' : `${s.precision.toFixed(2)} / ${s.recall.toFixed(2)} (${s.tp + s.fn})`;
    });
    console.log(`| ${t} | ${cells.join(' | ')} |`);
  }
  for (const { name, what, report } of reports) {
    console.log(`\n${name} (${what}): ${report.mismatches.length ? 'disagreements' : 'no disagreement'}`);
    for (const m of report.mismatches) console.log(`  ${m}`);
  }
}

if (values['accuracy-only']) {
  await accuracy();
  process.exit(0);
}

// The benchmark runs the built code (npm run build first, as the script does): what `flowledger
// ingest` runs in production, with compiled parse workers rather than TypeScript loaded through tsx.
async function loadBuild(root: string) {
  const at = (p: string) => pathToFileURL(resolve(root, p)).href;
  return {
    root,
    createOrg: ((await import(at('auth/orgs.repository.js'))) as typeof import('../../src/auth/orgs.repository.js')).createOrg,
    createDatabase: ((await import(at('db/create-db.js'))) as typeof import('../../src/db/create-db.js')).createDatabase,
    ingestPath: ((await import(at('ingest/ingest.cli.js'))) as typeof import('../../src/ingest/ingest.cli.js')).ingestPath,
  };
}
type Build = Awaited<ReturnType<typeof loadBuild>>;
const DIST = resolve(import.meta.dirname, '../../dist');
const build = await loadBuild(DIST);
const { generateMail, toMbox } = (await import(pathToFileURL(join(DIST, 'cli/demo/demo.mail.js')).href)) as typeof import('../../src/cli/demo/demo.mail.js');
const { splitMbox } = (await import(pathToFileURL(join(DIST, 'ingest/mbox.js')).href)) as typeof import('../../src/ingest/mbox.js');
const { systemClock } = (await import(pathToFileURL(join(DIST, 'shared/clock.js')).href)) as typeof import('../../src/shared/clock.js');

const COUNT = Number(values.messages);
const dir = mkdtempSync(join(tmpdir(), 'flowledger-bench-ingest-'));
const mboxPath = join(dir, 'bench.mbox');

function rate(n: number, ms: number): number {
  return Math.round(n / (ms / 1000));
}

/** Process CPU time (all threads), ms: a figure other jobs on the machine disturb less than wall time. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function bareParse(): Promise<{ perSec: number; ms: number; n: number; cpu: number }> {
  const raws: Buffer[] = [];
  for await (const m of splitMbox([readFileSync(mboxPath)])) raws.push(m);
  // Warm-up pass over a slice (JIT), then the measured pass over everything, sequentially on one core.
  for (const m of raws.slice(0, 500)) await simpleParser(m);
  const c = cpuMs();
  const t = performance.now();
  for (const m of raws) await simpleParser(m);
  const ms = performance.now() - t;
  return { perSec: rate(raws.length, ms), ms, n: raws.length, cpu: cpuMs() - c };
}

/**
 * CPU time (ms) of the PostgreSQL backends serving `applicationName`, summed over every backend seen
 * since the first call: read from /proc, so only when the server runs on this machine (undefined
 * otherwise). Sampled every 100 ms, as a backend the pool closes takes its count with it.
 */
function backendCpu(admin: pg.Client, applicationName: string) {
  const seen = new Map<number, number>();
  const ticks = 10; // ms per clock tick (USER_HZ = 100)
  const sample = async () => {
    const { rows } = await admin.query<{ pid: number }>('select pid from pg_stat_activity where application_name = $1', [applicationName]);
    for (const { pid } of rows) {
      try {
        const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        seen.set(pid, (Number(f[11]) + Number(f[12])) * ticks);
      } catch {
        // Not on this machine, or the backend has just exited (its count up to the last sample stays).
      }
    }
  };
  const total = () => [...seen.values()].reduce((a, b) => a + b, 0);
  let timer: NodeJS.Timeout | undefined;
  let from = 0;
  return {
    async start() {
      await sample();
      from = total();
      timer = setInterval(() => void sample().catch(() => {}), 100);
    },
    async stop(): Promise<number | undefined> {
      clearInterval(timer);
      await sample();
      return seen.size ? total() - from : undefined;
    },
  };
}

/** End to end on SQLite in a file of its own, opened as `flowledger ingest` opens it (checkpoints on a worker thread). */
async function onSqlite(b: Build, label: string) {
  const file = join(dir, `${label.replace(/\W+/g, '-')}.db`);
  const database = b.createDatabase(`sqlite:${file}`, { backgroundCheckpoint: true });
  try {
    return await endToEnd(b, database, label);
  } finally {
    await database.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  }
}

async function endToEnd(b: Build, database: Database, label: string, pgCpu?: ReturnType<typeof backendCpu>) {
  await database.migrate();
  const org = await b.createOrg(database.db, { name: `bench ${label}`, now: new Date().toISOString() });
  await pgCpu?.start();
  const c = cpuMs();
  const t = performance.now();
  const first = await b.ingestPath({ database, clock: systemClock }, { path: mboxPath, orgId: org.org_id, actor: 'bench' });
  const ms = performance.now() - t;
  const cpu = cpuMs() - c;
  const dbCpu = await pgCpu?.stop();
  const t2 = performance.now();
  const again = await b.ingestPath({ database, clock: systemClock }, { path: mboxPath, orgId: org.org_id, actor: 'bench' });
  const ms2 = performance.now() - t2;
  return { label, batch: first.batch, ms, cpu, dbCpu, perSec: rate(first.batch.read, ms), again: again.batch, againPerSec: rate(again.batch.read, ms2) };
}

/** End to end on PostgreSQL in a schema of its own, dropped afterwards. */
async function onPostgres(b: Build, pgUrl: string, label: string) {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const database = b.createDatabase(pgUrl, { schema, poolSize: 4, applicationName: schema });
  try {
    return await endToEnd(b, database, label, backendCpu(admin, schema));
  } finally {
    await database.close();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

const per1k = (ms: number | undefined, n: number) => (ms === undefined ? '–' : (ms / (n / 1000)).toFixed(0));

/** --ab: end to end with dist/ (B) and another build (A), alternating A, B, A, B …; on SQLite when pgUrl is undefined. */
async function abRun(pgUrl: string | undefined, other: string, rounds: number) {
  const builds = [await loadBuild(resolve(other)), build];
  console.log(`A/B on ${pgUrl ? 'PostgreSQL' : 'SQLite'}, ${rounds} rounds: A = ${other}, B = dist/ (ms of CPU per 1,000 messages)`);
  console.log('| round | build | rate | process CPU | PostgreSQL backend CPU | signals | tasks |');
  console.log('|---:|---|---:|---:|---:|---:|---:|');
  const all: Record<string, Array<{ perSec: number; cpu: number; db: number | undefined }>> = { A: [], B: [] };
  for (let i = 1; i <= rounds; i++) {
    for (const [k, b] of [['A', builds[0]!], ['B', builds[1]!]] as const) {
      const r = pgUrl ? await onPostgres(b, pgUrl, `ab ${k}${i}`) : await onSqlite(b, `ab ${k}${i}`);
      const n = r.batch.read;
      all[k]!.push({ perSec: r.perSec, cpu: r.cpu / (n / 1000), db: r.dbCpu === undefined ? undefined : r.dbCpu / (n / 1000) });
      console.log(`| ${i} | ${k} | ${r.perSec} msg/s | ${per1k(r.cpu, n)} | ${per1k(r.dbCpu, n)} | ${r.batch.new_signals} | ${r.batch.new_tasks} |`);
    }
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m]! : Math.round((s[m - 1]! + s[m]!) / 2);
  };
  for (const k of ['A', 'B']) {
    const xs = all[k]!;
    const db = xs.every((x) => x.db !== undefined) ? median(xs.map((x) => x.db!)).toFixed(0) : '–';
    console.log(`median ${k}: ${median(xs.map((x) => x.perSec))} msg/s, process CPU ${median(xs.map((x) => x.cpu)).toFixed(0)}, PostgreSQL backend CPU ${db} ms per 1,000`);
  }
}

const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

async function main() {
  const mail = generateMail(2026, COUNT, Date.UTC(2026, 0, 5), Date.UTC(2026, 1, 5));
  writeFileSync(mboxPath, toMbox(mail.map((m) => m.raw)));
  const load = loadavg()[0]!.toFixed(1);
  if (values.ab) {
    const sqliteOnly = values.engine === 'sqlite';
    if (!sqliteOnly && !pgUrl) throw new Error('--ab on PostgreSQL needs BENCH_DATABASE_URL or TEST_DATABASE_URL (or --engine sqlite)');
    await abRun(sqliteOnly ? undefined : pgUrl, values.ab, Number(values.rounds));
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  console.log(`bench/ingest: ${COUNT} messages (${(readFileSync(mboxPath).length / 1048576).toFixed(1)} MiB mbox), ${cpus().length} cores, Node ${process.version}, load average ${load} at start${Number(load) > 1.5 ? ' (contended: other work is running)' : ''}`);

  const bare = await bareParse();
  console.log(
    `bare mailparser (parse only, one core): ${bare.perSec} msg/s (${bare.n} messages in ${(bare.ms / 1000).toFixed(2)} s, ` +
      `${(bare.cpu / (bare.n / 1000)).toFixed(0)} ms CPU per 1,000)`,
  );

  const rows: Array<Awaited<ReturnType<typeof endToEnd>>> = [];
  rows.push(await onSqlite(build, 'sqlite'));
  if (pgUrl) rows.push(await onPostgres(build, pgUrl, 'postgres'));
  else console.log('postgres: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');

  for (const r of rows) {
    const b = r.batch;
    console.log(
      `end-to-end ${r.label}: ${r.perSec} msg/s = ${(r.perSec / bare.perSec).toFixed(2)}× bare parse ` +
        `(${(r.cpu / (b.read / 1000)).toFixed(0)} ms CPU per 1,000 = ${(r.cpu / bare.cpu).toFixed(2)}× the bare CPU` +
        `${r.dbCpu === undefined ? '' : `, and ${per1k(r.dbCpu, b.read)} ms of PostgreSQL backend CPU per 1,000`}; ${b.read} read, ${b.new_signals} signals, ${b.new_tasks} tasks, ${b.not_actionable} not actionable, ${b.duplicates} duplicates, ${b.failed} failed, ${(r.ms / 1000).toFixed(2)} s)`,
    );
    console.log(`  re-ingest ${r.label} (everything a duplicate): ${r.againPerSec} msg/s, ${r.again.new_signals} new signals, ${r.again.duplicates} duplicates`);
  }

  await accuracy();
  rmSync(dir, { recursive: true, force: true });
}

await main();
