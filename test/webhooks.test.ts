import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultHandlers } from '../src/app/outbox-handlers.js';
import { transact } from '../src/db/transact.js';
import { createWebhook } from '../src/outbox/webhooks/webhooks.repository.js';
import { appendEvent } from '../src/outbox/work-events.repository.js';
import type { ManualClock } from '../src/shared/clock.js';
import { describeEachEngine, type TestEngine } from './helpers/engines.js';
import { markUnprocessed, testWorker } from './helpers/outbox-seed.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { startReceiver, type Hit } from './helpers/webhook-receiver.js';
import { verifySignature } from '../src/outbox/webhooks/signature.js';

describeEachEngine('webhook endpoints API', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;

  beforeAll(async () => {
    t = await createTestApp(engine); // WEBHOOK_ALLOW_PRIVATE_NETWORKS defaults to false
    org = await t.createOrg('Acme');
    other = await t.createOrg('Globex');
  });
  afterAll(() => t.close());

  const create = (key: string, payload: unknown) => t.call(key, { method: 'POST', url: '/api/webhooks', payload: payload as object });

  it('registers an endpoint, shows the secret once, lists and deletes it', async () => {
    const res = await create(org.admin, { url: 'https://93.184.216.34/hook', events: ['pursuit.*', 'proposal.sent', 'pursuit.*'] });
    expect(res.statusCode).toBe(201);
    const hook = res.json();
    expect(hook).toMatchObject({ org_id: org.orgId, url: 'https://93.184.216.34/hook', events: ['pursuit.*', 'proposal.sent'], is_active: true });
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(hook.secret_prefix).toBe(hook.secret.slice(0, 10));

    const list = await t.call(org.admin, { method: 'GET', url: '/api/webhooks' });
    expect(list.statusCode).toBe(200);
    expect(list.json().pagination).toEqual({ page: 1, limit: 50, total: 1, next_cursor: null });
    expect(JSON.stringify(list.json())).not.toContain(hook.secret);
    expect((await t.call(org.admin, { method: 'GET', url: `/api/webhooks/${hook.webhook_id}` })).json()).toMatchObject({ webhook_id: hook.webhook_id });
    expect((await t.call(org.admin, { method: 'GET', url: `/api/webhooks/${hook.webhook_id}/deliveries` })).json()).toEqual({
      data: [],
      pagination: { page: 1, limit: 50, total: 0, next_cursor: null },
    });

    // Another org sees nothing and cannot touch it.
    expect((await t.call(other.admin, { method: 'GET', url: '/api/webhooks' })).json().data).toEqual([]);
    for (const [method, url] of [
      ['GET', `/api/webhooks/${hook.webhook_id}`],
      ['GET', `/api/webhooks/${hook.webhook_id}/deliveries`],
      ['DELETE', `/api/webhooks/${hook.webhook_id}`],
    ] as const) {
      const r = await t.call(other.admin, { method, url });
      expect(r.statusCode, `${method} ${url}`).toBe(404);
      expect(r.json().code).toBe('not_found');
    }

    const del = await t.call(org.admin, { method: 'DELETE', url: `/api/webhooks/${hook.webhook_id}` });
    expect(del.statusCode).toBe(200);
    expect((await t.call(org.admin, { method: 'GET', url: `/api/webhooks/${hook.webhook_id}` })).statusCode).toBe(404);
  });

  it('documents the webhook and outbox routes in the OpenAPI document', async () => {
    const paths = Object.keys((await t.call(undefined, { method: 'GET', url: '/api/openapi.json' })).json().paths);
    for (const p of ['/api/webhooks', '/api/webhooks/{id}', '/api/webhooks/{id}/deliveries', '/api/outbox/stats', '/api/outbox/dead-letters', '/api/outbox/dead-letters/{id}/retry']) {
      expect(paths).toContain(p);
    }
  });

  it('changes an endpoint with PATCH: filter, pause, url (checked again) and secret rotation', async () => {
    const created = (await create(org.admin, { url: 'https://93.184.216.34/a', events: ['pursuit.won'] })).json();
    const url = `/api/webhooks/${created.webhook_id}`;
    const patched = await t.call(org.admin, { method: 'PATCH', url, payload: { events: ['task.*'], is_active: false } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ events: ['task.*'], is_active: false, secret_prefix: created.secret_prefix });
    expect(patched.json().secret).toBeUndefined();

    const rotated = await t.call(org.admin, { method: 'PATCH', url, payload: { rotate_secret: true } });
    expect(rotated.json().secret).toMatch(/^whsec_/);
    expect(rotated.json().secret).not.toBe(created.secret);

    const priv = await t.call(org.admin, { method: 'PATCH', url, payload: { url: 'http://10.1.1.1/x' } });
    expect(priv.statusCode).toBe(400);
    expect(priv.json().error).toMatch(/private address/);
    expect((await t.call(org.admin, { method: 'PATCH', url, payload: {} })).statusCode).toBe(400);
    expect((await t.call(org.admin, { method: 'PATCH', url, payload: { rotate_secret: false } })).statusCode).toBe(400);
    expect((await t.call(other.admin, { method: 'PATCH', url, payload: { is_active: true } })).statusCode).toBe(404);
    expect((await t.call(org.member, { method: 'PATCH', url, payload: { is_active: true } })).statusCode).toBe(403);
    expect((await t.call(org.admin, { method: 'GET', url })).json()).toMatchObject({ url: 'https://93.184.216.34/a', is_active: false });
    await t.call(org.admin, { method: 'DELETE', url });
  });

  it('is admin only', async () => {
    for (const key of [org.member, org.viewer]) {
      expect((await t.call(key, { method: 'GET', url: '/api/webhooks' })).statusCode).toBe(403);
      expect((await create(key, { url: 'https://93.184.216.34/hook' })).statusCode).toBe(403);
    }
    expect((await t.call(undefined, { method: 'GET', url: '/api/webhooks' })).statusCode).toBe(401);
  });

  it('refuses URLs on loopback or private networks with a 400 naming the url', async () => {
    for (const url of ['http://127.0.0.1:8080/x', 'http://localhost/x', 'http://[::1]/x', 'http://10.0.0.8/x', 'http://192.168.1.20/x', 'http://169.254.169.254/latest']) {
      const res = await create(org.admin, { url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code).toBe('bad_request');
      expect(res.json().error).toMatch(/private address/);
      expect(res.json().details.fields[0].field).toBe('url');
    }
  });

  it('validates the body: url, events, secret, unknown fields, another org_id', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{}, /url/],
      [{ url: 'ftp://example.com/x' }, /http or https/],
      [{ url: 'nope' }, /absolute/],
      [{ url: 'https://93.184.216.34/x', events: ['Pursuit Won'] }, /events/],
      [{ url: 'https://93.184.216.34/x', events: 'pursuit.won' }, /events/],
      [{ url: 'https://93.184.216.34/x', secret: 'short' }, /secret/],
      [{ url: 'https://93.184.216.34/x', secret: '{"v":1,"current":"x"}-0123456789' }, /secret/],
      [{ url: 'https://93.184.216.34/x', colour: 'red' }, /Invalid body/],
    ];
    for (const [payload, msg] of cases) {
      const res = await create(org.admin, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error).toMatch(msg);
    }
    const braced = await create(org.admin, { url: 'https://93.184.216.34/x', secret: '{"v":1,"current":"x"}-0123456789' });
    expect(JSON.stringify(braced.json().details)).toContain('secret must not start with');
    expect((await create(org.admin, { url: 'https://93.184.216.34/x', org_id: other.orgId })).statusCode).toBe(403);
    expect((await t.call(org.admin, { method: 'GET', url: '/api/webhooks/0' })).statusCode).toBe(400);
    expect((await t.call(org.admin, { method: 'GET', url: '/api/webhooks?page=0' })).statusCode).toBe(400);
    expect((await t.call(org.admin, { method: 'GET', url: '/api/webhooks/999999' })).statusCode).toBe(404);
  });
});

/** A receiver, an app that may deliver to loopback, and an org; `append` records a pursuit event now. */
async function startDeliveryRig(engine: TestEngine, receiverSecret: string, env: Record<string, string>) {
  const receiver = await startReceiver(receiverSecret);
  const t = await createTestApp(engine, { env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', ...env } });
  const clock = t.clock as ManualClock;
  const org = await t.createOrg('Acme');
  const append = (eventName: string, payload: Record<string, unknown>) =>
    transact(t.deps, (trx) => appendEvent(trx, { orgId: org.orgId, eventName, itemType: 'pursuit', itemId: 5, payload, happenedAt: clock.now().toISOString() }));
  return {
    receiver,
    t,
    clock,
    org,
    append,
    stop: async () => {
      await t.close();
      await receiver.close();
    },
  };
}
type DeliveryRig = Awaited<ReturnType<typeof startDeliveryRig>>;

describeEachEngine('webhook delivery', (engine) => {
  const secret = 'test-secret-0123456789abcdef';
  let rig: DeliveryRig;
  let receiver: DeliveryRig['receiver'];
  let t: TestApp;
  let org: TestOrg;
  let clock: ManualClock;
  let append: DeliveryRig['append'];

  beforeAll(async () => {
    rig = await startDeliveryRig(engine, secret, { OUTBOX_MAX_ATTEMPTS: '4' });
    ({ receiver, t, org, clock, append } = rig);
  });
  afterAll(() => rig?.stop());

  it('delivers matching events once, signed, to a real receiver, and logs the attempt', async () => {
    const res = await t.call(org.admin, { method: 'POST', url: '/api/webhooks', payload: { url: receiver.url, secret, events: ['pursuit.*'] } });
    expect(res.statusCode).toBe(201);
    const hookId = res.json().webhook_id;
    const w = testWorker(t, defaultHandlers(t.deps));
    const won = await append('pursuit.won', { pursuit_id: 5, value: 9000 });
    await append('checklist.updated', { pursuit_id: 5 }); // not in the filter
    await w.drain();

    expect(receiver.hits).toHaveLength(1);
    const hit = receiver.hits[0]!;
    expect(hit.signatureOk).toBe(true);
    expect(hit.headers['content-type']).toBe('application/json');
    expect(hit.headers['x-flowledger-event-id']).toBe(String(won));
    expect(hit.headers['x-flowledger-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(new Date(hit.headers['x-flowledger-timestamp'] as string).toISOString()).toBe(hit.headers['x-flowledger-timestamp']);
    expect(JSON.parse(hit.body)).toEqual({ id: won, event: 'pursuit.won', org_id: org.orgId, occurred_at: clock.now().toISOString(), data: { pursuit_id: 5, value: 9000 } });

    const log = await t.call(org.admin, { method: 'GET', url: `/api/webhooks/${hookId}/deliveries` });
    expect(log.json().data).toEqual([
      expect.objectContaining({ webhook_id: hookId, work_event_id: won, attempt: 1, status_code: 204, succeeded: true, error: null }),
    ]);

    // Re-running the source event and its delivery (a crash before completion) sends nothing more.
    const deliver = await t.db.database.db.selectFrom('work_event').select('work_event_id').where('event_name', '=', 'webhook.deliver').execute();
    await markUnprocessed(t.db.database, [won, ...deliver.map((d) => d.work_event_id)]);
    await w.drain();
    expect(receiver.hits).toHaveLength(1);
    await t.call(org.admin, { method: 'DELETE', url: `/api/webhooks/${hookId}` });
  });

  it('delivers nothing to a paused endpoint', async () => {
    const hookId = (await t.call(org.admin, { method: 'POST', url: '/api/webhooks', payload: { url: receiver.url, secret, events: ['pursuit.qual'] } })).json().webhook_id;
    expect((await t.call(org.admin, { method: 'PATCH', url: `/api/webhooks/${hookId}`, payload: { is_active: false } })).statusCode).toBe(200);
    const before = receiver.hits.length;
    await append('pursuit.qual', { pursuit_id: 5 });
    await testWorker(t, defaultHandlers(t.deps)).drain();
    expect(receiver.hits.length).toBe(before);
    await t.call(org.admin, { method: 'DELETE', url: `/api/webhooks/${hookId}` });
  });

  it('retries a failing receiver with backoff until it answers 2xx, then never again', async () => {
    const res = await t.call(org.admin, { method: 'POST', url: '/api/webhooks', payload: { url: receiver.url, secret, events: ['pursuit.lost'] } });
    const hookId = res.json().webhook_id;
    const w = testWorker(t, defaultHandlers(t.deps));
    const before = receiver.hits.length;
    receiver.failNextRequests(2);
    const lost = await append('pursuit.lost', { pursuit_id: 5, lost_reason: 'price' });
    expect((await w.drain()).retried).toBe(1);
    expect((await w.drain()).claimed).toBe(0); // backing off
    clock.advance(1_000);
    expect((await w.drain()).retried).toBe(1);
    clock.advance(1_000);
    await w.drain();
    const mine = receiver.hits.slice(before);
    expect(mine).toHaveLength(3);
    expect(mine.every((h) => h.signatureOk && h.headers['x-flowledger-event-id'] === String(lost))).toBe(true);
    expect(new Set(mine.map((h) => h.body)).size).toBe(1); // the same body every attempt

    const log = (await t.call(org.admin, { method: 'GET', url: `/api/webhooks/${hookId}/deliveries` })).json();
    expect(log.data.map((d: { attempt: number; status_code: number; succeeded: boolean }) => [d.attempt, d.status_code, d.succeeded])).toEqual([
      [3, 204, true],
      [2, 503, false],
      [1, 503, false],
    ]);
    expect(log.data[2].error).toBe('HTTP 503');

    clock.advance(60_000);
    await w.drain();
    expect(receiver.hits.length - before).toBe(3);
  });

  it('dead-letters a delivery after max attempts and redrives it from the admin API', async () => {
    const res = await t.call(org.admin, { method: 'POST', url: '/api/webhooks', payload: { url: receiver.url, secret, events: ['pursuit.submit'] } });
    const hookId = res.json().webhook_id;
    const w = testWorker(t, defaultHandlers(t.deps));
    receiver.failNextRequests(4);
    const submit = await append('pursuit.submit', { pursuit_id: 999_999 }); // its own mail handler dead-letters too: no pursuit
    for (let i = 0; i < 4; i++) {
      await w.drain();
      clock.advance(1_000);
    }
    const dead = (await t.call(org.admin, { method: 'GET', url: '/api/outbox/dead-letters' })).json().data as Array<{ work_event_id: number; event_name: string; payload: { work_event_id?: number }; attempts: number }>;
    const delivery = dead.find((d) => d.event_name === 'webhook.deliver' && d.payload.work_event_id === submit);
    expect(delivery).toMatchObject({ attempts: 4 });
    const retry = await t.call(org.admin, { method: 'POST', url: `/api/outbox/dead-letters/${delivery!.work_event_id}/retry` });
    expect(retry.statusCode).toBe(202);
    await w.drain();
    const log = (await t.call(org.admin, { method: 'GET', url: `/api/webhooks/${hookId}/deliveries` })).json();
    expect(log.data[0]).toMatchObject({ attempt: 5, succeeded: true });
  });
});

describe('webhook delivery to a private address when not allowed', () => {
  it('is refused at delivery time too (DNS may change after registration), and dead-lettered', async () => {
    const t = await createTestApp({ name: 'sqlite', url: 'sqlite:' });
    try {
      const org = await t.createOrg();
      const now = t.clock.now().toISOString();
      // Written straight to the table, as if the name resolved publicly when it was registered.
      const hook = await transact(t.deps, (trx) =>
        createWebhook(trx, t.deps.secrets, { orgId: org.orgId, url: 'http://127.0.0.1:9/rebound', secret: 'x'.repeat(20), events: [], isActive: true, now }),
      );
      await transact(t.deps, (trx) => appendEvent(trx, { orgId: org.orgId, eventName: 'pursuit.won', itemType: 'pursuit', itemId: 1, happenedAt: now }));
      const r = await testWorker(t, defaultHandlers(t.deps)).drain();
      expect(r.deadLettered).toBe(1);
      const log = await t.db.database.db.selectFrom('webhook_delivery').selectAll().where('webhook_id', '=', hook.webhook_id).execute();
      expect(log).toHaveLength(1);
      expect(log[0]!.error).toMatch(/private address/);
    } finally {
      await t.close();
    }
  });
});

describeEachEngine('Standard Webhooks signatures', (engine) => {
  let rig: DeliveryRig;
  beforeAll(async () => {
    rig = await startDeliveryRig(engine, 'not-the-endpoints-secret', { WEBHOOK_SECRET_OVERLAP: '1h' });
  });
  afterAll(() => rig?.stop());
  /** Delivers what is due and answers the requests the receiver got meanwhile. */
  async function deliver(): Promise<Hit[]> {
    const before = rig.receiver.hits.length;
    await testWorker(rig.t, defaultHandlers(rig.t.deps)).drain();
    return rig.receiver.hits.slice(before);
  }
  /** A receiver verifying with the standardwebhooks library, its own clock reading `at`. */
  function verifyAt(secret: string, hit: Pick<Hit, 'body' | 'headers'>, at: Date): unknown {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at);
    try {
      return new Webhook(secret).verify(hit.body, hit.headers as Record<string, string>);
    } finally {
      vi.useRealTimers();
    }
  }
  const inMinutes = (m: number) => new Date(rig.clock.now().getTime() + m * 60_000);

  it('signs every delivery so the standardwebhooks library verifies it; a replay later, or an altered body, is rejected', async () => {
    const created = await rig.t.call(rig.org.admin, { method: 'POST', url: '/api/webhooks', payload: { url: rig.receiver.url, events: ['pursuit.*'] } });
    expect(created.statusCode).toBe(201);
    const { secret, webhook_id: hookId } = created.json();
    const ids = [await rig.append('pursuit.won', { pursuit_id: 5 }), await rig.append('pursuit.lost', { pursuit_id: 6 }), await rig.append('pursuit.qual', { pursuit_id: 7 })];
    // Delivered concurrently: in any order.
    const hits = (await deliver()).sort((a, b) => Number(a.headers['webhook-id']) - Number(b.headers['webhook-id']));
    expect(hits.map((h) => h.headers['webhook-id'])).toEqual(ids.map(String));
    for (const hit of hits) {
      expect(hit.headers['webhook-timestamp']).toBe(String(Math.floor(rig.clock.now().getTime() / 1000)));
      expect(hit.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
      expect(verifyAt(secret, hit, rig.clock.now())).toEqual(JSON.parse(hit.body));
      // The original header still verifies, with the same secret, for existing receivers.
      expect(verifySignature(hit.body, secret, hit.headers['x-flowledger-signature'] as string)).toBe(true);
      expect(hit.headers['x-flowledger-event-id']).toBe(hit.headers['webhook-id']);
    }
    const hit = hits[0]!;
    // Captured and sent again ten minutes later: the signed timestamp gives it away.
    expect(() => verifyAt(secret, hit, inMinutes(10))).toThrow(WebhookVerificationError);
    expect(() => verifyAt(secret, hit, inMinutes(-10))).toThrow(WebhookVerificationError);
    // A fresh timestamp on the old signature, or another body, does not verify either.
    const restamped = { ...hit, headers: { ...hit.headers, 'webhook-timestamp': String(Math.floor(inMinutes(10).getTime() / 1000)) } };
    expect(() => verifyAt(secret, restamped, inMinutes(10))).toThrow(WebhookVerificationError);
    expect(() => verifyAt(secret, { ...hit, body: hit.body.replace('"pursuit_id":5', '"pursuit_id":55') }, rig.clock.now())).toThrow(WebhookVerificationError);
    await rig.t.call(rig.org.admin, { method: 'DELETE', url: `/api/webhooks/${hookId}` });
  });

  it('keeps the replaced secret signing beside the new one for WEBHOOK_SECRET_OVERLAP after a rotation, then only the new one', async () => {
    const created = (await rig.t.call(rig.org.admin, { method: 'POST', url: '/api/webhooks', payload: { url: rig.receiver.url, events: ['pursuit.won'] } })).json();
    const url = `/api/webhooks/${created.webhook_id}`;
    const rotated = await rig.t.call(rig.org.admin, { method: 'PATCH', url, payload: { rotate_secret: true } });
    expect(rotated.statusCode).toBe(200);
    const { secret: next, previous_secret_expires_at: until, secret_prefix: prefix } = rotated.json();
    expect(next).toMatch(/^whsec_/);
    expect(prefix).toBe(next.slice(0, 10));
    expect(until).toBe(inMinutes(60).toISOString());

    await rig.append('pursuit.won', { pursuit_id: 5 });
    const [during] = await deliver();
    expect((during!.headers['webhook-signature'] as string).split(' ')).toHaveLength(2);
    // Receivers holding either secret verify it: nobody misses a delivery while switching.
    expect(verifyAt(created.secret, during!, rig.clock.now())).toBeTruthy();
    expect(verifyAt(next, during!, rig.clock.now())).toBeTruthy();
    expect(verifySignature(during!.body, next, during!.headers['x-flowledger-signature'] as string)).toBe(true);
    expect(verifySignature(during!.body, created.secret, during!.headers['x-flowledger-signature-previous'] as string)).toBe(true);

    rig.clock.advance(60 * 60_000 + 1_000);
    await rig.append('pursuit.won', { pursuit_id: 6 });
    const [after] = await deliver();
    expect((after!.headers['webhook-signature'] as string).split(' ')).toHaveLength(1);
    expect(after!.headers['x-flowledger-signature-previous']).toBeUndefined();
    expect(verifyAt(next, after!, rig.clock.now())).toBeTruthy();
    expect(() => verifyAt(created.secret, after!, rig.clock.now())).toThrow(WebhookVerificationError);
    await rig.t.call(rig.org.admin, { method: 'DELETE', url });
  });

  it('signs only the X-FlowLedger headers with a chosen secret that is not a whsec_ one, until it is rotated', async () => {
    const chosen = 'an-admin-chosen-secret-42';
    const created = (await rig.t.call(rig.org.admin, { method: 'POST', url: '/api/webhooks', payload: { url: rig.receiver.url, secret: chosen, events: ['pursuit.lost'] } })).json();
    await rig.append('pursuit.lost', { pursuit_id: 5 });
    const [legacy] = await deliver();
    expect(verifySignature(legacy!.body, chosen, legacy!.headers['x-flowledger-signature'] as string)).toBe(true);
    expect(legacy!.headers['webhook-signature']).toBeUndefined();

    const { secret: next } = (await rig.t.call(rig.org.admin, { method: 'PATCH', url: `/api/webhooks/${created.webhook_id}`, payload: { rotate_secret: true } })).json();
    await rig.append('pursuit.lost', { pursuit_id: 6 });
    const [standard] = await deliver();
    // The chosen secret has no Standard Webhooks key: only the new one signs that scheme.
    expect((standard!.headers['webhook-signature'] as string).split(' ')).toHaveLength(1);
    expect(verifyAt(next, standard!, rig.clock.now())).toBeTruthy();
    expect(verifySignature(standard!.body, chosen, standard!.headers['x-flowledger-signature-previous'] as string)).toBe(true);
    await rig.t.call(rig.org.admin, { method: 'DELETE', url: `/api/webhooks/${created.webhook_id}` });
  });
});
