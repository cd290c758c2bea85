/**
 * No secret reaches a log line, an error body or /metrics: every key and webhook secret this test
 * creates is used the ways clients use them (Authorization header, `?token=` on the WebSocket and
 * on REST, `?api_key=`), misused (revoked, wrong, over the failure limit), and then searched for in
 * everything the server logged at the most verbose level, in every answer body and in /metrics.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { realtimeServices } from '../src/app/realtime-services.js';
import { createLogger } from '../src/shared/logger.js';
import type { Service } from '../src/shared/lifecycle.js';
import { describeEachEngine } from './helpers/engines.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { openSocket } from './helpers/ws-client.js';

describeEachEngine('secrets never reach logs, error bodies or /metrics', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let baseUrl: string;
  let services: Service[];
  const lines: string[] = [];
  const bodies: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(engine, {
      logger: createLogger('trace', { write: (l: string) => void lines.push(l) }),
      env: { AUTH_FAILURE_LIMIT: '8', WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' },
    });
    org = await t.createOrg();
    services = realtimeServices(t.deps).services;
    for (const s of services) await s.start();
    baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const s of [...services].reverse()) await s.stop();
    await t?.close();
  });

  async function get(path: string, headers: Record<string, string> = {}): Promise<number> {
    const res = await fetch(`${baseUrl}${path}`, { headers });
    bodies.push(await res.text());
    return res.status;
  }

  it('redacts keys, webhook secrets and tokens everywhere', async () => {
    const secrets = [org.admin, org.member, org.viewer];

    // A key created over the API, used, then revoked and used again.
    const created = await t.call(org.admin, { method: 'POST', url: '/api/keys', payload: { role: 'member', name: 'ci' } });
    expect(created.statusCode).toBe(201);
    const apiKey = created.json() as { key: string; key_id: number };
    secrets.push(apiKey.key);
    expect(await get('/api/me', { authorization: `Bearer ${apiKey.key}` })).toBe(200);
    expect((await t.call(org.admin, { method: 'DELETE', url: `/api/keys/${apiKey.key_id}` })).statusCode).toBe(200);
    expect(await get('/api/me', { authorization: `Bearer ${apiKey.key}` })).toBe(401);

    // A webhook with a secret of our own, and one with a generated secret; then its secret rotated.
    const ownSecret = 'whsec-own-secret-0123456789abcdef';
    secrets.push(ownSecret);
    const hook = await t.call(org.admin, { method: 'POST', url: '/api/webhooks', payload: { url: 'http://127.0.0.1:9/hook', events: ['task.*'], secret: ownSecret } });
    expect(hook.statusCode).toBe(201);
    const generated = await t.call(org.admin, { method: 'POST', url: '/api/webhooks', payload: { url: 'http://127.0.0.1:9/other', events: ['task.*'] } });
    expect(generated.statusCode).toBe(201);
    secrets.push((generated.json() as { secret: string }).secret);
    const rotated = await t.call(org.admin, { method: 'PATCH', url: `/api/webhooks/${(hook.json() as { webhook_id: number }).webhook_id}`, payload: { rotate_secret: true } });
    expect(rotated.statusCode).toBe(200);
    secrets.push((rotated.json() as { secret: string }).secret);

    // Keys in query strings, as browsers' WebSockets and careless clients send them.
    expect(await get(`/api/me?token=${org.viewer}`)).toBe(401);
    expect(await get(`/api/workflow/list?api_key=${org.member}&token=${org.admin}`)).toBe(401);
    expect(await get(`/api/workflow.list?input=%7B%7D&Token=${org.admin}`)).toBe(401);
    const ws = openSocket(`${baseUrl.replace('http', 'ws')}/ws?token=${org.viewer}`);
    await ws.next((f) => f.event === 'system:ready', 10_000);
    await ws.close();
    const revokedWs = openSocket(`${baseUrl.replace('http', 'ws')}/ws?token=${apiKey.key}`);
    expect((await revokedWs.closed).code).toBe(4403);

    // Wrong keys until the failure limit answers 429: guesses are secrets too (a typo of a real key).
    const guess = `${org.admin.slice(0, -4)}beef`;
    secrets.push(guess);
    for (let i = 0; i < 8; i++) await get('/api/me', { authorization: `Bearer ${guess}` });
    expect(await get('/api/me', { authorization: `Bearer ${guess}` })).toBe(429);

    const metrics = await fetch(`${baseUrl}/metrics`).then((r) => r.text());
    const logText = lines.join('');
    expect(lines.length).toBeGreaterThan(20); // the server did log these requests
    expect(logText).toContain('[redacted]');
    for (const secret of secrets) {
      expect(logText, 'a secret in the logs').not.toContain(secret);
      expect(metrics, 'a secret in /metrics').not.toContain(secret);
      for (const body of bodies) expect(body, 'a secret in an answer').not.toContain(secret);
    }
  });
});
