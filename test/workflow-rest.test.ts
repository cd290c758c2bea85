/**
 * The workflow's resource routes (#22): /api/workflow/tasks and /api/workflow/tasks/:id answer as
 * the RPC-style mirrors do (same service, same task), with REST's statuses and shapes, on both engines.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from './helpers/engines.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';

describeEachEngine('workflow tasks as REST resources', (engine) => {
  let t: TestApp;
  let a: TestOrg;
  let b: TestOrg;

  beforeAll(async () => {
    t = await createTestApp(engine);
    a = await t.createOrg('Acme');
    b = await t.createOrg('Beta');
  });
  afterAll(() => t.close());

  const call = (key: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.call(key, { method, url, ...(payload ? { payload } : {}) });

  it('creates with 201 and a Location, reads, lists, changes with PATCH and deletes with 204', async () => {
    const created = await call(a.member, 'POST', '/api/workflow/tasks', { workflow_category: 'Support', title: 'REST boiler' });
    expect(created.statusCode, created.body).toBe(201);
    const task = created.json();
    expect(created.headers.location).toBe(`/api/workflow/tasks/${task.task_id}`);

    const read = await call(a.viewer, 'GET', `/api/workflow/tasks/${task.task_id}`);
    expect(read.statusCode).toBe(200);
    // The same answer as the RPC-style mirror.
    expect(read.json()).toEqual((await call(a.viewer, 'GET', `/api/workflow/get/${task.task_id}`)).json());

    const listed = await call(a.viewer, 'GET', '/api/workflow/tasks?search=REST%20boiler');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().data.map((x: { task_id: string }) => x.task_id)).toEqual([task.task_id]);
    expect(listed.json()).toEqual((await call(a.viewer, 'GET', '/api/workflow/list?search=REST%20boiler')).json());

    const patched = await call(a.member, 'PATCH', `/api/workflow/tasks/${task.task_id}`, { task_status: 'YELLOW', title: 'REST boiler (urgent)', reason: 'customer called' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ task_status: 'YELLOW', title: 'REST boiler (urgent)' });
    const history = (await call(a.viewer, 'GET', `/api/workflow/tasks/${task.task_id}`)).json().history;
    expect(history.at(-1)).toMatchObject({ from_status: 'GREEN', to_status: 'YELLOW', reason: 'customer called' });

    const deleted = await call(a.member, 'DELETE', `/api/workflow/tasks/${task.task_id}`);
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expect((await call(a.viewer, 'GET', `/api/workflow/tasks/${task.task_id}`)).statusCode).toBe(404);
  });

  it('names bad input with 400, keeps to the caller’s org (404) and role (403), and writes nothing on refusal', async () => {
    const task = (await call(a.member, 'POST', '/api/workflow/tasks', { workflow_category: 'Support', title: 'REST guard' })).json();
    const url = `/api/workflow/tasks/${task.task_id}`;
    const nothing = await call(a.member, 'PATCH', url, { reason: 'only a reason' });
    expect(nothing.statusCode).toBe(400);
    expect(JSON.stringify(nothing.json())).toContain('Nothing to update');
    const unknown = await call(a.member, 'PATCH', url, { colour: 'red' });
    expect(unknown.statusCode).toBe(400);
    const badStatus = await call(a.member, 'PATCH', url, { task_status: 'PURPLE' });
    expect(badStatus.statusCode).toBe(400);
    expect(JSON.stringify(badStatus.json())).toContain('task_status');
    expect((await call(a.member, 'POST', '/api/workflow/tasks', { title: 'no category' })).statusCode).toBe(400);

    expect((await call(b.admin, 'GET', url)).statusCode).toBe(404);
    expect((await call(b.admin, 'PATCH', url, { title: 'taken over' })).statusCode).toBe(404);
    expect((await call(b.admin, 'DELETE', url)).statusCode).toBe(404);
    expect((await call(a.viewer, 'PATCH', url, { title: 'viewer edit' })).statusCode).toBe(403);
    expect((await call(a.viewer, 'DELETE', url)).statusCode).toBe(403);
    expect((await call(a.viewer, 'GET', url)).json()).toMatchObject({ title: 'REST guard', task_status: 'GREEN' });
  });

  it('documents the resource routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths['/api/workflow/tasks']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/workflow/tasks/{id}']).sort()).toEqual(['delete', 'get', 'patch']);
    expect(Object.keys(doc.paths['/api/workflow/tasks/{id}'].delete.responses)).toContain('204');
  });
});
