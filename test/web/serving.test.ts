/** The server hands out the built dashboard at / with an SPA fallback that never shadows the API. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../helpers/engines.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const sqlite = testEngines()[0]!;

describe('dashboard serving', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(sqlite);
  });
  afterAll(() => t.close());

  it('serves index.html at / without a key, revalidated on every load and with a strict CSP', async () => {
    const res = await t.call(undefined, { method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.body).toContain('<div id="root"></div>');
  });

  it('serves hashed assets as immutable', async () => {
    const asset = readdirSync(join(import.meta.dirname, '../../web/dist/assets')).find((f) => f.endsWith('.js'))!;
    const res = await t.call(undefined, { method: 'GET', url: `/assets/${asset}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('answers the dashboard routes (deep links, reloads) with the app', async () => {
    for (const url of ['/kanban', '/tasks/TASK-1-abc', '/pipeline/pursuits/7?x=1']) {
      const res = await t.call(undefined, { method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<div id="root"></div>');
    }
  });

  it('keeps JSON 404s for unknown API paths and missing files', async () => {
    const org = await t.createOrg();
    for (const url of ['/api/nope', '/api/workstream/nothing/here', '/assets/missing.js', '/favicon.ico']) {
      const res = await t.call(org.viewer, { method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toMatchObject({ code: 'not_found' });
    }
    const post = await t.call(undefined, { method: 'POST', url: '/kanban' });
    expect(post.statusCode).toBe(404);
  });

  it('still asks for a key on the API', async () => {
    const res = await t.call(undefined, { method: 'GET', url: '/api/workflow.metrics' });
    expect(res.statusCode).toBe(401);
  });
});

describe('dashboard serving without a build', () => {
  let t: TestApp;
  let empty: string;
  beforeAll(async () => {
    empty = mkdtempSync(join(tmpdir(), 'flowledger-noweb-'));
    t = await createTestApp(sqlite, { env: { WEB_DIR: empty } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(empty, { recursive: true, force: true });
  });

  it('says how to build it instead of failing obscurely', async () => {
    const res = await t.call(undefined, { method: 'GET', url: '/' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'unavailable', error: expect.stringContaining('npm run build:web') });
    expect((await t.call(undefined, { method: 'GET', url: '/kanban' })).statusCode).toBe(404);
  });
});
