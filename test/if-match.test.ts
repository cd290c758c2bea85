/**
 * Optimistic concurrency (#22): single items answer with `ETag: "<version>"`, writes honour
 * If-Match (REST) and expected_version (tRPC) with 412 precondition_failed and nothing written, the
 * check and the write are one statement (concurrent writers with one ETag: exactly one wins), and
 * set-based writes (the SLA pass, reassignment, checklist edits) move the version too. Both engines.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runSlaPass } from '../src/sla/monitor.js';
import { moveOpenTasks } from '../src/workflow/tasks.repository.js';
import { describeEachEngine } from './helpers/engines.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';

const W = '/api/workstream';

describeEachEngine('ETag, If-Match and expected_version', (engine) => {
  let t: TestApp;
  let a: TestOrg;

  beforeAll(async () => {
    t = await createTestApp(engine);
    a = await t.createOrg('Editors');
  });
  afterAll(() => t.close());

  type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  const call = (method: Method, url: string, payload?: object, headers: Record<string, string> = {}) =>
    t.call(a.member, { method, url, headers, ...(payload ? { payload } : {}) });
  const newTask = async (title: string, extra: object = {}) => {
    const r = await call('POST', '/api/workflow/tasks', { workflow_category: 'Support', title, ...extra });
    expect(r.statusCode, r.body).toBe(201);
    return r;
  };
  const taskUrl = (id: string) => `/api/workflow/tasks/${id}`;

  it('answers a task with its version and a strong ETag on create, GET (both routes) and PATCH', async () => {
    const created = await newTask('Versioned boiler');
    const task = created.json();
    expect(task.version).toBe(1);
    expect(created.headers.etag).toBe('"1"');
    const read = await call('GET', taskUrl(task.task_id));
    expect(read.headers.etag).toBe('"1"');
    expect(read.json().version).toBe(1);
    expect((await call('GET', `/api/workflow/get/${task.task_id}`)).headers.etag).toBe('"1"');

    const patched = await call('PATCH', taskUrl(task.task_id), { title: 'Versioned boiler, v2' }, { 'if-match': '"1"' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().version).toBe(2);
    expect(patched.headers.etag).toBe('"2"');
    expect((await call('GET', taskUrl(task.task_id))).headers.etag).toBe('"2"');
    // Lists carry the version per item, and no ETag of their own.
    const listed = await call('GET', '/api/workflow/tasks?search=Versioned%20boiler');
    expect(listed.json().data[0].version).toBe(2);
    expect(listed.headers.etag).toBeUndefined();
  });

  it('refuses a PATCH with a stale If-Match with 412 naming the current version, and writes nothing', async () => {
    const task = (await newTask('Stale edit')).json();
    expect((await call('PATCH', taskUrl(task.task_id), { title: 'First editor' }, { 'if-match': '"1"' })).statusCode).toBe(200);
    const stale = await call('PATCH', taskUrl(task.task_id), { title: 'Second editor', task_status: 'RED' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ code: 'precondition_failed', details: { current_version: 2 } });
    const now = (await call('GET', taskUrl(task.task_id))).json();
    expect(now).toMatchObject({ title: 'First editor', task_status: 'GREEN', version: 2 });
    expect(now.history).toHaveLength(1);
    // Even a change that already holds is refused to a stale editor: it has not seen the current task.
    expect((await call('PATCH', taskUrl(task.task_id), { title: 'First editor' }, { 'if-match': '"1"' })).statusCode).toBe(412);
    // The RPC-style PUT mirror and DELETE take the same precondition.
    const put = await call('PUT', `/api/workflow/update/${task.task_id}`, { updates: { title: 'Via PUT' } }, { 'if-match': '"1"' });
    expect(put.statusCode).toBe(412);
    expect((await call('DELETE', taskUrl(task.task_id), undefined, { 'if-match': '"1"' })).statusCode).toBe(412);
    expect((await call('DELETE', `/api/workflow/delete/${task.task_id}`, undefined, { 'if-match': '"1"' })).statusCode).toBe(412);
    expect((await call('GET', taskUrl(task.task_id))).json()).toMatchObject({ title: 'First editor', version: 2 });
    // Matching: the write lands and answers the new ETag.
    const ok = await call('PUT', `/api/workflow/update/${task.task_id}`, { updates: { title: 'Via PUT' } }, { 'if-match': '"2"' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers.etag).toBe('"3"');
    expect((await call('DELETE', taskUrl(task.task_id), undefined, { 'if-match': '"3"' })).statusCode).toBe(204);
  });

  it('takes *, lists and no header; refuses malformed values with 400 and weak tags with 412', async () => {
    const task = (await newTask('Header forms')).json();
    const url = taskUrl(task.task_id);
    expect((await call('PATCH', url, { title: 'Any' }, { 'if-match': '*' })).json().version).toBe(2);
    expect((await call('PATCH', url, { title: 'Listed' }, { 'if-match': '"7", "2"' })).json().version).toBe(3);
    expect((await call('PATCH', url, { title: 'Unconditional' })).json().version).toBe(4);
    for (const bad of ['4', '"4', 'W/4', '"4",,']) {
      const r = await call('PATCH', url, { title: 'Malformed' }, { 'if-match': bad });
      expect(r.statusCode, bad).toBe(400);
      expect(r.json().code).toBe('bad_request');
      expect(r.json().error).toContain('If-Match');
    }
    // If-Match compares strongly: a weak tag never matches; an unknown tag matches nothing.
    expect((await call('PATCH', url, { title: 'Weak' }, { 'if-match': 'W/"4"' })).statusCode).toBe(412);
    expect((await call('PATCH', url, { title: 'Foreign' }, { 'if-match': '"abc"' })).statusCode).toBe(412);
    expect((await call('GET', url)).json()).toMatchObject({ title: 'Unconditional', version: 4 });
    // A missing item stays 404, with or without a precondition.
    expect((await call('PATCH', taskUrl('TASK-nope'), { title: 'x' }, { 'if-match': '*' })).statusCode).toBe(404);
    expect((await call('PATCH', taskUrl('TASK-nope'), { title: 'x' }, { 'if-match': '"1"' })).statusCode).toBe(404);
  });

  it('lets exactly one of 20 concurrent PATCHes with the same If-Match win; the other 19 get 412', async () => {
    const task = (await newTask('Contested edit')).json();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => call('PATCH', taskUrl(task.task_id), { title: `Editor ${i}` }, { 'if-match': '"1"' })),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 412)).toHaveLength(19);
    const winner = results.find((r) => r.statusCode === 200)!.json();
    const now = (await call('GET', taskUrl(task.task_id))).json();
    expect(now).toMatchObject({ title: winner.title, version: 2 });
    const events = await t.db.database.db
      .selectFrom('work_event')
      .select('event_name')
      .where('item_id', '=', task.task_id)
      .where('event_name', '=', 'task.updated')
      .execute();
    expect(events).toHaveLength(1);
  });

  it('checks expected_version on the tRPC mutations (PRECONDITION_FAILED, 412)', async () => {
    const task = (await newTask('Via tRPC')).json();
    const update = (expected_version: number) =>
      call('POST', '/api/workflow.update', { taskId: task.task_id, updates: { title: 'Via tRPC, edited' }, expected_version });
    const ok = await update(1);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().result.data.version).toBe(2);
    const stale = await update(1);
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.data).toMatchObject({ code: 'PRECONDITION_FAILED', httpStatus: 412, appCode: 'precondition_failed', details: { current_version: 2 } });
    const del = await call('POST', '/api/workflow.delete', { taskId: task.task_id, expected_version: 1 });
    expect(del.statusCode).toBe(412);
    expect((await call('GET', taskUrl(task.task_id))).statusCode).toBe(200);
    expect((await call('POST', '/api/workflow.delete', { taskId: task.task_id, expected_version: 2 })).statusCode).toBe(200);
    expect((await call('GET', taskUrl(task.task_id))).statusCode).toBe(404);
  });

  it('moves the version with set-based writes: an SLA pass that escalates the task, and a reassignment', async () => {
    const now = t.clock.now();
    const deadline = new Date(now.getTime() + 3_600_000).toISOString();
    const task = (await newTask('Escalates', { sla_deadline: deadline })).json();
    expect(task.version).toBe(1);
    await runSlaPass({ database: t.db.database, clock: t.clock }, new Date(now.getTime() + 2 * 3_600_000));
    const escalated = await call('GET', taskUrl(task.task_id));
    expect(escalated.json().sla_status).toBe('breached');
    const v = escalated.json().version as number;
    expect(v).toBeGreaterThan(1);
    expect(escalated.headers.etag).toBe(`"${v}"`);
    // An editor holding the pre-escalation ETag is told so.
    expect((await call('PATCH', taskUrl(task.task_id), { title: 'Late edit' }, { 'if-match': '"1"' })).statusCode).toBe(412);

    await t.db.database.db.updateTable('workflow_tasks').set({ owner_user_id: 424242 }).where('task_id', '=', task.task_id).execute();
    await moveOpenTasks(t.db.database.db, { orgId: a.orgId, from: 424242, to: null, now: now.toISOString() });
    expect((await call('GET', taskUrl(task.task_id))).json().version).toBe(v + 2);
  });

  it('versions signals, candidates, pursuits (checklist edits included) and proposals the same way', async () => {
    const signal = await call('POST', `${W}/signals`, { source_type: 'email', snippet: 'Need valves' });
    expect(signal.headers.etag).toBe('"1"');
    const sid = signal.json().signal_id as number;
    expect((await call('GET', `${W}/signals/${sid}`)).headers.etag).toBe('"1"');
    expect((await call('PATCH', `${W}/signals/${sid}`, { urgency_score: 5 }, { 'if-match': '"1"' })).headers.etag).toBe('"2"');
    const staleSignal = await call('PATCH', `${W}/signals/${sid}`, { urgency_score: 9 }, { 'if-match': '"1"' });
    expect(staleSignal.statusCode).toBe(412);
    expect(staleSignal.json().details).toEqual({ current_version: 2 });
    expect((await call('GET', `${W}/signals/${sid}`)).json()).toMatchObject({ urgency_score: 5, version: 2 });

    const cid = (await call('POST', `${W}/candidates`, { title: 'Valve deal' })).json().candidate_id as number;
    expect((await call('PATCH', `${W}/candidates/${cid}`, { title: 'Valve deal II' }, { 'if-match': '"1"' })).json().version).toBe(2);
    const staleMove = await call('POST', `${W}/candidates/${cid}/transition`, { to: 'triaged' }, { 'if-match': '"1"' });
    expect(staleMove.statusCode).toBe(412);
    expect((await call('GET', `${W}/candidates/${cid}`)).json()).toMatchObject({ status: 'new', version: 2 });
    const moved = await call('POST', `${W}/candidates/${cid}/transition`, { to: 'triaged' }, { 'if-match': '"2"' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.headers.etag).toBe('"3"');
    const promoted = await call('POST', `${W}/candidates/${cid}/transition`, { to: 'promoted' }, { 'if-match': '"3"' });
    expect(promoted.json()).toMatchObject({ status: 'promoted', version: 4 });
    const pid = promoted.json().pursuit_id as number;

    const pursuit = await call('GET', `${W}/pursuits/${pid}`);
    const pv = pursuit.json().version as number;
    expect(pursuit.headers.etag).toBe(`"${pv}"`);
    // A checklist edit changes what GET /pursuits/:id answers, so it moves the pursuit's version.
    expect((await call('POST', `${W}/pursuits/${pid}/checklist`, { name: 'Pricing', is_required: false })).statusCode).toBe(201);
    expect((await call('GET', `${W}/pursuits/${pid}`)).json().version).toBe(pv + 1);
    expect((await call('PATCH', `${W}/pursuits/${pid}`, { title: 'Stale title' }, { 'if-match': `"${pv}"` })).statusCode).toBe(412);
    expect((await call('POST', `${W}/pursuits/${pid}/transition`, { to: 'pink' }, { 'if-match': `"${pv}"` })).statusCode).toBe(412);
    const toPink = await call('POST', `${W}/pursuits/${pid}/transition`, { to: 'pink' }, { 'if-match': `"${pv + 1}"` });
    expect(toPink.statusCode, toPink.body).toBe(200);
    expect(toPink.json()).toMatchObject({ pursuit_stage: 'pink', version: pv + 2 });
    expect(toPink.headers.etag).toBe(`"${pv + 2}"`);

    // A proposal's `version` is its number; its row version is row_version, and its ETag.
    const proposal = await call('POST', `${W}/pursuits/${pid}/proposals`, { subject: 'Offer' });
    const prop = proposal.json();
    expect(proposal.headers.etag).toBe(`"${prop.row_version}"`);
    const edited = await call('PATCH', `${W}/proposals/${prop.proposal_id}`, { subject: 'Offer, revised' }, { 'if-match': `"${prop.row_version}"` });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ version: prop.version, row_version: prop.row_version + 1 });
    const staleProposal = await call('PATCH', `${W}/proposals/${prop.proposal_id}`, { subject: 'Lost edit' }, { 'if-match': `"${prop.row_version}"` });
    expect(staleProposal.statusCode).toBe(412);
    expect((await call('GET', `${W}/proposals/${prop.proposal_id}`)).json().subject).toBe('Offer, revised');
  });

  it('documents If-Match, the 412 and the ETag header in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const patch = doc.paths['/api/workflow/tasks/{id}'].patch;
    expect(patch.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'if-match' })]));
    expect(Object.keys(patch.responses)).toContain('412');
    expect(patch.responses['200'].headers.etag).toBeDefined();
    expect(doc.paths['/api/workflow/tasks/{id}'].get.responses['200'].headers.etag).toBeDefined();
    expect(Object.keys(doc.paths['/api/workstream/pursuits/{id}/transition'].post.responses)).toContain('412');
    expect(doc.paths['/api/workstream/signals/{id}'].get.parameters ?? []).not.toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'if-match' })]),
    );
  });
});
