/**
 * Inputs at the edge that once slipped past validation: tRPC batches naming another org, the NUL
 * character, unknown keys, over-long path ids, odd content types and bodiless DELETEs. Each gets a
 * 4xx in the contract's shape naming the problem, on both engines, and writes nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from './helpers/engines.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import * as migration0009 from '../src/db/migrations/0009_entities_without_nul.js';
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

  it('refuses a tRPC call naming another org, alone or in a batch, however its input is sent', async () => {
    const before = await taskCount(org.orgId);
    // Each call of a batch stands alone, as tRPC defines batches: the refused one is 403, the other runs.
    const batch = await t.call(org.member, {
      method: 'POST',
      url: '/api/workflow.create,workflow.create?batch=1',
      payload: { '0': { workflow_category: 'B', title: 'b0' }, '1': { workflow_category: 'B', title: 'b1', org_id: other.orgId } },
    });
    expect(batch.statusCode).toBe(207);
    const [ok, refused] = batch.json();
    expect(ok.result.data).toMatchObject({ title: 'b0', org_id: org.orgId });
    expect(refused.error.data).toMatchObject({ appCode: 'forbidden', httpStatus: 403, path: 'workflow.create' });
    expect(refused.error.message).toContain(`org_id ${other.orgId}`);
    expect(await taskCount(org.orgId)).toBe(before + 1);

    const get = await t.call(org.viewer, {
      method: 'GET',
      url: `/api/workflow.metrics,workflow.get?batch=1&input=${encodeURIComponent(JSON.stringify({ '1': { taskId: 'X', org_id: other.orgId } }))}`,
    });
    expect(get.json()[1].error.data.appCode).toBe('forbidden');

    // The input as tRPC reads it, not as Fastify's hooks would: body text with a BOM, a stray ?input=
    // on a POST, `batch=0` (not a batch), a repeated ?input= (the first counts).
    const body = JSON.stringify({ workflow_category: 'B', title: 's', org_id: other.orgId });
    const sends = [
      { method: 'POST' as const, url: '/api/workflow.create', payload: body },
      { method: 'POST' as const, url: '/api/workflow.create', payload: `\uFEFF${body}` },
      { method: 'POST' as const, url: '/api/workflow.create?input=1', payload: body },
      { method: 'POST' as const, url: '/api/workflow.create?batch=0', payload: body },
    ];
    for (const send of sends) {
      const res = await t.call(org.member, { ...send, headers: { 'content-type': 'application/json' } });
      expect(res.statusCode, `${send.url} ${res.body}`).toBe(403);
      expect(res.json().error.data).toMatchObject({ appCode: 'forbidden', path: 'workflow.create' });
    }
    const twice = await t.call(org.viewer, {
      method: 'GET',
      url: `/api/workflow.get?input=${encodeURIComponent(JSON.stringify({ taskId: 'X', org_id: other.orgId }))}&input=x`,
    });
    expect(twice.statusCode).toBe(403);
    expect(await taskCount(org.orgId)).toBe(before + 1);

    // The key's own org is fine.
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

    // However tRPC receives it: a repeated ?input= (the first counts), a %-escape only tRPC's lenient
    // decoding accepts, body text with a BOM, a stray ?input= on a POST.
    const nulList = encodeURIComponent(JSON.stringify({ filter: { search: 'a\u0000b' } }));
    for (const url of [`/api/workflow.list?input=${nulList}&input=x`, '/api/workflow.list?input=%7B%22filter%22%3A%7B%22search%22%3A%22a%5Cu0000b%E0%22%7D%7D']) {
      const res = await t.call(org.viewer, { method: 'GET', url });
      expect(res.statusCode, `${url} ${res.body}`).toBe(400);
      expect(res.json().error.data.details.fields[0].field).toBe('filter.search');
    }
    const nulBody = JSON.stringify({ workflow_category: 'N', title: 'nul\u0000x' });
    for (const [url, payload] of [['/api/workflow.create', `\uFEFF${nulBody}`], ['/api/workflow.create?input=1', nulBody]] as const) {
      const res = await t.call(org.member, { method: 'POST', url, payload, headers: { 'content-type': 'application/json' } });
      expect(res.statusCode, `${url} ${res.body}`).toBe(400);
      expect(res.json().error.data.details.fields[0].field).toBe('title');
    }

    // Nesting no input of ours needs is refused too (deep JSON breaks json_tree and jsonb casts).
    let deep: unknown = ['x'];
    for (let i = 0; i < 40; i++) deep = [deep];
    const tooDeep = await t.call(org.member, { method: 'POST', url: '/api/workflow/create', payload: { workflow_category: 'N', title: 't', entities: { x: deep } } });
    expect(tooDeep.statusCode).toBe(400);
    expect(tooDeep.json().error).toContain('nested more than');
    const tooDeepTrpc = await t.call(org.member, { method: 'POST', url: '/api/workflow.create', payload: { workflow_category: 'N', title: 't', entities: { x: deep } } });
    expect(tooDeepTrpc.statusCode).toBe(400);

    const workstream = await t.call(org.member, { method: 'POST', url: '/api/workstream/candidates', payload: { title: 'x\u0000' } });
    expect(workstream.statusCode).toBe(400);
    expect(await taskCount(org.orgId)).toBe(before);
  });

  it('refuses an org_id naming another org on every REST list route (403), before validation could strip it', async () => {
    const other = await t.createOrg();
    const lists = [
      '/api/workstream/signals',
      '/api/workstream/candidates',
      '/api/workstream/pursuits',
      '/api/workstream/events',
      '/api/workstream/sla-rules',
      '/api/workstream/sla-breaches',
      '/api/webhooks',
      '/api/outbox/dead-letters',
      '/api/ingest/batches',
      '/api/workflow/list',
      '/api/keys',
    ];
    for (const url of lists) {
      const foreign = await t.call(org.admin, { method: 'GET', url: `${url}?org_id=${other.orgId}` });
      expect(foreign.statusCode, `${url} ${foreign.body}`).toBe(403);
      expect(foreign.json()).toMatchObject({ code: 'forbidden', error: expect.stringContaining(`org_id ${other.orgId}`) });
      const twice = await t.call(org.admin, { method: 'GET', url: `${url}?org_id=${org.orgId}&org_id=${other.orgId}` });
      expect(twice.statusCode, `${url} repeated`).toBe(403);
      const own = await t.call(org.admin, { method: 'GET', url: `${url}?org_id=${org.orgId}` });
      expect(own.statusCode, `${url} own org: ${own.body}`).not.toBe(403);
      expect(own.statusCode, `${url} own org: ${own.body}`).toBeLessThan(500);
    }
  });

  it('refuses text that is not valid Unicode (a lone UTF-16 surrogate) with a 400 naming the field, on every route and tRPC', async () => {
    const before = await taskCount(org.orgId);
    // Raw JSON text, as a client would send it: JSON can spell half a surrogate pair.
    const send = (key: string, url: string, json: string) =>
      t.call(key, { method: 'POST', url, payload: json, headers: { 'content-type': 'application/json' } });
    for (const [field, json] of [
      ['dedupe_key', '{"source_type":"web","dedupe_key":"\\ud800"}'],
      ['source_ref', '{"source_type":"web","source_ref":"ref \\udc00 tail"}'],
    ] as const) {
      const res = await send(org.member, '/api/workstream/signals', json);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'bad_request', details: { fields: [{ field }] } });
    }
    const title = await send(org.member, '/api/workflow/create', '{"workflow_category":"S","title":"a\\ud83d"}');
    expect(title.statusCode).toBe(400);
    expect(title.json().details.fields[0].field).toBe('title');
    const key = await send(org.member, '/api/workflow/create', '{"workflow_category":"S","title":"ok","entities":{"\\udfff":["x"]}}');
    expect(key.statusCode).toBe(400);
    expect(key.json().details.fields[0].field).toBe('entities.\\udfff');
    const trpc = await send(org.member, '/api/workflow.create', '{"workflow_category":"\\ud800","title":"t"}');
    expect(trpc.statusCode).toBe(400);
    expect(trpc.json().error.data).toMatchObject({ appCode: 'bad_request', details: { fields: [{ field: 'workflow_category' }] } });
    const query = await t.call(org.viewer, { method: 'GET', url: `/api/workflow.list?input=${encodeURIComponent('{"filter":{"search":"\\ud800"}}')}` });
    expect(query.statusCode).toBe(400);
    expect(query.json().error.data.details.fields[0].field).toBe('filter.search');
    // A well-formed pair (an emoji) is text like any other.
    const emoji = await send(org.member, '/api/workflow/create', '{"workflow_category":"S","title":"launch \\ud83d\\ude80"}');
    expect(emoji.statusCode, emoji.body).toBe(201);
    expect(emoji.json().title).toBe('launch \u{1F680}');
    expect(await taskCount(org.orgId)).toBe(before + 1);
  });

  it('cleans entities stored with a NUL escape before the guard (migration 0009), so search works on them', async () => {
    const task = await createTaskVia(t, org.member, { workflow_category: 'M', title: 'legacy row', entities: { customers: ['Zeta'] } });
    const legacy = JSON.stringify({ customers: ['Zeta\u0000Corp'], ['k\u0000']: 'v' }); // as JSON writes it: the 6-character escape
    expect(legacy).toContain('\\u0000');
    await t.db.database.db.updateTable('workflow_tasks').set({ entities: legacy }).where('task_id', '=', task.task_id).execute();
    await migration0009.up(t.db.database.db);
    const row = await t.db.database.db.selectFrom('workflow_tasks').select('entities').where('task_id', '=', task.task_id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.entities)).toEqual({ customers: ['ZetaCorp'], k: 'v' });
    const found = await t.call(org.viewer, { method: 'GET', url: '/api/workflow/list?search=zetacorp' });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().data.map((x: { task_id: string }) => x.task_id)).toEqual([task.task_id]);
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

  it('asks for a key on a %-encoded /api path, as the router decodes it', async () => {
    for (const url of ['/%61pi/workflow/list', '/%61pi/keys', '/%61pi/workflow.metrics']) {
      const res = await t.call(undefined, { method: 'GET', url });
      expect(res.statusCode, `${url} ${res.body}`).toBe(401);
    }
  });

  it('refuses a multipart tRPC body: procedures take JSON', async () => {
    const boundary = 'b0undary';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--${boundary}--\r\n`;
    // Over a real socket: inject()'s body stream is not one the adapter's multipart reader takes.
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const res = await fetch(`${base}/api/workflow.create`, {
      method: 'POST',
      body: payload,
      headers: { authorization: `Bearer ${org.member}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    const body = (await res.json()) as { error: { message: string; data: { appCode: string } } };
    expect(res.status, JSON.stringify(body)).toBe(400);
    expect(body.error.data.appCode).toBe('bad_request');
    expect(body.error.message).toContain('must be JSON');
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
