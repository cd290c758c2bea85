/**
 * The failed-authentication limit, as it behaves behind a proxy and across nodes: a valid key is
 * always accepted; only invalid attempts are limited, per client address as the trusted proxy
 * reports it; the counts are shared through the database, so N nodes do not allow N × the attempts.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDeps, type AppDeps } from '../src/app/deps.js';
import { buildServer } from '../src/app/server.js';
import { loadConfig } from '../src/config/config.js';
import type { Database } from '../src/db/create-db.js';
import { FailedAuthLimiter } from '../src/auth/failed-auth-limiter.js';
import { createLogger } from '../src/shared/logger.js';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine } from './helpers/engines.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';

const PROXY = '127.0.0.1';
const LIMIT = 5;

describeEachEngine('failed-authentication limit behind a proxy, across nodes', (engine) => {
  let a: TestApp;
  let org: TestOrg;
  let b: { app: FastifyInstance; deps: AppDeps; database: Database };
  let untrusting: TestApp;

  beforeAll(async () => {
    const env = { TRUST_PROXY: PROXY, AUTH_FAILURE_LIMIT: String(LIMIT), AUTH_FAILURE_WINDOW: '1h' };
    a = await createTestApp(engine, { env });
    org = await a.createOrg();
    // A second node on the same database: its own process state, shared counts.
    const database = a.db.reopen();
    const deps = createDeps({ config: a.deps.config, database, logger: createLogger('silent'), clock: a.clock, secrets: a.deps.secrets });
    b = { app: await buildServer(deps), deps, database };
    untrusting = await createTestApp(engine, { env: { AUTH_FAILURE_LIMIT: String(LIMIT), AUTH_FAILURE_WINDOW: '1h' } });
  });
  afterAll(async () => {
    await b?.app.close();
    await b?.database.close();
    await a?.close();
    await untrusting?.close();
  });

  const me = (app: FastifyInstance, key: string, client: string, proxy = PROXY) =>
    app.inject({ method: 'GET', url: '/api/me', remoteAddress: proxy, headers: { authorization: `Bearer ${key}`, 'x-forwarded-for': client } });

  it('limits only invalid attempts, per client behind the proxy, and shares the count across nodes', async () => {
    const attacker = '203.0.113.7';
    const neighbour = '198.51.100.9';
    const bad = 'fl_not-a-real-key-at-all';
    for (let i = 0; i < LIMIT; i++) expect((await me(a.app, bad, attacker)).statusCode).toBe(401);
    const limited = await me(a.app, bad, attacker);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    // The attacker's own valid key, and everyone else behind the same proxy, are unaffected.
    expect((await me(a.app, org.viewer, attacker)).statusCode).toBe(200);
    expect((await me(a.app, bad, neighbour)).statusCode).toBe(401);
    expect((await me(a.app, org.member, neighbour)).statusCode).toBe(200);
    // Missing keys are not attempts.
    expect((await a.app.inject({ method: 'GET', url: '/api/me', remoteAddress: PROXY, headers: { 'x-forwarded-for': neighbour } })).statusCode).toBe(401);

    // Node B learns the shared count at its first flush after seeing the attacker: one more try at most.
    await a.deps.authLimiter.flush();
    expect((await me(b.app, bad, attacker)).statusCode).toBe(401);
    await b.deps.authLimiter.flush();
    expect((await me(b.app, bad, attacker)).statusCode).toBe(429);
    expect((await me(b.app, org.admin, attacker)).statusCode).toBe(200);

    // One row per address and window, however many attempts: writes are batched counts.
    const rows = await a.db.database.db.selectFrom('auth_failure').selectAll().where('address', '=', attacker).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.failures).toBe(LIMIT + 1);
  });

  it('ignores X-Forwarded-For from a peer it does not trust: spoofing the header does not escape the limit', async () => {
    const bad = 'fl_another-bad-key';
    for (let i = 0; i < LIMIT; i++) expect((await me(untrusting.app, bad, `192.0.2.${i}`, '10.9.8.7')).statusCode).toBe(401);
    expect((await me(untrusting.app, bad, '192.0.2.200', '10.9.8.7')).statusCode).toBe(429);
  });

  it('keeps counting the failures a flush is writing, so the limit holds while the write is in flight', async () => {
    const limiter = new FailedAuthLimiter(a.db.database, a.clock, 3, 3_600_000);
    for (let i = 0; i < 3; i++) limiter.recordFailure('192.0.2.77');
    const writing = limiter.flush();
    expect(limiter.blockedFor('192.0.2.77')).toBeGreaterThan(0);
    await writing;
    expect(limiter.blockedFor('192.0.2.77')).toBeGreaterThan(0);
    await limiter.stop();
  });

  it('refuses a TRUST_PROXY it cannot read', () => {
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.local' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
  });
});
