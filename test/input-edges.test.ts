/**
 * Inputs at the edge that once slipped past validation: tRPC batches naming another org, the NUL
 * character, unknown keys, over-long path ids, odd content types and bodiless DELETEs. Each gets a
 * 4xx in the contract's shape naming the problem, on both engines, and writes nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from './helpers/engines.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { createTaskVia, trpcQuery } from './helpers/workflow.js';

describeEachEngine('input at the edge', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg('Acme');
    other = await t.createOrg('Globex');
  });
  afterAll(() => t.close());

  const taskCount = async (orgId: number) =>
    Number(
      (await t.db.database.db.selectFrom('workflow_tasks').select((eb) => eb.fn.countAll().as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow()).n,
    );

  it('refuses a tRPC batch whose any item names another org, creating none of it', async () => {
    const before = await taskCount(org.orgId);
    const res = await t.call(org.member, {
      method: 'POST',
      url: '/api/workflow.create,workflow.create?batch=1',
      payload: { '0': { workflow_category: 'B', title: 'b0' }, '1': { workflow_category: 'B', title: 'b1', org_id: other.orgId } },
    });
    expect(res.statusCode).toBe(403);
    const body = res.json();
    expect(body).toHaveLength(2); // one envelope per procedure, as tRPC answers a batch
    expect(body[1].error.data).toMatchObject({ appCode: 'forbidden', httpStatus: 403, path: 'workflow.create' });
    expect(body[0].error.message).toContain(`org_id ${other.orgId}`);
    expect(await taskCount(org.orgId)).toBe(before);

    const get = await t.call(org.viewer, {
      method: 'GET',
      url: `/api/workflow.metrics,workflow.get?batch=1&input=${encodeURIComponent(JSON.stringify({ '1': { taskId: 'X', org_id: other.orgId } }))}`,
    });
    expect(get.statusCode).toBe(403);

    // tRPC's adapter hands hooks a mutation's body as text: a single mutation is checked too.
    const single = await t.call(org.member, { method: 'POST', url: '/api/workflow.create', payload: { workflow_category: 'B', title: 's', org_id: other.orgId } });
    expect(single.statusCode).toBe(403);
    expect(single.json().error.data).toMatchObject({ appCode: 'forbidden', path: 'workflow.create' });
    expect(await taskCount(org.orgId)).toBe(before);

    // The key's own org in a batch item is fine.
    const own = await t.call(org.member, {
      method: 'POST',
      url: '/api/workflow.create?batch=1',
      payload: { '0': { workflow_category: 'B', title: 'own', org_id: org.orgId } },
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()[0].result.data.title).toBe('own');
  });

  it('refuses text holding the NUL character with a 400 naming the field, in query, body and tRPC input', async () => {
    const before = await taskCount(org.orgId);
    const search = await t.call(org.viewer, { method: 'GET', url: '/api/workflow/list?search=a%00b' });
    expect(search.statusCode).toBe(400);
    expect(search.json()).toMatchObject({ code: 'bad_request', details: { fields: [{ field: 'search' }] } });

    const create = await t.call(org.member, { method: 'POST', url: '/api/workflow/create', payload: { workflow_category: 'N', title: 'nul\u0000title' } });
    expect(create.statusCode).toBe(400);
    expect(create.json().details.fields[0].field).toBe('title');

    const nested = await t.call(org.member, {
      method: 'POST',
      url: '/api/workflow/create',
      payload: { workflow_category: 'N', title: 'ok', entities: { customers: ['fine', 'bad\u0000'] } },
    });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().details.fields[0].field).toBe('entities.customers.1');

    const viaTrpc = await trpcQuery(t, org.viewer, 'list', { filter: { category: 'a\u0000' } });
    expect(viaTrpc.statusCode).toBe(400);
    expect(viaTrpc.json().error.data).toMatchObject({ appCode: 'bad_request', details: { fields: [{ field: 'filter.category' }] } });

    const mutation = await t.call(org.member, { method: 'POST', url: '/api/workflow.create', payload: { workflow_category: 'N\u0000', title: 't' } });
    expect(mutation.statusCode).toBe(400);
    expect(mutation.json().error.data.details.fields[0].field).toBe('workflow_category');

    const workstream = await t.call(org.member, { method: 'POST', url: '/api/workstream/candidates', payload: { title: 'x\u0000' } });
    expect(workstream.statusCode).toBe(400);
    expect(await taskCount(org.orgId)).toBe(before);
  });

  it('names an unknown key itself, and says nothing else about it', async () => {
    const list = await t.call(org.viewer, { method: 'GET', url: '/api/workflow/list?colour=red' });
    expect(list.statusCode).toBe(400);
    expect(list.json().details.fields).toEqual([{ field: 'colour', message: 'unknown field' }]);

    const task = await createTaskVia(t, org.member, { workflow_category: 'K', title: 'keys' });
    const update = await t.call(org.member, { method: 'PUT', url: `/api/workflow/update/${task.task_id}`, payload: { updates: { colour: 'red' } } });
    expect(update.statusCode).toBe(400);
    expect(update.json().details.fields).toEqual([{ field: 'updates.colour', message: 'unknown field' }]);

    const viaTrpc = await t.call(org.member, { method: 'POST', url: '/api/workflow.update', payload: { taskId: task.task_id, updates: { colour: 'red' } } });
    expect(viaTrpc.statusCode).toBe(400);
    expect(viaTrpc.json().error.data.details.fields).toEqual([{ field: 'updates.colour', message: 'unknown field' }]);

    const nothing = await t.call(org.member, { method: 'PUT', url: `/api/workflow/update/${task.task_id}`, payload: { updates: {} } });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.json().details.fields[0].message).toBe('Nothing to update');
  });

  it('answers an over-long path id with a 400 naming it, and an absurd one in the contract shape', async () => {
    const long = await t.call(org.viewer, { method: 'GET', url: `/api/workflow/get/${'x'.repeat(101)}` });
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ code: 'bad_request', details: { fields: [{ field: 'id' }] } });

    const absurd = await t.call(org.member, { method: 'DELETE', url: `/api/workflow/delete/${'x'.repeat(3000)}` });
    expect(absurd.statusCode).toBe(414);
    expect(absurd.json()).toMatchObject({ code: 'bad_request' });
    expect(absurd.json().error).toEqual(expect.any(String));
  });

  it('labels a tRPC request of the wrong content type as the client\'s mistake, not a bug', async () => {
    const res = await t.call(org.member, {
      method: 'POST',
      url: '/api/workflow.create',
      headers: { 'content-type': 'text/plain' },
      payload: '{"workflow_category":"C","title":"t"}',
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().error.data.appCode).toBe('bad_request');
  });

  it('accepts the key\'s own org_id on the patterns mirror and refuses another', async () => {
    expect((await t.call(org.viewer, { method: 'GET', url: `/api/workflow/patterns?org_id=${org.orgId}` })).statusCode).toBe(200);
    expect((await t.call(org.viewer, { method: 'GET', url: `/api/workflow/patterns?org_id=${other.orgId}` })).statusCode).toBe(403);
  });

  it('deletes when the client sends Content-Type: application/json with no body', async () => {
    const task = await createTaskVia(t, org.member, { workflow_category: 'D', title: 'to delete' });
    const res = await t.call(org.member, { method: 'DELETE', url: `/api/workflow/delete/${task.task_id}`, headers: { 'content-type': 'application/json' } });
    expect(res.statusCode, res.body).toBeLessThan(300);
    expect((await t.call(org.viewer, { method: 'GET', url: `/api/workflow/get/${task.task_id}` })).statusCode).toBe(404);

    // A POST still needs its body.
    const post = await t.call(org.member, { method: 'POST', url: '/api/workflow/create', headers: { 'content-type': 'application/json' } });
    expect(post.statusCode).toBe(400);
  });
});
