/**
 * Retention: old delivery data and activity history are pruned by age on the injected clock;
 * young rows, dead letters, unprocessed events and whatever a delivery still owes are kept.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultHandlers } from '../src/app/outbox-handlers.js';
import { RetentionPruner } from '../src/app/retention.js';
import { createBatch, insertItems } from '../src/ingest/batch.repository.js';
import { appendEvent } from '../src/outbox/work-events.repository.js';
import type { OutboxWorker } from '../src/outbox/worker.js';
import { ManualClock } from '../src/shared/clock.js';
import { describeEachEngine } from './helpers/engines.js';
import { testWorker } from './helpers/outbox-seed.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { createTaskVia, updateTaskVia } from './helpers/workflow.js';

const DAY = 86_400_000;
const T0 = '2026-01-01T00:00:00.000Z';

/** A loopback receiver: /ok answers 204; /flaky answers 503 until told otherwise. */
async function startReceiver() {
  let flakyOk = false;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(req.url === '/ok' || flakyOk ? 204 : 503).end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    heal: () => void (flakyOk = true),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const email = (subject: string) =>
  [
    'From: Jane Porter <jane@acme-industrial.com>',
    'To: Sam <sam@northwind.example>',
    `Subject: ${subject}`,
    'Date: Thu, 01 Jan 2026 00:00:00 +0000',
    `Message-ID: <${subject.replace(/\W/g, '')}@acme-industrial.com>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Please find our purchase order PO# 4500123 for 200 fittings, total $8,500.00. Urgent, please confirm.',
    '',
  ].join('\r\n');

describeEachEngine('retention pruning', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let clock: ManualClock;
  let worker: OutboxWorker;
  let pruner: RetentionPruner;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let flakyHook: number;
  let oldTask: string;
  let youngTask: string;
  let waitingEvent: number;
  const db = () => t.deps.database.db;
  const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();

  const count = async (table: 'webhook_delivery' | 'webhook_dispatch' | 'ingest_batch_item' | 'ingest_batch' | 'workflow_status_history', where?: [string, string]) => {
    let q = db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
    if (where) q = q.where(sql.ref(where[0]), '<', where[1]);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  const events = (f: { webhook?: boolean; before?: string } = {}) => {
    let q = db().selectFrom('work_event').select(['work_event_id', 'event_name', 'item_id', 'processed_at', 'dead_letter_at']);
    if (f.webhook !== undefined) q = q.where('event_name', f.webhook ? 'like' : 'not like', 'webhook.%');
    if (f.before) q = q.where('created_at', '<', f.before);
    return q.orderBy('work_event_id').execute();
  };

  beforeAll(async () => {
    receiver = await startReceiver();
    clock = new ManualClock(T0);
    t = await createTestApp(engine, {
      clock,
      env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', OUTBOX_MAX_ATTEMPTS: '1', RETENTION_DELIVERY: '1d', RETENTION_HISTORY: '7d' },
    });
    org = await t.createOrg();
    worker = testWorker(t, defaultHandlers(t.deps));
    // Two rows per statement, so every step has to loop to finish.
    pruner = new RetentionPruner(t.deps, { batchSize: 2, pauseMs: 0 });

    const hook = async (url: string, events: string[]) => {
      const res = await t.call(org.admin, { method: 'POST', url: '/api/webhooks', payload: { url, events } });
      expect(res.statusCode).toBe(201);
      return res.json().webhook_id as number;
    };
    await hook(`${receiver.base}/ok`, []);
    flakyHook = await hook(`${receiver.base}/flaky`, ['task.status_changed']);

    // T0: a task with a status change, an ingested email; every event handled, the flaky
    // endpoint's delivery dead-lettered.
    oldTask = (await createTaskVia(t, org.member, { title: 'Old task', workflow_category: 'Retention' })).task_id;
    await updateTaskVia(t, org.member, oldTask, { task_status: 'YELLOW' });
    const ingested = await t.call(org.member, { method: 'POST', url: '/api/ingest/emails', payload: [email('PO 4500123 fittings')] });
    expect(ingested.statusCode).toBe(201);
    await worker.drain();
    await worker.drain(); // the deliveries the fan-out queued
    // An old event still waiting for its next attempt: unprocessed, so never pruned.
    waitingEvent = await appendEvent(db(), { orgId: org.orgId, eventName: 'probe.waiting', itemType: 'probe', itemId: 1, happenedAt: T0 });
    await db()
      .updateTable('outbox_queue')
      .set({ attempts: 1, last_error: 'receiver down', next_attempt_at: '2099-01-01T00:00:00.000Z' })
      .where('work_event_id', '=', waitingEvent)
      .execute();

    // T0 + 2 days: young data of the same kinds.
    clock.set(at(2 * DAY));
    youngTask = (await createTaskVia(t, org.member, { title: 'Young task', workflow_category: 'Retention' })).task_id;
    await updateTaskVia(t, org.member, youngTask, { task_status: 'YELLOW' });
    await worker.drain();
    await worker.drain();
  });
  afterAll(async () => {
    await pruner.stop();
    await t.close();
    await receiver.close();
  });

  it('prunes delivery data older than RETENTION_DELIVERY and keeps dead letters, what they need, and young rows', async () => {
    const cutoff = at(DAY);
    const deadBefore = (await events({ webhook: true })).filter((e) => e.dead_letter_at);
    expect(deadBefore).toHaveLength(2); // the flaky endpoint's delivery at T0 and at T0 + 2 days
    const before = {
      youngDeliveries: (await count('webhook_delivery')) - (await count('webhook_delivery', ['created_at', cutoff])),
      oldDeliveries: await count('webhook_delivery', ['created_at', cutoff]),
      oldItems: await count('ingest_batch_item', ['created_at', cutoff]),
      history: await count('workflow_status_history'),
      activity: (await events({ webhook: false })).length,
    };
    expect(before.oldDeliveries).toBeGreaterThan(2);
    expect(before.oldItems).toBe(1);

    const pruned = await pruner.runOnce();

    expect(pruned).toMatchObject({ webhook_delivery: before.oldDeliveries, ingest_item: 1, ingest_batch: 1 });
    expect(pruned.status_history).toBeUndefined();
    expect(pruned.work_event).toBeUndefined();
    expect(await count('webhook_delivery', ['created_at', cutoff])).toBe(0);
    expect(await count('webhook_delivery')).toBe(before.youngDeliveries);
    expect(await count('ingest_batch_item')).toBe(0);
    expect(await count('ingest_batch')).toBe(0);
    // Old dispatch rows went, except the one whose delivery is a dead letter: a redrive needs it.
    const oldDispatch = await db().selectFrom('webhook_dispatch').select(['webhook_id']).where('created_at', '<', cutoff).execute();
    expect(oldDispatch).toEqual([{ webhook_id: flakyHook }]);
    // Processed delivery events went; both dead letters stayed.
    const oldWebhookEvents = await events({ webhook: true, before: cutoff });
    expect(oldWebhookEvents.map((e) => e.work_event_id)).toEqual([deadBefore[0]!.work_event_id]);
    expect((await events({ webhook: true })).filter((e) => e.dead_letter_at)).toEqual(deadBefore);
    // History is younger than RETENTION_HISTORY: untouched.
    expect(await count('workflow_status_history')).toBe(before.history);
    expect(await events({ webhook: false })).toHaveLength(before.activity);
  });

  it('prunes activity history older than RETENTION_HISTORY, keeping unprocessed events and sources of owed deliveries', async () => {
    clock.set(at(8 * DAY));
    const cutoff = at(DAY);
    const oldHistory = await count('workflow_status_history', ['changed_at', cutoff]);
    expect(oldHistory).toBe(3); // the old task's creation and move to YELLOW, the ingested task's creation
    const pruned = await pruner.runOnce();
    expect(pruned.work_event).toBeGreaterThan(2);
    expect(pruned.status_history).toBe(oldHistory);

    // The old task is still there; its history is gone, the young one's is whole.
    const oldView = await t.call(org.member, { method: 'GET', url: `/api/workflow/get/${oldTask}` });
    expect(oldView.statusCode).toBe(200);
    expect(oldView.json().history).toEqual([]);
    const youngView = await t.call(org.member, { method: 'GET', url: `/api/workflow/get/${youngTask}` });
    expect(youngView.json().history.map((h: { to_status: string }) => h.to_status)).toEqual(['GREEN', 'YELLOW']);

    // Of the old events, only the unprocessed one and the source of the dead-lettered delivery remain.
    const oldActivity = await events({ webhook: false, before: cutoff });
    expect(oldActivity.map((e) => [e.event_name, e.item_id])).toEqual([
      ['task.status_changed', oldTask],
      ['probe.waiting', '1'],
    ]);
    expect(oldActivity[1]).toMatchObject({ work_event_id: waitingEvent, processed_at: null });
    // The org's activity log through the API says the same.
    const log = await t.call(org.member, { method: 'GET', url: '/api/workstream/events?limit=200' });
    const names = (id: string) =>
      (log.json().data as Array<{ item_id: string; event_name: string }>).filter((e) => e.item_id === id).map((e) => e.event_name).sort();
    expect(names(youngTask)).toEqual(['task.created', 'task.status_changed', 'task.updated']);
    expect(names(oldTask)).toEqual(['task.status_changed']);

    const metrics = await t.call(undefined, { method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(new RegExp(`flowledger_retention_pruned_total\\{kind="work_event"\\} ${pruned.work_event}\\n`));
    expect(metrics.body).toMatch(/flowledger_retention_pruned_total\{kind="webhook_delivery"\} [1-9]/);
  });

  it('keeps a dead letter deliverable: redriven after pruning it succeeds, and is pruned only after that', async () => {
    const dead = await t.call(org.admin, { method: 'GET', url: '/api/outbox/dead-letters' });
    expect(dead.json().pagination.total).toBe(2);
    const oldest = dead.json().data.at(-1).work_event_id as number;
    receiver.heal();
    expect((await t.call(org.admin, { method: 'POST', url: `/api/outbox/dead-letters/${oldest}/retry` })).statusCode).toBe(202);
    await worker.drain();
    const deliveries = await t.call(org.admin, { method: 'GET', url: `/api/webhooks/${flakyHook}/deliveries` });
    expect(deliveries.json().data[0]).toMatchObject({ succeeded: true });

    // Delivered now: the next pass may drop its dispatch row, and with it the old source event.
    await pruner.runOnce();
    expect(await events({ before: at(DAY) })).toEqual([expect.objectContaining({ work_event_id: waitingEvent })]);
    expect((await t.call(org.admin, { method: 'GET', url: '/api/outbox/dead-letters' })).json().pagination.total).toBe(1);
  });

  it('keeps everything when both ages are off', async () => {
    const off = new RetentionPruner({ ...t.deps, config: { ...t.deps.config, retentionDeliveryMs: null, retentionHistoryMs: null } }, { pauseMs: 0 });
    clock.set(at(3650 * DAY));
    const kept = { events: (await events()).length, history: await count('workflow_status_history'), dispatch: await count('webhook_dispatch') };
    expect(kept.events * kept.history * kept.dispatch).toBeGreaterThan(0);
    expect(await off.runOnce()).toEqual({});
    expect({ events: (await events()).length, history: await count('workflow_status_history'), dispatch: await count('webhook_dispatch') }).toEqual(kept);
  });

  it('closes a batch left running by a dead process once nothing was written for INGEST_STALL_TIMEOUT, and only that one', async () => {
    const MIN = 60_000;
    const now = clock.now().getTime();
    const ago = (ms: number) => new Date(now - ms).toISOString();
    const batch = async (startedAgo: number, itemAgo?: number) => {
      const id = await createBatch(db(), { orgId: org.orgId, source: 'file', sourceName: 'big.mbox', actor: 'cli', now: ago(startedAgo) });
      if (itemAgo !== undefined) {
        await insertItems(db(), [{ org_id: org.orgId, batch_id: id, seq: 1, outcome: 'failed', reason: 'broken', created_at: ago(itemAgo) }]);
      }
      return id;
    };
    const dead = await batch(120 * MIN, 40 * MIN); // its process died 40 min ago, after one chunk
    const busy = await batch(120 * MIN, 5 * MIN); // long, but still writing
    const fresh = await batch(5 * MIN); // just started, nothing committed yet

    expect(t.deps.config.ingestStallTimeoutMs).toBe(30 * MIN);
    expect(await pruner.runOnce()).toMatchObject({ stalled_ingest_batch: 1 });
    const view = async (id: number) => (await t.call(org.admin, { method: 'GET', url: `/api/ingest/batches/${id}` })).json();
    expect(await view(dead)).toMatchObject({ status: 'failed', read: 1, failed: 1, error: expect.stringMatching(/nothing was written for 30 min/) });
    expect((await view(busy)).status).toBe('running');
    expect((await view(fresh)).status).toBe('running');
  });
});
