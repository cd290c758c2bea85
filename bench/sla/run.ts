/**
 * bench/sla: 1,000,000 open tasks (and workstream items to match) per engine. Prints, in one run:
 *  - the floor: one plain count(*) scan of the open tasks;
 *  - a pass in which nothing changes (goal: within 3× the floor);
 *  - a pass in which 1% of the tasks escalate (10,000 history rows, events and breaches;
 *    goal under 2 s on SQLite).
 *
 *   npm run bench:sla                 (BENCH_TASKS=1000000 by default; BENCH_ENGINES=sqlite,postgres)
 */
import { sql } from 'kysely';
import { createOrg } from '../../src/auth/orgs.repository.js';
import type { Db } from '../../src/db/create-db.js';
import { insertRule } from '../../src/sla/rules.repository.js';
import { runSlaPass as runOrSkip, type SlaPassSummary } from '../../src/sla/monitor.js';
import { systemClock } from '../../src/shared/clock.js';
import { benchEngines, fmt, openBenchDb } from '../lib/engines.js';

const TASKS = Number(process.env.BENCH_TASKS ?? 1_000_000);
const ESCALATE = Math.round(TASKS / 100);
const CANDIDATES = Math.round(TASKS / 10);
const PURSUITS = Math.round(TASKS / 10);
const H = 3_600_000;
const NOW = Date.parse('2026-06-01T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** Nothing else runs passes on the bench database: a skipped pass would be a broken measurement. */
async function runSlaPass(...args: Parameters<typeof runOrSkip>): Promise<SlaPassSummary> {
  const r = await runOrSkip(...args);
  if (r.skipped) throw new Error('SLA pass skipped: another pass held the lock');
  return r;
}

async function seed(db: Db): Promise<number> {
  const org = await createOrg(db, { name: 'Bench', now: iso(NOW - 1000 * H) });
  const orgId = org.org_id;
  const CHUNK = 1000;
  // Tasks: GREEN, created 1–10 days ago, deadlines ahead. The first 1% have their warning moment
  // 30 minutes before NOW + 1 h (they escalate in the second pass); the rest much later.
  for (let start = 0; start < TASKS; start += CHUNK) {
    await db.transaction().execute(async (trx) => {
      const rows = [];
      for (let i = start; i < Math.min(TASKS, start + CHUNK); i++) {
        const created = NOW - (24 + (i % 216)) * H;
        const escalates = i < ESCALATE;
        const warnAt = escalates ? NOW + 0.5 * H : NOW + (48 + (i % 500)) * H;
        const deadline = warnAt + 8 * H;
        rows.push({
          task_id: `TASK-${created}-${i.toString(16).padStart(8, '0')}`,
          org_id: orgId,
          workflow_category: ['Quote Processing', 'Order Processing', 'Invoicing', 'Support', 'Shipping'][i % 5]!,
          task_status: 'GREEN' as const,
          title: `Bench task ${i}`,
          priority: 'NORMAL' as const,
          dollar_value: i % 97 === 0 ? 75_000 : (i % 1000) * 10,
          created_at: iso(created),
          updated_at: iso(created),
          sla_deadline: iso(deadline),
          sla_warn_at: iso(warnAt),
          sla_next_at: iso(warnAt),
          sla_status: 'ok' as const,
        });
      }
      await trx.insertInto('workflow_tasks').values(rows).execute();
    });
  }
  // Workstream: open candidates (1% untouched for long) and early-stage pursuits with drafts.
  for (let start = 0; start < CANDIDATES; start += CHUNK) {
    const rows = [];
    for (let i = start; i < Math.min(CANDIDATES, start + CHUNK); i++) {
      const touched = i % 100 === 0 ? NOW - 200 * H : NOW - (i % 48) * H;
      rows.push({ org_id: orgId, title: `Candidate ${i}`, status: 'triaged' as const, last_touch_at: iso(touched), created_at: iso(touched), updated_at: iso(touched) });
    }
    await db.insertInto('candidate').values(rows).execute();
  }
  for (let start = 0; start < PURSUITS; start += CHUNK) {
    const cands = [];
    for (let i = start; i < Math.min(PURSUITS, start + CHUNK); i++) {
      cands.push({ org_id: orgId, title: `Promoted ${i}`, status: 'promoted' as const, last_touch_at: iso(NOW - 10 * H), created_at: iso(NOW - 10 * H), updated_at: iso(NOW - 10 * H) });
    }
    const ids = await db.insertInto('candidate').values(cands).returning('candidate_id').execute();
    await db
      .insertInto('pursuit')
      .values(ids.map((c, k) => ({ org_id: orgId, candidate_id: c.candidate_id, pursuit_stage: 'qual' as const, created_at: iso(NOW - ((start + k) % 100 === 0 ? 300 : 10) * H), updated_at: iso(NOW - 10 * H) })))
      .execute();
  }
  const now = iso(NOW);
  await insertRule(db, orgId, { metric: 'triage_sla', threshold_hrs: 72, warn_pct: 75, is_active: true, calendar: null }, now);
  await insertRule(db, orgId, { metric: 'proposal_sla', threshold_hrs: 120, warn_pct: 75, is_active: true, calendar: null }, now);
  await insertRule(db, orgId, { metric: 'submit_sla', threshold_hrs: 72, warn_pct: 75, is_active: true, calendar: null }, now);
  return orgId;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
}

async function main() {
  console.log(`bench/sla: ${TASKS.toLocaleString()} open tasks, ${CANDIDATES.toLocaleString()} candidates, ${PURSUITS.toLocaleString()} pursuits per engine\n`);
  const results: string[] = [];
  for (const engine of benchEngines()) {
    const b = await openBenchDb(engine);
    try {
      const [, seedMs] = await timed(() => seed(b.database.db));
      if (engine === 'postgres') await sql`analyze`.execute(b.database.db);
      const deps = { database: b.database, clock: systemClock };
      // First pass records the workstream items already in breach (a one-off backlog).
      const [backlog, backlogMs] = await timed(() => runSlaPass(deps, new Date(NOW)));

      const floors: number[] = [];
      const idle: number[] = [];
      for (let i = 0; i < 5; i++) {
        const [, f] = await timed(() =>
          b.database.db.selectFrom('workflow_tasks').select((eb) => eb.fn.countAll<number>().as('n')).where('task_status', '<>', 'COMPLETED').executeTakeFirstOrThrow(),
        );
        floors.push(f);
        const [s, p] = await timed(() => runSlaPass(deps, new Date(NOW + i * 1000)));
        if (s.events !== 0) throw new Error(`idle pass changed something: ${JSON.stringify(s)}`);
        idle.push(p);
      }
      const floor = Math.min(...floors);
      const idleBest = Math.min(...idle);
      const [esc, escMs] = await timed(() => runSlaPass(deps, new Date(NOW + 1 * H)));
      const history = await b.database.db.selectFrom('workflow_status_history').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();

      const line =
        `${engine.padEnd(8)} seed ${fmt(seedMs)} | backlog pass ${fmt(backlogMs)} (${backlog.breaches_opened} breaches)\n` +
        `         floor count(*) open tasks: ${fmt(floor)}\n` +
        `         pass, nothing changes:     ${fmt(idleBest)}  (${(idleBest / floor).toFixed(2)}× floor; goal ≤ 3×)\n` +
        `         pass, 1% escalate:         ${fmt(escMs)}  (${esc.tasks_warned.toLocaleString()} escalated, ${Number(history.n).toLocaleString()} history rows, ${esc.events.toLocaleString()} events${engine === 'sqlite' ? '; goal < 2 s' : ''})`;
      console.log(line + '\n');
      results.push(line);
    } finally {
      await b.drop();
    }
  }
}

await main();
