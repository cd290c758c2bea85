/**
 * Notifications through HTTP and the outbox on both engines: who is told of what, only they see
 * theirs, switches per kind, idempotence under redelivery, and the mail at a real SMTP server
 * (one mail at once, a burst as one digest at the window's end).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultHandlers } from '../src/app/outbox-handlers.js';
import { transact } from '../src/db/transact.js';
import { isWebhookable } from '../src/outbox/webhooks/webhook.handlers.js';
import { appendEvent } from '../src/outbox/work-events.repository.js';
import type { OutboxWorker } from '../src/outbox/worker.js';
import type { ManualClock } from '../src/shared/clock.js';
import { runSlaPass } from '../src/sla/monitor.js';
import { describeEachEngine } from './helpers/engines.js';
import { pruneNotifications } from '../src/notifications/notifications.repository.js';
import { markUnprocessed, testWorker } from './helpers/outbox-seed.js';
import { bodyOf, header, startSmtp } from './helpers/smtp.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { addUser, signIn, type SignedIn } from './helpers/users.js';
import { createTaskVia } from './helpers/workflow.js';

const PASSWORD = 'correct horse battery';
const MIN = 60_000;

describeEachEngine('notifications', (engine) => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  let clock: ManualClock;
  let w: OutboxWorker;
  const people: Record<'dana' | 'eli' | 'vic' | 'gus' | 'fay', { id: number; s: SignedIn }> = {} as never;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp(engine, {
      env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'FlowLedger <no-reply@acme.example>', PUBLIC_URL: 'http://localhost', NOTIFY_DIGEST_WINDOW: '5m' },
    });
    clock = t.clock as ManualClock;
    org = await t.createOrg('Acme');
    other = await t.createOrg('Other');
    const add = async (name: keyof typeof people, orgId: number, role: 'member' | 'viewer' | 'admin') => {
      const email = `${name}@acme.test`;
      const id = await addUser(t, { orgId, email, role, password: PASSWORD, name: name[0]!.toUpperCase() + name.slice(1) });
      people[name] = { id, s: await signIn(t, email, PASSWORD) };
    };
    await add('dana', org.orgId, 'member');
    await add('eli', org.orgId, 'member');
    await add('vic', org.orgId, 'viewer');
    await add('gus', org.orgId, 'member');
    await add('fay', other.orgId, 'member');
    w = testWorker(t, defaultHandlers(t.deps));
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const now = () => clock.now().toISOString();
  const emit = (eventName: string, itemType: string, itemId: string | number, payload: Record<string, unknown>, actor: string | null, orgId = org.orgId) =>
    transact(t.deps, (trx) => appendEvent(trx, { orgId, eventName, itemType, itemId, payload, actor, happenedAt: now() }));
  const get = (s: SignedIn | undefined, url: string, key?: string) => t.call(key, { method: 'GET', url, headers: s?.headers ?? {} });
  const post = (s: SignedIn, url: string, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url, headers: s.headers, payload });
  const listOf = async (who: keyof typeof people, q = '') => {
    const res = await get(people[who].s, `/api/notifications${q}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { data: Array<Record<string, any>>; pagination: { total: number }; unread_count: number };
  };
  const rowsFor = (eventId: number) => t.db.database.db.selectFrom('notification').selectAll().where('work_event_id', '=', eventId).execute();
  /** Runs the outbox until nothing due is left (mail jobs scheduled later stay). */
  const drain = () => w.drain();
  const mailsTo = (who: keyof typeof people) => smtp.messages.filter((m) => m.to.includes(`${who}@acme.test`));
  /** Lets the digest window of every earlier mail pass, so the next mail goes at once. */
  const quiet = async () => {
    clock.advance(6 * MIN);
    await drain();
  };
  const assigned = (taskId: string, owner: number, actor: string | null, title = 'Quote for ACME') =>
    emit('task.assigned', 'task', taskId, { task_id: taskId, title, owner_user_id: owner, previous_owner_user_id: null, via: 'manual' }, actor);

  it('task.assigned tells the new owner, in the app and by one mail; nobody else sees it', async () => {
    const ev = await assigned('TASK-1001', people.dana.id, `user:${people.eli.id}`);
    await drain();

    const dana = await listOf('dana');
    expect(dana.unread_count).toBe(1);
    expect(dana.data).toHaveLength(1);
    expect(dana.data[0]).toMatchObject({ kind: 'assigned', item_type: 'task', item_id: 'TASK-1001', title: 'Quote for ACME', work_event_id: ev, read_at: null, email_state: 'sent' });
    // Nobody else, whatever they ask.
    for (const who of ['eli', 'vic', 'gus'] as const) expect((await listOf(who)).data.filter((n) => n.work_event_id === ev)).toEqual([]);
    const fay = await get(people.fay.s, '/api/notifications');
    expect(fay.json().data).toEqual([]);

    const mails = mailsTo('dana');
    expect(mails).toHaveLength(1);
    expect(header(mails[0]!.raw, 'Subject')).toBe('Assigned to you: Quote for ACME');
    expect(bodyOf(mails[0]!.raw)).toContain('http://localhost/tasks/TASK-1001');
    expect(bodyOf(mails[0]!.raw)).toContain('http://localhost/settings/notifications');
  });

  it('an API key has no person: 400 naming it, on every route', async () => {
    for (const [method, url, payload] of [
      ['GET', '/api/notifications', undefined],
      ['GET', '/api/notifications/unread-count', undefined],
      ['POST', '/api/notifications/read', { all: true }],
      ['GET', '/api/notifications/preferences', undefined],
      ['PUT', '/api/notifications/preferences', { data: [{ kind: 'mention', in_app: true, email: false }] }],
    ] as const) {
      const res = await t.call(org.admin, { method, url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(400);
      expect(res.json()).toMatchObject({ code: 'bad_request', details: { reason: 'session_required' } });
      expect(res.json().error).toMatch(/API key/);
    }
  });

  it('marking read touches only your own: another person\u2019s ids are ignored', async () => {
    const mine = (await listOf('dana')).data.map((n) => n.notification_id as number);
    const byEli = await post(people.eli.s, '/api/notifications/read', { ids: mine });
    expect(byEli.json()).toEqual({ updated: 0, unread_count: 0 });
    expect((await listOf('dana')).unread_count).toBe(1);

    const byDana = await post(people.dana.s, '/api/notifications/read', { ids: mine });
    expect(byDana.json()).toEqual({ updated: 1, unread_count: 0 });
    expect((await get(people.dana.s, '/api/notifications/unread-count')).json()).toEqual({ unread_count: 0 });
    expect((await listOf('dana', '?unread=true')).data).toEqual([]);
    expect((await post(people.dana.s, '/api/notifications/read', {})).statusCode).toBe(400);
  });

  it('assigning yourself, a deactivated owner, another org\u2019s person: nobody is told', async () => {
    const self = await assigned('TASK-1002', people.dana.id, `user:${people.dana.id}`);
    const foreign = await assigned('TASK-1003', people.fay.id, 'admin-key');
    await t.db.database.db.updateTable('app_user').set({ status: 'deactivated', deactivated_at: now() }).where('user_id', '=', people.gus.id).execute();
    const gone = await assigned('TASK-1004', people.gus.id, 'admin-key');
    await drain();
    for (const id of [self, foreign, gone]) expect(await rowsFor(id)).toEqual([]);
    await t.db.database.db.updateTable('app_user').set({ status: 'active', deactivated_at: null }).where('user_id', '=', people.gus.id).execute();
  });

  it('a redelivered event notifies nobody twice and mails nobody twice', async () => {
    await quiet();
    const before = mailsTo('eli').length;
    const ev = await emit('pursuit.assigned', 'pursuit', '77', { pursuit_id: 77, title: 'Cold store', owner_user_id: people.eli.id, previous_owner_user_id: null, via: 'rule' }, 'rules');
    await drain();
    expect(await rowsFor(ev)).toHaveLength(1);
    expect(mailsTo('eli')).toHaveLength(before + 1);
    expect(bodyOf(mailsTo('eli').at(-1)!.raw)).toContain('http://localhost/pipeline/pursuits/77');
    const framesBefore = await countEvents('notification.created');
    const mailJobsBefore = await countEvents('mail.notification');

    await markUnprocessed(t.db.database, [ev]);
    await drain();
    expect(await rowsFor(ev)).toHaveLength(1);
    expect(mailsTo('eli')).toHaveLength(before + 1);
    expect(await countEvents('notification.created')).toBe(framesBefore);
    expect(await countEvents('mail.notification')).toBe(mailJobsBefore);

    // The mail job run again (a crash before its completion was recorded): the mail is not sent twice.
    const [row] = await rowsFor(ev);
    await markUnprocessed(t.db.database, [row!.mail_event_id!]);
    await drain();
    expect(mailsTo('eli')).toHaveLength(before + 1);
  });

  const countEvents = async (name: string) =>
    Number(
      (await t.db.database.db.selectFrom('work_event').select((eb) => eb.fn.countAll<number>().as('n')).where('event_name', '=', name).executeTakeFirstOrThrow()).n,
    );

  it('SLA warning, violation and critical alert of a task reach its owner through the SLA monitor', async () => {
    await quiet();
    const task = await createTaskVia(t, org.member, { workflow_category: 'Orders', title: 'Big order', dollar_value: 75_000, sla_deadline: new Date(clock.now().getTime() + 4 * 60 * MIN).toISOString() });
    await t.db.database.db.updateTable('workflow_tasks').set({ owner_user_id: people.vic.id }).where('task_id', '=', task.task_id).execute();
    const unowned = await createTaskVia(t, org.member, { workflow_category: 'Orders', title: 'Nobody\u2019s', dollar_value: 75_000, sla_deadline: new Date(clock.now().getTime() + 4 * 60 * MIN).toISOString() });

    clock.advance(3.5 * 60 * MIN); // inside the warning window
    await runSlaPass({ database: t.db.database, clock });
    await drain();
    let vic = await listOf('vic');
    expect(vic.data.map((n) => n.kind).sort()).toEqual(['critical_alert', 'sla_warning']);
    expect(vic.data.find((n) => n.kind === 'sla_warning')).toMatchObject({ item_id: task.task_id, title: 'Big order', detail: expect.stringMatching(/h left/) });

    clock.advance(60 * MIN); // past the deadline
    await runSlaPass({ database: t.db.database, clock });
    await drain();
    vic = await listOf('vic');
    expect(vic.data.map((n) => n.kind).sort()).toEqual(['critical_alert', 'critical_alert', 'sla_violated', 'sla_warning']);
    expect(vic.unread_count).toBe(4);
    // The task without an owning user tells nobody.
    const ofUnowned = await t.db.database.db.selectFrom('notification').select('notification_id').where('item_id', '=', unowned.task_id).execute();
    expect(ofUnowned).toEqual([]);
  });

  it('a customer reply (inbound task.message) tells the owner; an outbound one does not', async () => {
    const task = await createTaskVia(t, org.member, { workflow_category: 'Orders', title: 'Reply me' });
    await t.db.database.db.updateTable('workflow_tasks').set({ owner_user_id: people.eli.id }).where('task_id', '=', task.task_id).execute();
    const inbound = await emit('task.message', 'task', task.task_id, { taskId: task.task_id, direction: 'inbound', sender: 'buyer@client.example', subject: 'Re: quote' }, 'ingest');
    const outbound = await emit('task.message', 'task', task.task_id, { taskId: task.task_id, direction: 'outbound', sender: 'eli@acme.test', subject: 'Re: quote' }, 'ingest');
    await drain();
    expect(await rowsFor(inbound)).toMatchObject([{ user_id: people.eli.id, kind: 'customer_reply', detail: 'From buyer@client.example: Re: quote' }]);
    expect(await rowsFor(outbound)).toEqual([]);
  });

  it('comment.created tells each mentioned member, not the author nor another org\u2019s person', async () => {
    const ev = await emit(
      'comment.created',
      'task',
      'TASK-2001',
      {
        comment_id: 5,
        item_type: 'task',
        item_id: 'TASK-2001',
        title: 'Roof repair',
        author_user_id: people.eli.id,
        mentioned_user_ids: [people.dana.id, people.eli.id, people.fay.id, people.vic.id, people.dana.id],
        excerpt: 'Can you check @dana@acme.test',
      },
      `user:${people.eli.id}`,
    );
    await drain();
    const rows = await rowsFor(ev);
    expect(rows.map((r) => r.user_id).sort((a, b) => a - b)).toEqual([people.dana.id, people.vic.id].sort((a, b) => a - b));
    expect(rows[0]).toMatchObject({ kind: 'mention', item_type: 'task', item_id: 'TASK-2001', detail: 'Can you check @dana@acme.test' });
  });

  it('switches per kind: off in the app keeps the mail; both off tells nothing; another person keeps theirs', async () => {
    await quiet();
    const bad = await t.app.inject({ method: 'PUT', url: '/api/notifications/preferences', headers: people.dana.s.headers, payload: { data: [{ kind: 'nope', in_app: true, email: true }] } });
    expect(bad.statusCode).toBe(400);
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/notifications/preferences',
      headers: people.dana.s.headers,
      payload: { data: [{ kind: 'mention', in_app: false, email: true }, { kind: 'assigned', in_app: false, email: false }] },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().data).toHaveLength(6);
    expect(put.json().data).toContainEqual({ kind: 'mention', in_app: false, email: true });
    expect(put.json().data).toContainEqual({ kind: 'sla_warning', in_app: true, email: true });
    expect((await get(people.eli.s, '/api/notifications/preferences')).json().data).toContainEqual({ kind: 'assigned', in_app: true, email: true });

    const beforeMails = mailsTo('dana').length;
    const beforeList = (await listOf('dana')).pagination.total;
    const asg = await assigned('TASK-3001', people.dana.id, 'admin-key');
    const mention = await emit('comment.created', 'pursuit', '9', { comment_id: 6, item_type: 'pursuit', item_id: '9', title: 'Pursuit nine', author_user_id: people.eli.id, mentioned_user_ids: [people.dana.id], excerpt: 'hi' }, `user:${people.eli.id}`);
    await drain();
    expect(await rowsFor(asg)).toEqual([]);
    expect(await rowsFor(mention)).toMatchObject([{ user_id: people.dana.id, kind: 'mention' }]);
    expect((await listOf('dana')).pagination.total).toBe(beforeList); // not in the app
    expect(mailsTo('dana')).toHaveLength(beforeMails + 1); // by mail
    expect(header(mailsTo('dana').at(-1)!.raw, 'Subject')).toBe('You were mentioned: Pursuit nine');

    await t.app.inject({ method: 'PUT', url: '/api/notifications/preferences', headers: people.dana.s.headers, payload: { data: [{ kind: 'mention', in_app: true, email: true }, { kind: 'assigned', in_app: true, email: true }] } });
  });

  it('a burst within the window goes as one digest at its end; the first mail went at once', async () => {
    await quiet();
    const before = mailsTo('eli').length;
    await assigned('TASK-4001', people.eli.id, 'admin-key', 'First');
    await drain();
    expect(mailsTo('eli')).toHaveLength(before + 1); // at once
    expect(header(mailsTo('eli').at(-1)!.raw, 'Subject')).toBe('Assigned to you: First');

    clock.advance(MIN);
    for (const n of [2, 3, 4]) await assigned(`TASK-400${n}`, people.eli.id, 'admin-key', `Burst ${n}`);
    await drain();
    expect(mailsTo('eli')).toHaveLength(before + 1); // waiting for the window's end
    const waiting = await t.db.database.db.selectFrom('notification').select(['email_state', 'mail_event_id']).where('user_id', '=', people.eli.id).where('email_state', '=', 'pending').execute();
    expect(waiting).toHaveLength(3);

    clock.advance(3 * MIN); // 4 min after the first mail: still inside
    await drain();
    expect(mailsTo('eli')).toHaveLength(before + 1);

    clock.advance(MIN + 1_000); // past the window
    await drain();
    expect(mailsTo('eli')).toHaveLength(before + 2);
    const digest = mailsTo('eli').at(-1)!;
    expect(header(digest.raw, 'Subject')).toBe('3 notifications in Acme');
    const text = bodyOf(digest.raw);
    for (const n of [2, 3, 4]) {
      expect(text).toContain(`Assigned to you: Burst ${n}`);
      expect(text).toContain(`http://localhost/tasks/TASK-400${n}`);
    }
    const states = await t.db.database.db.selectFrom('notification').select('email_state').where('user_id', '=', people.eli.id).where('email_state', '=', 'pending').execute();
    expect(states).toEqual([]);
  });

  it('a person deactivated while their digest waits gets no mail; their waiting rows are settled off', async () => {
    await quiet();
    const before = mailsTo('gus').length;
    await assigned('TASK-5001', people.gus.id, 'admin-key', 'Now');
    await drain();
    expect(mailsTo('gus')).toHaveLength(before + 1);
    const later = await assigned('TASK-5002', people.gus.id, 'admin-key', 'Later');
    await drain();
    expect(await rowsFor(later)).toMatchObject([{ email_state: 'pending' }]);
    await t.db.database.db.updateTable('app_user').set({ status: 'deactivated', deactivated_at: now() }).where('user_id', '=', people.gus.id).execute();
    await quiet();
    expect(mailsTo('gus')).toHaveLength(before + 1);
    expect(await rowsFor(later)).toMatchObject([{ email_state: 'off', emailed_at: null }]);
    await t.db.database.db.updateTable('app_user').set({ status: 'active', deactivated_at: null }).where('user_id', '=', people.gus.id).execute();
  });

  it('retention prunes old notifications but keeps those whose mail is still owed', async () => {
    await quiet();
    await assigned('TASK-6001', people.vic.id, 'admin-key', 'Mailed at once');
    await drain();
    const waiting = await assigned('TASK-6002', people.vic.id, 'admin-key', 'Waits for the digest');
    await drain();
    const all = () => t.db.database.db.selectFrom('notification').select(['work_event_id', 'email_state']).execute();
    expect((await all()).some((n) => n.email_state === 'pending')).toBe(true);
    let pruned = 0;
    for (let n = -1; n !== 0; pruned += n) n = await pruneNotifications(t.db.database.db, { before: new Date(clock.now().getTime() + MIN).toISOString(), limit: 7 });
    expect(pruned).toBeGreaterThan(0);
    expect(await all()).toEqual([{ work_event_id: waiting, email_state: 'pending' }]);
    await quiet(); // the digest goes; nothing is left waiting
  });

  it('the routes are in the OpenAPI document', async () => {
    const doc = (await t.call(undefined, { method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/notifications/'] ?? doc.paths['/api/notifications'] ?? {})).toContain('get');
    expect(Object.keys(doc.paths['/api/notifications/unread-count']!)).toContain('get');
    expect(Object.keys(doc.paths['/api/notifications/read']!)).toContain('post');
    expect(Object.keys(doc.paths['/api/notifications/preferences']!).sort()).toEqual(['get', 'put']);
  });

  it('the event list and webhooks never carry notification events', async () => {
    const res = await t.call(org.admin, { method: 'GET', url: '/api/workstream/events?limit=200' });
    expect(res.statusCode).toBe(200);
    const names = (res.json().data as Array<{ event_name: string }>).map((e) => e.event_name);
    expect(names.some((n) => n.startsWith('notification.') || n.startsWith('mail.'))).toBe(false);
    expect(isWebhookable('notification.created')).toBe(false);
    expect(isWebhookable('mail.notification')).toBe(false);
    expect(isWebhookable('task.assigned')).toBe(true);
  });
});
