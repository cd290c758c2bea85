/**
 * Comment frames on /ws (#20), on both engines: adding, editing and deleting a comment pushes
 * `workflow:comment:created`, `:updated` and `:deleted` to the org's sockets (the work event's
 * payload plus item_type, item_id, actor and work_event_id), and to no other org's.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { realtimeServices } from '../src/app/realtime-services.js';
import type { Service } from '../src/shared/lifecycle.js';
import { describeEachEngine } from './helpers/engines.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { addUser } from './helpers/users.js';
import { createTaskVia } from './helpers/workflow.js';
import { openSocket, type TestSocket } from './helpers/ws-client.js';

describeEachEngine('comment frames on /ws', (engine) => {
  let t: TestApp;
  let a: TestOrg;
  let b: TestOrg;
  let wsUrl: string;
  let services: Service[];

  beforeAll(async () => {
    t = await createTestApp(engine);
    a = await t.createOrg('Acme');
    b = await t.createOrg('Beta');
    services = realtimeServices(t.deps).services;
    for (const s of services) await s.start();
    wsUrl = `${(await t.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws')}/ws`;
  });
  afterAll(async () => {
    for (const s of [...(services ?? [])].reverse()) await s.stop();
    await t?.close();
  });

  const listen = async (key: string): Promise<TestSocket> => {
    const s = openSocket(`${wsUrl}?token=${encodeURIComponent(key)}`);
    await s.next((f) => f.event === 'system:ready');
    return s;
  };

  it("pushes created, updated and deleted to the org's sockets only", async () => {
    const dana = await addUser(t, { orgId: a.orgId, email: 'dana@acme.test', role: 'member' });
    const task = await createTaskVia(t, a.member, { workflow_category: 'Orders', title: 'Fittings' });
    const [mine, theirs] = await Promise.all([listen(a.viewer), listen(b.viewer)]);

    const add = await t.call(a.member, { method: 'POST', url: `/api/comments/task/${task.task_id}`, payload: { body: 'Ask @dana@acme.test' } });
    expect(add.statusCode, add.body).toBe(201);
    const id = add.json().comment_id as number;
    const created = await mine.next((f) => f.event === 'workflow:comment:created');
    expect(created.data).toMatchObject({
      comment_id: id,
      item_type: 'task',
      item_id: task.task_id,
      title: 'Fittings',
      author_user_id: null,
      mentioned_user_ids: [dana],
      excerpt: 'Ask @dana@acme.test',
      actor: expect.any(String),
      work_event_id: expect.any(Number),
    });

    await t.call(a.member, { method: 'PATCH', url: `/api/comments/${id}`, payload: { body: 'Asked.' } });
    expect((await mine.next((f) => f.event === 'workflow:comment:updated')).data).toMatchObject({ comment_id: id, mentioned_user_ids: [], excerpt: 'Asked.' });
    await t.call(a.member, { method: 'DELETE', url: `/api/comments/${id}` });
    expect((await mine.next((f) => f.event === 'workflow:comment:deleted')).data).toMatchObject({ comment_id: id, item_id: task.task_id });

    // A later event of Beta's own arrives on its socket: by then Acme's would have too.
    await t.call(b.member, { method: 'POST', url: `/api/comments/task/${(await createTaskVia(t, b.member, { workflow_category: 'X', title: 'Beta' })).task_id}`, payload: { body: 'ours' } });
    await theirs.next((f) => f.event === 'workflow:comment:created');
    expect(theirs.events().filter((f) => f.event.startsWith('workflow:comment:')).map((f) => f.data.title)).toEqual(['Beta']);
    await Promise.all([mine.close(), theirs.close()]);
  });
});
