/**
 * POST /api/webhooks/:id/deliveries/:delivery_id/redrive on both engines: a dead-lettered delivery,
 * one waiting for its retry and one skipped while its endpoint was paused are each sent again; a
 * repeated redrive is a no-op; a delivered one, a paused endpoint, an unknown or another
 * endpoint's delivery and another org are refused; admins only; every redrive audited once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultHandlers } from '../src/app/outbox-handlers.js';
import { transact } from '../src/db/transact.js';
import type { OutboxWorker } from '../src/outbox/worker.js';
import { appendEvent } from '../src/outbox/work-events.repository.js';
import type { ManualClock } from '../src/shared/clock.js';
import { describeEachEngine } from './helpers/engines.js';
import { testWorker } from './helpers/outbox-seed.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { startReceiver } from './helpers/webhook-receiver.js';

interface Delivery {
  delivery_id: number;
  work_event_id: number;
  attempt: number;
  status_code: number | null;
  succeeded: boolean;
}

describeEachEngine('webhook delivery redrive', (engine) => {
  const secret = 'redrive-secret-0123456789';
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  let clock: ManualClock;
  let w: OutboxWorker;

  beforeAll(async () => {
    receiver = await startReceiver(secret);
    t = await createTestApp(engine, { env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', OUTBOX_MAX_ATTEMPTS: '2' } });
    clock = t.clock as ManualClock;
    org = await t.createOrg('Acme');
    other = await t.createOrg('Globex');
    w = testWorker(t, defaultHandlers(t.deps));
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  let seq = 0;
  /** A new endpoint taking `event` only, so each test sees its own deliveries. */
  async function endpoint(): Promise<{ hookId: number; event: string }> {
    const event = `pursuit.redrive_${++seq}`;
    const res = await t.call(org.admin, { method: 'POST', url: '/api/webhooks', payload: { url: receiver.url, secret, events: [event] } });
    expect(res.statusCode, res.body).toBe(201);
    return { hookId: res.json().webhook_id as number, event };
  }
  const append = (eventName: string) =>
    transact(t.deps, (trx) => appendEvent(trx, { orgId: org.orgId, eventName, itemType: 'pursuit', itemId: 5, payload: { pursuit_id: 5 }, happenedAt: clock.now().toISOString() }));
  const deliveries = async (hookId: number): Promise<Delivery[]> =>
    (await t.call(org.admin, { method: 'GET', url: `/api/webhooks/${hookId}/deliveries` })).json().data as Delivery[];
  const redrive = (key: string, hookId: number, deliveryId: number) =>
    t.call(key, { method: 'POST', url: `/api/webhooks/${hookId}/deliveries/${deliveryId}/redrive` });
  const audits = async (hookId: number) =>
    t.db.database.db
      .selectFrom('work_event')
      .select(['payload_json', 'actor'])
      .where('org_id', '=', org.orgId)
      .where('event_name', '=', 'audit.webhook.redriven')
      .where('item_id', '=', String(hookId))
      .execute();

  it('sends a dead-lettered delivery again once redriven, and a repeated redrive changes nothing', async () => {
    const { hookId, event } = await endpoint();
    receiver.failNextRequests(2);
    const source = await append(event);
    await w.drain();
    clock.advance(1_000);
    expect((await w.drain()).deadLettered).toBe(1);
    const [last] = await deliveries(hookId);
    expect(last).toMatchObject({ work_event_id: source, attempt: 2, status_code: 503, succeeded: false });

    const first = await redrive(org.admin, hookId, last!.delivery_id);
    expect(first.statusCode, first.body).toBe(202);
    expect(first.json()).toMatchObject({ delivery_id: last!.delivery_id, webhook_id: hookId, work_event_id: source, status: 'queued' });
    // Idempotent: the same answer, no second audit record, one more attempt only.
    const again = await redrive(org.admin, hookId, last!.delivery_id);
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual(first.json());
    const recorded = await audits(hookId);
    expect(recorded).toHaveLength(1);
    expect(JSON.parse(recorded[0]!.payload_json)).toMatchObject({
      webhook_id: hookId,
      delivery_id: last!.delivery_id,
      work_event_id: source,
      changes: { delivery: { before: 'dead_lettered', after: 'queued' } },
    });

    await w.drain();
    const log = await deliveries(hookId);
    expect(log).toHaveLength(3);
    expect(log[0]).toMatchObject({ attempt: 3, status_code: 204, succeeded: true });
    // Delivered: never again, from any of its attempts.
    for (const d of log) {
      const r = await redrive(org.admin, hookId, d.delivery_id);
      expect(r.statusCode).toBe(409);
      expect(r.json()).toMatchObject({ code: 'conflict' });
      expect(r.json().error).toMatch(/was delivered/);
    }
    expect(await audits(hookId)).toHaveLength(1);
  });

  it('makes a delivery waiting for its retry due now', async () => {
    const { hookId, event } = await endpoint();
    receiver.failNextRequests(1);
    await append(event);
    expect((await w.drain()).retried).toBe(1);
    expect((await w.drain()).claimed).toBe(0); // backing off
    const [failed] = await deliveries(hookId);
    const r = await redrive(org.admin, hookId, failed!.delivery_id);
    expect(r.statusCode, r.body).toBe(202);
    await w.drain(); // no clock advance: due now
    expect((await deliveries(hookId))[0]).toMatchObject({ attempt: 2, succeeded: true });
    expect(JSON.parse((await audits(hookId))[0]!.payload_json).changes).toEqual({ delivery: { before: 'retrying', after: 'queued' } });
  });

  it('refuses a paused endpoint, and after resuming queues again a delivery skipped while it was paused', async () => {
    const { hookId, event } = await endpoint();
    receiver.failNextRequests(1);
    await append(event);
    await w.drain();
    const [failed] = await deliveries(hookId);
    expect((await t.call(org.admin, { method: 'PATCH', url: `/api/webhooks/${hookId}`, payload: { is_active: false } })).statusCode).toBe(200);
    const paused = await redrive(org.admin, hookId, failed!.delivery_id);
    expect(paused.statusCode).toBe(409);
    expect(paused.json().error).toMatch(/paused/);
    clock.advance(1_000);
    await w.drain(); // the retry finds the endpoint paused: processed, nothing sent
    expect(await deliveries(hookId)).toHaveLength(1);

    expect((await t.call(org.admin, { method: 'PATCH', url: `/api/webhooks/${hookId}`, payload: { is_active: true } })).statusCode).toBe(200);
    const r = await redrive(org.admin, hookId, failed!.delivery_id);
    expect(r.statusCode, r.body).toBe(202);
    expect(r.json().deliver_event_id).not.toBe(failed!.work_event_id);
    await w.drain();
    expect((await deliveries(hookId))[0]).toMatchObject({ attempt: 2, succeeded: true });
    expect(JSON.parse((await audits(hookId))[0]!.payload_json).changes).toEqual({ delivery: { before: 'not_queued', after: 'queued' } });
  });

  it('answers 404 for an unknown delivery, another endpoint’s delivery and another org; 403 below admin', async () => {
    const a = await endpoint();
    const b = await endpoint();
    receiver.failNextRequests(1);
    await append(a.event);
    await w.drain();
    const [failed] = await deliveries(a.hookId);

    expect((await redrive(org.admin, a.hookId, 999_999)).statusCode).toBe(404);
    expect((await redrive(org.admin, b.hookId, failed!.delivery_id)).statusCode).toBe(404);
    expect((await redrive(org.admin, 999_999, failed!.delivery_id)).statusCode).toBe(404);
    const cross = await redrive(other.admin, a.hookId, failed!.delivery_id);
    expect(cross.statusCode).toBe(404);
    expect(cross.json().code).toBe('not_found');
    expect((await redrive(org.member, a.hookId, failed!.delivery_id)).statusCode).toBe(403);
    expect((await redrive(org.viewer, a.hookId, failed!.delivery_id)).statusCode).toBe(403);
    expect((await t.call(org.admin, { method: 'POST', url: `/api/webhooks/${a.hookId}/deliveries/0/redrive` })).statusCode).toBe(400);
    expect(await audits(a.hookId)).toHaveLength(0);
  });

  it('is in the OpenAPI document', async () => {
    const paths = Object.keys((await t.call(undefined, { method: 'GET', url: '/api/openapi.json' })).json().paths);
    expect(paths).toContain('/api/webhooks/{id}/deliveries/{delivery_id}/redrive');
  });
});
