/**
 * The seed's two client examples, run through @trpc/client (no transformer) against a live server
 * listening on 127.0.0.1: the socket matters here, so this test does not use inject().
 */
import { TRPCClientError, createTRPCClient, httpBatchLink, httpLink } from '@trpc/client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppRouter } from '../src/app/router.js';
import { describeEachEngine } from './helpers/engines.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';

describeEachEngine('workflow through @trpc/client on a live server', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg('Client Co');
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => t.close());

  const client = (key: string, batch = true) =>
    createTRPCClient<AppRouter>({
      links: [(batch ? httpBatchLink : httpLink)({ url: `${base}/api`, headers: { authorization: `Bearer ${key}` } })],
    });

  it("runs the seed's list and update examples verbatim", async () => {
    const trpc = client(org.member);
    const created = await trpc.workflow.create.mutate({ workflow_category: 'Quote Processing', title: 'Quote for 40 valves', dollar_value: 12500 });
    await trpc.workflow.update.mutate({ taskId: created.task_id, updates: { task_status: 'RED' } });

    // --- seed example 1
    const tasks = await trpc.workflow.list.query({
      filter: { status: 'RED', category: 'Quote Processing' },
      pagination: { page: 1, limit: 50 },
      sort: { field: 'sla_deadline', direction: 'asc' },
    });
    expect(tasks.pagination).toEqual({ page: 1, limit: 50, total: 1, next_cursor: null });
    expect(tasks.data[0]).toMatchObject({ task_id: created.task_id, task_status: 'RED', dollar_value: 12500 });

    // --- seed example 2 (the seed's 'TASK-123' is our created task)
    const taskId = created.task_id;
    const updated = await trpc.workflow.update.mutate({
      taskId,
      updates: { task_status: 'YELLOW', current_owner: 'John Smith' },
    });
    expect(updated).toMatchObject({ task_status: 'YELLOW', current_owner: 'John Smith' });

    const got = await client(org.viewer, false).workflow.get.query({ taskId });
    expect(got.history.map((h) => h.to_status)).toEqual(['GREEN', 'RED', 'YELLOW']);
  });

  it('surfaces errors to the client with the REST status and code', async () => {
    const trpc = client(org.member, false);
    const missing = await trpc.workflow.update
      .mutate({ taskId: 'TASK-123', updates: { task_status: 'YELLOW', current_owner: 'John Smith' } })
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(TRPCClientError);
    expect((missing as TRPCClientError<AppRouter>).data).toMatchObject({ httpStatus: 404, appCode: 'not_found' });

    const denied = await client(org.viewer).workflow.delete.mutate({ taskId: 'TASK-123' }).catch((e: unknown) => e);
    expect((denied as TRPCClientError<AppRouter>).data).toMatchObject({ httpStatus: 403, appCode: 'forbidden' });
  });

  it('answers a plain HTTP GET of /api/workflow.metrics, as curl would', async () => {
    const res = await fetch(`${base}/api/workflow.metrics`, { headers: { authorization: `Bearer ${org.viewer}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { data: Record<string, number> } };
    expect(body.result.data).toMatchObject({ total_tasks: 1, yellow_tasks: 1, revenue_at_risk: 12500 });
    expect((await fetch(`${base}/api/workflow.metrics`)).status).toBe(401);
  });
});
