/**
 * The database views of migrations 0002 and 0003 hold their SQL frozen; the API runs its own query
 * builders (src/workstream/today.query.ts, src/workflow/metrics.query.ts). The two may share a
 * definition only through this file: on random data, on each engine, every view answers exactly as
 * the API's query does at the same instant, and the trigger-kept workflow_task_counters equal a
 * recount of the task rows.
 *
 * "The same instant": a view reads the database's clock, the API the instant it is given. Every
 * stored time lies at least MARGIN away from each boundary the answers depend on (now, now − 1 h,
 * now − 24 h, now − 72 h, measured from T0, when the data was made), and the API's now and the
 * database's now are both checked to lie within MARGIN of T0; so any instant of that window gives
 * the same answers, and the API is handed the current time.
 */
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthContext } from '../src/shared/auth-context.js';
import { sqlHelpers } from '../src/db/sql-helpers.js';
import type { CandidateStatus, PursuitStage, TaskPriority, TaskStatus } from '../src/db/types.js';
import { ManualClock } from '../src/shared/clock.js';
import { FACT_COLUMNS, taskFactSql } from '../src/workflow/metrics.query.js';
import { categoryPerformance, executiveMetrics, ownerWorkload, realTimeMetrics } from '../src/workflow/metrics.service.js';
import { createTask, deleteTask, updateTask } from '../src/workflow/tasks.service.js';
import { checklistReadiness } from '../src/workstream/checklist.repository.js';
import { CANDIDATE_STALE_HOURS, checklistReadinessQuery, TODAY_LIMIT, todayOrder, todayPanelQuery } from '../src/workstream/today.query.js';
import { todayPanelJson, toTodayItem } from '../src/workstream/today.repository.js';
import { todayItemSchema } from '../src/workstream/workstream.schemas.js';
import { describeEachEngine } from './helpers/engines.js';
import { insertCandidate, insertPursuit, insertTask } from './helpers/factories.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

const HOUR = 3_600_000;
const MARGIN = 10 * 60_000;

/** Allowed offsets from T0, in hours: each interval keeps MARGIN (1/6 h) from 0, −1, −24 and −72 h. */
const PAST: ReadonlyArray<readonly [number, number]> = [
  [-5 / 6, -1 / 6], // the last hour
  [-23 - 5 / 6, -1 - 1 / 6],
  [-71 - 5 / 6, -24 - 1 / 6],
  [-150, -72 - 1 / 6],
];
const FUTURE: ReadonlyArray<readonly [number, number]> = [[1 / 6, 120]];

/** A seeded PRNG (mulberry32), so a failure replays. */
function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let r = Math.imul(s ^ (s >>> 15), 1 | s);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 2 ** 32;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return {
    next,
    pick,
    chance: (p: number) => next() < p,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    /**
     * An offset in ms from the given intervals. A third are whole hours + 30 min, so times tie
     * (ties exercise the orders' tie-breaks) and still keep MARGIN from every boundary.
     */
    offset(intervals: ReadonlyArray<readonly [number, number]>): number {
      const [lo, hi] = pick(intervals);
      const h = lo + next() * (hi - lo);
      const tied = Math.floor(h) + 0.5;
      return Math.round((next() < 0.33 && tied > lo && tied < hi ? tied : h) * HOUR);
    },
  };
}

/** Every number as a matcher within 1e-6 (sums of floats in another order), for toEqual. */
const approx = <T extends object>(rows: T[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? expect.closeTo(v, 6) : v])));

const byKey = <T>(key: (r: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
const withoutOrg = <T extends { org_id: unknown }>({ org_id: _, ...rest }: T) => rest;

describeEachEngine('views answer as the API queries do on random data', (engine) => {
  let t: TestApp;
  let db: Kysely<any>;
  let T0: number;
  const at = (offsetMs: number) => new Date(T0 + offsetMs).toISOString();
  const clock = new ManualClock();
  const rnd = prng(20260214);

  beforeAll(async () => {
    T0 = Date.now();
    clock.set(new Date(T0));
    t = await createTestApp(engine, { clock });
    db = t.db.database.db as unknown as Kysely<any>;
  });
  afterAll(() => t.close());

  /** The instant both sides answer at; fails if it or the database's clock left the window the data allows. */
  async function sameNow(): Promise<Date> {
    const { rows } = await sql<{ now: string }>`select ${sqlHelpers(engine.name).dbNow()} as now`.execute(db);
    const now = new Date();
    expect(Math.abs(now.getTime() - T0)).toBeLessThan(MARGIN);
    expect(Math.abs(Date.parse(String(rows[0]!.now)) - T0)).toBeLessThan(MARGIN);
    return now;
  }

  const auth = (orgId: number): AuthContext => ({ orgId, orgName: 'random', role: 'member', via: 'key', keyId: 1, keyName: 'random', userId: null, sessionId: null, actor: 'random' });

  describe('the Today panel and checklist readiness', () => {
    const orgIds: number[] = [];
    const pursuits: Array<{ orgId: number; pursuitId: number }> = [];

    beforeAll(async () => {
      const candidateStatuses: CandidateStatus[] = ['new', 'triaged', 'nurture', 'on_hold', 'promoted', 'archived'];
      const stages: PursuitStage[] = ['qual', 'pink', 'red', 'submit', 'won', 'lost'];
      const metrics = ['triage_sla', 'submit_sla', 'response_sla'];
      // The first org has more open items than the panel shows, so the API's limit is exercised.
      for (const [candidates, pursuitCount] of [[280, 120], [60, 30], [15, 8]] as const) {
        const orgId = (await t.createOrg()).orgId;
        orgIds.push(orgId);
        const items: Array<{ type: 'candidate' | 'pursuit'; id: number }> = [];
        for (let i = 0; i < candidates; i++) {
          const id = await insertCandidate(t.db.database.db, orgId, {
            status: rnd.pick(candidateStatuses),
            lastTouchAt: at(rnd.offset(PAST)),
            title: `c${i}`,
          });
          items.push({ type: 'candidate', id });
        }
        for (let i = 0; i < pursuitCount; i++) {
          const pursuitId = await insertPursuit(t.db.database.db, orgId, {
            stage: rnd.pick(stages),
            createdAt: at(rnd.offset(PAST)),
            dueDate: rnd.chance(0.3) ? null : at(rnd.offset(rnd.chance(0.5) ? PAST : FUTURE)),
          });
          items.push({ type: 'pursuit', id: pursuitId });
          pursuits.push({ orgId, pursuitId });
          const names = ['Pricing', 'Legal', 'Cover page', 'Sign-off'].filter(() => rnd.chance(0.5));
          for (const name of names) {
            await db
              .insertInto('pursuit_checklist')
              .values({ org_id: orgId, pursuit_id: pursuitId, name, is_required: rnd.chance(0.7), is_done: rnd.chance(0.5), created_at: at(0) })
              .execute();
          }
        }
        // Open breaches (sometimes two, so the smallest metric is shown), resolved ones, breaches of
        // tasks (non-numeric ids) and breaches naming an id of this org under another org.
        const breaches: Array<Record<string, unknown>> = [];
        for (const item of items) {
          const base = { org_id: orgId, item_type: item.type, item_id: String(item.id), reason_code: 'late', breached_at: at(rnd.offset(PAST)) };
          if (rnd.chance(0.15)) breaches.push({ ...base, rule_id: 1, metric: rnd.pick(metrics) });
          if (rnd.chance(0.05)) breaches.push({ ...base, rule_id: 2, metric: rnd.pick(metrics) });
          if (rnd.chance(0.1)) breaches.push({ ...base, rule_id: 3, metric: 'resolved_sla', resolved_at: at(rnd.offset(PAST)) });
          if (rnd.chance(0.03) && orgIds.length > 1) breaches.push({ ...base, org_id: orgIds[0], rule_id: 4, metric: 'other_org' });
        }
        for (let i = 0; i < 5; i++) {
          breaches.push({ org_id: orgId, item_type: 'task', item_id: `TASK-${i}-x`, rule_id: 1, metric: 'task_sla', reason_code: 'late', breached_at: at(0) });
        }
        await db.insertInto('sla_breach').values(breaches).execute();
      }
    });

    it('answers v_today_panel, in the panel order, as the API Today query does at the same instant, for every org', async () => {
      const now = await sameNow();
      const staleBefore = new Date(now.getTime() - CANDIDATE_STALE_HOURS * HOUR);
      const badges = new Set<string>();
      for (const orgId of orgIds) {
        const view = (await sql<any>`select * from v_today_panel v where org_id = ${orgId} order by ${todayOrder('v')}`.execute(db)).rows;
        // The whole view against the API's builder without its limit, every column.
        const unlimited = await todayPanelQuery(db, { now: sql.val(now.toISOString()), staleBefore: sql.val(staleBefore.toISOString()), orgId })
          .orderBy(todayOrder('k'))
          .execute();
        expect(view).toEqual(unlimited);
        // The API's answer: the view's first TODAY_LIMIT rows, serialised by the database in the
        // response schema's shape (nothing stripped or converted by parsing it).
        const answer = JSON.parse(await todayPanelJson(t.db.database, sqlHelpers(t.db.database.engine), orgId, now));
        expect(answer).toEqual(view.slice(0, TODAY_LIMIT).map(toTodayItem));
        expect(z.array(todayItemSchema).parse(answer)).toEqual(answer);
        for (const r of view) badges.add(`${r.item_type}:${r.badge}:${r.sla_metric === null ? '' : 'metric'}`);
      }
      expect(orgIds.length).toBeGreaterThan(2);
      // The data reached every kind of row.
      expect([...badges].sort()).toEqual([
        'candidate:amber:',
        'candidate:green:',
        'candidate:red:metric',
        'pursuit:amber:',
        'pursuit:green:',
        'pursuit:red:metric',
      ]);
      const [first] = orgIds;
      const { rows } = await sql<{ n: number }>`select count(*) as n from v_today_panel where org_id = ${first}`.execute(db);
      expect(Number(rows[0]!.n)).toBeGreaterThan(TODAY_LIMIT);
    });

    it('answers v_pursuit_checklist_ready as checklistReadinessQuery and checklistReadiness do, for every pursuit', async () => {
      const key = (r: { org_id: unknown; pursuit_id: unknown }) => `${String(r.org_id).padStart(9, '0')}:${String(r.pursuit_id).padStart(9, '0')}`;
      const view = (await sql<any>`select * from v_pursuit_checklist_ready`.execute(db)).rows.sort(byKey(key));
      const query = (await checklistReadinessQuery(db).execute()).sort(byKey(key));
      expect(view).toEqual(query);
      expect(view).toHaveLength(pursuits.length);
      const viewOf = new Map(view.map((r) => [key(r), r]));
      for (const { orgId, pursuitId } of pursuits) {
        const v = viewOf.get(key({ org_id: orgId, pursuit_id: pursuitId }));
        expect(await checklistReadiness(t.db.database.db, orgId, pursuitId)).toEqual({
          items_total: Number(v.items_total),
          required_total: Number(v.required_total),
          required_done: Number(v.required_done),
          missing_required: Number(v.missing_required),
          is_ready: Number(v.is_ready) === 1,
        });
      }
      expect(new Set(view.map((r) => Number(r.is_ready)))).toEqual(new Set([0, 1]));
    });
  });

  describe('the workflow metrics and the counters behind them', () => {
    const orgIds: number[] = [];
    let removedOrg: number;

    beforeAll(async () => {
      const cats = ['Quote Processing', 'Invoicing', 'Orders', 'Shipping'];
      const statuses: TaskStatus[] = ['RED', 'YELLOW', 'GREEN', 'COMPLETED'];
      const priorities: TaskPriority[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'NORMAL'];
      const owners = ['Ann', 'John Smith', 'Zoë', null];
      for (let i = 0; i < 4; i++) orgIds.push((await t.createOrg()).orgId);
      // The last org is deleted at the end: its tasks cascade and their triggers must zero its counters.
      removedOrg = orgIds.at(-1)!;
      const tasks: Array<{ orgId: number; id: string }> = [];
      for (const [k, orgId] of orgIds.entries()) {
        for (let i = 0; i < [140, 70, 25, 30][k]!; i++) {
          const id = await insertTask(t.db.database.db, orgId, {
            createdAt: at(rnd.offset(PAST)),
            now: at(0),
            priority: rnd.pick(priorities),
            category: rnd.pick(cats),
            status: rnd.pick(statuses),
            dollarValue: rnd.int(0, 1_000_000) / 100,
            ...(rnd.chance(0.4) ? { deadline: at(rnd.offset(rnd.chance(0.5) ? PAST : FUTURE)) } : {}),
          });
          tasks.push({ orgId, id });
        }
      }
      // Random changes through every kind of writer: the task service (creates, updates, deletes, with
      // status history), set-based updates as the SLA monitor makes them, and direct completions.
      const deps = t.deps;
      for (let i = 0; i < 250; i++) {
        clock.set(at(rnd.offset(PAST)));
        const r = rnd.next();
        if (r < 0.2) {
          const orgId = rnd.pick(orgIds);
          const task = await createTask(deps, auth(orgId), {
            workflow_category: rnd.pick(cats),
            title: `t${i}`,
            dollar_value: rnd.int(0, 1_000_000) / 100,
            priority: rnd.pick(priorities),
            ...(rnd.chance(0.7) ? { current_owner: rnd.pick(owners.filter((o) => o !== null)) } : {}),
            ...(rnd.chance(0.3) ? { sla_deadline: at(rnd.offset(rnd.chance(0.5) ? PAST : FUTURE)) } : {}),
          });
          tasks.push({ orgId, id: task.task_id });
        } else if (r < 0.7) {
          const { orgId, id } = rnd.pick(tasks);
          await updateTask(deps, auth(orgId), {
            taskId: id,
            updates: {
              task_status: rnd.pick(statuses),
              ...(rnd.chance(0.3) ? { dollar_value: rnd.int(0, 100_000) / 100 } : {}),
              ...(rnd.chance(0.2) ? { workflow_category: rnd.pick(cats) } : {}),
              ...(rnd.chance(0.3) ? { current_owner: rnd.pick(owners) } : {}),
              ...(rnd.chance(0.2) ? { sla_deadline: at(rnd.offset(rnd.chance(0.5) ? PAST : FUTURE)) } : {}),
            },
          });
        } else if (r < 0.8) {
          const [{ orgId, id }] = tasks.splice(rnd.int(0, tasks.length - 1), 1) as [{ orgId: number; id: string }];
          await deleteTask(deps, auth(orgId), id);
        } else if (r < 0.9) {
          await db
            .updateTable('workflow_tasks')
            .set({ sla_status: rnd.pick(['ok', 'warning', 'breached']) })
            .where('org_id', '=', rnd.pick(orgIds))
            .where('workflow_category', '=', rnd.pick(cats))
            .execute();
        } else {
          // Completed with a deadline and a resolution time, whatever the status was.
          const { orgId, id } = rnd.pick(tasks);
          await db
            .updateTable('workflow_tasks')
            .set({ task_status: 'COMPLETED', completed_at: at(rnd.offset(PAST)), resolution_hours: rnd.chance(0.8) ? rnd.int(0, 400) / 4 : null })
            .where('org_id', '=', orgId)
            .where('task_id', '=', id)
            .execute();
        }
      }
      clock.set(new Date(T0));
      await db.deleteFrom('org').where('org_id', '=', removedOrg).execute();
      orgIds.pop();
    });

    it('answers executive_metrics_v2, category_performance_v2, owner_workload_v2 and real_time_metrics as the metrics API does at the same instant', async () => {
      const now = await sameNow();
      const deps = { database: t.db.database, clock: new ManualClock(now) };
      const view = async (name: string, orgId: number): Promise<any[]> =>
        (await sql<any>`select * from ${sql.table(name)} where org_id = ${orgId}`.execute(db)).rows.map(withoutOrg);
      const byCategory = byKey((r: { workflow_category: string }) => r.workflow_category);
      const byOwner = byKey((r: { current_owner: string | null }) => JSON.stringify(r.current_owner));
      for (const orgId of orgIds) {
        const executive = await executiveMetrics(deps, auth(orgId), now);
        expect(await view('executive_metrics_v2', orgId)).toEqual(approx([executive]));
        expect(executive.total_tasks).toBeGreaterThan(10);
        expect(executive.tasks_last_24h).toBeGreaterThan(0);

        const categories = (await categoryPerformance(deps, auth(orgId))).sort(byCategory);
        expect((await view('category_performance_v2', orgId)).sort(byCategory)).toEqual(approx(categories));
        expect(categories.some((c) => c.avg_resolution_hrs !== null)).toBe(true);

        const owners = (await ownerWorkload(deps, auth(orgId))).sort(byOwner);
        expect((await view('owner_workload_v2', orgId)).sort(byOwner)).toEqual(approx(owners));

        const realtime = await realTimeMetrics(deps, auth(orgId));
        expect(await view('real_time_metrics', orgId)).toEqual(approx([realtime]));
      }
      const { rows } = await sql<{ n: number }>`select sum(changes_last_hour) as n from real_time_metrics`.execute(db);
      expect(Number(rows[0]!.n)).toBeGreaterThan(0);
    });

    it('keeps workflow_task_counters equal to a recount of the task rows with taskFactSql, the deleted org at zero', async () => {
      const f = taskFactSql('workflow_tasks');
      const recount = await sql<Record<string, unknown>>`select org_id, workflow_category, task_status,
        ${sql.raw(FACT_COLUMNS.map((c) => `sum(${f[c]}) as ${c}`).join(', '))}
        from workflow_tasks group by org_id, workflow_category, task_status`.execute(db);
      const counters = await db.selectFrom('workflow_task_counters').selectAll().execute();
      const key = (r: Record<string, unknown>) => `${String(r.org_id).padStart(9, '0')}|${r.workflow_category}|${r.task_status}`;
      const facts = (rows: Array<Record<string, unknown>>) => new Map(rows.map((r) => [key(r), r]));
      const [fromRows, fromCounters] = [facts(recount.rows), facts(counters)];
      const keys = [...new Set([...fromRows.keys(), ...fromCounters.keys()])].sort();
      // A counter row outlives its last task with all facts at zero; a recount has no row there.
      const figures = (m: Map<string, Record<string, unknown>>) =>
        keys.map((k) => ({ key: k, ...Object.fromEntries(FACT_COLUMNS.map((c) => [c, Number(m.get(k)?.[c] ?? 0)])) }));
      expect(figures(fromCounters)).toEqual(approx(figures(fromRows)));
      expect(recount.rows.length).toBeGreaterThan(20);
      expect(counters.some((c) => Number(c.org_id) === removedOrg)).toBe(true);
    });
  });
});
