/**
 * Task pages are computed as JSON text (JsonAnswer). With the answer cache off that text is sent
 * once and thrown away, so, as every other answer computed per request, it is sent uncompressed:
 * only stored answers are gzip-compressed (src/http/stored-body.ts), else each request would pay
 * the compression of its page.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { taskListSchema } from '../src/workflow/workflow.schemas.js';
import { describeEachEngine } from './helpers/engines.js';
import { insertTask } from './helpers/factories.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';

describeEachEngine('task pages with the answer cache off', (engine) => {
  let t: TestApp;
  let org: TestOrg;

  beforeAll(async () => {
    t = await createTestApp(engine, { env: { ANSWER_CACHE_ENTRIES: '0' } });
    org = await t.createOrg();
    const base = Date.parse('2026-03-01T10:00:00.000Z');
    for (let i = 0; i < 20; i++) await insertTask(t.db.database.db, org.orgId, { createdAt: new Date(base + i * 1000).toISOString() });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('are sent uncompressed to gzip clients, REST and tRPC, as the same JSON', async () => {
    const headers = { 'accept-encoding': 'gzip, deflate' };
    const rest = await t.call(org.viewer, { method: 'GET', url: '/api/workflow/tasks?limit=20', headers });
    expect(rest.statusCode, rest.body).toBe(200);
    expect(rest.rawPayload.length).toBeGreaterThan(1024);
    expect(rest.headers['content-encoding']).toBeUndefined();
    expect(rest.headers.vary).toMatch(/accept-encoding/i);
    const page = rest.json();
    expect(taskListSchema.parse(page)).toEqual(page);
    expect(page.data).toHaveLength(20);

    const input = encodeURIComponent(JSON.stringify({ pagination: { limit: 20 } }));
    const trpc = await t.call(org.viewer, { method: 'GET', url: `/api/workflow.list?input=${input}`, headers });
    expect(trpc.statusCode, trpc.body).toBe(200);
    expect(trpc.headers['content-encoding']).toBeUndefined();
    expect(trpc.json().result.data).toEqual(page);
  });
});
