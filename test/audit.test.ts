/**
 * The audit trail: every admin change through the API appends exactly one `audit.*` work event,
 * with its actor and the changed fields (secrets masked), shown in the org's activity log only.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultHandlers } from '../src/app/outbox-handlers.js';
import { runCli } from '../src/cli/main.js';
import { describeEachEngine } from './helpers/engines.js';
import { testWorker } from './helpers/outbox-seed.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';

interface AuditEvent {
  work_event_id: number;
  org_id: number;
  event_name: string;
  item_type: string;
  item_id: string;
  actor: string;
  payload: { changes: Record<string, { before: unknown; after: unknown }>; actor_key_id: number } & Record<string, unknown>;
}

describeEachEngine('audit trail of admin changes', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  let adminKeyId: number;
  let receiver: Server;
  const received: string[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      received.push(String(req.headers['x-flowledger-event']));
      req.resume().on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    t = await createTestApp(engine, { env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' } });
    org = await t.createOrg('Acme');
    other = await t.createOrg('Globex');
    adminKeyId = (await t.call(org.admin, { method: 'GET', url: '/api/me' })).json().key_id;
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((r) => receiver.close(() => r()));
  });

  const hookUrl = () => `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/secret-token-in-path?sig=abc`;

  /** All audit events of an org's activity log, as a viewer sees them. */
  async function auditLog(o: TestOrg): Promise<AuditEvent[]> {
    const res = await t.call(o.viewer, { method: 'GET', url: '/api/workstream/events?limit=200' });
    expect(res.statusCode).toBe(200);
    return (res.json().data as AuditEvent[]).filter((e) => e.event_name.startsWith('audit.'));
  }

  /** Runs one admin call and returns the audit events it appended (newest first). */
  async function change(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object, expectStatus?: number) {
    const before = (await auditLog(org)).length;
    const res = await t.call(org.admin, { method, url, ...(payload ? { payload } : {}) });
    if (expectStatus) expect(res.statusCode, res.body).toBe(expectStatus);
    else expect(res.statusCode, res.body).toBeLessThan(300);
    const log = await auditLog(org);
    return { res, events: log.slice(0, log.length - before), body: res.body };
  }

  const one = (events: AuditEvent[], name: string, itemType: string) => {
    expect(events.map((e) => e.event_name)).toEqual([name]);
    const [e] = events;
    expect(e).toMatchObject({ org_id: org.orgId, item_type: itemType, actor: `admin-${org.orgId}`, payload: { actor_key_id: adminKeyId } });
    return e!;
  };

  it('records API key creation and revocation, once each', async () => {
    const created = await change('POST', '/api/keys', { role: 'member', name: 'ci-bot' }, 201);
    const key = created.res.json();
    const e = one(created.events, 'audit.api_key.created', 'api_key');
    expect(e.item_id).toBe(String(key.key_id));
    expect(e.payload.changes).toEqual({ name: { before: null, after: 'ci-bot' }, role: { before: null, after: 'member' } });
    expect(JSON.stringify(e)).not.toContain(key.key);

    const revoked = await change('DELETE', `/api/keys/${key.key_id}`);
    expect(one(revoked.events, 'audit.api_key.revoked', 'api_key').payload).toMatchObject({
      key_id: key.key_id,
      changes: { revoked_at: { before: null, after: revoked.res.json().revoked_at } },
    });
    // Revoking it again changes nothing and records nothing.
    expect((await change('DELETE', `/api/keys/${key.key_id}`)).events).toEqual([]);
  });

  it('records key changes made with the CLI, by the actor cli', async () => {
    const lines: string[] = [];
    const out = { log: (l: string) => lines.push(l), err: () => {} };
    const env = { DATABASE_URL: t.db.processUrl, LOG_LEVEL: 'silent' };
    expect(await runCli(['keys', 'create', '--org', String(org.orgId), '--role', 'viewer', '--name', 'from-cli', '--json'], env, out)).toBe(0);
    const { key_id } = JSON.parse(lines[0]!);
    expect(await runCli(['keys', 'revoke', String(key_id)], env, out)).toBe(0);
    const mine = (await auditLog(org)).filter((e) => e.item_id === String(key_id));
    expect(mine.map((e) => [e.event_name, e.actor, e.payload.actor_key_id])).toEqual([
      ['audit.api_key.revoked', 'cli', null],
      ['audit.api_key.created', 'cli', null],
    ]);
  });

  it('records webhook creation, change, secret rotation and deletion with the secret masked and the URL cut to its origin', async () => {
    const created = await change('POST', '/api/webhooks', { url: hookUrl(), events: ['pursuit.*'] }, 201);
    const hook = created.res.json();
    const origin = new URL(hookUrl()).origin;
    const c = one(created.events, 'audit.webhook.created', 'webhook');
    expect(c.payload.changes).toEqual({
      url: { before: null, after: `${origin}/…` },
      events: { before: null, after: ['pursuit.*'] },
      is_active: { before: null, after: true },
      secret: { before: null, after: '***' },
    });

    const patched = await change('PATCH', `/api/webhooks/${hook.webhook_id}`, { is_active: false, events: ['task.*'] });
    expect(one(patched.events, 'audit.webhook.updated', 'webhook').payload.changes).toEqual({
      events: { before: ['pursuit.*'], after: ['task.*'] },
      is_active: { before: true, after: false },
    });

    const rotated = await change('PATCH', `/api/webhooks/${hook.webhook_id}`, { rotate_secret: true });
    expect(one(rotated.events, 'audit.webhook.updated', 'webhook').payload.changes).toEqual({ secret: { before: '***', after: '***' } });

    // A path-only change is still a change, recorded by origin.
    const moved = await change('PATCH', `/api/webhooks/${hook.webhook_id}`, { url: hookUrl().replace('secret-token', 'other-token') });
    expect(one(moved.events, 'audit.webhook.updated', 'webhook').payload.changes).toEqual({ url: { before: `${origin}/…`, after: `${origin}/…` } });
    // The same values again: no change, no record.
    expect((await change('PATCH', `/api/webhooks/${hook.webhook_id}`, { is_active: false })).events).toEqual([]);

    const deleted = await change('DELETE', `/api/webhooks/${hook.webhook_id}`);
    expect(one(deleted.events, 'audit.webhook.deleted', 'webhook').payload.changes).toMatchObject({ secret: { before: '***', after: null }, url: { before: `${origin}/…`, after: null } });

    const log = JSON.stringify(await auditLog(org));
    for (const s of [hook.secret, rotated.res.json().secret, 'secret-token-in-path', 'sig=abc']) expect(log).not.toContain(s);
  });

  it('records SLA rule creation, change and deletion, and the high-value threshold', async () => {
    const created = await change('POST', '/api/workstream/sla-rules', { metric: 'triage_sla', threshold_hrs: 24 }, 201);
    const rule = created.res.json();
    expect(one(created.events, 'audit.sla_rule.created', 'sla_rule').payload).toMatchObject({
      rule_id: rule.rule_id,
      metric: 'triage_sla',
      changes: { metric: { before: null, after: 'triage_sla' }, threshold_hrs: { before: null, after: 24 }, warn_pct: { before: null, after: 75 }, is_active: { before: null, after: true } },
    });
    const patched = await change('PATCH', `/api/workstream/sla-rules/${rule.rule_id}`, { threshold_hrs: 12, warn_pct: 75 });
    expect(one(patched.events, 'audit.sla_rule.updated', 'sla_rule').payload.changes).toEqual({ threshold_hrs: { before: 24, after: 12 } });
    const deleted = await change('DELETE', `/api/workstream/sla-rules/${rule.rule_id}`, undefined, 204);
    expect(one(deleted.events, 'audit.sla_rule.deleted', 'sla_rule').payload.changes).toMatchObject({ metric: { before: 'triage_sla', after: null }, threshold_hrs: { before: 12, after: null } });

    const threshold = await change('PATCH', '/api/sla/settings', { high_value_threshold: 75_000 });
    const e = one(threshold.events, 'audit.org.updated', 'org');
    expect(e.item_id).toBe(String(org.orgId));
    expect(e.payload.changes).toEqual({ high_value_threshold: { before: 50_000, after: 75_000 } });
  });

  it('records routing rules and ingestion settings', async () => {
    const created = await change('PUT', '/api/ingest/routing-rules/Invoicing', { owner: 'Ann', owner_email: 'ann@example.com' });
    expect(one(created.events, 'audit.routing_rule.created', 'routing_rule')).toMatchObject({
      item_id: 'Invoicing',
      payload: { category: 'Invoicing', changes: { owner: { before: null, after: 'Ann' }, owner_email: { before: null, after: 'ann@example.com' } } },
    });
    const replaced = await change('PUT', '/api/ingest/routing-rules/Invoicing', { owner: 'Bob', owner_email: 'ann@example.com' });
    expect(one(replaced.events, 'audit.routing_rule.updated', 'routing_rule').payload.changes).toEqual({ owner: { before: 'Ann', after: 'Bob' } });
    const deleted = await change('DELETE', '/api/ingest/routing-rules/Invoicing', undefined, 204);
    expect(one(deleted.events, 'audit.routing_rule.deleted', 'routing_rule').payload.changes).toEqual({
      owner: { before: 'Bob', after: null },
      owner_email: { before: 'ann@example.com', after: null },
    });

    const config = await change('PUT', '/api/ingest/config', { min_score: 5, self_names: ['Acme'] });
    expect(one(config.events, 'audit.ingest_config.updated', 'ingest_config').payload.changes).toEqual({
      min_score: { before: 3, after: 5 },
      self_names: { before: [], after: ['Acme'] },
    });
  });

  it('writes nothing for a refused change, and another org sees none of it', async () => {
    const before = (await auditLog(org)).length;
    expect((await t.call(org.member, { method: 'POST', url: '/api/keys', payload: { role: 'admin' } })).statusCode).toBe(403);
    expect((await t.call(org.admin, { method: 'PATCH', url: '/api/workstream/sla-rules/999999', payload: { threshold_hrs: 1 } })).statusCode).toBe(404);
    expect((await t.call(other.admin, { method: 'DELETE', url: `/api/keys/${adminKeyId}` })).statusCode).toBe(404);
    expect((await auditLog(org)).length).toBe(before);
    expect(before).toBeGreaterThan(10);
    expect(await auditLog(other)).toEqual([]);
  });

  it('does not send audit events to webhooks, even to an endpoint taking every event', async () => {
    await t.call(org.admin, { method: 'POST', url: '/api/webhooks', payload: { url: hookUrl(), events: [] } });
    await t.call(org.admin, { method: 'PUT', url: '/api/ingest/routing-rules/Shipping', payload: { owner: 'Cy' } });
    await t.call(org.member, { method: 'POST', url: '/api/workstream/signals', payload: { source_type: 'email', source_ref: 'audit-1' } });
    await testWorker(t, defaultHandlers(t.deps)).drain();
    expect(received).toEqual(['signal.created']);
  });
});
