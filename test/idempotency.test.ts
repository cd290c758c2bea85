/**
 * Idempotent writes (#22) through the real HTTP API on both engines: a POST with an
 * Idempotency-Key creates once and answers every retry alike, even 50 sent at once; another request
 * under the same key is refused; failures let the key go; keys are per org and expire.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RetentionPruner } from '../src/app/retention.js';
import type { ManualClock } from '../src/shared/clock.js';
import { describeEachEngine } from './helpers/engines.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { scaled } from './helpers/time-scale.js';

describeEachEngine('Idempotency-Key on POST', (engine) => {
  let t: TestApp;
  let a: TestOrg;
  let b: TestOrg;
  let clock: ManualClock;

  beforeAll(async () => {
    // Shorter than the default 10 s, so the test of a claim nobody finishes is quick, but long
    // enough for 49 duplicates to outwait the first request on a busy machine.
    t = await createTestApp(engine, { env: { IDEMPOTENCY_WAIT: `${scaled(3000)}ms` } });
    clock = t.clock as ManualClock;
    a = await t.createOrg('Acme');
    b = await t.createOrg('Beta');
  });
  afterAll(() => t.close());

  const create = (key: string, idem: string | undefined, payload: object, url = '/api/workflow/create') =>
    t.call(key, { method: 'POST', url, payload, headers: idem === undefined ? {} : { 'idempotency-key': idem } });
  const tasksTitled = async (key: string, title: string) =>
    ((await t.call(key, { method: 'GET', url: `/api/workflow/list?search=${encodeURIComponent(title)}&limit=100` })).json().data as Array<{ title: string }>).filter(
      (x) => x.title === title,
    ).length;

  it('creates once and answers a retry with the first answer, marked as replayed', async () => {
    const body = { workflow_category: 'Support', title: 'Idem printer jam' };
    const first = await create(a.member, 'req-0001', body);
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await create(a.member, 'req-0001', body);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['content-type']).toContain('application/json');
    expect(again.body).toBe(first.body);
    expect(await tasksTitled(a.viewer, body.title)).toBe(1);
  });

  it('refuses the same key with another body or path: 422 idempotency_mismatch, nothing created', async () => {
    expect((await create(a.member, 'req-0002', { workflow_category: 'Support', title: 'Idem first' })).statusCode).toBe(201);
    const other = await create(a.member, 'req-0002', { workflow_category: 'Support', title: 'Idem second' });
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'idempotency_mismatch', details: { field: 'Idempotency-Key' } });
    expect(other.json().error).toMatch(/Idempotency-Key/);
    const elsewhere = await create(a.member, 'req-0002', { source_type: 'email', snippet: 'x' }, '/api/workstream/signals');
    expect(elsewhere.statusCode).toBe(422);
    expect(await tasksTitled(a.viewer, 'Idem second')).toBe(0);
  });

  it('creates exactly one item for 50 concurrent requests with one key, and gives all of them the same answer', async () => {
    const body = { workflow_category: 'Quote Processing', title: 'Idem burst quote' };
    const answers = await Promise.all(Array.from({ length: 50 }, () => create(a.member, 'burst-0001', body)));
    expect(new Set(answers.map((r) => r.statusCode))).toEqual(new Set([201]));
    expect(new Set(answers.map((r) => r.body)).size).toBe(1);
    expect(answers.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(49);
    expect(await tasksTitled(a.viewer, body.title)).toBe(1);
  });

  it('works for tRPC mutations too', async () => {
    const input = { workflow_category: 'Support', title: 'Idem via tRPC' };
    const first = await create(a.member, 'trpc-0001', input, '/api/workflow.create');
    expect(first.statusCode).toBe(200);
    const again = await create(a.member, 'trpc-0001', input, '/api/workflow.create');
    expect(again.body).toBe(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await tasksTitled(a.viewer, input.title)).toBe(1);
  });

  it('lets the key go when the request fails, so the same request may be sent again', async () => {
    const move = (idem: string) => create(a.member, idem, { to: 'pink' }, '/api/workstream/pursuits/999999/transition');
    const first = await move('fail-0001');
    expect(first.statusCode).toBe(404);
    const again = await move('fail-0001');
    expect(again.statusCode).toBe(404);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    // A failed attempt's key is free for a request that then succeeds.
    expect((await create(a.member, 'fail-0001', { workflow_category: 'Support', title: 'Idem after failure' })).statusCode).toBe(201);
  });

  it('hashes a raw mail body as sent: the same mail twice under one key is ingested once, another mail is refused', async () => {
    const mail = 'From: buyer@globex.example\r\nTo: ops@acme.example\r\nSubject: Idem raw PO 1234\r\nMessage-ID: <idem-raw-1@globex.example>\r\n\r\nPlease ship PO 1234.\r\n';
    const send = (body: string) =>
      t.call(a.member, { method: 'POST', url: '/api/ingest/emails', payload: body, headers: { 'content-type': 'message/rfc822', 'idempotency-key': 'raw-0001' } });
    const first = await send(mail);
    expect(first.statusCode, first.body).toBeLessThan(300);
    const again = await send(mail);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toBe(first.body);
    expect((await send(mail.replace('PO 1234', 'PO 9999'))).statusCode).toBe(422);
  });

  it('keeps keys per org: another org’s identical key is its own request', async () => {
    const body = { workflow_category: 'Support', title: 'Idem per org' };
    const mine = await create(a.member, 'shared-0001', body);
    const theirs = await create(b.member, 'shared-0001', body);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().task_id).not.toBe(mine.json().task_id);
    expect(await tasksTitled(b.viewer, body.title)).toBe(1);
  });

  it('refuses a key that is empty, too long or not printable ASCII, naming the header', async () => {
    for (const bad of ['x'.repeat(256), 'naïve-key', 'with space']) {
      const res = await create(a.member, bad, { workflow_category: 'Support', title: 'Idem bad key' });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error).toMatch(/Idempotency-Key/);
    }
    expect(await tasksTitled(a.viewer, 'Idem bad key')).toBe(0);
  });

  it('answers 409 idempotency_in_progress when the first request’s answer was never stored (its process died), instead of running twice', async () => {
    const body = { workflow_category: 'Support', title: 'Idem orphan' };
    expect((await create(a.member, 'orphan-0001', body)).statusCode).toBe(201);
    // As a process killed between its commit and storing the answer leaves it: claimed, no answer.
    await t.db.database.db
      .updateTable('idempotency_key')
      .set({ state: 'pending', status_code: null, content_type: null, response_body: null, completed_at: null })
      .where('org_id', '=', a.orgId)
      .where('idem_key', '=', 'orphan-0001')
      .execute();
    const retry = await create(a.member, 'orphan-0001', body);
    expect(retry.statusCode).toBe(409);
    expect(retry.json()).toMatchObject({ code: 'idempotency_in_progress', details: { field: 'Idempotency-Key' } });
    expect(await tasksTitled(a.viewer, body.title)).toBe(1);
  });

  it('forgets keys after IDEMPOTENCY_TTL: the retention pass prunes them and the key may be used again', async () => {
    const body = { workflow_category: 'Support', title: 'Idem expiring' };
    expect((await create(a.member, 'ttl-0001', body)).statusCode).toBe(201);
    clock.advance(t.deps.config.idempotencyTtlMs + 1_000);
    const later = await create(a.member, 'ttl-0001', body);
    expect(later.statusCode).toBe(201);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(await tasksTitled(a.viewer, body.title)).toBe(2);

    clock.advance(t.deps.config.idempotencyTtlMs + 1_000);
    const pruned = await new RetentionPruner(t.deps, { batchSize: 3, pauseMs: 0 }).runOnce();
    expect(pruned.idempotency_key).toBeGreaterThan(0);
    expect(await t.db.database.db.selectFrom('idempotency_key').select('idem_key').execute()).toEqual([]);
  });

  it('documents the header on authenticated POSTs in the OpenAPI document, and not on public ones', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const headerOf = (path: string) => (doc.paths[path].post.parameters ?? []).find((p: { in: string; name: string }) => p.in === 'header' && p.name === 'idempotency-key');
    expect(headerOf('/api/workflow/create')).toMatchObject({ required: false, schema: { maxLength: 255 } });
    expect(headerOf('/api/workstream/signals')).toBeDefined();
    expect(headerOf('/api/auth/sign-in')).toBeUndefined();
  });
});
