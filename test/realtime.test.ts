import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultHandlers } from '../src/app/outbox-handlers.js';
import { appendEvent } from '../src/outbox/work-events.repository.js';
import { transact } from '../src/db/transact.js';
import { realtimeServices } from '../src/app/realtime-services.js';
import { runSlaPass } from '../src/sla/monitor.js';
import type { Service } from '../src/shared/lifecycle.js';
import { describeEachEngine } from './helpers/engines.js';
import { insertTask } from './helpers/factories.js';
import { testWorker } from './helpers/outbox-seed.js';
import { runCliProcess } from './helpers/processes.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { createTaskVia, trpcData, trpcMutation } from './helpers/workflow.js';
import { openReady, openSocket, type Frame } from './helpers/ws-client.js';
import { scaled } from './helpers/time-scale.js';

const HOUR = 3_600_000;

describeEachEngine('realtime WebSocket /ws', (engine) => {
  let t: TestApp;
  let wsUrl: string;
  let services: Service[];
  let org1: TestOrg;
  let org2: TestOrg;

  beforeAll(async () => {
    t = await createTestApp(engine, {
      env: { WS_AUTH_TIMEOUT: '300ms', WS_HEARTBEAT_INTERVAL: '1s', WS_MAX_BUFFERED: '256kb', AUTH_FAILURE_LIMIT: '1000' },
    });
    // No fallback poll in these tests: what arrives was woken by a commit, NOTIFY or data_version.
    services = realtimeServices(t.deps, { tap: { pollIntervalMs: 3_600_000 } }).services;
    for (const s of services) await s.start();
    const httpUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
    wsUrl = `${httpUrl.replace(/^http/, 'ws')}/ws`;
    org1 = await t.createOrg('Acme');
    org2 = await t.createOrg('Globex');
  });

  afterAll(async () => {
    for (const s of [...services].reverse()) await s.stop();
    await t.close();
  });

  /** Creates a task and its `task.created` event in one committed transaction. */
  async function commitTask(orgId: number, opts: { dollarValue?: number; title?: string } = {}) {
    return transact(t.deps, async (trx) => {
      const now = t.clock.now().toISOString();
      const taskId = await insertTask(trx, orgId, { createdAt: now, dollarValue: opts.dollarValue ?? 1200, title: opts.title });
      const eventId = await appendEvent(trx, {
        orgId,
        eventName: 'task.created',
        itemType: 'task',
        itemId: taskId,
        payload: { taskId, category: 'General', status: 'GREEN', dollarValue: opts.dollarValue ?? 1200 },
        happenedAt: now,
      });
      return { taskId, eventId };
    });
  }

  async function commitWorkstreamEvent(orgId: number, eventName: string, itemId: number) {
    return transact(t.deps, (trx) =>
      appendEvent(trx, { orgId, eventName, itemType: 'pursuit', itemId, payload: { pursuit_id: itemId }, happenedAt: t.clock.now().toISOString() }),
    );
  }

  it('pushes a committed task event with the seed fields and the task as the API returns it', async () => {
    const s = await openReady(wsUrl, org1.viewer);
    const { taskId, eventId } = await commitTask(org1.orgId, { dollarValue: 4200, title: 'Quote for PO 77' });
    const f = await s.next((x) => x.event === 'workflow:task:created');
    expect(f.id).toBe(String(eventId));
    expect(f.ts).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(f.data).toMatchObject({ taskId, category: 'General', status: 'GREEN', dollarValue: 4200, item_id: taskId });
    expect(f.data.task).toMatchObject({ task_id: taskId, org_id: org1.orgId, title: 'Quote for PO 77', dollar_value: 4200, task_status: 'GREEN', tags: [], entities: {} });
    await s.close();
  });

  it('pushes workflow API changes: created, updated + status:changed (old/new) + completed, with the task as the API returns it', async () => {
    const s = await openReady(wsUrl, org1.viewer);
    const created = await t.call(org1.member, {
      method: 'POST',
      url: '/api/workflow/create',
      payload: { workflow_category: 'Quote Processing', title: 'Quote for 40 units', dollar_value: 18000 },
    });
    expect(created.statusCode).toBe(201);
    const task = created.json() as { task_id: string; task_status: string };
    const c = await s.next((f) => f.event === 'workflow:task:created' && f.data.taskId === task.task_id);
    expect(c.data).toMatchObject({ taskId: task.task_id, category: 'Quote Processing', status: task.task_status, dollarValue: 18000 });
    expect(c.data.task).toEqual(task);

    const done = await t.call(org1.member, { method: 'PUT', url: `/api/workflow/update/${task.task_id}`, payload: { updates: { task_status: 'COMPLETED' } } });
    expect(done.statusCode).toBe(200);
    const changed = await s.next((f) => f.event === 'workflow:status:changed' && f.data.taskId === task.task_id);
    expect(changed.data).toMatchObject({ oldStatus: task.task_status, newStatus: 'COMPLETED', status: 'COMPLETED' });
    expect(changed.data.task).toEqual(done.json());
    await s.next((f) => f.event === 'workflow:task:completed' && f.data.taskId === task.task_id);
    const order = s.events().filter((f) => f.data.taskId === task.task_id).map((f) => f.event);
    expect(order).toEqual(['workflow:task:created', 'workflow:task:updated', 'workflow:status:changed', 'workflow:task:completed']);
    await s.close();
  });

  it('pushes workflow:task:deleted and fresh executive metrics when a task is deleted, over REST and tRPC', async () => {
    const org4 = await t.createOrg('Umbrella');
    const s = await openReady(wsUrl, org4.viewer);
    // Frames already received count too: each state below is told apart from the earlier ones by its figures.
    const metricsWith = (tasks: number, revenueAtRisk: number) =>
      s.next((f) => {
        const e = f.data.executive as { total_tasks: number; red_tasks: number; revenue_at_risk: number } | undefined;
        return f.event === 'workflow:metrics:updated' && e?.total_tasks === tasks && e.red_tasks === tasks && e.revenue_at_risk === revenueAtRisk;
      }, scaled(5_000));
    const a = await createTaskVia(t, org4.member, { workflow_category: 'Support', title: 'Duplicate A', task_status: 'RED', dollar_value: 500 });
    const b = await createTaskVia(t, org4.member, { workflow_category: 'Support', title: 'Duplicate B', task_status: 'RED', dollar_value: 700 });
    await metricsWith(2, 1_200);

    expect((await t.call(org4.member, { method: 'DELETE', url: `/api/workflow/delete/${a.task_id}` })).statusCode).toBe(200);
    const goneA = await s.next((f) => f.event === 'workflow:task:deleted' && f.data.taskId === a.task_id);
    expect(goneA.data).toMatchObject({ taskId: a.task_id, category: 'Support', status: 'RED', dollarValue: 500, task: null, item_id: a.task_id });
    expect(goneA.data.actor).toMatch(/^key:\d+$/);
    await metricsWith(1, 700);

    trpcData(await trpcMutation(t, org4.admin, 'delete', { taskId: b.task_id }));
    const goneB = await s.next((f) => f.event === 'workflow:task:deleted' && f.data.taskId === b.task_id);
    expect(goneB.data).toMatchObject({ status: 'RED', dollarValue: 700, task: null, actor: `admin-${org4.orgId}` });
    await metricsWith(0, 0);
    await s.close();
  });

  it('sends each org only its own events (two orgs, two clients each)', async () => {
    const a1 = await openReady(wsUrl, org1.member);
    const a2 = await openReady(wsUrl, org1.viewer);
    const b1 = await openReady(wsUrl, org2.member);
    const mine1 = [await commitTask(org1.orgId), await commitTask(org1.orgId)];
    const mine2 = [await commitTask(org2.orgId)];
    const w1 = await commitWorkstreamEvent(org1.orgId, 'pursuit.won', 11);
    const w2 = await commitWorkstreamEvent(org2.orgId, 'pursuit.lost', 22);

    for (const s of [a1, a2]) {
      await s.next((f) => f.id === String(w1));
      const ids = s.events().filter((f) => !f.event.startsWith('workflow:metrics')).map((f) => f.id);
      expect(ids).toEqual([...mine1.map((m) => String(m.eventId)), String(w1)]);
    }
    await b1.next((f) => f.id === String(w2));
    expect(b1.events().filter((f) => !f.event.startsWith('workflow:metrics')).map((f) => f.id)).toEqual([String(mine2[0]!.eventId), String(w2)]);
    const won = a1.frames.find((f) => f.id === String(w1))!;
    expect(won.event).toBe('workstream:pursuit.won');
    expect(won.data).toMatchObject({ pursuit_id: 11, item_type: 'pursuit', item_id: '11' });
    // Metrics frames, too, are per org: each shows only its org's tasks.
    const m2 = await b1.next((f) => f.event === 'workflow:metrics:updated' && (f.data.executive as { total_tasks: number }).total_tasks === 1);
    expect(m2.data.executive).toMatchObject({ total_tasks: 1, green_tasks: 1 });
    await Promise.all([a1.close(), a2.close(), b1.close()]);
  });

  it('never sends an event whose transaction rolled back', async () => {
    const s = await openReady(wsUrl, org1.member);
    await expect(
      transact(t.deps, async (trx) => {
        const now = t.clock.now().toISOString();
        const taskId = await insertTask(trx, org1.orgId, { createdAt: now, title: 'doomed' });
        await appendEvent(trx, { orgId: org1.orgId, eventName: 'task.created', itemType: 'task', itemId: taskId, payload: { taskId }, happenedAt: now });
        throw new Error('validation failed after the insert');
      }),
    ).rejects.toThrow('validation failed');
    // Wake the tap as a commit would, then commit a real change: it must be the first thing received.
    t.deps.commitFeed.notify();
    const { eventId } = await commitTask(org1.orgId, { title: 'kept' });
    const first = await s.next((f) => f.event === 'workflow:task:created');
    expect(first.id).toBe(String(eventId));
    expect(s.events().filter((f) => f.event === 'workflow:task:created')).toHaveLength(1);
    expect(JSON.stringify(s.frames)).not.toContain('doomed');
    await s.close();
  });

  it('filters by subscribe patterns, replaces them on resubscribe, and rejects bad patterns', async () => {
    const s = await openReady(wsUrl, org1.member);
    s.send({ type: 'subscribe', events: ['workflow:sla:*', 'workstream:pursuit.won'] });
    const sub = await s.next((f) => f.event === 'system:subscribed');
    expect(sub.data).toEqual({ events: ['workflow:sla:*', 'workstream:pursuit.won'] });

    // An SLA pass on an overdue task emits status:changed and sla:violated; only the latter matches.
    const created = new Date(t.clock.now().getTime() - 10 * HOUR).toISOString();
    const taskId = await transact(t.deps, (trx) =>
      insertTask(trx, org1.orgId, { createdAt: created, now: created, deadline: new Date(t.clock.now().getTime() - HOUR).toISOString(), dollarValue: 9000 }),
    );
    await runSlaPass({ database: t.deps.database, clock: t.deps.clock, commitFeed: t.deps.commitFeed });
    const violated = await s.next((f) => f.event === 'workflow:sla:violated' && f.data.taskId === taskId);
    expect(violated.data).toMatchObject({ taskId, status: 'RED', dollarValue: 9000 });
    expect(violated.data.hoursOverdue).toBeGreaterThan(0.9);
    expect((violated.data.task as { task_status: string; sla_status: string }).task_status).toBe('RED');
    const lost = await commitWorkstreamEvent(org1.orgId, 'pursuit.lost', 5);
    const won = await commitWorkstreamEvent(org1.orgId, 'pursuit.won', 5);
    await s.next((f) => f.id === String(won));
    // Only frames sent after the subscription took effect: the coalesced metrics push of an earlier
    // test's commits may still reach this socket before its subscribe message does.
    const sinceSubscribed = s.frames.slice(s.frames.indexOf(sub) + 1).filter((f) => !f.event.startsWith('system:'));
    expect(sinceSubscribed.map((f) => f.event)).toEqual(['workflow:sla:violated', 'workstream:pursuit.won']);
    expect(s.frames.some((f) => f.id === String(lost))).toBe(false);

    s.send({ type: 'subscribe', events: ['workflow:status:*', 'bad pattern!'] });
    const err = await s.next((f) => f.event === 'system:error');
    expect(err.data).toMatchObject({ code: 'bad_request' });
    expect(String(err.data.error)).toContain('bad pattern!');
    s.send({ type: 'subscribe', events: [] });
    await s.collect((f) => f.event === 'system:error', 2);
    s.send({ type: 'frobnicate' });
    expect(String((await s.collect((f) => f.event === 'system:error', 3))[2]!.data.error)).toContain('frobnicate');
    s.send({ type: 'ping' });
    await s.next((f) => f.event === 'system:pong');
    expect(s.ws.readyState).toBe(s.ws.OPEN);
    await s.close();
  });

  it('takes an initial filter from ?events= and the key from ?token=', async () => {
    const s = openSocket(`${wsUrl}?token=${org1.viewer}&events=workstream:*`);
    const ready = await s.next((f) => f.event === 'system:ready');
    expect(ready.data).toEqual({ org_id: org1.orgId, role: 'viewer', events: ['workstream:*'] });
    await commitTask(org1.orgId);
    const id = await commitWorkstreamEvent(org1.orgId, 'candidate.triaged', 3);
    await s.next((f) => f.id === String(id));
    expect(s.events().map((f) => f.event)).toEqual(['workstream:candidate.triaged']);
    await s.close();
  });

  it('delivers a work event once when the outbox publishes it too (same id), and refuses a bad ?events=', async () => {
    const s = await openReady(wsUrl, org1.viewer);
    const id = await commitWorkstreamEvent(org1.orgId, 'proposal.sent', 8);
    await s.next((f) => f.id === String(id));
    // What the outbox's notification handler does for the same committed event.
    t.deps.hub.publish(org1.orgId, 'proposal.sent', { pursuit_id: 8 }, { id: String(id) });
    const after = await commitWorkstreamEvent(org1.orgId, 'proposal.created', 9);
    await s.next((f) => f.id === String(after));
    expect(s.frames.filter((f) => f.id === String(id))).toHaveLength(1);
    await s.close();

    const bad = openSocket(`${wsUrl}?token=${org1.viewer}&events=workflow:sla:*,no%20spaces`);
    const closed = await bad.closed;
    expect(closed.code).toBe(1008);
    expect(closed.reason).toContain('no spaces');
  });

  it('authenticates by a first auth message', async () => {
    const s = openSocket(wsUrl);
    await new Promise((r) => s.ws.once('open', r));
    s.send({ type: 'auth', token: org2.viewer });
    const ready = await s.next((f) => f.event === 'system:ready');
    expect(ready.data).toMatchObject({ org_id: org2.orgId, role: 'viewer' });
    await s.close();
  });

  it('closes with 4401 for a missing, unknown or late key and a non-auth first message; 4403 for a revoked key', async () => {
    const silent = openSocket(wsUrl);
    expect(await silent.closed).toEqual({ code: 4401, reason: 'authentication timed out' });

    const unknown = openSocket(wsUrl, { headers: { authorization: 'Bearer fl_nope' } });
    expect(await unknown.closed).toEqual({ code: 4401, reason: 'Unknown API key' });

    const badFirst = openSocket(wsUrl);
    await new Promise((r) => badFirst.ws.once('open', r));
    badFirst.send({ type: 'subscribe', events: ['*'] });
    expect((await badFirst.closed).code).toBe(4401);

    const wrongToken = openSocket(wsUrl);
    await new Promise((r) => wrongToken.ws.once('open', r));
    wrongToken.send({ type: 'auth', token: 'fl_wrong' });
    expect((await wrongToken.closed).code).toBe(4401);

    const key = await t.createKey(org1.orgId, 'viewer', 'soon-revoked');
    const list = await t.call(org1.admin, { method: 'GET', url: '/api/keys' });
    const keyId = (list.json() as { data: Array<{ key_id: number; name: string }> }).data.find((k) => k.name === 'soon-revoked')!.key_id;
    expect((await t.call(org1.admin, { method: 'DELETE', url: `/api/keys/${keyId}` })).statusCode).toBeLessThan(300);
    const revoked = openSocket(`${wsUrl}?token=${key}`);
    expect(await revoked.closed).toEqual({ code: 4403, reason: 'API key has been revoked' });

    // Plain HTTP to /ws is refused in our error shape.
    const plain = await t.call(undefined, { method: 'GET', url: '/ws' });
    expect(plain.statusCode).toBe(426);
    expect(plain.json()).toMatchObject({ code: 'bad_request' });
  });

  it('closes an open socket with 4403 once its key is revoked', async () => {
    const key = await t.createKey(org2.orgId, 'viewer', 'revoked-while-open');
    const s = await openReady(wsUrl, key);
    const list = await t.call(org2.admin, { method: 'GET', url: '/api/keys' });
    const keyId = (list.json() as { data: Array<{ key_id: number; name: string }> }).data.find((k) => k.name === 'revoked-while-open')!.key_id;
    expect((await t.call(org2.admin, { method: 'DELETE', url: `/api/keys/${keyId}` })).statusCode).toBeLessThan(300);
    expect(await s.closed).toEqual({ code: 4403, reason: 'API key has been revoked' });
  });

  it('coalesces workflow:metrics:updated to at most one per org per second however many changes', async () => {
    const org3 = await t.createOrg('Initech');
    const s = await openReady(wsUrl, org3.viewer);
    s.send({ type: 'subscribe', events: ['workflow:metrics:updated'] });
    await s.next((f) => f.event === 'system:subscribed');
    const started = Date.now();
    const n = 25;
    for (let i = 0; i < n; i++) await commitTask(org3.orgId, { dollarValue: 100 });
    const done = await s.next((f) => f.event === 'workflow:metrics:updated' && (f.data.executive as { total_tasks: number }).total_tasks === n, 5_000);
    expect(done.data.executive).toEqual({
      total_tasks: n,
      red_tasks: 0,
      yellow_tasks: 0,
      green_tasks: n,
      completed_tasks: 0,
      revenue_at_risk: 0,
      sla_violations: 0,
      tasks_last_24h: n,
      sla_met_percentage: 100,
    });
    // Nothing more is pending once the last state went out.
    await new Promise((r) => setTimeout(r, 1_200));
    const metrics = s.events();
    // When the server began each push (its id carries the coalescer's pacing time): arrival times
    // would also measure how late a busy machine delivered them.
    const times = metrics.map((f) => Number(/^metrics-\d+-(\d+)-/.exec(f.id)![1]));
    const elapsed = Date.now() - started;
    expect(metrics.length).toBeLessThanOrEqual(Math.ceil(elapsed / 1000) + 1);
    expect(metrics.length).toBeLessThan(n);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1000);
    expect((metrics.at(-1)!.data.executive as { total_tasks: number }).total_tasks).toBe(n);
    await s.close();
  });

  it('drops a peer that stops answering pings, and a client whose send buffer overflows, without slowing others', async () => {
    const dead = await openReady(wsUrl, org2.member);
    // Stop reading: the peer neither answers pings nor drains its receive buffer.
    (dead.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const healthy = await openReady(wsUrl, org2.member);
    const big = 'x'.repeat(64 * 1024);
    // 13 MB at a pace a live reader keeps up with; the stalled one fills its kernel buffers, then ours.
    for (let i = 0; i < 200; i++) {
      t.deps.hub.publish(org2.orgId, 'bench.blob', { i, big }, { id: `blob-${i}` });
      await t.deps.hub.drain();
      await new Promise((r) => setImmediate(r));
    }
    await healthy.collect((f) => f.event === 'workstream:bench.blob', 200, 10_000);
    (dead.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    const closed = await dead.closed;
    expect(closed.code).toBe(1006);
    expect(dead.events().filter((f) => f.event === 'workstream:bench.blob').length).toBeLessThan(200);
    const metrics = (await t.call(undefined, { method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/flowledger_ws_clients_dropped_total\{reason="backpressure"\} [1-9]/);
    expect(metrics).toMatch(/flowledger_ws_messages_sent_total [1-9]/);
    expect(metrics).toMatch(/flowledger_ws_clients [1-9]/);
    await healthy.close();
  });

  it('drops a silent peer by heartbeat', async () => {
    // A peer that does not answer pings (as a frozen browser tab or a dead network path).
    const dead = openSocket(wsUrl, { headers: { authorization: `Bearer ${org1.member}` }, autoPong: false });
    await dead.next((f) => f.event === 'system:ready');
    const before = Date.now();
    // The server stops waiting after one missed pong (two 1 s intervals).
    const closed = await Promise.race([dead.closed, new Promise<{ code: number }>((r) => setTimeout(() => r({ code: -1 }), 3_000))]);
    expect(closed.code).not.toBe(-1);
    expect(Date.now() - before).toBeLessThan(3_000);
    const metrics = (await t.call(undefined, { method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/flowledger_ws_clients_dropped_total\{reason="heartbeat"\} [1-9]/);
  });

  it('sees commits of another process: the CLI running an SLA pass', async () => {
    const s = await openReady(wsUrl, org2.viewer);
    s.send({ type: 'subscribe', events: ['workflow:sla:violated'] });
    await s.next((f) => f.event === 'system:subscribed');
    const created = new Date(t.clock.now().getTime() - 30 * HOUR).toISOString();
    const taskId = await transact(t.deps, (trx) =>
      insertTask(trx, org2.orgId, { createdAt: created, now: created, deadline: new Date(t.clock.now().getTime() - 2 * HOUR).toISOString() }),
    );
    const env = { DATABASE_URL: t.db.processUrl };
    const r = await runCliProcess(['sla', 'run', '--at', new Date(t.clock.now().getTime() + HOUR).toISOString()], env);
    expect(r.code, r.output).toBe(0);
    const f = await s.next((x) => x.data.taskId === taskId, 5_000);
    expect(f.event).toBe('workflow:sla:violated');
    await s.close();
  });

  if (engine.name === 'postgres') {
    it('delivers an event whose lower id commits after a higher one (PostgreSQL ids are not commit order)', async () => {
      const s = await openReady(wsUrl, org1.viewer);
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let assigned!: (id: number) => void;
      const slowId = new Promise<number>((r) => (assigned = r));
      const slow = transact(t.deps, async (trx) => {
        assigned(await appendEvent(trx, { orgId: org1.orgId, eventName: 'pursuit.won', itemType: 'pursuit', itemId: 1, happenedAt: t.clock.now().toISOString() }));
        await gate;
      });
      const lowId = await slowId;
      const highId = await commitWorkstreamEvent(org1.orgId, 'pursuit.lost', 2);
      expect(highId).toBeGreaterThan(lowId);
      await s.next((f) => f.id === String(highId));
      release();
      await slow;
      const late = await s.next((f) => f.id === String(lowId));
      expect(late.event).toBe('workstream:pursuit.won');
      await s.close();
    });

    it('fans out across server processes on the same PostgreSQL through LISTEN/NOTIFY, both ways', async () => {
      // B and C poll only hourly: what reaches them within seconds came by NOTIFY.
      const started = await Promise.allSettled([startServeProcess(t.db.processUrl), startServeProcess(t.db.processUrl)]);
      if (started.some((r) => r.status === 'rejected')) {
        // Never leave a server process behind.
        for (const r of started) if (r.status === 'fulfilled') r.value.process.kill('SIGKILL');
        throw (started.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason;
      }
      const [b, c] = started.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof startServeProcess>>>).value) as [
        Awaited<ReturnType<typeof startServeProcess>>,
        Awaited<ReturnType<typeof startServeProcess>>,
      ];
      const wsOf = (u: string) => `${u.replace(/^http/, 'ws')}/ws`;
      try {
        const onB = await openReady(wsOf(b.url), org1.viewer);
        const onC = await openReady(wsOf(c.url), org1.viewer);
        const otherOrgOnB = await openReady(wsOf(b.url), org2.viewer);

        // A change committed through process A (this one) reaches the clients on B and C.
        const { taskId, eventId } = await commitTask(org1.orgId, { title: 'via A' });
        for (const s of [onB, onC]) {
          const f = await s.next((x) => x.id === String(eventId), 10_000);
          expect(f).toMatchObject({ event: 'workflow:task:created', data: { taskId, task: { title: 'via A' } } });
        }

        // A change made through process B's HTTP API reaches the client on process C.
        const res = await fetch(`${b.url}/api/sla/tasks/${taskId}/pause`, { method: 'POST', headers: { authorization: `Bearer ${org1.member}` } });
        expect(res.status).toBe(200);
        const fc = await onC.next((f) => f.event === 'workflow:task:updated' && f.data.taskId === taskId, 10_000);
        expect((fc.data.task as { sla_paused_at: string | null }).sla_paused_at).not.toBeNull();
        await onB.next((f) => f.event === 'workflow:task:updated' && f.data.taskId === taskId);
        // Isolation holds across processes too.
        expect(otherOrgOnB.frames.filter((f: Frame) => JSON.stringify(f).includes(taskId))).toEqual([]);

        // Shutting B down tells its clients to reconnect.
        b.process.kill('SIGTERM');
        expect((await onB.closed).code).toBe(1012);
        expect(onB.frames.some((f) => f.event === 'system:shutdown')).toBe(true);
        await onC.close();
      } finally {
        for (const p of [b, c]) if (!p.process.killed) p.process.kill('SIGTERM');
        expect(await b.exited).toBe(0);
        await c.exited;
      }
    });
  }
});

describeEachEngine('realtime frames from the commit tap', (engine) => {
  it('publish each committed work event once, with its data: payload, item_type, item_id, actor, work_event_id (the outbox worker publishes none)', async () => {
    const t = await createTestApp(engine);
    const worker = testWorker(t, defaultHandlers(t.deps));
    const { tap } = realtimeServices(t.deps, { tap: { pollIntervalMs: 3_600_000 } });
    try {
      const org = await t.createOrg();
      const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
      const s = await openReady(`${url.replace(/^http/, 'ws')}/ws`, org.viewer);
      const createTask = (title: string) => createTaskVia(t, org.member, { workflow_category: 'Quotes', title, dollar_value: 300 });
      const won = (pursuitId: number) =>
        transact(t.deps, (trx) =>
          appendEvent(trx, { orgId: org.orgId, eventName: 'pursuit.won', itemType: 'pursuit', itemId: pursuitId, payload: { pursuit_id: pursuitId }, actor: 'key:7', happenedAt: t.clock.now().toISOString() }),
        );

      // Without the tap, the outbox delivers the events but no frame goes out.
      const taskA = await createTask('before the tap');
      const wonA = await won(1);
      await worker.drain();
      await t.deps.hub.drain();
      expect(s.frames.filter((f) => f.id === String(wonA) || (f.event === 'workflow:task:created' && f.data.taskId === taskA.task_id))).toEqual([]);

      await tap.start();
      const taskB = await createTask('via the tap');
      const wonB = await won(2);
      const frames = [
        await s.next((f) => f.event === 'workflow:task:created' && f.data.taskId === taskB.task_id),
        await s.next((f) => f.id === String(wonB)),
      ];
      await worker.drain();
      await t.deps.hub.drain();

      for (const f of frames) {
        const r = await t.db.database.db.selectFrom('work_event').selectAll().where('work_event_id', '=', Number(f.id)).executeTakeFirstOrThrow();
        expect(f.data).toEqual({ ...JSON.parse(r.payload_json), item_type: r.item_type, item_id: r.item_id, actor: r.actor, work_event_id: r.work_event_id });
        expect(s.frames.filter((x) => x.id === f.id)).toHaveLength(1);
      }
      expect(frames[0]!.data).toMatchObject({ actor: taskB.created_by, work_event_id: Number(frames[0]!.id) });
      expect(frames[1]!.data).toMatchObject({ actor: 'key:7', pursuit_id: 2 });
      await s.close();
    } finally {
      await tap.stop();
      await t.close();
    }
  });
});

describeEachEngine('realtime shutdown', (engine) => {
  it('tells clients to reconnect (close 1012) when the server stops', async () => {
    const t = await createTestApp(engine);
    const org = await t.createOrg();
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const s = await openReady(`${url.replace(/^http/, 'ws')}/ws`, org.viewer);
    await t.close();
    expect(await s.closed).toEqual({ code: 1012, reason: 'server restarting; reconnect' });
    expect(s.frames.at(-1)).toMatchObject({ event: 'system:shutdown', data: { reconnect: true } });
  });
});


async function startServeProcess(databaseUrl: string): Promise<{ url: string; process: ChildProcess; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(process.cwd(), 'src/main.ts'), 'serve', '--no-workers'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_URL: databaseUrl, REALTIME_POLL_INTERVAL: '1h', SHUTDOWN_DRAIN_DELAY: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  void exited.then(() => process.off('exit', orphanGuard));
  const deadline = Date.now() + scaled(20_000);
  while (!/"url":"(http:[^"]+)"/.test(output) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
  const url = /"url":"(http:[^"]+)"/.exec(output)?.[1];
  if (!url) {
    child.kill('SIGKILL');
    throw new Error(`serve did not start:\n${output}`);
  }
  return { url, process: child, exited };
}
