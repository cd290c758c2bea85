/**
 * Work proportional to listeners (#21): a process loads tasks for events, and recomputes executive
 * metrics, only for orgs with a WebSocket client connected to it (RealtimeHub.watchOrg); an org
 * whose last client left leaves nothing pending behind for when it is watched again.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { realtimeServices } from '../src/app/realtime-services.js';
import { transact } from '../src/db/transact.js';
import { appendEvent } from '../src/outbox/work-events.repository.js';
import type { RealtimeMessage } from '../src/realtime/hub.js';
import { MetricsCoalescer } from '../src/realtime/metrics-coalescer.js';
import type { Service } from '../src/shared/lifecycle.js';
import { executiveMetrics } from '../src/workflow/metrics.service.js';
import { describeEachEngine } from './helpers/engines.js';
import { insertTask } from './helpers/factories.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { waitFor } from './helpers/wait-for.js';
import { openReady } from './helpers/ws-client.js';

describeEachEngine('realtime work proportional to listeners', (engine) => {
  let t: TestApp;
  let wsUrl: string;
  let services: Service[];
  let a: TestOrg;
  let b: TestOrg;
  /** Executive-metrics loads per org by the serving coalescer. */
  const loads = new Map<number, number>();
  const loadsOf = (orgId: number) => loads.get(orgId) ?? 0;
  /** What the hub delivered, as every subscriber sees it. */
  const delivered: RealtimeMessage[] = [];

  beforeAll(async () => {
    t = await createTestApp(engine);
    services = realtimeServices(t.deps, {
      tap: { pollIntervalMs: 3_600_000 },
      metricsIntervalMs: 50,
      loadExecutiveMetrics: (orgId) => {
        loads.set(orgId, loadsOf(orgId) + 1);
        return executiveMetrics(t.deps, { orgId });
      },
    }).services;
    for (const s of services) await s.start();
    t.deps.hub.subscribe((m) => delivered.push(m));
    wsUrl = `${(await t.app.listen({ port: 0, host: '127.0.0.1' })).replace(/^http/, 'ws')}/ws`;
    a = await t.createOrg('Watched');
    b = await t.createOrg('Unwatched');
  });

  afterAll(async () => {
    for (const s of [...services].reverse()) await s.stop();
    await t.close();
  });

  /** A task and its `task.created` event (without the task in its payload), committed. */
  function commitTask(orgId: number) {
    return transact(t.deps, async (trx) => {
      const now = t.clock.now().toISOString();
      const taskId = await insertTask(trx, orgId, { createdAt: now });
      await appendEvent(trx, { orgId, eventName: 'task.created', itemType: 'task', itemId: taskId, payload: { taskId }, happenedAt: now });
      return taskId;
    });
  }
  const deliveredFor = (taskId: string) => waitFor(() => delivered.find((m) => m.data.taskId === taskId), { what: `hub message for ${taskId}` });

  it("loads tasks and metrics for orgs with a client here only, and starts when an org's first client connects", async () => {
    const sa = await openReady(wsUrl, a.viewer);
    expect(t.deps.hub.isWatched(a.orgId)).toBe(true);
    expect(t.deps.hub.isWatched(b.orgId)).toBe(false);

    // B's event first: delivered in order, so by the time A's metrics arrive, a push for B would have run.
    const inB = await commitTask(b.orgId);
    const inA = await commitTask(a.orgId);
    const frame = await sa.next((f) => f.event === 'workflow:task:created' && f.data.taskId === inA);
    expect(frame.data.task).toMatchObject({ task_id: inA, org_id: a.orgId });
    await sa.next((f) => f.event === 'workflow:metrics:updated');
    expect('task' in (await deliveredFor(inB)).data).toBe(false);
    expect(loadsOf(a.orgId)).toBeGreaterThan(0);
    expect(loadsOf(b.orgId)).toBe(0);

    // B's first client: its events carry the task again, and its metrics are pushed.
    const sb = await openReady(wsUrl, b.viewer);
    const later = await commitTask(b.orgId);
    expect((await sb.next((f) => f.event === 'workflow:task:created' && f.data.taskId === later)).data.task).toMatchObject({ task_id: later });
    await sb.next((f) => f.event === 'workflow:metrics:updated');
    expect(loadsOf(b.orgId)).toBeGreaterThan(0);
    await sa.close();
    await sb.close();
  });

  it('counts clients: an org stays watched until its last client leaves, then its events are not loaded', async () => {
    const first = await openReady(wsUrl, a.viewer);
    const second = await openReady(wsUrl, a.member);
    await first.close();
    // Once the server has seen the first leave (one client left in the process), A is still watched.
    await waitFor(async () => /^flowledger_ws_clients 1$/m.test((await t.call(undefined, { method: 'GET', url: '/metrics' })).body), { what: 'one client left' });
    expect(t.deps.hub.isWatched(a.orgId)).toBe(true);
    const kept = await commitTask(a.orgId);
    expect((await second.next((f) => f.event === 'workflow:task:created' && f.data.taskId === kept)).data.task).toMatchObject({ task_id: kept });
    await second.close();
    await waitFor(() => !t.deps.hub.isWatched(a.orgId), { what: 'org A unwatched after its last client left' });

    const before = loadsOf(a.orgId);
    const unheard = await commitTask(a.orgId);
    // A barrier: B's metrics push, published after A's event was delivered.
    const sb = await openReady(wsUrl, b.viewer);
    await commitTask(b.orgId);
    await sb.next((f) => f.event === 'workflow:metrics:updated');
    expect('task' in (await deliveredFor(unheard)).data).toBe(false);
    expect(loadsOf(a.orgId)).toBe(before);
    await sb.close();
  });

  it('drops a pending metrics push when the last client leaves, so a new client is not paced by the old one', async () => {
    // A long interval: the second change of a watched org waits for it (a pending push).
    const c = await t.createOrg('Paced');
    let cLoads = 0;
    const paced = new MetricsCoalescer(
      t.deps.hub,
      async (orgId) => {
        if (orgId === c.orgId) cLoads += 1;
        return executiveMetrics(t.deps, { orgId });
      },
      t.deps.logger,
      3_600_000,
    );
    paced.start();
    try {
      const release = t.deps.hub.watchOrg(c.orgId);
      t.deps.hub.publish(c.orgId, 'task.updated', { taskId: 'none' });
      await waitFor(() => cLoads === 1, { what: 'the first push' });
      t.deps.hub.publish(c.orgId, 'task.updated', { taskId: 'none' }); // pending for an hour
      await t.deps.hub.drain();
      release();
      release(); // a second release of the same watch changes nothing

      t.deps.hub.publish(c.orgId, 'task.updated', { taskId: 'none' }); // nobody watches: ignored
      await t.deps.hub.drain();
      const again = t.deps.hub.watchOrg(c.orgId);
      expect(cLoads).toBe(1);
      // Watched anew: the next change is pushed at once, not after the old pending hour.
      t.deps.hub.publish(c.orgId, 'task.updated', { taskId: 'none' });
      await waitFor(() => cLoads === 2, { what: 'a push at once for the newly watched org' });
      again();
    } finally {
      await paced.stop();
    }
  });
});
