/**
 * Owners as people (#20): tasks and pursuits owned by users of their org (validated, never another
 * org's or a deactivated person), task.assigned / pursuit.assigned events, "my tasks" filters with a
 * session and refused with a key, the people directory, workload by user, teams, assignment rules
 * (one user, or round-robin in a team: fair under concurrent creates, and in bulk ingestion), and
 * moving a person's open work when they leave.
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWorkEventPayload } from '../src/outbox/work-events.repository.js';
import { describeEachEngine } from './helpers/engines.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { addUser, signIn, type SignedIn } from './helpers/users.js';
import { createTaskVia, trpcData, trpcMutation, trpcQuery, updateTaskVia } from './helpers/workflow.js';
import { openReady } from './helpers/ws-client.js';
import { realtimeServices } from '../src/app/realtime-services.js';
import type { Service } from '../src/shared/lifecycle.js';

const PASSWORD = 'a long and unusual passphrase';

let n = 0;
function mail(subject: string, body: string): string {
  n += 1;
  return [
    'From: Jane Porter <jane@acme-industrial.com>',
    'To: Sam <sam@northwind.example>',
    `Subject: ${subject}`,
    'Date: Mon, 09 Mar 2026 09:00:00 +0000',
    `Message-ID: <own${n}.${Date.now()}@acme-industrial.com>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
}
const invoiceMail = () => mail(`Invoice INV-${1000 + n} overdue`, `Our invoice INV-${1000 + n} for $1,200.00 is past due. Please arrange payment.`);

describeEachEngine('owners, teams and assignment', (engine) => {
  let t: TestApp;
  let a: TestOrg;
  let b: TestOrg;
  let ada: SignedIn;
  const id: Record<string, number> = {};

  const call = (key: string, method: InjectOptions['method'], url: string, payload?: unknown) =>
    t.call(key, { method, url, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) });
  const as = (s: SignedIn, method: InjectOptions['method'], url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) });
  const db = () => t.deps.database.db;
  const events = async (orgId: number, name: string) =>
    (await db().selectFrom('work_event').selectAll().where('org_id', '=', orgId).where('event_name', '=', name).orderBy('work_event_id').execute()).map((e) => ({
      ...e,
      payload: parseWorkEventPayload(e.payload_json),
    }));
  const taskCount = async (orgId: number) => Number((await db().selectFrom('workflow_tasks').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await createTestApp(engine);
    a = await t.createOrg('Acme');
    b = await t.createOrg('Beta');
    id.ada = await addUser(t, { orgId: a.orgId, email: 'ada@acme.test', name: 'Ada Admin', role: 'admin', password: PASSWORD });
    id.dana = await addUser(t, { orgId: a.orgId, email: 'dana@acme.test', name: 'Dana Diaz', role: 'member' });
    id.eli = await addUser(t, { orgId: a.orgId, email: 'eli@acme.test', name: 'Eli Eng', role: 'member' });
    id.fay = await addUser(t, { orgId: a.orgId, email: 'fay@acme.test', name: 'Fay Fox', role: 'member' });
    id.gus = await addUser(t, { orgId: a.orgId, email: 'gus@acme.test', name: 'Gus Gone', role: 'member' });
    id.bob = await addUser(t, { orgId: b.orgId, email: 'bob@beta.test', name: 'Bob Beta', role: 'admin' });
    expect((await call(a.admin, 'PATCH', `/api/users/${id.gus}`, { status: 'deactivated' })).statusCode).toBe(200);
    ada = await signIn(t, 'ada@acme.test', PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('documents the new routes in the OpenAPI document', async () => {
    const doc = (await t.call(undefined, { method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/users/directory', '/api/users/{id}/open-work', '/api/users/{id}/reassign', '/api/teams', '/api/teams/{id}/members/{user_id}']) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    const task = doc.paths['/api/workflow/create'].post.responses['201'].content['application/json'].schema;
    expect(Object.keys(task.properties)).toEqual(expect.arrayContaining(['owner_user_id', 'owner_name']));
  });

  describe('the people directory', () => {
    it("lists the org's active members to a viewer, never a deactivated person or another org's", async () => {
      const res = await call(a.viewer, 'GET', '/api/users/directory');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().data).toEqual([
        { user_id: id.ada, name: 'Ada Admin', email: 'ada@acme.test' },
        { user_id: id.dana, name: 'Dana Diaz', email: 'dana@acme.test' },
        { user_id: id.eli, name: 'Eli Eng', email: 'eli@acme.test' },
        { user_id: id.fay, name: 'Fay Fox', email: 'fay@acme.test' },
      ]);
      const other = (await call(b.viewer, 'GET', '/api/users/directory')).json().data;
      expect(other).toEqual([{ user_id: id.bob, name: 'Bob Beta', email: 'bob@beta.test' }]);
    });
  });

  describe('task owners', () => {
    it('refuses an unknown user, a user of another org and a deactivated user as owner, naming the field, and writes nothing', async () => {
      const before = await taskCount(a.orgId);
      for (const owner of [999_999, id.bob, id.gus]) {
        const res = await call(a.member, 'POST', '/api/workflow/create', { workflow_category: 'Support', title: 'Nobody', owner_user_id: owner });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json()).toMatchObject({ code: 'not_a_member', details: { fields: [{ field: 'owner_user_id' }] } });
        const rpc = await trpcMutation(t, a.member, 'create', { workflow_category: 'Support', title: 'Nobody', owner_user_id: owner });
        expect(rpc.statusCode).toBe(400);
        expect(rpc.json().error.data).toMatchObject({ code: 'BAD_REQUEST', appCode: 'not_a_member' });
      }
      expect(await taskCount(a.orgId)).toBe(before);
      expect(await events(a.orgId, 'task.assigned')).toEqual([]);
    });

    it('answers the owner with their name and appends task.assigned on create and on each change to a person', async () => {
      const task = await createTaskVia(t, a.member, { workflow_category: 'Support', title: 'Broken pump', owner_user_id: id.dana });
      expect(task).toMatchObject({ owner_user_id: id.dana, owner_name: 'Dana Diaz' });
      const got = (await call(a.viewer, 'GET', `/api/workflow/get/${task.task_id}`)).json();
      expect(got).toMatchObject({ owner_user_id: id.dana, owner_name: 'Dana Diaz' });

      const moved = await updateTaskVia(t, a.member, task.task_id, { owner_user_id: id.eli });
      expect(moved).toMatchObject({ owner_user_id: id.eli, owner_name: 'Eli Eng' });
      await updateTaskVia(t, a.member, task.task_id, { owner_user_id: id.eli }); // unchanged: no event
      const refused = await call(a.member, 'PUT', `/api/workflow/update/${task.task_id}`, { updates: { owner_user_id: id.gus, title: 'Renamed' } });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ code: 'not_a_member' });
      const cleared = await updateTaskVia(t, a.member, task.task_id, { owner_user_id: null });
      expect(cleared).toMatchObject({ owner_user_id: null, owner_name: null, title: 'Broken pump' });

      const assigned = (await events(a.orgId, 'task.assigned')).filter((e) => e.item_id === task.task_id);
      expect(assigned.map((e) => ({ item_type: e.item_type, payload: e.payload }))).toEqual([
        { item_type: 'task', payload: { task_id: task.task_id, title: 'Broken pump', owner_user_id: id.dana, previous_owner_user_id: null, via: 'manual' } },
        { item_type: 'task', payload: { task_id: task.task_id, title: 'Broken pump', owner_user_id: id.eli, previous_owner_user_id: id.dana, via: 'manual' } },
      ]);
      expect(assigned[0]!.actor).toBeTruthy();
    });

    it('lists my tasks with a session, tasks of a user with either, and refuses "me" with a key', async () => {
      const mine = await trpcData(await t.app.inject({
        method: 'POST',
        url: '/api/workflow.create',
        headers: ada.headers,
        payload: { workflow_category: 'Invoicing', title: 'Ada’s own', owner_user_id: id.ada },
      }));
      await createTaskVia(t, a.member, { workflow_category: 'Invoicing', title: 'Dana’s', owner_user_id: id.dana });

      const rest = await as(ada, 'GET', '/api/workflow/list?owner_user_id=me');
      expect(rest.statusCode, rest.body).toBe(200);
      expect(rest.json().data.map((x: { task_id: string }) => x.task_id)).toEqual([mine.task_id]);
      const rpc = await t.app.inject({
        method: 'GET',
        url: `/api/workflow.list?input=${encodeURIComponent(JSON.stringify({ filter: { owner_user_id: 'me' } }))}`,
        headers: ada.headers,
      });
      expect(trpcData(rpc).data.map((x: { task_id: string }) => x.task_id)).toEqual([mine.task_id]);

      const byId = (await call(a.viewer, 'GET', `/api/workflow/list?owner_user_id=${id.dana}`)).json();
      expect(byId.data.every((x: { owner_user_id: number }) => x.owner_user_id === id.dana)).toBe(true);
      expect(byId.pagination.total).toBe(byId.data.length);
      expect(byId.data.length).toBeGreaterThan(0);

      const key = await call(a.viewer, 'GET', '/api/workflow/list?owner_user_id=me');
      expect(key.statusCode).toBe(400);
      expect(key.json()).toMatchObject({ code: 'bad_request', details: { fields: [{ field: 'owner_user_id' }] } });
      expect(key.json().error).toMatch(/API key has no person/);
      expect((await trpcQuery(t, a.viewer, 'list', { filter: { owner_user_id: 'me' } })).statusCode).toBe(400);
    });

    it('groups the workload by user where one owns the task, else by the owner text', async () => {
      await createTaskVia(t, a.member, { workflow_category: 'Shipping', title: 'Text owner', current_owner: 'Sales Team' });
      await createTaskVia(t, a.member, { workflow_category: 'Shipping', title: 'Person with text', current_owner: 'Sales Team', owner_user_id: id.dana });
      const rows = (await call(a.viewer, 'GET', '/api/workflow/owners')).json() as Array<{ owner_user_id: number | null; current_owner: string | null; open_tasks: number }>;
      const dana = rows.filter((r) => r.owner_user_id === id.dana);
      expect(dana).toHaveLength(1);
      expect(dana[0]).toMatchObject({ current_owner: 'Dana Diaz' });
      expect(rows.find((r) => r.owner_user_id === null && r.current_owner === 'Sales Team')).toMatchObject({ open_tasks: 1 });
      expect(trpcData(await trpcQuery(t, a.viewer, 'owners'))).toEqual(rows);
    });
  });

  describe('pursuit owners', () => {
    let pursuitId: number;
    beforeAll(async () => {
      const cand = (await call(a.member, 'POST', '/api/workstream/candidates', { title: 'Big deal', owner_user_id: String(id.dana) })).json();
      await call(a.member, 'POST', `/api/workstream/candidates/${cand.candidate_id}/transition`, { to: 'triaged' });
      const promoted = (await call(a.member, 'POST', `/api/workstream/candidates/${cand.candidate_id}/transition`, { to: 'promoted' })).json();
      pursuitId = promoted.pursuit_id;
    });

    it('takes the candidate owner when it names a member, and validates a new owner (id as number or decimal text)', async () => {
      const p = (await call(a.viewer, 'GET', `/api/workstream/pursuits/${pursuitId}`)).json();
      expect(p.owner_user_id).toBe(String(id.dana));
      for (const owner of [id.bob, String(id.gus), 424242]) {
        const res = await call(a.member, 'PATCH', `/api/workstream/pursuits/${pursuitId}`, { owner_user_id: owner, title: 'Renamed' });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json()).toMatchObject({ code: 'not_a_member', details: { fields: [{ field: 'owner_user_id' }] } });
      }
      expect((await call(a.member, 'PATCH', `/api/workstream/pursuits/${pursuitId}`, { owner_user_id: 'Sam' })).statusCode).toBe(400);
      const ok = await call(a.member, 'PATCH', `/api/workstream/pursuits/${pursuitId}`, { owner_user_id: id.ada });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ owner_user_id: String(id.ada), title: 'Big deal' });
      const assigned = (await events(a.orgId, 'pursuit.assigned')).filter((e) => e.item_id === String(pursuitId));
      expect(assigned.map((e) => e.payload)).toEqual([
        { pursuit_id: pursuitId, title: 'Big deal', owner_user_id: id.dana, previous_owner_user_id: null, via: 'manual' },
        { pursuit_id: pursuitId, title: 'Big deal', owner_user_id: id.ada, previous_owner_user_id: id.dana, via: 'manual' },
      ]);
    });

    it('lists my pursuits with a session and refuses "me" with a key', async () => {
      const mine = await as(ada, 'GET', '/api/workstream/pursuits?owner_user_id=me');
      expect(mine.statusCode, mine.body).toBe(200);
      expect(mine.json().data.map((p: { pursuit_id: number }) => p.pursuit_id)).toEqual([pursuitId]);
      expect(mine.json().pagination.total).toBe(1);
      expect((await call(a.viewer, 'GET', `/api/workstream/pursuits?owner_user_id=${id.eli}`)).json().data).toEqual([]);
      const key = await call(a.viewer, 'GET', '/api/workstream/pursuits?owner_user_id=me');
      expect(key.statusCode).toBe(400);
      expect(key.json().details.fields[0].field).toBe('owner_user_id');
    });
  });

  describe('teams', () => {
    it('lets admins create, rename and staff a team of members, audited; viewers read; others are refused', async () => {
      const created = await call(a.admin, 'POST', '/api/teams', { name: 'Support Desk' });
      expect(created.statusCode, created.body).toBe(201);
      const teamId = created.json().team_id;
      expect((await call(a.admin, 'POST', '/api/teams', { name: 'Support Desk' })).statusCode).toBe(409);
      expect((await call(a.member, 'POST', '/api/teams', { name: 'Rogue' })).statusCode).toBe(403);
      const outsider = await call(a.admin, 'PUT', `/api/teams/${teamId}/members/${id.bob}`);
      expect(outsider.statusCode).toBe(400);
      expect(outsider.json()).toMatchObject({ code: 'not_a_member', details: { fields: [{ field: 'user_id' }] } });
      expect((await call(a.admin, 'PUT', `/api/teams/${teamId}/members/${id.gus}`)).statusCode).toBe(400);
      for (const u of [id.fay, id.dana, id.eli]) expect((await call(a.admin, 'PUT', `/api/teams/${teamId}/members/${u}`)).statusCode).toBe(200);
      const renamed = await call(a.admin, 'PATCH', `/api/teams/${teamId}`, { name: 'Helpdesk' });
      expect(renamed.json()).toMatchObject({ name: 'Helpdesk', members: [{ user_id: id.dana }, { user_id: id.eli }, { user_id: id.fay }] });
      expect((await call(a.viewer, 'GET', '/api/teams')).json().data.map((x: { name: string }) => x.name)).toEqual(['Helpdesk']);
      // Another org neither sees nor reaches it.
      expect((await call(b.viewer, 'GET', '/api/teams')).json().data).toEqual([]);
      expect((await call(b.admin, 'PUT', `/api/teams/${teamId}/members/${id.bob}`)).statusCode).toBe(404);
      const audits = await db().selectFrom('work_event').select('event_name').where('org_id', '=', a.orgId).where('item_type', '=', 'team').orderBy('work_event_id').execute();
      expect(audits.map((e) => e.event_name)).toEqual(['audit.team.created', ...Array(3).fill('audit.team.updated'), 'audit.team.updated']);
      id.team = teamId;
    });
  });

  describe('assignment rules', () => {
    it('refuses a rule naming both, another org’s user or an unknown team, and writes nothing', async () => {
      const put = (body: unknown) => call(a.admin, 'PUT', '/api/ingest/routing-rules/Quote%20Processing', body);
      expect((await put({ assign_user_id: id.dana, assign_team_id: id.team })).statusCode).toBe(400);
      const other = await put({ assign_user_id: id.bob });
      expect(other.statusCode).toBe(400);
      expect(other.json()).toMatchObject({ code: 'not_a_member', details: { fields: [{ field: 'assign_user_id' }] } });
      const team = await put({ assign_team_id: 987_654 });
      expect(team.json()).toMatchObject({ code: 'bad_request', details: { fields: [{ field: 'assign_team_id' }] } });
      expect((await put({})).statusCode).toBe(400);
      const rules = (await call(a.viewer, 'GET', '/api/ingest/routing-rules')).json().data;
      expect(rules.find((r: { category: string }) => r.category === 'Quote Processing')).toBeUndefined();
    });

    it('assigns new tasks of a category to its user; an explicit null owner or a given owner wins', async () => {
      const rule = await call(a.admin, 'PUT', '/api/ingest/routing-rules/Quote%20Processing', { assign_user_id: id.eli });
      expect(rule.statusCode, rule.body).toBe(200);
      expect(rule.json()).toMatchObject({ owner: 'Eli Eng', assign_user_id: id.eli, assign_team_id: null });
      const ruled = await createTaskVia(t, a.member, { workflow_category: 'Quote Processing', title: 'RFQ' });
      expect(ruled).toMatchObject({ owner_user_id: id.eli, owner_name: 'Eli Eng' });
      expect((await createTaskVia(t, a.member, { workflow_category: 'Quote Processing', title: 'RFQ 2', owner_user_id: null })).owner_user_id).toBeNull();
      expect((await createTaskVia(t, a.member, { workflow_category: 'Quote Processing', title: 'RFQ 3', owner_user_id: id.dana })).owner_user_id).toBe(id.dana);
      const ev = (await events(a.orgId, 'task.assigned')).find((e) => e.item_id === ruled.task_id);
      expect(ev?.payload).toMatchObject({ owner_user_id: id.eli, via: 'rule', previous_owner_user_id: null });
    });

    it('hands a team’s tasks round-robin, evenly, to concurrent creators on both transports', async () => {
      const rule = await call(a.admin, 'PUT', '/api/ingest/routing-rules/Support', { assign_team_id: id.team });
      expect(rule.json()).toMatchObject({ owner: 'Helpdesk', assign_team_id: id.team });
      const creates = Array.from({ length: 12 }, (_, i) =>
        i % 2 === 0
          ? createTaskVia(t, a.member, { workflow_category: 'Support', title: `Ticket ${i}` })
          : trpcMutation(t, a.member, 'create', { workflow_category: 'Support', title: `Ticket ${i}` }).then((r) => trpcData(r)),
      );
      const tasks = await Promise.all(creates);
      const perOwner = new Map<number, number>();
      for (const task of tasks) perOwner.set(task.owner_user_id, (perOwner.get(task.owner_user_id) ?? 0) + 1);
      expect(Object.fromEntries(perOwner)).toEqual({ [id.dana!]: 4, [id.eli!]: 4, [id.fay!]: 4 });
      expect(tasks.every((x) => x.current_owner === null)).toBe(true);
      const ruleEvents = (await events(a.orgId, 'task.assigned')).filter((e) => tasks.some((x) => x.task_id === e.item_id));
      expect(ruleEvents).toHaveLength(12);
      expect(ruleEvents.every((e) => e.payload.via === 'rule')).toBe(true);
    });

    it('assigns ingested tasks in bulk, in the batch’s transaction, sharing the turns fairly with concurrent API creates', async () => {
      expect((await call(a.admin, 'PUT', '/api/ingest/routing-rules/Invoicing', { assign_team_id: id.team })).statusCode).toBe(200);
      const [res, ...created] = await Promise.all([
        call(a.member, 'POST', '/api/ingest/emails', Array.from({ length: 9 }, invoiceMail)),
        ...Array.from({ length: 6 }, (_, i) => createTaskVia(t, a.member, { workflow_category: 'Invoicing', title: `Invoice query ${i}` })),
      ]);
      expect(res.statusCode, res.body).toBe(201);
      const ids = res.json().items.map((i: { task_id: string | null }) => i.task_id).filter(Boolean) as string[];
      expect(ids).toHaveLength(9);
      const rows = await db().selectFrom('workflow_tasks').select(['owner_user_id', 'current_owner']).where('task_id', 'in', ids).execute();
      expect(rows.every((r) => r.current_owner === 'Helpdesk')).toBe(true);
      const perOwner = new Map<number | null, number>();
      for (const o of [...rows.map((r) => r.owner_user_id), ...created.map((c) => c.owner_user_id as number)]) perOwner.set(o, (perOwner.get(o) ?? 0) + 1);
      expect(Object.fromEntries(perOwner)).toEqual({ [id.dana!]: 5, [id.eli!]: 5, [id.fay!]: 5 });
      const ev = (await events(a.orgId, 'task.assigned')).filter((e) => ids.includes(e.item_id));
      expect(ev).toHaveLength(9);
      expect(ev.every((e) => e.payload.via === 'rule')).toBe(true);
    });

    it('refuses to delete a team an assignment rule names', async () => {
      const res = await call(a.admin, 'DELETE', `/api/teams/${id.team}`);
      expect(res.statusCode).toBe(409);
      expect(res.json().details.categories).toEqual(['Invoicing', 'Support']);
    });
  });

  describe('reassigning open work', () => {
    it('counts, then moves all open tasks and pursuits of a person in one go; completed work stays', async () => {
      const open = await createTaskVia(t, a.member, { workflow_category: 'General', title: 'Fay open', owner_user_id: id.fay });
      const done = await createTaskVia(t, a.member, { workflow_category: 'General', title: 'Fay done', owner_user_id: id.fay, task_status: 'COMPLETED' });
      const cand = (await call(a.member, 'POST', '/api/workstream/candidates', { title: 'Fay deal' })).json();
      await call(a.member, 'POST', `/api/workstream/candidates/${cand.candidate_id}/transition`, { to: 'triaged' });
      const pid = (await call(a.member, 'POST', `/api/workstream/candidates/${cand.candidate_id}/transition`, { to: 'promoted' })).json().pursuit_id;
      expect((await call(a.member, 'PATCH', `/api/workstream/pursuits/${pid}`, { owner_user_id: id.fay })).statusCode).toBe(200);

      const fayTasks = Number(
        (await db().selectFrom('workflow_tasks').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', a.orgId).where('owner_user_id', '=', id.fay!).where('task_status', '<>', 'COMPLETED').executeTakeFirstOrThrow()).n,
      );
      expect(fayTasks).toBeGreaterThan(1);
      expect((await call(a.member, 'GET', `/api/users/${id.fay}/open-work`)).statusCode).toBe(403);
      expect((await call(a.admin, 'GET', `/api/users/${id.bob}/open-work`)).statusCode).toBe(404);
      const work = await call(a.admin, 'GET', `/api/users/${id.fay}/open-work`);
      expect(work.json()).toEqual({ user_id: id.fay, open_tasks: fayTasks, open_pursuits: 1 });

      // Deactivating answers what is still theirs.
      const off = await call(a.admin, 'PATCH', `/api/users/${id.fay}`, { status: 'deactivated' });
      expect(off.statusCode, off.body).toBe(200);
      expect(off.json()).toMatchObject({ status: 'deactivated', open_work: { open_tasks: fayTasks, open_pursuits: 1 } });

      for (const to of [id.bob, id.gus, id.fay]) {
        const refused = await call(a.admin, 'POST', `/api/users/${id.fay}/reassign`, { to_user_id: to });
        expect(refused.statusCode, refused.body).toBe(400);
      }
      expect((await call(a.admin, 'GET', `/api/users/${id.fay}/open-work`)).json().open_tasks).toBe(fayTasks);

      const moved = await call(a.admin, 'POST', `/api/users/${id.fay}/reassign`, { to_user_id: id.dana });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json()).toEqual({ user_id: id.fay, to_user_id: id.dana, moved_tasks: fayTasks, moved_pursuits: 1 });
      expect((await call(a.viewer, 'GET', `/api/workflow/get/${open.task_id}`)).json().owner_user_id).toBe(id.dana);
      expect((await call(a.viewer, 'GET', `/api/workflow/get/${done.task_id}`)).json().owner_user_id).toBe(id.fay);
      expect((await call(a.viewer, 'GET', `/api/workstream/pursuits/${pid}`)).json().owner_user_id).toBe(String(id.dana));
      const taskEv = (await events(a.orgId, 'task.assigned')).filter((e) => e.payload.via === 'reassign');
      expect(taskEv).toHaveLength(fayTasks);
      expect(taskEv.every((e) => e.payload.previous_owner_user_id === id.fay && e.payload.owner_user_id === id.dana)).toBe(true);
      const pEv = (await events(a.orgId, 'pursuit.assigned')).filter((e) => e.payload.via === 'reassign');
      expect(pEv.map((e) => e.payload)).toEqual([{ pursuit_id: pid, title: 'Fay deal', owner_user_id: id.dana, previous_owner_user_id: id.fay, via: 'reassign' }]);
      expect((await call(a.admin, 'GET', `/api/users/${id.fay}/open-work`)).json()).toEqual({ user_id: id.fay, open_tasks: 0, open_pursuits: 0 });

      // Round-robin skips the deactivated member from now on.
      const next = await Promise.all([1, 2, 3, 4].map((i) => createTaskVia(t, a.member, { workflow_category: 'Support', title: `After ${i}` })));
      expect(new Set(next.map((x) => x.owner_user_id))).toEqual(new Set([id.dana, id.eli]));
    });

    it('unassigns when to_user_id is null', async () => {
      await createTaskVia(t, a.member, { workflow_category: 'General', title: 'Eli open', owner_user_id: id.eli });
      const res = await call(a.admin, 'POST', `/api/users/${id.eli}/reassign`, { to_user_id: null });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().moved_tasks).toBeGreaterThan(0);
      expect((await call(a.admin, 'GET', `/api/users/${id.eli}/open-work`)).json().open_tasks).toBe(0);
    });
  });
});

describeEachEngine('task.assigned on /ws', (engine) => {
  let t: TestApp;
  let services: Service[];
  let wsUrl: string;
  let a: TestOrg;
  let b: TestOrg;
  let dana: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    services = realtimeServices(t.deps).services;
    for (const s of services) await s.start();
    wsUrl = `${(await t.app.listen({ port: 0, host: '127.0.0.1' })).replace(/^http/, 'ws')}/ws`;
    a = await t.createOrg('Acme');
    b = await t.createOrg('Beta');
    dana = await addUser(t, { orgId: a.orgId, email: 'dana@acme.test', name: 'Dana Diaz', role: 'member' });
  });
  afterAll(async () => {
    for (const s of [...(services ?? [])].reverse()) await s.stop();
    await t?.close();
  });

  it('pushes workflow:task:assigned with the owner and the task (owner_name included) to the org only', async () => {
    const mine = await openReady(wsUrl, a.viewer);
    const other = await openReady(wsUrl, b.viewer);
    try {
      const task = await createTaskVia(t, a.member, { workflow_category: 'Support', title: 'Live one', owner_user_id: dana });
      const frame = await mine.next((f) => f.event === 'workflow:task:assigned');
      expect(frame.data).toMatchObject({
        task_id: task.task_id,
        title: 'Live one',
        owner_user_id: dana,
        previous_owner_user_id: null,
        via: 'manual',
        item_type: 'task',
        item_id: task.task_id,
        task: { task_id: task.task_id, owner_user_id: dana, owner_name: 'Dana Diaz' },
      });
      await mine.next((f) => f.event === 'workflow:task:created' && f.data.item_id === task.task_id);
      expect(other.events().filter((f) => f.event.startsWith('workflow:task'))).toEqual([]);
    } finally {
      await mine.close();
      await other.close();
    }
  });
});
