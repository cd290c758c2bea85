import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics } from '../src/http/metrics.js';
import { describeEachEngine, openTestDatabase } from './helpers/engines.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';

describeEachEngine('platform over HTTP', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;

  beforeAll(async () => {
    t = await createTestApp(engine, { env: { AUTH_FAILURE_LIMIT: '5', BODY_LIMIT: '4kb' } });
    org = await t.createOrg('Acme');
    other = await t.createOrg('Globex');
  });
  afterAll(() => t.close());

  it('answers /health in the seed shape without a key', async () => {
    const res = await t.call(undefined, { method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'healthy', services: { database: 'connected' } });
    expect(new Date(res.json().timestamp).toISOString()).toBe(res.json().timestamp);
  });

  it('is ready once migrated', async () => {
    const res = await t.call(undefined, { method: 'GET', url: '/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ready', migrations: 'complete' });
  });

  it('serves the OpenAPI document and Swagger UI publicly, without the tRPC catch-all', async () => {
    const doc = await t.call(undefined, { method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    const paths = Object.keys(doc.json().paths);
    expect(doc.json().openapi).toMatch(/^3\./);
    expect(paths).toContain('/api/me');
    expect(paths).toContain('/api/keys');
    expect(paths).not.toContain('/api/{path}');
    const ui = await t.call(undefined, { method: 'GET', url: '/docs/' });
    expect(ui.statusCode).toBe(200);
  });

  it('names the caller from the key: org, role and key', async () => {
    const res = await t.call(org.admin, { method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ org_id: org.orgId, org_name: 'Acme', role: 'admin', key_name: `admin-${org.orgId}` });
    expect(typeof res.json().key_id).toBe('number');
  });

  it('answers 401 for a missing, malformed or unknown key', async () => {
    for (const headers of [{}, { authorization: 'Basic abc' }, { authorization: 'Bearer fl_nope' }]) {
      const res = await t.app.inject({ method: 'GET', url: '/api/me', headers, remoteAddress: '10.9.9.1' });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('unauthorized');
    }
  });

  it('runs a key through its lifecycle: create, use, revoke, then 401', async () => {
    const created = await t.call(org.admin, { method: 'POST', url: '/api/keys', payload: { role: 'member', name: 'ci-bot' } });
    expect(created.statusCode).toBe(201);
    const { key, key_id } = created.json();
    expect(key).toMatch(/^fl_[A-Za-z0-9_-]{43}$/);

    const me = await t.call(key, { method: 'GET', url: '/api/me' });
    expect(me.json()).toMatchObject({ org_id: org.orgId, role: 'member', key_id, key_name: 'ci-bot' });

    const listed = await t.call(org.admin, { method: 'GET', url: '/api/keys' });
    const row = listed.json().data.find((k: { key_id: number }) => k.key_id === key_id);
    expect(row).toMatchObject({ role: 'member', revoked_at: null });
    expect(JSON.stringify(listed.json())).not.toContain(key);

    const revoked = await t.call(org.admin, { method: 'DELETE', url: `/api/keys/${key_id}` });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revoked_at).not.toBeNull();

    const after = await t.call(key, { method: 'GET', url: '/api/me' });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toEqual({ error: 'API key has been revoked', code: 'unauthorized' });
  });

  it('stores only a hash of each key', async () => {
    const rows = await t.deps.database.db.selectFrom('api_key').select(['key_hash', 'key_prefix']).execute();
    for (const r of rows) {
      expect(r.key_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.key_prefix.length).toBeLessThan(12);
    }
  });

  it('keeps key management to admins of the same org', async () => {
    const asMember = await t.call(org.member, { method: 'POST', url: '/api/keys', payload: { role: 'admin' } });
    expect(asMember.statusCode).toBe(403);
    expect(asMember.json().code).toBe('forbidden');
    const listAsViewer = await t.call(org.viewer, { method: 'GET', url: '/api/keys' });
    expect(listAsViewer.statusCode).toBe(403);

    const otherKeys = await t.call(other.admin, { method: 'GET', url: '/api/keys' });
    const mine = await t.call(org.admin, { method: 'GET', url: '/api/keys' });
    const otherIds = new Set(otherKeys.json().data.map((k: { key_id: number }) => k.key_id));
    for (const k of mine.json().data) expect(otherIds.has(k.key_id)).toBe(false);

    // Revoking another org's key is a 404: its existence is not revealed.
    const victim = mine.json().data.find((k: { role: string }) => k.role === 'viewer').key_id;
    const cross = await t.call(other.admin, { method: 'DELETE', url: `/api/keys/${victim}` });
    expect(cross.statusCode).toBe(404);
    expect((await t.call(org.viewer, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
  });

  it('refuses a viewer that tries to change anything', async () => {
    const res = await t.call(org.viewer, { method: 'POST', url: '/api/keys', payload: { role: 'viewer' } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'forbidden' });
  });

  it('answers 403 when an org_id parameter names another org', async () => {
    const q = await t.call(org.admin, { method: 'GET', url: `/api/me?org_id=${other.orgId}` });
    expect(q.statusCode).toBe(403);
    expect(q.json().error).toMatch(/org_id/);
    const same = await t.call(org.admin, { method: 'GET', url: `/api/me?org_id=${org.orgId}` });
    expect(same.statusCode).toBe(200);
    const body = await t.call(org.admin, { method: 'POST', url: '/api/keys', payload: { role: 'viewer', org_id: other.orgId } });
    expect(body.statusCode).toBe(403);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await t.call(org.admin, {
      method: 'POST',
      url: '/api/keys',
      headers: { 'content-type': 'application/json' },
      payload: '{"role": "admin",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('bad_request');
  });

  it('names the invalid fields in a 400', async () => {
    const res = await t.call(org.admin, { method: 'POST', url: '/api/keys', payload: { role: 'owner' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('bad_request');
    expect(res.json().details.fields.map((f: { field: string }) => f.field)).toContain('role');
  });

  it('answers a body over the limit with 413', async () => {
    const res = await t.call(org.admin, {
      method: 'POST',
      url: '/api/keys',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ role: 'viewer', name: 'x'.repeat(10_000) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('answers unknown routes with a JSON 404 and wrong methods with 405', async () => {
    const a = await t.call(org.admin, { method: 'GET', url: '/api/nothing/here' });
    expect(a.statusCode).toBe(404);
    expect(a.json().code).toBe('not_found');
    const c = await t.call(org.admin, { method: 'PUT', url: '/api/me' });
    expect(c.statusCode).toBe(405);
    // Every method a REST path lacks is a 405 in the REST shape, OPTIONS included, with Allow.
    for (const [method, url, allow] of [
      ['OPTIONS', '/api/keys', 'GET, POST'],
      ['OPTIONS', '/api/workflow/list', 'GET'],
      ['DELETE', '/api/workflow/list', 'GET'],
      ['OPTIONS', '/health', 'GET'],
      ['PUT', '/api/webhooks/7', 'DELETE, GET, PATCH'],
    ] as const) {
      const r = await t.call(org.admin, { method, url });
      expect(r.statusCode, `${method} ${url}`).toBe(405);
      expect(r.headers.allow, `${method} ${url}`).toBe(allow);
      expect(r.json(), `${method} ${url}`).toMatchObject({ code: 'bad_request', details: { allowed: allow.split(', ') } });
    }
    // Outside /api, GET paths without a file extension belong to the dashboard (SPA fallback, see
    // test/web/serving.test.ts); other methods and missing files stay JSON 404s.
    const d = await t.call(undefined, { method: 'DELETE', url: '/nowhere' });
    expect(d.statusCode).toBe(404);
    expect(d.json().code).toBe('not_found');
  });

  it('answers a procedure path in tRPC\'s envelope: unknown procedures, batches, over-long batch paths', async () => {
    const one = await t.call(org.admin, { method: 'GET', url: '/api/no.such.procedure' });
    expect(one.statusCode).toBe(404);
    expect(one.json()).toMatchObject({ error: { code: -32004, data: { code: 'NOT_FOUND', httpStatus: 404, appCode: 'not_found', path: 'no.such.procedure' } } });
    const post = await t.call(org.admin, { method: 'POST', url: '/api/workflow.nope', payload: {} });
    expect(post.json()).toMatchObject({ error: { data: { code: 'NOT_FOUND', httpStatus: 404 } } });
    const batch = await t.call(org.admin, { method: 'GET', url: '/api/workflow.list,workflow.nope?batch=1&input=%7B%7D' });
    expect(batch.statusCode).toBe(404);
    expect(batch.json()).toEqual([expect.objectContaining({ error: expect.objectContaining({ message: 'Procedure workflow.nope not found' }) }), expect.anything()]);
    const long = await t.call(org.admin, { method: 'GET', url: `/api/${'workflow.list,'.repeat(300)}workflow.list?batch=1` });
    expect(long.statusCode).toBe(414);
    const envelopes = long.json() as Array<{ error: { message: string; data: { httpStatus: number; appCode: string } } }>;
    expect(envelopes).toHaveLength(301);
    expect(envelopes[0]!.error).toMatchObject({ message: 'Request path is too long', data: { httpStatus: 414, appCode: 'bad_request' } });
    // A path that is not a procedure's stays in the REST shape.
    const rest = await t.call(org.admin, { method: 'GET', url: '/api/nothing' });
    expect(rest.json()).toEqual({ error: 'Route GET /api/nothing not found', code: 'not_found' });
  });

  it('reads numeric path and query ids as canonical decimal only', async () => {
    for (const id of ['0x10', '+1', '%201', '1%20', '1e0', '01', '1.0', '-1', '0', '9007199254740993']) {
      const r = await t.call(org.admin, { method: 'GET', url: `/api/webhooks/${id}` });
      expect(r.statusCode, id).toBe(400);
      expect(r.json(), id).toMatchObject({ code: 'bad_request', details: { fields: [{ field: 'id' }] } });
    }
    expect((await t.call(org.admin, { method: 'GET', url: '/api/webhooks/16' })).statusCode).toBe(404);
    const page = await t.call(org.admin, { method: 'GET', url: '/api/webhooks?limit=0x10' });
    expect(page.statusCode).toBe(400);
    expect(page.json().details.fields[0].field).toBe('limit');
    expect((await t.call(org.admin, { method: 'GET', url: '/api/webhooks?limit=10&page=2' })).statusCode).toBe(200);
  });

  it('answers headers over the size limit with a 431 in the error shape', async () => {
    // Node's parser refuses these before Fastify runs: only a real socket shows it (closed by t.close()).
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const res = await fetch(`${url}/health`, { headers: { 'x-padding': 'x'.repeat(20_000) } });
    expect(res.status).toBe(431);
    expect(await res.json()).toEqual({ error: 'Request headers are too large', code: 'bad_request' });
  });

  it('sends security headers on every answer, and a CSP of its own on the API docs', async () => {
    for (const url of ['/api/me', '/health', '/api/nothing', '/api/openapi.json']) {
      const res = await t.call(org.viewer, { method: 'GET', url });
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
    }
    const docs = await t.call(undefined, { method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(docs.headers['x-content-type-options']).toBe('nosniff');
  });

  it('returns a request id on every answer', async () => {
    const res = await t.call(undefined, { method: 'GET', url: '/health', headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers['x-request-id']).toBe('abc-123');
    const gen = await t.call(undefined, { method: 'GET', url: '/health' });
    expect(gen.headers['x-request-id']).toMatch(/^[0-9a-f]{16}$/);
  });

  it('exposes Prometheus metrics by route pattern and status', async () => {
    await t.call(org.admin, { method: 'GET', url: '/api/me' });
    const res = await t.call(undefined, { method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/flowledger_http_requests_total\{method="GET",route="\/api\/me",status="200"\} \d+/);
    expect(res.body).toMatch(/flowledger_http_request_duration_seconds_bucket/);
    expect(res.body).toMatch(/flowledger_db_pool_in_use/);
    expect(res.body).not.toMatch(/org_id/);
  });

  it('rate-limits an address\'s bad keys after repeated failures with 429, while its valid keys still work', async () => {
    const remoteAddress = '10.1.2.3';
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({ method: 'GET', url: '/api/me', remoteAddress, headers: { authorization: `Bearer fl_guess${i}` } });
      expect(r.statusCode).toBe(401);
    }
    const valid = await t.app.inject({ method: 'GET', url: '/api/me', remoteAddress, headers: { authorization: `Bearer ${org.admin}` } });
    expect(valid.statusCode).toBe(200);
    const blocked = await t.app.inject({ method: 'GET', url: '/api/me', remoteAddress, headers: { authorization: 'Bearer fl_guess-again' } });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Other addresses are unaffected.
    const fine = await t.app.inject({ method: 'GET', url: '/api/me', remoteAddress: '10.1.2.4', headers: { authorization: `Bearer ${org.admin}` } });
    expect(fine.statusCode).toBe(200);
  });
});

describeEachEngine('platform lifecycle', (engine) => {
  it('applies migrations idempotently', async () => {
    const db = await openTestDatabase(engine, { migrate: false });
    try {
      const first = await db.database.migrate();
      expect(first.length).toBeGreaterThan(0);
      expect(await db.database.migrate()).toEqual([]);
      expect(await db.database.isMigrated()).toBe(true);
      const second = db.reopen();
      expect(await second.migrate()).toEqual([]);
      await second.close();
    } finally {
      await db.drop();
    }
  });

  it('creates every table of the contract', async () => {
    const db = await openTestDatabase(engine);
    try {
      const tables = (await db.database.db.introspection.getTables()).map((x) => x.name);
      for (const name of [
        'org', 'api_key', 'signal', 'candidate', 'candidate_signal', 'pursuit', 'proposal', 'pursuit_checklist',
        'sla_rule', 'sla_breach', 'webhook_endpoint', 'webhook_delivery', 'work_event', 'workflow_tasks',
        'workflow_status_history', 'workflow_patterns',
      ]) {
        expect(tables).toContain(name);
      }
    } finally {
      await db.drop();
    }
  });

  it('enforces at most one open SLA breach per item and rule in the database', async () => {
    const db = await openTestDatabase(engine);
    try {
      const d = db.database.db;
      const now = new Date().toISOString();
      const org = await d.insertInto('org').values({ name: 'x', created_at: now }).returning('org_id').executeTakeFirstOrThrow();
      const row = { org_id: org.org_id, item_type: 'candidate', item_id: '1', rule_id: 1, metric: 'triage_sla', reason_code: 'untouched', breached_at: now };
      await d.insertInto('sla_breach').values(row).execute();
      await expect(d.insertInto('sla_breach').values(row).execute()).rejects.toThrow();
      await d.updateTable('sla_breach').set({ resolved_at: now }).execute();
      await d.insertInto('sla_breach').values(row).execute();
    } finally {
      await db.drop();
    }
  });

  it('returns the same wire types on both engines: numbers, ISO times, booleans', async () => {
    const db = await openTestDatabase(engine);
    try {
      const d = db.database.db;
      const at = '2026-01-31T17:00:00.000Z';
      const org = await d.insertInto('org').values({ name: 'x', created_at: at }).returningAll().executeTakeFirstOrThrow();
      expect(org.org_id).toEqual(expect.any(Number));
      expect(org.created_at).toBe(at);
      expect(org.high_value_threshold).toBe(50000);
      const count = await d.selectFrom('org').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(count.n).toBe(1);
    } finally {
      await db.drop();
    }
  });

  it('answers /ready and /health with 503 when the database is gone', async () => {
    const t = await createTestApp(engine);
    try {
      await t.deps.database.close();
      const ready = await t.call(undefined, { method: 'GET', url: '/ready' });
      expect(ready.statusCode).toBe(503);
      const health = await t.call(undefined, { method: 'GET', url: '/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({ status: 'unhealthy', services: { database: 'disconnected' } });
    } finally {
      await t.app.close();
      await t.db.drop();
    }
  });
});

describe('metrics token', () => {
  it('requires METRICS_TOKEN as a bearer token when it is set', async () => {
    const engine = { name: 'sqlite' as const, url: 'sqlite:' };
    const t = await createTestApp(engine, { env: { METRICS_TOKEN: 's3cret' } });
    try {
      expect((await t.call(undefined, { method: 'GET', url: '/metrics' })).statusCode).toBe(401);
      expect((await t.call('wrong', { method: 'GET', url: '/metrics' })).statusCode).toBe(401);
      expect((await t.call('s3cret', { method: 'GET', url: '/metrics' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('keeps one registry per process', () => {
    expect(createMetrics().registry).not.toBe(createMetrics().registry);
  });
});
