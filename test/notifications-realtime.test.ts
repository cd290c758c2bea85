/**
 * `notification:created` over /ws: sent only to the notified person's signed-in sockets — not to
 * another person of the same org, not to an API-key socket — with the notification and the
 * person's unread count.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultHandlers } from '../src/app/outbox-handlers.js';
import { realtimeServices } from '../src/app/realtime-services.js';
import { transact } from '../src/db/transact.js';
import { appendEvent } from '../src/outbox/work-events.repository.js';
import type { Service } from '../src/shared/lifecycle.js';
import { describeEachEngine } from './helpers/engines.js';
import { testWorker } from './helpers/outbox-seed.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { addUser, signIn, type SignedIn } from './helpers/users.js';
import { openSocket, type TestSocket } from './helpers/ws-client.js';

const PASSWORD = 'a long and unusual passphrase';

describeEachEngine('notifications over /ws', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let wsUrl: string;
  let origin: string;
  let services: Service[];
  const ids: Record<string, number> = {};
  const sessions: Record<string, SignedIn> = {};

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg('Acme');
    for (const name of ['dana', 'eli']) {
      ids[name] = await addUser(t, { orgId: org.orgId, email: `${name}@acme.test`, role: 'member', password: PASSWORD });
      sessions[name] = await signIn(t, `${name}@acme.test`, PASSWORD);
    }
    services = realtimeServices(t.deps).services;
    for (const s of services) await s.start();
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    origin = new URL(base).origin;
    wsUrl = `${base.replace('http', 'ws')}/ws`;
  });
  afterAll(async () => {
    for (const s of [...(services ?? [])].reverse()) await s.stop();
    await t?.close();
  });

  const ready = async (s: TestSocket) => {
    await s.next((f) => f.event === 'system:ready');
    return s;
  };
  const emit = (eventName: string, itemType: string, itemId: string, payload: Record<string, unknown>, actor: string) =>
    transact(t.deps, (trx) => appendEvent(trx, { orgId: org.orgId, eventName, itemType, itemId, payload, actor, happenedAt: t.clock.now().toISOString() }));

  it("reaches only the notified person's session sockets, with the unread count", async () => {
    const dana = await ready(openSocket(wsUrl, { headers: { cookie: sessions.dana!.headers.cookie!, origin } }));
    const danaAgain = await ready(openSocket(wsUrl, { headers: { cookie: sessions.dana!.headers.cookie!, origin } }));
    const eli = await ready(openSocket(wsUrl, { headers: { cookie: sessions.eli!.headers.cookie!, origin } }));
    const key = await ready(openSocket(wsUrl, { headers: { authorization: `Bearer ${org.admin}` } }));

    await emit('task.assigned', 'task', 'TASK-9', { task_id: 'TASK-9', title: 'Crane hire', owner_user_id: ids.dana, previous_owner_user_id: null, via: 'manual' }, `user:${ids.eli}`);
    await testWorker(t, defaultHandlers(t.deps)).drain();

    for (const s of [dana, danaAgain]) {
      const f = await s.next((x) => x.event === 'notification:created');
      expect(f.data).toMatchObject({ user_id: ids.dana, unread_count: 1, notification: { kind: 'assigned', item_type: 'task', item_id: 'TASK-9', title: 'Crane hire', read_at: null } });
    }
    // A later org-wide event reaches everyone; frames arrive in order, so by then the others would have had it.
    await emit('pursuit.updated', 'pursuit', '1', { changes: {} }, 'admin');
    for (const s of [eli, key]) {
      await s.next((x) => x.event === 'workstream:pursuit.updated');
      expect(s.frames.filter((x) => x.event.startsWith('notification:'))).toEqual([]);
    }
    // The org's other frames never carry the personal event under another name either.
    expect(eli.frames.some((x) => x.event.includes('notification.created'))).toBe(false);
    for (const s of [dana, danaAgain, eli, key]) await s.close();
  });
});
