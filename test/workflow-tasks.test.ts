import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/shared/clock.js';
import { describeEachEngine } from './helpers/engines.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { createTaskVia, trpcData, trpcMutation, trpcQuery, updateTaskVia } from './helpers/workflow.js';

const HOUR = 3_600_000;

describeEachEngine('workflow tasks over tRPC and REST', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  const clock = new ManualClock('2026-03-10T12:00:00.000Z');

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    org = await t.createOrg('Acme');
    other = await t.createOrg('Globex');
  });
  afterAll(() => t.close());

  const events = (taskId: string) =>
    t.db.database.db
      .selectFrom('work_event')
      .select(['event_name', 'payload_json', 'actor'])
      .where('item_id', '=', taskId)
      .orderBy('work_event_id')
      .execute()
      .then((rows) => rows.map((r) => ({ name: r.event_name, actor: r.actor, payload: JSON.parse(r.payload_json) })));

  describe('create', () => {
    it('creates a task with the seed id shape, the default SLA by priority, history and a task.created event', async () => {
      const task = await createTaskVia(t, org.member, { workflow_category: 'Quote Processing', title: 'Quote for ACME', priority: 'HIGH', dollar_value: 1234.567 });
      expect(task.task_id).toMatch(/^TASK-\d{13}-[0-9a-f]+$/);
      expect(task.task_id).toContain(String(clock.now().getTime()));
      expect(task).toMatchObject({
        org_id: org.orgId,
        task_status: 'GREEN',
        priority: 'HIGH',
        dollar_value: 1234.57,
        currency: 'USD',
        sla_status: 'ok',
        source_type: 'api',
        created_at: '2026-03-10T12:00:00.000Z',
        sla_deadline: '2026-03-10T20:00:00.000Z', // HIGH = 8 h
        completed_at: null,
        entities: {},
        tags: [],
      });
      expect(task.created_by).toMatch(/^key:\d+$/);
      const ev = await events(task.task_id);
      expect(ev.map((e) => e.name)).toEqual(['task.created']);
      expect(ev[0]!.payload).toMatchObject({ taskId: task.task_id, category: 'Quote Processing', status: 'GREEN', dollarValue: 1234.57 });
      expect(ev[0]!.actor).toBe(task.created_by);
      // The same item type the SLA engine and ingestion write for tasks.
      const types = await t.db.database.db.selectFrom('work_event').select('item_type').distinct().where('item_id', '=', task.task_id).execute();
      expect(types).toEqual([{ item_type: 'task' }]);
    });

    it('applies 4/24/48 h defaults and keeps an explicit deadline, deriving sla_status from it', async () => {
      const crit = await createTaskVia(t, org.member, { workflow_category: 'C', title: 'c', priority: 'CRITICAL' });
      expect(crit.sla_deadline).toBe(new Date(clock.now().getTime() + 4 * HOUR).toISOString());
      const med = await createTaskVia(t, org.member, { workflow_category: 'C', title: 'm', priority: 'MEDIUM' });
      expect(med.sla_deadline).toBe(new Date(clock.now().getTime() + 24 * HOUR).toISOString());
      const norm = await createTaskVia(t, org.member, { workflow_category: 'C', title: 'n' });
      expect(norm.sla_deadline).toBe(new Date(clock.now().getTime() + 48 * HOUR).toISOString());
      const soon = await createTaskVia(t, org.member, { workflow_category: 'C', title: 'p', sla_deadline: '2026-03-10T13:40:00+01:00' });
      expect(soon.sla_deadline).toBe('2026-03-10T12:40:00.000Z');
      expect(soon).toMatchObject({ sla_status: 'ok', task_status: 'GREEN' }); // warning only after 30 of its 40 minutes
      const near = await createTaskVia(t, org.member, { workflow_category: 'C', title: 'w', sla_deadline: '2026-03-10T12:00:00Z' });
      expect(near).toMatchObject({ sla_status: 'breached', task_status: 'RED' }); // due now: the time is up
      const late = await createTaskVia(t, org.member, { workflow_category: 'C', title: 'l', sla_deadline: '2026-03-09T00:00:00Z' });
      expect(late).toMatchObject({ sla_status: 'breached', task_status: 'RED' }); // born late: escalated at once
    });

    it('creates over tRPC with the same validation and answer', async () => {
      const res = await trpcMutation(t, org.member, 'create', { workflow_category: 'Invoicing', title: 'Invoice 42', entities: { invoice_numbers: ['INV-42'] }, tags: ['x'] });
      const task = trpcData(res);
      expect(task).toMatchObject({ workflow_category: 'Invoicing', entities: { invoice_numbers: ['INV-42'] }, tags: ['x'] });
    });

    it('refuses bad input with 400 naming the fields, on both transports, and writes nothing', async () => {
      const before = await t.db.database.db.selectFrom('workflow_tasks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const bad = { workflow_category: '', title: 'x', priority: 'URGENT', dollar_value: -1, surprise: 1 };
      const rest = await t.call(org.member, { method: 'POST', url: '/api/workflow/create', payload: bad });
      expect(rest.statusCode).toBe(400);
      expect(rest.json().code).toBe('bad_request');
      const restFields = rest.json().details.fields.map((f: { field: string }) => f.field);
      expect(restFields).toEqual(expect.arrayContaining(['workflow_category', 'priority', 'dollar_value']));

      const rpc = await trpcMutation(t, org.member, 'create', bad);
      expect(rpc.statusCode).toBe(400);
      expect(rpc.json().error.data).toMatchObject({ appCode: 'bad_request', httpStatus: 400 });
      const rpcFields = rpc.json().error.data.details.fields.map((f: { field: string }) => f.field);
      expect(rpcFields).toEqual(expect.arrayContaining(['workflow_category', 'priority', 'dollar_value']));

      const noTitle = await t.call(org.member, { method: 'POST', url: '/api/workflow/create', payload: { workflow_category: 'x' } });
      expect(noTitle.statusCode).toBe(400);
      expect(noTitle.json().error).toContain('title');

      const badPattern = await t.call(org.member, { method: 'POST', url: '/api/workflow/create', payload: { workflow_category: 'x', title: 'y', pattern_id: 999 } });
      expect(badPattern.statusCode).toBe(400);
      expect(badPattern.json().error).toContain('pattern_id');

      const after = await t.db.database.db.selectFrom('workflow_tasks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('needs a key (401) and a writer role (viewer 403) on both transports', async () => {
      const body = { workflow_category: 'x', title: 'y' };
      expect((await t.call(undefined, { method: 'POST', url: '/api/workflow/create', payload: body })).statusCode).toBe(401);
      const rpc401 = await trpcMutation(t, undefined, 'create', body);
      expect(rpc401.statusCode).toBe(401);
      expect(rpc401.json().error.data.appCode).toBe('unauthorized');
      expect((await t.call(org.viewer, { method: 'POST', url: '/api/workflow/create', payload: body })).statusCode).toBe(403);
      const rpc403 = await trpcMutation(t, org.viewer, 'create', body);
      expect(rpc403.statusCode).toBe(403);
      expect(rpc403.json().error.data.appCode).toBe('forbidden');
      // Viewers read.
      expect((await trpcQuery(t, org.viewer, 'metrics')).statusCode).toBe(200);
    });

    it('refuses an org_id naming another org with 403', async () => {
      const res = await t.call(org.member, { method: 'POST', url: '/api/workflow/create', payload: { org_id: other.orgId, workflow_category: 'x', title: 'y' } });
      expect(res.statusCode).toBe(403);
    });

    it('refuses it in a tRPC GET input too, spelled out or behind a JSON escape', async () => {
      for (const raw of [`{"org_id":${other.orgId}}`, `{"org\\u005fid":${other.orgId}}`, `{"\\u006frg_id":"${other.orgId}"}`]) {
        const res = await t.call(org.viewer, { method: 'GET', url: `/api/workflow.list?input=${encodeURIComponent(raw)}` });
        expect(res.statusCode, raw).toBe(403);
      }
      const own = await t.call(org.viewer, { method: 'GET', url: `/api/workflow.list?input=${encodeURIComponent(`{"org\\u005fid":${org.orgId}}`)}` });
      expect(own.statusCode).not.toBe(403);
    });
  });

  describe('update and history', () => {
    it('records each status change with who and why, stamps and clears completed_at, and appends the events', async () => {
      const task = await createTaskVia(t, org.member, { workflow_category: 'Orders', title: 'Order 7', dollar_value: 900 });
      clock.advance(HOUR);
      const red = await updateTaskVia(t, org.admin, task.task_id, { task_status: 'RED' }, 'customer chasing');
      expect(red.task_status).toBe('RED');
      clock.advance(HOUR);
      const done = trpcData(await trpcMutation(t, org.member, 'update', { taskId: task.task_id, updates: { task_status: 'COMPLETED' } }));
      expect(done.completed_at).toBe(clock.now().toISOString());
      expect(done.resolution_hours).toBe(2);
      clock.advance(HOUR);
      const reopened = await updateTaskVia(t, org.member, task.task_id, { task_status: 'YELLOW', current_owner: 'Ann' });
      expect(reopened).toMatchObject({ task_status: 'YELLOW', completed_at: null, resolution_hours: null, current_owner: 'Ann' });
      // A non-status update adds no history.
      await updateTaskVia(t, org.member, task.task_id, { title: 'Order 7 (rush)' });

      const got = await t.call(org.viewer, { method: 'GET', url: `/api/workflow/get/${task.task_id}` });
      expect(got.statusCode).toBe(200);
      const h = got.json().history;
      expect(h.map((x: any) => [x.from_status, x.to_status])).toEqual([
        [null, 'GREEN'],
        ['GREEN', 'RED'],
        ['RED', 'COMPLETED'],
        ['COMPLETED', 'YELLOW'],
      ]);
      expect(h[1]).toMatchObject({ changed_by: `admin-${org.orgId}`, reason: 'customer chasing' });
      expect(got.json().title).toBe('Order 7 (rush)');
      const viaRpc = trpcData(await trpcQuery(t, org.viewer, 'get', { taskId: task.task_id }));
      expect(viaRpc).toEqual(got.json());

      const ev = await events(task.task_id);
      expect(ev.map((e) => e.name)).toEqual([
        'task.created',
        'task.updated',
        'task.status_changed',
        'task.updated',
        'task.status_changed',
        'task.completed',
        'task.updated',
        'task.status_changed',
        'task.updated',
      ]);
      expect(ev[2]!.payload).toMatchObject({ taskId: task.task_id, category: 'Orders', status: 'RED', oldStatus: 'GREEN', newStatus: 'RED', dollarValue: 900 });
      expect(ev[5]!.payload).toMatchObject({ status: 'COMPLETED', resolutionHours: 2 });
      expect(ev[8]!.payload.changes).toEqual(['title']);
    });

    it('records only the fields whose values change; an update that changes nothing answers 200 with the task, no event, same updated_at', async () => {
      const task = await createTaskVia(t, org.member, {
        workflow_category: 'Orders',
        title: 'Order 12',
        current_owner: 'Ann',
        dollar_value: 1234.567,
        sla_deadline: '2026-03-12T09:00:00.000Z',
        entities: { po_numbers: ['PO-12'], customers: ['Acme'] },
        tags: ['rush', 'export'],
      });
      const eventCount = async () => (await events(task.task_id)).length;
      const before = await eventCount();
      clock.advance(HOUR);

      // The status it already has, over REST and tRPC.
      const same = await t.call(org.member, { method: 'PUT', url: `/api/workflow/update/${task.task_id}`, payload: { updates: { task_status: 'GREEN' }, reason: 'no-op' } });
      expect(same.statusCode).toBe(200);
      expect(same.json()).toEqual(task);
      expect(trpcData(await trpcMutation(t, org.member, 'update', { taskId: task.task_id, updates: { task_status: 'GREEN' } }))).toEqual(task);
      // Equal values written differently: money before rounding, the same instant in another offset, keys in another order.
      const equal = await updateTaskVia(t, org.member, task.task_id, {
        title: 'Order 12',
        current_owner: 'Ann',
        description: null,
        dollar_value: 1234.567,
        sla_deadline: '2026-03-12T10:00:00+01:00',
        entities: { customers: ['Acme'], po_numbers: ['PO-12'] },
        tags: ['rush', 'export'],
      });
      expect(equal).toEqual(task);
      expect(await eventCount()).toBe(before);
      const got = trpcData(await trpcQuery(t, org.viewer, 'get', { taskId: task.task_id }));
      expect(got.updated_at).toBe(task.updated_at);
      expect(got.history).toHaveLength(1);

      // A mix: only what differs is written and named.
      const mixed = await updateTaskVia(t, org.member, task.task_id, { task_status: 'GREEN', title: 'Order 12 (rush)', current_owner: 'Ann', tags: ['rush'] });
      expect(mixed).toMatchObject({ title: 'Order 12 (rush)', tags: ['rush'], task_status: 'GREEN', updated_at: clock.now().toISOString() });
      const ev = (await events(task.task_id)).slice(before);
      expect(ev.map((e) => e.name)).toEqual(['task.updated']);
      expect(ev[0]!.payload.changes).toEqual(['title', 'tags']);
      expect(trpcData(await trpcQuery(t, org.viewer, 'get', { taskId: task.task_id })).history).toHaveLength(1);
    });

    it('re-derives sla_status when the deadline moves', async () => {
      const task = await createTaskVia(t, org.member, { workflow_category: 'Orders', title: 'SLA' });
      const breached = await updateTaskVia(t, org.member, task.task_id, { sla_deadline: new Date(clock.now().getTime() - 1000).toISOString() });
      expect(breached.sla_status).toBe('breached');
      // created 50 min ago, deadline in 10 min → 83% of the window used → warning
      clock.advance(50 * 60_000);
      const warn = await updateTaskVia(t, org.member, task.task_id, { sla_deadline: new Date(clock.now().getTime() + 10 * 60_000).toISOString() });
      expect(warn.sla_status).toBe('warning');
      const ok = await updateTaskVia(t, org.member, task.task_id, { sla_deadline: new Date(clock.now().getTime() + 10 * HOUR).toISOString() });
      expect(ok.sla_status).toBe('ok');
    });

    it('accepts only legal values: 400 naming the field, nothing changed', async () => {
      const task = await createTaskVia(t, org.member, { workflow_category: 'Orders', title: 'Legal' });
      const rest = await t.call(org.member, { method: 'PUT', url: `/api/workflow/update/${task.task_id}`, payload: { updates: { task_status: 'BLUE' } } });
      expect(rest.statusCode).toBe(400);
      expect(rest.json().details.fields[0].field).toBe('updates.task_status');
      const rpc = await trpcMutation(t, org.member, 'update', { taskId: task.task_id, updates: { priority: 'LOW' } });
      expect(rpc.statusCode).toBe(400);
      expect(rpc.json().error.data.details.fields[0].field).toBe('updates.priority');
      const empty = await t.call(org.member, { method: 'PUT', url: `/api/workflow/update/${task.task_id}`, payload: { updates: {} } });
      expect(empty.statusCode).toBe(400);
      const unknown = await t.call(org.member, { method: 'PUT', url: `/api/workflow/update/${task.task_id}`, payload: { updates: { org_id: 5 } } });
      expect(unknown.statusCode).toBe(400);
      const nullDeadline = await t.call(org.member, { method: 'PUT', url: `/api/workflow/update/${task.task_id}`, payload: { updates: { sla_deadline: 'tomorrow' } } });
      expect(nullDeadline.statusCode).toBe(400);
      const got = trpcData(await trpcQuery(t, org.member, 'get', { taskId: task.task_id }));
      expect(got.history).toHaveLength(1);
      expect(got.task_status).toBe('GREEN');
    });

    it("answers 404 for another org's task and for unknown ids, on every procedure and mirror", async () => {
      const theirs = await createTaskVia(t, other.member, { workflow_category: 'Orders', title: 'Secret' });
      const id = theirs.task_id;
      for (const key of [org.admin]) {
        expect((await t.call(key, { method: 'GET', url: `/api/workflow/get/${id}` })).statusCode).toBe(404);
        expect((await t.call(key, { method: 'PUT', url: `/api/workflow/update/${id}`, payload: { updates: { title: 'x' } } })).statusCode).toBe(404);
        expect((await t.call(key, { method: 'DELETE', url: `/api/workflow/delete/${id}` })).statusCode).toBe(404);
        const g = await trpcQuery(t, key, 'get', { taskId: id });
        expect(g.statusCode).toBe(404);
        expect(g.json().error.data.appCode).toBe('not_found');
        expect((await trpcMutation(t, key, 'update', { taskId: id, updates: { title: 'x' } })).statusCode).toBe(404);
        expect((await trpcMutation(t, key, 'delete', { taskId: id })).statusCode).toBe(404);
      }
      expect((await t.call(org.admin, { method: 'GET', url: '/api/workflow/get/TASK-1-none' })).statusCode).toBe(404);
      const still = trpcData(await trpcQuery(t, other.viewer, 'get', { taskId: id }));
      expect(still.title).toBe('Secret');
    });
  });

  describe('delete', () => {
    it('lets members and admins delete (viewers 403), removing the history too', async () => {
      const a = await createTaskVia(t, org.member, { workflow_category: 'Del', title: 'a' });
      const b = await createTaskVia(t, org.member, { workflow_category: 'Del', title: 'b' });
      expect((await t.call(org.viewer, { method: 'DELETE', url: `/api/workflow/delete/${a.task_id}` })).statusCode).toBe(403);
      expect((await trpcMutation(t, org.viewer, 'delete', { taskId: a.task_id })).statusCode).toBe(403);
      const del = await t.call(org.member, { method: 'DELETE', url: `/api/workflow/delete/${a.task_id}` });
      expect(del.json()).toEqual({ success: true, taskId: a.task_id });
      expect(trpcData(await trpcMutation(t, org.admin, 'delete', { taskId: b.task_id }))).toEqual({ success: true, taskId: b.task_id });
      expect((await t.call(org.member, { method: 'GET', url: `/api/workflow/get/${a.task_id}` })).statusCode).toBe(404);
      const hist = await t.db.database.db.selectFrom('workflow_status_history').select('task_id').where('task_id', 'in', [a.task_id, b.task_id]).execute();
      expect(hist).toEqual([]);
    });

    it('records a delete as task.deleted, with who and what the task was (task null); a refused delete records nothing', async () => {
      const a = await createTaskVia(t, org.member, { workflow_category: 'Del', title: 'gone over REST', task_status: 'RED', dollar_value: 640 });
      const b = await createTaskVia(t, org.member, { workflow_category: 'Del', title: 'gone over tRPC' });
      expect((await t.call(org.viewer, { method: 'DELETE', url: `/api/workflow/delete/${a.task_id}` })).statusCode).toBe(403);
      expect((await t.call(other.member, { method: 'DELETE', url: `/api/workflow/delete/${a.task_id}` })).statusCode).toBe(404);
      expect((await events(a.task_id)).map((e) => e.name)).toEqual(['task.created']);

      expect((await t.call(org.member, { method: 'DELETE', url: `/api/workflow/delete/${a.task_id}` })).statusCode).toBe(200);
      expect((await t.call(org.member, { method: 'DELETE', url: `/api/workflow/delete/${a.task_id}` })).statusCode).toBe(404);
      const evA = await events(a.task_id);
      expect(evA.map((e) => e.name)).toEqual(['task.created', 'task.deleted']);
      expect(evA[1]).toEqual({
        name: 'task.deleted',
        actor: a.created_by,
        payload: { taskId: a.task_id, category: 'Del', status: 'RED', dollarValue: 640, task: null },
      });

      trpcData(await trpcMutation(t, org.admin, 'delete', { taskId: b.task_id }));
      const evB = await events(b.task_id);
      expect(evB.map((e) => e.name)).toEqual(['task.created', 'task.deleted']);
      expect(evB[1]).toMatchObject({ actor: `admin-${org.orgId}`, payload: { taskId: b.task_id, status: 'GREEN', task: null } });
    });
  });

  describe('list', () => {
    let listOrg: TestOrg;
    const made: any[] = [];
    beforeAll(async () => {
      listOrg = await t.createOrg('Lister');
      const specs = [
        { workflow_category: 'Quote Processing', title: 'Quote A', priority: 'HIGH', dollar_value: 500, current_owner: 'John Smith', status: 'RED', deadlineH: 5 },
        { workflow_category: 'Quote Processing', title: 'Quote B', priority: 'CRITICAL', dollar_value: 100, current_owner: 'Ann', status: 'RED', deadlineH: 2 },
        { workflow_category: 'Quote Processing', title: 'Quote C 50%_off', priority: 'NORMAL', dollar_value: 300, current_owner: 'Ann', status: 'YELLOW', deadlineH: 9 },
        { workflow_category: 'Invoicing', title: 'Invoice D', priority: 'MEDIUM', dollar_value: 900, current_owner: 'John Smith', status: 'GREEN', deadlineH: 1, entities: { po_numbers: ['PO-7781'] } },
        { workflow_category: 'Invoicing', title: 'Invoice E', priority: 'NORMAL', dollar_value: 50, current_owner: null, status: 'COMPLETED', deadlineH: 3, entities: { customers: ['Müller Ärger GmbH', 'O"Brien & Sons'], amounts: [8500] } },
      ];
      for (const s of specs) {
        clock.advance(60_000);
        const task = await createTaskVia(t, listOrg.member, {
          workflow_category: s.workflow_category,
          title: s.title,
          priority: s.priority,
          dollar_value: s.dollar_value,
          current_owner: s.current_owner,
          sla_deadline: new Date(clock.now().getTime() + s.deadlineH * HOUR).toISOString(),
          ...(s.entities ? { entities: s.entities } : {}),
        });
        made.push(s.status === 'GREEN' ? task : await updateTaskVia(t, listOrg.member, task.task_id, { task_status: s.status }));
      }
    });

    const titles = (res: { data: Array<{ title: string }> }) => res.data.map((x) => x.title);

    it("runs the seed's list call: RED Quote Processing tasks by deadline", async () => {
      const input = { filter: { status: 'RED', category: 'Quote Processing' }, pagination: { page: 1, limit: 50 }, sort: { field: 'sla_deadline', direction: 'asc' } };
      const res = trpcData(await trpcQuery(t, listOrg.viewer, 'list', input));
      expect(titles(res)).toEqual(['Quote B', 'Quote A']);
      expect(res.pagination).toEqual({ page: 1, limit: 50, total: 2, next_cursor: null });
      const rest = await t.call(listOrg.viewer, { method: 'GET', url: '/api/workflow/list?status=RED&category=Quote%20Processing&page=1&limit=50&sort=sla_deadline&direction=asc' });
      expect(rest.statusCode).toBe(200);
      expect(rest.json()).toEqual(res);
    });

    it('lists newest first by default and pages with a stable total', async () => {
      const p1 = trpcData(await trpcQuery(t, listOrg.viewer, 'list', { pagination: { page: 1, limit: 2 } }));
      expect(titles(p1)).toEqual(['Invoice E', 'Invoice D']);
      expect(p1.pagination.total).toBe(5);
      const p3 = trpcData(await trpcQuery(t, listOrg.viewer, 'list', { pagination: { page: 3, limit: 2 } }));
      expect(titles(p3)).toEqual(['Quote A']);
      const none = trpcData(await trpcQuery(t, listOrg.viewer, 'list'));
      expect(none.data).toHaveLength(5);
      expect(none.pagination).toEqual({ page: 1, limit: 50, total: 5, next_cursor: null });
    });

    it('filters by owner, priority, created range and search over title and entities', async () => {
      const q = async (filter: Record<string, unknown>) => titles(trpcData(await trpcQuery(t, listOrg.viewer, 'list', { filter, sort: { field: 'created_at', direction: 'asc' } })));
      expect(await q({ owner: 'John Smith' })).toEqual(['Quote A', 'Invoice D']);
      expect(await q({ priority: 'NORMAL' })).toEqual(['Quote C 50%_off', 'Invoice E']);
      expect(await q({ search: 'po-7781' })).toEqual(['Invoice D']);
      expect(await q({ search: 'quote' })).toEqual(['Quote A', 'Quote B', 'Quote C 50%_off']);
      expect(await q({ search: '50%_' })).toEqual(['Quote C 50%_off']);
      expect(await q({ search: '%' })).toEqual(['Quote C 50%_off']);
      // Case folds beyond ASCII on both engines (SQLite's LIKE alone folds only A–Z).
      expect(await q({ search: 'MÜLLER' })).toEqual(['Invoice E']);
      expect(await q({ search: 'ärger gmbh' })).toEqual(['Invoice E']);
      // Entities match by their values, as written: never by keys or JSON punctuation.
      expect(await q({ search: 'o"brien' })).toEqual(['Invoice E']);
      expect(await q({ search: '"' })).toEqual(['Invoice E']);
      expect(await q({ search: '8500' })).toEqual(['Invoice E']);
      expect(await q({ search: 'po_numbers' })).toEqual([]);
      expect(await q({ search: 'customers' })).toEqual([]);
      expect(await q({ search: '":["' })).toEqual([]);
      expect(await q({ search: 'GmbH","O' })).toEqual([]);
      expect(await q({ from: made[1].created_at, to: made[3].created_at })).toEqual(['Quote B', 'Quote C 50%_off']);
      expect(await q({ status: 'COMPLETED', category: 'Invoicing' })).toEqual(['Invoice E']);
      const total = trpcData(await trpcQuery(t, listOrg.viewer, 'list', { filter: { owner: 'Ann', status: 'RED' } })).pagination.total;
      expect(total).toBe(1);
    });

    it('sorts by every documented field in both directions', async () => {
      const s = async (field: string, direction: string) => titles(trpcData(await trpcQuery(t, listOrg.viewer, 'list', { sort: { field, direction } })));
      expect(await s('dollar_value', 'desc')).toEqual(['Invoice D', 'Quote A', 'Quote C 50%_off', 'Quote B', 'Invoice E']);
      expect(await s('priority', 'asc')).toEqual(['Quote B', 'Quote A', 'Invoice D', 'Quote C 50%_off', 'Invoice E']);
      expect(await s('status', 'asc')).toEqual(['Quote A', 'Quote B', 'Quote C 50%_off', 'Invoice D', 'Invoice E']);
      expect(await s('sla_deadline', 'desc')).toEqual(['Quote C 50%_off', 'Quote A', 'Invoice E', 'Quote B', 'Invoice D']);
      expect(await s('created_at', 'asc')).toEqual(['Quote A', 'Quote B', 'Quote C 50%_off', 'Invoice D', 'Invoice E']);
      expect((await s('updated_at', 'desc'))[0]).toBe('Invoice E');
    });

    it('refuses bad list input with 400 on both transports', async () => {
      for (const url of [
        '/api/workflow/list?limit=0',
        '/api/workflow/list?limit=201',
        '/api/workflow/list?page=0',
        '/api/workflow/list?sort=title',
        '/api/workflow/list?status=BLUE',
        '/api/workflow/list?from=yesterday',
        '/api/workflow/list?bogus=1',
        '/api/workflow/list?from=2026-03-10T00:00:00Z&to=2026-03-01T00:00:00Z',
      ]) {
        const res = await t.call(listOrg.viewer, { method: 'GET', url });
        expect(res.statusCode, url).toBe(400);
        expect(res.json().code).toBe('bad_request');
      }
      const rpc = await trpcQuery(t, listOrg.viewer, 'list', { pagination: { page: 1, limit: 500 } });
      expect(rpc.statusCode).toBe(400);
      expect(rpc.json().error.data.details.fields[0].field).toBe('pagination.limit');
      expect((await trpcQuery(t, listOrg.viewer, 'list', { sort: { field: 'title' } })).statusCode).toBe(400);
      const reversed = await trpcQuery(t, listOrg.viewer, 'list', { filter: { from: '2026-03-10T00:00:00Z', to: '2026-03-01T00:00:00Z' } });
      expect(reversed.json().error.data.details.fields[0].field).toBe('filter.to');
      const restReversed = await t.call(listOrg.viewer, { method: 'GET', url: '/api/workflow/list?from=2026-03-10T00:00:00Z&to=2026-03-01T00:00:00Z' });
      expect(restReversed.json().details.fields[0].field).toBe('to');
    });

    it("never lists another org's tasks", async () => {
      const res = trpcData(await trpcQuery(t, other.viewer, 'list', { filter: { search: 'Quote' } }));
      expect(res.data).toEqual([]);
      expect(res.pagination.total).toBe(0);
    });
  });

  it("answers single GET queries (direct path) exactly as tRPC's adapter answers them in a batch", async () => {
    const task = await createTaskVia(t, org.member, { workflow_category: 'Same', title: 'same' });
    const cases: Array<[string, unknown]> = [
      ['get', { taskId: task.task_id }],
      ['get', { taskId: 'TASK-0-missing' }],
      ['list', { pagination: { page: 1, limit: 0 } }],
      ['metrics', undefined],
    ];
    for (const [proc, input] of cases) {
      const single = await trpcQuery(t, org.viewer, proc, input);
      const batchInput = encodeURIComponent(JSON.stringify({ 0: input }));
      const batch = await t.call(org.viewer, { method: 'GET', url: `/api/workflow.${proc}?batch=1&input=${batchInput}` });
      expect(single.statusCode).toBe(batch.statusCode);
      expect(single.headers['content-type']).toContain('application/json');
      expect(single.json()).toEqual(batch.json()[0]);
    }
    const malformed = await t.call(org.viewer, { method: 'GET', url: '/api/workflow.get?input=%7Bnope' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.data.appCode).toBe('bad_request');
  });

  it('documents the REST mirrors in the OpenAPI document', async () => {
    const doc = (await t.call(undefined, { method: 'GET', url: '/api/openapi.json' })).json();
    for (const p of ['/api/workflow/list', '/api/workflow/get/{id}', '/api/workflow/create', '/api/workflow/update/{id}', '/api/workflow/delete/{id}', '/api/workflow/metrics', '/api/workflow/analytics']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });
});
