import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthContext } from '../src/shared/auth-context.js';
import { ManualClock } from '../src/shared/clock.js';
import { executiveMetrics } from '../src/workflow/metrics.service.js';
import { recordPatternOccurrence } from '../src/workflow/tasks.repository.js';
import { createTask, updateTask } from '../src/workflow/tasks.service.js';
import { describeEachEngine } from './helpers/engines.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { createTaskVia, trpcData, trpcQuery, updateTaskVia } from './helpers/workflow.js';

const HOUR = 3_600_000;

describeEachEngine('workflow metrics, views and counters', (engine) => {
  let t: TestApp;
  // Close to real time, so the views (database clock) and the API (injected clock) agree on "now".
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
  });
  afterAll(() => t.close());

  const view = async (name: string, orgId: number) =>
    (await sql<any>`select * from ${sql.table(name)} where org_id = ${orgId}`.execute(t.db.database.db)).rows;

  describe('on a hand-computed fixture', () => {
    let org: TestOrg;
    const t0 = clock.now().getTime();
    beforeAll(async () => {
      org = await t.createOrg('Fixture');
      const make = (body: Record<string, unknown>) => createTaskVia(t, org.member, body);
      const a = await make({ workflow_category: 'Quote Processing', title: 'A', dollar_value: 1000, current_owner: 'John Smith' });
      await updateTaskVia(t, org.member, a.task_id, { task_status: 'RED' });
      const b = await make({ workflow_category: 'Quote Processing', title: 'B', dollar_value: 500, current_owner: 'John Smith' });
      await updateTaskVia(t, org.member, b.task_id, { task_status: 'YELLOW' });
      await make({ workflow_category: 'Invoicing', title: 'C', dollar_value: 200, current_owner: 'Ann' });
      // F: created past its deadline → breached at once, so the SLA escalation makes it RED.
      await make({ workflow_category: 'Quote Processing', title: 'F', dollar_value: 100, current_owner: 'Ann', sla_deadline: new Date(t0 - HOUR).toISOString() });
      // D: completed after 2 h, within its 48 h deadline → met.
      const d = await make({ workflow_category: 'Invoicing', title: 'D', dollar_value: 300 });
      clock.advance(2 * HOUR);
      await updateTaskVia(t, org.member, d.task_id, { task_status: 'COMPLETED' });
      // E: 1 h deadline, completed after 3 h → missed.
      const e = await make({ workflow_category: 'Invoicing', title: 'E', dollar_value: 50, sla_deadline: new Date(clock.now().getTime() + HOUR).toISOString() });
      clock.advance(3 * HOUR);
      await updateTaskVia(t, org.member, e.task_id, { task_status: 'COMPLETED' });
      // G: completed after 1 h → met.
      const g = await make({ workflow_category: 'Invoicing', title: 'G', dollar_value: 400 });
      clock.advance(HOUR);
      await updateTaskVia(t, org.member, g.task_id, { task_status: 'COMPLETED' });
    });
    afterAll(() => clock.set(new Date()));

    it('answers the executive metrics over tRPC, REST and the view alike', async () => {
      const expected = {
        total_tasks: 7,
        red_tasks: 2, // A (set by a person), F (escalated by its SLA)
        yellow_tasks: 1,
        green_tasks: 1,
        completed_tasks: 3,
        revenue_at_risk: 1600, // A + B + F (RED or YELLOW)
        sla_violations: 2, // E completed late, F open and breached
        tasks_last_24h: 7,
        sla_met_percentage: 50, // met D, G; missed E, F
      };
      expect(trpcData(await trpcQuery(t, org.viewer, 'metrics'))).toEqual(expected);
      const rest = await t.call(org.viewer, { method: 'GET', url: '/api/workflow/metrics' });
      expect(rest.json()).toEqual(expected);
      const [row] = await view('executive_metrics_v2', org.orgId);
      expect(row).toEqual({ org_id: org.orgId, ...expected });
    });

    it('answers category performance with completion rate, resolution, SLA met and efficiency', async () => {
      const expected = [
        // C open; D (2 h), E (3 h), G (1 h) completed; met D, G; missed E.
        { workflow_category: 'Invoicing', total_tasks: 4, open_tasks: 1, completed_tasks: 3, completion_rate: 75, avg_resolution_hrs: 2, sla_met_percentage: 66.67, efficiency_score: 70.83 },
        { workflow_category: 'Quote Processing', total_tasks: 3, open_tasks: 3, completed_tasks: 0, completion_rate: 0, avg_resolution_hrs: null, sla_met_percentage: 0, efficiency_score: 0 },
      ];
      expect(trpcData(await trpcQuery(t, org.viewer, 'categories'))).toEqual(expected);
      expect((await t.call(org.viewer, { method: 'GET', url: '/api/workflow/categories' })).json()).toEqual(expected);
      const rows = (await view('category_performance_v2', org.orgId)).sort((x: any, y: any) => x.workflow_category.localeCompare(y.workflow_category));
      expect(rows).toEqual(expected.map((e) => ({ org_id: org.orgId, ...e })));
    });

    it('answers owner workload with the pressure score', async () => {
      const expected = [
        { owner_user_id: null, current_owner: 'John Smith', open_tasks: 2, red_tasks: 1, yellow_tasks: 1, open_dollar_value: 1500, pressure_score: 5 },
        { owner_user_id: null, current_owner: 'Ann', open_tasks: 2, red_tasks: 1, yellow_tasks: 0, open_dollar_value: 300, pressure_score: 4 },
      ];
      expect(trpcData(await trpcQuery(t, org.viewer, 'owners'))).toEqual(expected);
      const rows = (await view('owner_workload_v2', org.orgId)).sort((x: any, y: any) => y.pressure_score - x.pressure_score);
      expect(rows).toEqual(expected.map((e) => ({ org_id: org.orgId, ...e })));
    });

    it('answers the real-time figures at the injected clock', async () => {
      // Clock is t0+6 h: changes since t0+5 h are E completed (5 h), G created (5 h), G completed (6 h).
      expect(trpcData(await trpcQuery(t, org.viewer, 'realtime'))).toEqual({
        open_red: 2,
        open_yellow: 1,
        open_green: 1,
        changes_last_hour: 3,
        created_last_24h: 7,
        breaches_open: 1,
      });
      const [row] = await view('real_time_metrics', org.orgId);
      expect(row).toMatchObject({ open_red: 2, open_yellow: 1, open_green: 1, breaches_open: 1, created_last_24h: 7 });
    });

    it('answers zeros and 100% SLA met for an org without tasks', async () => {
      const empty = await t.createOrg('Empty');
      expect(trpcData(await trpcQuery(t, empty.viewer, 'metrics'))).toEqual({
        total_tasks: 0, red_tasks: 0, yellow_tasks: 0, green_tasks: 0, completed_tasks: 0,
        revenue_at_risk: 0, sla_violations: 0, tasks_last_24h: 0, sla_met_percentage: 100,
      });
      expect(trpcData(await trpcQuery(t, empty.viewer, 'categories'))).toEqual([]);
      expect(trpcData(await trpcQuery(t, empty.viewer, 'owners'))).toEqual([]);
    });
  });

  it('keeps counters exact under concurrent writers moving tasks between the same statuses', async () => {
    const org = await t.createOrg('Concurrent');
    const auth: AuthContext = { orgId: org.orgId, orgName: 'c', role: 'member', via: 'key', keyId: 1, keyName: 'c', userId: null, sessionId: null, actor: 'c' };
    const tasks = await Promise.all(
      Array.from({ length: 16 }, (_, i) => createTask(t.deps, auth, { workflow_category: i % 2 ? 'A' : 'B', title: `c${i}`, dollar_value: 10 * (i + 1) })),
    );
    const cycle = ['RED', 'YELLOW', 'GREEN', 'COMPLETED'] as const;
    // Opposite directions through the same counter rows, all at once.
    await Promise.all(
      tasks.flatMap((task, i) =>
        [0, 1, 2].map((k) => updateTask(t.deps, auth, { taskId: task.task_id, updates: { task_status: cycle[(i % 2 ? i + k : 3 * (i + k)) % 4]! } })),
      ),
    );
    const api = await executiveMetrics(t.deps, auth);
    const [row] = await view('executive_metrics_v2', org.orgId);
    expect({ org_id: org.orgId, ...api }).toEqual(row);
    expect(api.total_tasks).toBe(16);
  });

  it('lists patterns by occurrences, paged, per org', async () => {
    const org = await t.createOrg('Patterns');
    const other = await t.createOrg('Other patterns');
    const at = clock.now().toISOString();
    for (const [sig, n] of [['quote-request', 3], ['invoice-query', 5], ['po-confirm', 1]] as const) {
      for (let i = 0; i < n; i++) {
        await recordPatternOccurrence(t.db.database.db, { orgId: org.orgId, signature: sig, category: sig.startsWith('quote') ? 'Quote Processing' : 'Invoicing', exampleSubject: `About ${sig}`, at });
      }
    }
    await recordPatternOccurrence(t.db.database.db, { orgId: other.orgId, signature: 'x', category: 'Invoicing', exampleSubject: null, at });
    const page1 = trpcData(await trpcQuery(t, org.viewer, 'patterns', { pagination: { page: 1, limit: 2 } }));
    expect(page1.data.map((p: any) => [p.signature, p.occurrences])).toEqual([['invoice-query', 5], ['quote-request', 3]]);
    expect(page1.pagination).toEqual({ page: 1, limit: 2, total: 3, next_cursor: expect.any(String) });
    const rest = await t.call(org.viewer, { method: 'GET', url: '/api/workflow/patterns?page=2&limit=2' });
    expect(rest.json().data.map((p: any) => p.signature)).toEqual(['po-confirm']);
    const byCat = trpcData(await trpcQuery(t, org.viewer, 'patterns', { category: 'Invoicing' }));
    expect(byCat.data.map((p: any) => p.signature)).toEqual(['invoice-query', 'po-confirm']);
    expect((await trpcQuery(t, org.viewer, 'patterns', { pagination: { page: 1, limit: 0 } })).statusCode).toBe(400);
  });
});
