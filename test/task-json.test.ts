/**
 * The task list's pages are serialised by the database (SqlHelpers.rowJson; tasks.repository.ts
 * TASK_JSON), not by toTaskView + JSON.stringify, and are sent without passing the response schema.
 * So this proves, on both engines and through HTTP, that every listed task is exactly the task the
 * detail route answers (toTaskView of the same row), that the page fits the response schema, and
 * that the values which differ between the two spellings survive: times with microseconds, NULLs,
 * JSON documents with nesting and escapes, non-ASCII and quoting in text, fractional money.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertUser } from '../src/users/users.repository.js';
import { describeEachEngine } from './helpers/engines.js';
import { expectPagesMatchDetail } from './helpers/task-pages.js';
import { insertTask } from './helpers/factories.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';

describeEachEngine('task list JSON built by the database', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    const db = t.db.database.db;
    const now = t.clock.now().toISOString();
    const user = await insertUser(db, { email: 'ünïcode@example.com', name: 'Zoë "Q" O\'Brien \\ ☃', passwordHash: null, now });
    const base = Date.parse('2026-03-01T10:00:00.000Z');
    for (let i = 0; i < 12; i++) {
      const createdAt = new Date(base + i * 3_600_123).toISOString();
      ids.push(
        await insertTask(db, org.orgId, {
          createdAt,
          category: i % 2 ? 'Quote Processing' : 'Général',
          status: (['RED', 'YELLOW', 'GREEN', 'COMPLETED'] as const)[i % 4],
          dollarValue: [0, 0.1, 1234.5, 99_999_999.99, 7][i % 5]!,
          title: i === 3 ? 'Line\nbreak\ttab "quoted" </script> \u2028 😀' : `Task ${i}`,
          ...(i % 3 ? { deadline: new Date(base + i * 86_400_000 + 0.5).toISOString() } : {}),
        }),
      );
    }
    // Columns the factory leaves at their defaults, set directly; PostgreSQL keeps microseconds,
    // which the API truncates to milliseconds.
    await db
      .updateTable('workflow_tasks')
      .set({
        description: null,
        owner_user_id: user.user_id,
        current_owner: 'Zoë',
        entities: JSON.stringify({ po: ['PO-1', 'PO-2'], nested: { a: [1, 2.5, null, true], s: 'x"y\\z ☃' }, empty: {} }),
        tags: JSON.stringify(['urgent', 'ünï', '"q"']),
        sla_paused_at: engine.name === 'postgres' ? '2026-03-02T01:02:03.456789Z' : '2026-03-02T01:02:03.456Z',
        source_received_at: '2026-02-28T23:59:59.999Z',
        resolution_hours: 1.25,
        customer_name: 'ACME ☃',
      })
      .where('task_id', 'in', ids.slice(0, 6))
      .execute();
    await db.updateTable('workflow_tasks').set({ dollar_value: 0.3 }).where('task_id', '=', ids[7]!).execute();
  });

  afterAll(async () => {
    await t?.close();
  });

  const get = async (url: string) => {
    const res = await t.call(org.viewer, { method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('lists every task exactly as the detail route answers it, in the response schema, for every sort and through cursors', async () => {
    await expectPagesMatchDetail(get, ids, 5);
  });

  it('answers the same page through tRPC, alone and in a batch, and an empty page as an empty list', async () => {
    const rest = await get('/api/workflow/tasks?limit=4');
    const trpc = await get(`/api/workflow.list?input=${encodeURIComponent(JSON.stringify({ pagination: { limit: 4 } }))}`);
    expect(trpc.result.data).toEqual(rest);
    // A batch goes through tRPC's own adapter, which serialises the answer itself (JsonAnswer.toJSON).
    const batch = await get(`/api/workflow.list,workflow.metrics?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { pagination: { limit: 4 } } }))}`);
    expect(batch[0].result.data).toEqual(rest);
    expect(batch[1].result.data.total_tasks).toBe(ids.length);
    const none = await get('/api/workflow/tasks?status=RED&category=Nothing');
    expect(none).toEqual({ data: [], pagination: { page: 1, limit: none.pagination.limit, total: 0, next_cursor: null } });
  });
});
