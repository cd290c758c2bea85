/**
 * bench/ingest: a deterministic 10,000-message mbox; the bare parser's rate on it (mailparser, one
 * core, parse only); end-to-end ingestion (read + split + parse + analyse + write) on SQLite and,
 * when BENCH_DATABASE_URL or TEST_DATABASE_URL is set, PostgreSQL — all in the same run — and
 * the labelled corpus' accuracy: work or noise (share of actionable and of non-actionable mail that
 * became a task) and precision/recall per entity type, on each part of the corpus.
 *
 *   npm run bench:ingest [-- --messages 10000]      (builds dist/ first)
 *   npm run bench:ingest -- --accuracy-only         (the accuracy tables alone; no throughput run)
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { simpleParser } from 'mailparser';
import pg from 'pg';
import type { Database } from '../../src/db/create-db.js';
import { CORPUS_CONTEXT, scoreCorpus } from './accuracy.js';

const { values } = parseArgs({ options: { messages: { type: 'string', default: '10000' }, 'accuracy-only': { type: 'boolean', default: false } } });
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
const dist = (p: string) => new URL(`../../dist/${p}`, import.meta.url).href;
const { createOrg } = (await import(dist('auth/orgs.repository.js'))) as typeof import('../../src/auth/orgs.repository.js');
const { createDatabase } = (await import(dist('db/create-db.js'))) as typeof import('../../src/db/create-db.js');
const { generateMail, toMbox } = (await import(dist('cli/demo/demo.mail.js'))) as typeof import('../../src/cli/demo/demo.mail.js');
const { ingestPath } = (await import(dist('ingest/ingest.cli.js'))) as typeof import('../../src/ingest/ingest.cli.js');
const { splitMbox } = (await import(dist('ingest/mbox.js'))) as typeof import('../../src/ingest/mbox.js');
const { systemClock } = (await import(dist('shared/clock.js'))) as typeof import('../../src/shared/clock.js');

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

async function endToEnd(database: Database, label: string) {
  await database.migrate();
  const org = await createOrg(database.db, { name: `bench ${label}`, now: new Date().toISOString() });
  const c = cpuMs();
  const t = performance.now();
  const first = await ingestPath({ database, clock: systemClock }, { path: mboxPath, orgId: org.org_id, actor: 'bench' });
  const ms = performance.now() - t;
  const cpu = cpuMs() - c;
  const t2 = performance.now();
  const again = await ingestPath({ database, clock: systemClock }, { path: mboxPath, orgId: org.org_id, actor: 'bench' });
  const ms2 = performance.now() - t2;
  return { label, batch: first.batch, ms, cpu, perSec: rate(first.batch.read, ms), again: again.batch, againPerSec: rate(again.batch.read, ms2) };
}

async function main() {
  const mail = generateMail(2026, COUNT, Date.UTC(2026, 0, 5), Date.UTC(2026, 1, 5));
  writeFileSync(mboxPath, toMbox(mail.map((m) => m.raw)));
  const load = loadavg()[0]!.toFixed(1);
  console.log(`bench/ingest: ${COUNT} messages (${(readFileSync(mboxPath).length / 1048576).toFixed(1)} MiB mbox), ${cpus().length} cores, Node ${process.version}, load average ${load} at start${Number(load) > 1.5 ? ' (contended: other work is running)' : ''}`);

  const bare = await bareParse();
  console.log(
    `bare mailparser (parse only, one core): ${bare.perSec} msg/s (${bare.n} messages in ${(bare.ms / 1000).toFixed(2)} s, ` +
      `${(bare.cpu / (bare.n / 1000)).toFixed(0)} ms CPU per 1,000)`,
  );

  const rows: Array<Awaited<ReturnType<typeof endToEnd>>> = [];
  const sqlite = createDatabase(`sqlite:${join(dir, 'bench.db')}`);
  try {
    rows.push(await endToEnd(sqlite, 'sqlite'));
  } finally {
    await sqlite.close();
  }
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    const database = createDatabase(pgUrl, { schema, poolSize: 4 });
    try {
      rows.push(await endToEnd(database, 'postgres'));
    } finally {
      await database.close();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  } else console.log('postgres: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');

  for (const r of rows) {
    const b = r.batch;
    console.log(
      `end-to-end ${r.label}: ${r.perSec} msg/s = ${(r.perSec / bare.perSec).toFixed(2)}× bare parse ` +
        `(${(r.cpu / (b.read / 1000)).toFixed(0)} ms CPU per 1,000 = ${(r.cpu / bare.cpu).toFixed(2)}× the bare CPU; ${b.read} read, ${b.new_signals} signals, ${b.new_tasks} tasks, ${b.not_actionable} not actionable, ${b.duplicates} duplicates, ${b.failed} failed, ${(r.ms / 1000).toFixed(2)} s)`,
    );
    console.log(`  re-ingest ${r.label} (everything a duplicate): ${r.againPerSec} msg/s, ${r.again.new_signals} new signals, ${r.again.duplicates} duplicates`);
  }

  await accuracy();
  rmSync(dir, { recursive: true, force: true });
}

await main();
