/**
 * Comments on tasks and pursuits over HTTP (#20), on both engines: add, list, edit and delete through
 * REST and tRPC, who may do what (viewers read; the author edits; the author or an admin deletes),
 * another org's items and comments answering 404 like missing ones, bodies refused when empty or too
 * long, Markdown and raw HTML kept as the text written, @mentions resolved only to active members of
 * the item's org (never to anyone of another org), and each change's work event written in the
 * change's own transaction.
 */
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from './helpers/engines.js';
import { insertPursuit } from './helpers/factories.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { addUser, signIn, type SignedIn } from './helpers/users.js';
import { createTaskVia } from './helpers/workflow.js';
import type { ManualClock } from '../src/shared/clock.js';
import { setUserStatus } from '../src/users/users.repository.js';

const PASSWORD = 'a long and unusual passphrase';

describeEachEngine('comments and mentions', (engine) => {
  let t: TestApp;
  let a: TestOrg;
  let b: TestOrg;
  let taskA: string;
  let taskB: string;
  let pursuitA: number;
  let dana: number;
  let sam: number;
  let ola: number;
  let bob: number;
  let both: number;
  let danaS: SignedIn;
  let samS: SignedIn;
  let adaS: SignedIn;
  let bobS: SignedIn;

  const as = (s: SignedIn, method: InjectOptions['method'], url: string, payload?: unknown) =>
    t.app.inject({ method, url, payload: payload as InjectOptions['payload'], headers: s.headers });
  const commentEvents = async (orgId: number) =>
    (
      await t.db.database.db
        .selectFrom('work_event')
        .select(['work_event_id', 'event_name', 'item_type', 'item_id', 'actor', 'payload_json'])
        .where('org_id', '=', orgId)
        .where('event_name', 'like', 'comment.%')
        .orderBy('work_event_id')
        .execute()
    ).map((e) => ({ ...e, payload: JSON.parse(e.payload_json) as Record<string, unknown> }));
  const commentRows = (orgId: number) => t.db.database.db.selectFrom('item_comment').selectAll().where('org_id', '=', orgId).orderBy('comment_id').execute();

  beforeAll(async () => {
    t = await createTestApp(engine);
    a = await t.createOrg('Acme');
    b = await t.createOrg('Beta');
    dana = await addUser(t, { orgId: a.orgId, email: 'Dana@Acme.test', name: 'Dana Scully', role: 'member', password: PASSWORD });
    sam = await addUser(t, { orgId: a.orgId, email: 'sam@acme.test', name: 'Sam Vimes', role: 'member', password: PASSWORD });
    await addUser(t, { orgId: a.orgId, email: 'ada@acme.test', name: 'Ada Admin', role: 'admin', password: PASSWORD });
    ola = await addUser(t, { orgId: a.orgId, email: 'ola@acme.test', name: 'Ola Gone', role: 'member', password: PASSWORD });
    bob = await addUser(t, { orgId: b.orgId, email: 'bob@beta.test', name: 'Bob Beta', role: 'admin', password: PASSWORD });
    both = await addUser(t, { orgId: a.orgId, email: 'pat@both.test', name: 'Pat Both', role: 'viewer', password: PASSWORD });
    await addUser(t, { orgId: b.orgId, email: 'pat@both.test', role: 'member' });
    await setUserStatus(t.db.database.db, ola, 'deactivated', t.clock.now().toISOString());
    danaS = await signIn(t, 'dana@acme.test', PASSWORD);
    samS = await signIn(t, 'sam@acme.test', PASSWORD);
    adaS = await signIn(t, 'ada@acme.test', PASSWORD);
    bobS = await signIn(t, 'bob@beta.test', PASSWORD);
    taskA = (await createTaskVia(t, a.member, { workflow_category: 'Orders', title: 'PO 4507100 fittings' })).task_id;
    taskB = (await createTaskVia(t, b.member, { workflow_category: 'Orders', title: 'Beta order' })).task_id;
    pursuitA = await insertPursuit(t.db.database.db, a.orgId, { createdAt: t.clock.now().toISOString() });
    await t.db.database.db.updateTable('pursuit').set({ title: 'Harbour bid' }).where('pursuit_id', '=', pursuitA).execute();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('writing and reading', () => {
    it('a person comments on a task: the comment names them, and comment.created is written with it', async () => {
      const body = 'Called the customer, **delivery Thursday**. cc @sam@acme.test';
      const res = await as(danaS, 'POST', `/api/comments/task/${taskA}`, { body });
      expect(res.statusCode, res.body).toBe(201);
      const c = res.json();
      expect(c).toMatchObject({
        org_id: a.orgId,
        item_type: 'task',
        item_id: taskA,
        author_actor: `user:${dana}`,
        author_user_id: dana,
        author_key_id: null,
        author_name: 'Dana Scully',
        body,
        mentions: [{ user_id: sam, name: 'Sam Vimes', email: 'sam@acme.test' }],
        edited: false,
      });
      const events = await commentEvents(a.orgId);
      expect(events.at(-1)).toMatchObject({ event_name: 'comment.created', item_type: 'task', item_id: taskA, actor: `user:${dana}` });
      expect(events.at(-1)!.payload).toEqual({
        comment_id: c.comment_id,
        item_type: 'task',
        item_id: taskA,
        title: 'PO 4507100 fittings',
        author_user_id: dana,
        mentioned_user_ids: [sam],
        excerpt: 'Called the customer, delivery Thursday. cc @sam@acme.test',
      });
    });

    it('a key comments as the key (key:<id>), and any role of the org reads the comments oldest first', async () => {
      const res = await t.call(a.member, { method: 'POST', url: `/api/comments/task/${taskA}`, payload: { body: 'Second note' } });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().author_actor).toMatch(/^key:\d+$/);
      expect(res.json().author_user_id).toBeNull();
      expect(res.json().author_key_id).toBe(Number(res.json().author_actor.slice(4)));
      const list = await t.call(a.viewer, { method: 'GET', url: `/api/comments/task/${taskA}` });
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().data.map((c: { body: string }) => c.body)).toEqual([expect.stringContaining('Called the customer'), 'Second note']);
      expect(list.json().pagination).toEqual({ page: 1, limit: 200, total: 2, next_cursor: null });
      const paged = await t.call(a.viewer, { method: 'GET', url: `/api/comments/task/${taskA}?page=2&limit=1` });
      expect(paged.json().data.map((c: { body: string }) => c.body)).toEqual(['Second note']);
    });

    it('comments on a pursuit carry its title in the event', async () => {
      const res = await t.call(a.member, { method: 'POST', url: `/api/comments/pursuit/${pursuitA}`, payload: { body: 'Bid bond ready' } });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ item_type: 'pursuit', item_id: String(pursuitA) });
      const e = (await commentEvents(a.orgId)).at(-1)!;
      expect(e).toMatchObject({ item_type: 'pursuit', item_id: String(pursuitA) });
      expect(e.payload).toMatchObject({ title: 'Harbour bid', item_id: String(pursuitA), mentioned_user_ids: [], excerpt: 'Bid bond ready' });
      const list = await t.call(a.viewer, { method: 'GET', url: `/api/comments/pursuit/${pursuitA}` });
      expect(list.json().data).toHaveLength(1);
    });

    it('keeps Markdown with <script> and raw HTML as the text written', async () => {
      const body = '<script>alert(1)</script>\n<img src=x onerror="alert(2)">\n\n[x](javascript:alert(3))';
      const res = await t.call(a.member, { method: 'POST', url: `/api/comments/task/${taskA}`, payload: { body } });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().body).toBe(body);
      const rows = await commentRows(a.orgId);
      expect(rows.at(-1)!.body).toBe(body);
      expect((await commentEvents(a.orgId)).at(-1)!.payload.excerpt).toBe('<script>alert(1)</script> <img src=x onerror="alert(2)"> x');
    });

    it('the same through tRPC: comments.add, comments.list, comments.edit, comments.delete', async () => {
      const add = await t.call(a.member, { method: 'POST', url: '/api/comments.add', payload: { item_type: 'task', item_id: taskA, body: 'via tRPC' } });
      expect(add.statusCode, add.body).toBe(200);
      const c = add.json().result.data;
      const input = encodeURIComponent(JSON.stringify({ item_type: 'task', item_id: taskA }));
      const list = await t.call(a.viewer, { method: 'GET', url: `/api/comments.list?input=${input}` });
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().result.data.data.map((x: { comment_id: number }) => x.comment_id)).toContain(c.comment_id);
      (t.clock as ManualClock).advance(1_000);
      const edit = await t.call(a.member, { method: 'POST', url: '/api/comments.edit', payload: { comment_id: c.comment_id, body: 'via tRPC, edited' } });
      expect(edit.statusCode, edit.body).toBe(200);
      expect(edit.json().result.data).toMatchObject({ body: 'via tRPC, edited', edited: true });
      const pursuit = await t.call(a.member, { method: 'POST', url: '/api/comments.add', payload: { item_type: 'pursuit', item_id: pursuitA, body: 'numeric id' } });
      expect(pursuit.json().result.data.item_id).toBe(String(pursuitA));
      const del = await t.call(a.member, { method: 'POST', url: '/api/comments.delete', payload: { comment_id: c.comment_id } });
      expect(del.json().result.data).toEqual({ success: true, comment_id: c.comment_id });
      const viewer = await t.call(a.viewer, { method: 'POST', url: '/api/comments.add', payload: { item_type: 'task', item_id: taskA, body: 'no' } });
      expect(viewer.statusCode).toBe(403);
      const other = await t.call(b.member, { method: 'POST', url: '/api/comments.add', payload: { item_type: 'task', item_id: taskA, body: 'no' } });
      expect(other.statusCode).toBe(404);
    });
  });

  describe('roles and authorship', () => {
    it('a viewer reads but may not comment', async () => {
      const res = await t.call(a.viewer, { method: 'POST', url: `/api/comments/task/${taskA}`, payload: { body: 'hello' } });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('forbidden');
    });

    it('only the author edits; an edit that changes the text writes comment.updated, the same text again writes nothing', async () => {
      const c = (await as(danaS, 'POST', `/api/comments/task/${taskA}`, { body: 'draft' })).json();
      (t.clock as ManualClock).advance(60_000);
      const byOther = await as(samS, 'PATCH', `/api/comments/${c.comment_id}`, { body: 'hijack' });
      expect(byOther.statusCode).toBe(403);
      const byAdmin = await as(adaS, 'PATCH', `/api/comments/${c.comment_id}`, { body: 'hijack' });
      expect(byAdmin.statusCode).toBe(403);
      const byKey = await t.call(a.admin, { method: 'PATCH', url: `/api/comments/${c.comment_id}`, payload: { body: 'hijack' } });
      expect(byKey.statusCode).toBe(403);
      const before = (await commentEvents(a.orgId)).length;
      const own = await as(danaS, 'PATCH', `/api/comments/${c.comment_id}`, { body: 'final, ask @sam@acme.test' });
      expect(own.statusCode, own.body).toBe(200);
      expect(own.json()).toMatchObject({ body: 'final, ask @sam@acme.test', edited: true, mentions: [{ user_id: sam }] });
      const again = await as(danaS, 'PATCH', `/api/comments/${c.comment_id}`, { body: 'final, ask @sam@acme.test' });
      expect(again.statusCode).toBe(200);
      const events = await commentEvents(a.orgId);
      expect(events).toHaveLength(before + 1);
      expect(events.at(-1)).toMatchObject({ event_name: 'comment.updated', actor: `user:${dana}` });
      expect(events.at(-1)!.payload).toMatchObject({ comment_id: c.comment_id, mentioned_user_ids: [sam], added_mentioned_user_ids: [sam] });
    });

    it('the author or an admin deletes; another member may not; a deleted comment is gone from the list', async () => {
      const mine = (await as(danaS, 'POST', `/api/comments/task/${taskA}`, { body: 'to delete' })).json();
      const theirs = (await as(samS, 'POST', `/api/comments/task/${taskA}`, { body: 'admin removes this' })).json();
      expect((await as(samS, 'DELETE', `/api/comments/${mine.comment_id}`)).statusCode).toBe(403);
      expect((await t.call(a.member, { method: 'DELETE', url: `/api/comments/${mine.comment_id}` })).statusCode).toBe(403);
      const own = await as(danaS, 'DELETE', `/api/comments/${mine.comment_id}`);
      expect(own.statusCode, own.body).toBe(200);
      expect(own.json()).toEqual({ success: true, comment_id: mine.comment_id });
      const admin = await as(adaS, 'DELETE', `/api/comments/${theirs.comment_id}`);
      expect(admin.statusCode, admin.body).toBe(200);
      const events = await commentEvents(a.orgId);
      expect(events.slice(-2).map((e) => [e.event_name, e.payload.comment_id, e.actor])).toEqual([
        ['comment.deleted', mine.comment_id, `user:${dana}`],
        ['comment.deleted', theirs.comment_id, expect.stringMatching(/^user:\d+$/)],
      ]);
      const list = await t.call(a.viewer, { method: 'GET', url: `/api/comments/task/${taskA}` });
      const ids = list.json().data.map((c: { comment_id: number }) => c.comment_id);
      expect(ids).not.toContain(mine.comment_id);
      expect(ids).not.toContain(theirs.comment_id);
      const row = (await commentRows(a.orgId)).find((r) => r.comment_id === mine.comment_id)!;
      expect(row.body).toBe('');
      expect(row.deleted_at).not.toBeNull();
      expect((await as(danaS, 'PATCH', `/api/comments/${mine.comment_id}`, { body: 'back' })).statusCode).toBe(404);
      expect((await as(danaS, 'DELETE', `/api/comments/${mine.comment_id}`)).statusCode).toBe(404);
    });
  });

  describe('refusals', () => {
    it("another org's task, pursuit and comments answer 404 like missing ones, and nothing is written", async () => {
      const c = (await t.call(a.member, { method: 'POST', url: `/api/comments/task/${taskA}`, payload: { body: 'Acme only' } })).json();
      const before = { rows: (await commentRows(b.orgId)).length, events: (await commentEvents(b.orgId)).length };
      const tries: Array<[string, InjectOptions]> = [
        [b.admin, { method: 'GET', url: `/api/comments/task/${taskA}` }],
        [b.admin, { method: 'POST', url: `/api/comments/task/${taskA}`, payload: { body: 'x' } }],
        [b.admin, { method: 'GET', url: `/api/comments/pursuit/${pursuitA}` }],
        [b.admin, { method: 'POST', url: `/api/comments/pursuit/${pursuitA}`, payload: { body: 'x' } }],
        [b.admin, { method: 'PATCH', url: `/api/comments/${c.comment_id}`, payload: { body: 'x' } }],
        [b.admin, { method: 'DELETE', url: `/api/comments/${c.comment_id}` }],
        [a.member, { method: 'GET', url: '/api/comments/task/TASK-0-missing' }],
        [a.member, { method: 'POST', url: '/api/comments/pursuit/999999', payload: { body: 'x' } }],
        [a.member, { method: 'DELETE', url: '/api/comments/999999' }],
      ];
      for (const [key, opts] of tries) {
        const res = await t.call(key, opts);
        expect(res.statusCode, `${opts.method} ${opts.url}: ${res.body}`).toBe(404);
        expect(res.json().code).toBe('not_found');
        expect(res.body).not.toContain('Acme only');
      }
      expect((await as(bobS, 'DELETE', `/api/comments/${c.comment_id}`)).statusCode).toBe(404);
      expect((await commentRows(b.orgId)).length).toBe(before.rows);
      expect((await commentEvents(b.orgId)).length).toBe(before.events);
    });

    it('an empty, blank or too long body, an unknown item type and a malformed pursuit id are 400 naming the problem', async () => {
      const post = (url: string, payload: unknown) => t.call(a.member, { method: 'POST', url, payload: payload as InjectOptions['payload'] });
      const before = (await commentRows(a.orgId)).length;
      for (const [payload, message] of [
        [{ body: '' }, 'must not be empty'],
        [{ body: ' \n\t ' }, 'must not be empty'],
        [{ body: 'x'.repeat(10_001) }, 'must be at most 10000 characters'],
      ] as const) {
        const res = await post(`/api/comments/task/${taskA}`, payload);
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().details.fields).toEqual([expect.objectContaining({ field: 'body', message })]);
      }
      const missing = await post(`/api/comments/task/${taskA}`, {});
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error).toContain('body');
      const badType = await post(`/api/comments/proposal/1`, { body: 'x' });
      expect(badType.statusCode).toBe(400);
      expect(badType.json().error).toContain('item_type');
      const badId = await post('/api/comments/pursuit/12abc', { body: 'x' });
      expect(badId.statusCode).toBe(400);
      expect(badId.json().details.fields).toEqual([expect.objectContaining({ field: 'item_id' })]);
      const trpc = await t.call(a.member, { method: 'POST', url: '/api/comments.add', payload: { item_type: 'task', item_id: taskA, body: '' } });
      expect(trpc.statusCode).toBe(400);
      expect((await commentRows(a.orgId)).length).toBe(before);
      const max = await post(`/api/comments/task/${taskA}`, { body: 'y'.repeat(10_000) });
      expect(max.statusCode).toBe(201);
    });
  });

  describe('mentions', () => {
    it('resolve only active members of the item’s org, case-insensitively; anything else stays plain text', async () => {
      const body = 'Ping @DANA@acme.TEST, @bob@beta.test, @ola@acme.test, @nobody@acme.test and @pat@both.test; mail sam@acme.test. Again @dana@acme.test.';
      const res = await t.call(a.member, { method: 'POST', url: `/api/comments/task/${taskA}`, payload: { body } });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().body).toBe(body);
      expect(res.json().mentions).toEqual([
        { user_id: dana, name: 'Dana Scully', email: 'dana@acme.test' },
        { user_id: both, name: 'Pat Both', email: 'pat@both.test' },
      ]);
      expect((await commentEvents(a.orgId)).at(-1)!.payload.mentioned_user_ids).toEqual([dana, both]);
    });

    it('across orgs: never — a comment in another org naming members of this one mentions nobody of this one', async () => {
      const res = await as(bobS, 'POST', `/api/comments/task/${taskB}`, { body: '@dana@acme.test @sam@acme.test @pat@both.test @bob@beta.test' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().mentions.map((m: { user_id: number }) => m.user_id)).toEqual([both, bob]);
      const ids = (await commentEvents(b.orgId)).flatMap((e) => (e.payload.mentioned_user_ids as number[] | undefined) ?? []);
      expect(ids).not.toContain(dana);
      expect(ids).not.toContain(sam);
      const list = await t.call(b.viewer, { method: 'GET', url: `/api/comments/task/${taskB}` });
      expect(JSON.stringify(list.json())).not.toContain('Dana Scully');
      for (const row of await commentRows(b.orgId)) {
        expect(JSON.parse(row.mentioned_user_ids)).not.toContain(dana);
        expect(JSON.parse(row.mentioned_user_ids)).not.toContain(sam);
      }
    });
  });

  describe('transactions', () => {
    it('a comment whose event cannot be written is not written either', async () => {
      const db = t.db.database.db;
      if (engine.name === 'sqlite') {
        await sql`create trigger refuse_comment_event before insert on work_event when new.event_name = 'comment.created' and new.payload_json like '%refuse-me%' begin select raise(abort, 'refused by test'); end`.execute(db);
      } else {
        await sql`create function refuse_comment_event() returns trigger language plpgsql as $$ begin if new.event_name = 'comment.created' and new.payload_json like '%refuse-me%' then raise exception 'refused by test'; end if; return new; end $$`.execute(db);
        await sql`create trigger refuse_comment_event before insert on work_event for each row execute function refuse_comment_event()`.execute(db);
      }
      try {
        const before = (await commentRows(a.orgId)).length;
        const res = await t.call(a.member, { method: 'POST', url: `/api/comments/task/${taskA}`, payload: { body: 'refuse-me' } });
        expect(res.statusCode).toBeGreaterThanOrEqual(500);
        expect((await commentRows(a.orgId)).length).toBe(before);
        const ok = await t.call(a.member, { method: 'POST', url: `/api/comments/task/${taskA}`, payload: { body: 'fine' } });
        expect(ok.statusCode).toBe(201);
      } finally {
        await sql`drop trigger refuse_comment_event${engine.name === 'postgres' ? sql` on work_event` : sql``}`.execute(db);
      }
    });
  });

  it("a task's comments go with the task", async () => {
    const doomed = (await createTaskVia(t, a.member, { workflow_category: 'Orders', title: 'Short-lived' })).task_id;
    expect((await t.call(a.member, { method: 'POST', url: `/api/comments/task/${doomed}`, payload: { body: 'soon gone' } })).statusCode).toBe(201);
    expect((await t.call(a.member, { method: 'DELETE', url: `/api/workflow/delete/${doomed}` })).statusCode).toBe(200);
    expect((await commentRows(a.orgId)).filter((r) => r.item_id === doomed)).toEqual([]);
    expect((await t.call(a.viewer, { method: 'GET', url: `/api/comments/task/${doomed}` })).statusCode).toBe(404);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.call(undefined, { method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths['/api/comments/{item_type}/{item_id}'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.paths['/api/comments/{comment_id}'])).toEqual(expect.arrayContaining(['patch', 'delete']));
  });
});
