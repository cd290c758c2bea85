/**
 * Owners, comments and notifications together (#20), through the real routes on both engines: an
 * assignment by hand, one by a team's round-robin rule, a reassignment and a comment's @mention each
 * reach the right person's notifications (and no one else's, never another org's), with the
 * events written by the code that owns them rather than by the test.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultHandlers } from '../src/app/outbox-handlers.js';
import type { OutboxWorker } from '../src/outbox/worker.js';
import { describeEachEngine } from './helpers/engines.js';
import { testWorker } from './helpers/outbox-seed.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { addUser, signIn, type SignedIn } from './helpers/users.js';

const PASSWORD = 'correct horse battery';
type Person = 'ana' | 'ben' | 'cy' | 'zed';

describeEachEngine('assignments and mentions notify the people concerned', (engine) => {
  let t: TestApp;
  let acme: TestOrg;
  let other: TestOrg;
  let w: OutboxWorker;
  const people = {} as Record<Person, { id: number; s: SignedIn }>;

  beforeAll(async () => {
    t = await createTestApp(engine, { env: { PUBLIC_URL: 'http://localhost' } });
    acme = await t.createOrg('Acme');
    other = await t.createOrg('Other');
    for (const [name, orgId] of [['ana', acme.orgId], ['ben', acme.orgId], ['cy', acme.orgId], ['zed', other.orgId]] as const) {
      const email = `${name}@acme.test`;
      const id = await addUser(t, { orgId, email, role: 'member', password: PASSWORD, name });
      people[name] = { id, s: await signIn(t, email, PASSWORD) };
    }
    w = testWorker(t, defaultHandlers(t.deps));
  });
  afterAll(() => t?.close());

  const as = (who: Person, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: people[who].s.headers, ...(payload ? { payload } : {}) });
  const notified = async (who: Person) => {
    await w.drain();
    const res = await as(who, 'GET', '/api/notifications');
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().data as Array<{ kind: string; item_id: string; title: string }>).map((n) => `${n.kind} ${n.title}`);
  };

  it('tells the owner a task was given to them by hand, not the person who gave it', async () => {
    const res = await as('ana', 'POST', '/api/workflow/create', { workflow_category: 'Support', title: 'Boiler check', owner_user_id: people.ben.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(await notified('ben')).toContain('assigned Boiler check');
    expect(await notified('ana')).not.toContain('assigned Boiler check');
  });

  it('tells each person a team rule hands a new task to, in turn', async () => {
    const team = await t.call(acme.admin, { method: 'POST', url: '/api/teams', payload: { name: 'Desk' } });
    expect(team.statusCode, team.body).toBe(201);
    const teamId = team.json().team_id as number;
    for (const who of ['ben', 'cy'] as const) {
      const added = await t.call(acme.admin, { method: 'PUT', url: `/api/teams/${teamId}/members/${people[who].id}` });
      expect(added.statusCode, added.body).toBeLessThan(300);
    }
    const rule = await t.call(acme.admin, { method: 'PUT', url: '/api/ingest/routing-rules/Invoicing', payload: { assign_team_id: teamId } });
    expect(rule.statusCode, rule.body).toBe(200);
    for (const title of ['Invoice A', 'Invoice B']) {
      expect((await t.call(acme.member, { method: 'POST', url: '/api/workflow/create', payload: { workflow_category: 'Invoicing', title } })).statusCode).toBe(201);
    }
    const ben = (await notified('ben')).filter((n) => n.startsWith('assigned Invoice'));
    const cy = (await notified('cy')).filter((n) => n.startsWith('assigned Invoice'));
    expect([...ben, ...cy].sort()).toEqual(['assigned Invoice A', 'assigned Invoice B']);
    expect(ben).toHaveLength(1);
  });

  it('tells the person open work is moved to when someone is reassigned', async () => {
    const task = await as('ana', 'POST', '/api/workflow/create', { workflow_category: 'Support', title: 'Roof leak', owner_user_id: people.ana.id });
    expect(task.statusCode).toBe(201);
    const moved = await t.call(acme.admin, { method: 'POST', url: `/api/users/${people.ana.id}/reassign`, payload: { to_user_id: people.cy.id } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await notified('cy')).toContain('assigned Roof leak');
  });

  it('tells the people a comment mentions, not its author, and never someone of another org', async () => {
    const task = await as('ana', 'POST', '/api/workflow/create', { workflow_category: 'Support', title: 'Gate sensor' });
    const taskId = task.json().task_id as string;
    const comment = await as('ana', 'POST', `/api/comments/task/${taskId}`, { body: 'Can @ben@acme.test look? cc @zed@acme.test and @ana@acme.test' });
    expect(comment.statusCode, comment.body).toBe(201);
    expect(comment.json().mentions.map((m: { user_id: number }) => m.user_id).sort()).toEqual([people.ana.id, people.ben.id].sort());
    expect(await notified('ben')).toContain('mention Gate sensor');
    expect(await notified('ana')).not.toContain('mention Gate sensor');
    expect(await notified('zed')).toEqual([]);
  });
});
