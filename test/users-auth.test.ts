/**
 * Accounts and sign-in over HTTP (#19): password sign-in to a cookie session, signing out (here and
 * everywhere), the failed-attempt limit, CSRF on cookie-authenticated writes, sessions ending when a
 * person is deactivated or removed, org switching and scope, last-admin protection — and nothing of a
 * password or a session token in any log line or answer.
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RetentionPruner } from '../src/app/retention.js';
import { createLogger } from '../src/shared/logger.js';
import type { ManualClock } from '../src/shared/clock.js';
import { describeEachEngine } from './helpers/engines.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { addUser, cookieOf, signIn, type SignedIn } from './helpers/users.js';

const PASSWORD = 'a long and unusual passphrase';

describeEachEngine('accounts and sign-in', (engine) => {
  let t: TestApp;
  let a: TestOrg;
  let b: TestOrg;
  const lines: string[] = [];
  /** Never in a log line nor an answer. */
  const secrets: string[] = [PASSWORD];
  /** Answered by design (sign-in, GET /api/auth/session), never logged. */
  const csrfTokens: string[] = [];
  const bodies: string[] = [];

  const inject = async (opts: InjectOptions) => {
    const res = await t.app.inject(opts);
    bodies.push(res.body);
    return res;
  };
  const as = (s: SignedIn, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    inject({ method: method as InjectOptions['method'], url, payload: payload as InjectOptions['payload'], headers: { ...s.headers, ...headers } });
  const session = async (email: string, password = PASSWORD, extra: { org_id?: number; ip?: string } = {}) => {
    const s = await signIn(t, email, password, extra);
    secrets.push(s.token);
    csrfTokens.push(s.csrf);
    return s;
  };

  beforeAll(async () => {
    t = await createTestApp(engine, {
      logger: createLogger('trace', { write: (l: string) => void lines.push(l) }),
      env: { AUTH_FAILURE_LIMIT: '4', AUTH_FAILURE_WINDOW: '1m' },
    });
    a = await t.createOrg('Acme');
    b = await t.createOrg('Beta');
    await addUser(t, { orgId: a.orgId, email: 'Ada@Acme.example', role: 'admin', password: PASSWORD });
    await addUser(t, { orgId: a.orgId, email: 'mel@acme.example', role: 'member', password: PASSWORD });
    await addUser(t, { orgId: a.orgId, email: 'vic@acme.example', role: 'viewer', password: PASSWORD });
    await addUser(t, { orgId: b.orgId, email: 'bob@beta.example', role: 'admin', password: PASSWORD });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A fresh limiter window: failures of one test do not block the next. */
  const nextWindow = () => (t.clock as ManualClock).advance(60_000);

  describe('sign-in and sign-out', () => {
    it('signs in with the email in any case: an HttpOnly SameSite=Lax cookie, the session and its CSRF token, no password', async () => {
      const res = await inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: ' ADA@acme.EXAMPLE ', password: PASSWORD } });
      expect(res.statusCode).toBe(200);
      const cookie = cookieOf(res)!;
      expect(cookie).toMatch(/^flowledger_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=2592000$/);
      const body = res.json();
      expect(body).toMatchObject({ user: { email: 'ada@acme.example' }, org: { org_id: a.orgId, name: 'Acme' }, role: 'admin', orgs: [{ org_id: a.orgId, name: 'Acme', role: 'admin' }] });
      expect(typeof body.csrf_token).toBe('string');
      expect(res.body).not.toMatch(/password|scrypt/);
      secrets.push(/=([^;]+)/.exec(cookie)![1]!);
      csrfTokens.push(body.csrf_token);
    });

    it('sets Secure on the cookie when the request came over TLS (through a trusted proxy)', async () => {
      const tls = await createTestApp(engine, { env: { TRUST_PROXY: 'true' } });
      try {
        const org = await tls.createOrg();
        await addUser(tls, { orgId: org.orgId, email: 'sec@acme.example', role: 'member', password: PASSWORD });
        const res = await tls.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'x-forwarded-proto': 'https' }, payload: { email: 'sec@acme.example', password: PASSWORD } });
        expect(res.statusCode).toBe(200);
        expect(cookieOf(res)).toMatch(/; Secure$/);
      } finally {
        await tls.close();
      }
    });

    it("with PUBLIC_URL, takes cookie writes only from that origin and sets Secure for an https one", async () => {
      const pub = await createTestApp(engine, { env: { PUBLIC_URL: 'https://flow.example.com/app' } });
      try {
        const org = await pub.createOrg();
        await addUser(pub, { orgId: org.orgId, email: 'pub@acme.example', role: 'member', password: PASSWORD });
        const refused = await pub.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { origin: 'http://localhost' }, payload: { email: 'pub@acme.example', password: PASSWORD } });
        expect(refused.statusCode).toBe(403);
        const res = await pub.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { origin: 'https://flow.example.com' }, payload: { email: 'pub@acme.example', password: PASSWORD } });
        expect(res.statusCode).toBe(200);
        expect(cookieOf(res)).toMatch(/; Secure$/);
        const cookie = cookieOf(res)!.split(';')[0]!;
        secrets.push(cookie.split('=')[1]!);
        const write = (origin: string) =>
          pub.app.inject({ method: 'POST', url: '/api/workflow/create', headers: { cookie, origin, 'x-csrf-token': res.json().csrf_token }, payload: { workflow_category: 'S', title: 't' } });
        expect((await write('http://localhost')).statusCode).toBe(403);
        expect((await write('https://flow.example.com')).statusCode).toBe(201);
      } finally {
        await pub.close();
      }
    });

    it('answers the session and who-am-I to the cookie', async () => {
      const s = await session('ada@acme.example');
      const me = await as(s, 'GET', '/api/me');
      expect(me.json()).toEqual({ org_id: a.orgId, org_name: 'Acme', role: 'admin', key_id: null, key_name: null, user_id: s.userId });
      const current = await as(s, 'GET', '/api/auth/session');
      expect(current.statusCode).toBe(200);
      expect(current.json()).toMatchObject({ user: { user_id: s.userId }, role: 'admin', csrf_token: s.csrf });
    });

    it('gives the same 401 for a wrong password, an unknown email and a deactivated user', async () => {
      nextWindow();
      const id = await addUser(t, { orgId: b.orgId, email: 'gone@beta.example', role: 'member', password: PASSWORD });
      await t.db.database.db.updateTable('app_user').set({ status: 'deactivated' }).where('user_id', '=', id).execute();
      const answers = [];
      for (const [email, password, ip] of [
        ['ada@acme.example', 'not the passphrase', '10.0.0.1'],
        ['nobody@acme.example', PASSWORD, '10.0.0.2'],
        ['gone@beta.example', PASSWORD, '10.0.0.3'],
      ] as const) {
        const res = await inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress: ip, payload: { email, password } });
        expect(res.headers['set-cookie']).toBeUndefined();
        answers.push({ status: res.statusCode, body: res.json() });
      }
      expect(answers[0]).toEqual({ status: 401, body: { error: 'Wrong email or password', code: 'invalid_credentials' } });
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
    });

    it('limits failed sign-ins per address and per email: 429 with Retry-After, even for the right password', async () => {
      nextWindow();
      // Per address: four different emails from one address.
      for (let i = 0; i < 4; i++) {
        const res = await inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress: '10.1.0.1', payload: { email: `x${i}@acme.example`, password: 'wrong wrong wrong' } });
        expect(res.statusCode).toBe(401);
      }
      const blocked = await inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress: '10.1.0.1', payload: { email: 'mel@acme.example', password: PASSWORD } });
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().code).toBe('rate_limited');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      // Per email: one email from four addresses, then the right password from a fifth.
      for (let i = 0; i < 4; i++) {
        const res = await inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress: `10.2.0.${i + 1}`, payload: { email: 'vic@acme.example', password: 'wrong wrong wrong' } });
        expect(res.statusCode).toBe(401);
      }
      const byEmail = await inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress: '10.2.0.9', payload: { email: 'VIC@acme.example', password: PASSWORD } });
      expect(byEmail.statusCode).toBe(429);
      nextWindow();
      expect((await inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress: '10.2.0.9', payload: { email: 'vic@acme.example', password: PASSWORD } })).statusCode).toBe(200);
    });

    it('signs out: the cookie is cleared and the session refused from then on', async () => {
      nextWindow();
      const s = await session('mel@acme.example');
      const out = await as(s, 'POST', '/api/auth/sign-out');
      expect(out.statusCode).toBe(204);
      expect(cookieOf(out)).toMatch(/^flowledger_session=; .*Max-Age=0/);
      const after = await as(s, 'GET', '/api/me');
      expect(after.statusCode).toBe(401);
      expect(after.json()).toEqual({ error: 'Your session has ended; sign in again', code: 'unauthorized' });
      expect(cookieOf(after)).toMatch(/Max-Age=0/);
    });

    it('signs out everywhere: every session of the person ends, others are untouched', async () => {
      const one = await session('mel@acme.example');
      const two = await session('mel@acme.example');
      const other = await session('vic@acme.example');
      const res = await as(one, 'POST', '/api/auth/sign-out-everywhere');
      expect(res.statusCode).toBe(200);
      expect(res.json().sessions_ended).toBeGreaterThanOrEqual(2);
      expect((await as(one, 'GET', '/api/me')).statusCode).toBe(401);
      expect((await as(two, 'GET', '/api/me')).statusCode).toBe(401);
      expect((await as(other, 'GET', '/api/me')).statusCode).toBe(200);
    });

    it('ends a session idle longer than SESSION_IDLE_TIMEOUT; use keeps it alive', async () => {
      const s = await session('vic@acme.example');
      (t.clock as ManualClock).advance(11 * 3_600_000);
      expect((await as(s, 'GET', '/api/me')).statusCode).toBe(200);
      (t.clock as ManualClock).advance(11 * 3_600_000);
      expect((await as(s, 'GET', '/api/me')).statusCode).toBe(200);
      (t.clock as ManualClock).advance(12 * 3_600_000 + 1);
      expect((await as(s, 'GET', '/api/me')).statusCode).toBe(401);
    });

    it('refuses an unknown session cookie with 401 and the session routes to a key with 400', async () => {
      const res = await inject({ method: 'GET', url: '/api/me', headers: { cookie: `flowledger_session=${'A'.repeat(43)}` } });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('unauthorized');
      const key = await t.call(a.viewer, { method: 'GET', url: '/api/auth/session' });
      expect(key.statusCode).toBe(400);
    });
  });

  describe('a session and a key get the same answers', () => {
    const pairs = async () => ({ key: a.member, s: await session('mel@acme.example') });

    it('REST and tRPC reads, writes, 403 for another org and 404 for what is not there', async () => {
      nextWindow();
      const { key, s } = await pairs();
      const viewer = await session('vic@acme.example');
      const both = async (method: string, url: string, payload?: unknown, viewerToo = false) => {
        const k = await t.call(viewerToo ? a.viewer : key, { method: method as never, url, payload: payload as never });
        const c = await as(viewerToo ? viewer : s, method, url, payload);
        return { k, c };
      };
      const created = await both('POST', '/api/workflow/create', { workflow_category: 'Support', title: 'Printer' });
      expect(created.k.statusCode).toBe(201);
      expect(created.c.statusCode).toBe(201);
      expect(created.c.json().created_by).toBe(`user:${s.userId}`);

      const list = await both('GET', '/api/workflow/list?category=Support');
      expect(list.c.statusCode).toBe(200);
      expect(list.c.json()).toEqual(list.k.json());

      const trpcQuery = await both('GET', `/api/workflow.list?input=${encodeURIComponent(JSON.stringify({ filter: { category: 'Support' } }))}`);
      expect(trpcQuery.c.statusCode).toBe(200);
      expect(trpcQuery.c.json()).toEqual(trpcQuery.k.json());

      const trpcMutation = await both('POST', '/api/workflow.create', { workflow_category: 'Support', title: 'Toner' });
      expect(trpcMutation.k.statusCode).toBe(200);
      expect(trpcMutation.c.statusCode).toBe(200);

      for (const [method, url, payload] of [
        ['GET', `/api/workflow/list?org_id=${b.orgId}`],
        ['POST', '/api/workflow/create', { org_id: b.orgId, workflow_category: 'Support', title: 'x' }],
        ['POST', '/api/workflow.create', { org_id: b.orgId, workflow_category: 'Support', title: 'x' }],
        ['GET', '/api/workflow/get/TASK-nope'],
        ['GET', '/api/keys'],
      ] as const) {
        const r = await both(method, url, payload);
        expect([url, r.c.statusCode]).toEqual([url, r.k.statusCode]);
        expect(r.c.json().code ?? r.c.json().error?.data?.appCode).toBe(r.k.json().code ?? r.k.json().error?.data?.appCode);
      }
      // A viewer writes nothing, either way.
      const ro = await both('POST', '/api/workflow.create', { workflow_category: 'Support', title: 'x' }, true);
      expect(ro.k.statusCode).toBe(403);
      expect(ro.c.statusCode).toBe(403);
    });

    it('lets a key win when a request carries both', async () => {
      const s = await session('mel@acme.example');
      const res = await inject({ method: 'GET', url: '/api/me', headers: { ...s.headers, authorization: `Bearer ${b.viewer}` } });
      expect(res.json()).toMatchObject({ org_id: b.orgId, role: 'viewer', user_id: null });
    });
  });

  describe('cross-site writes with the cookie', () => {
    it('refuses a missing or wrong CSRF token, a foreign Origin and Sec-Fetch-Site cross-site; accepts our own page', async () => {
      const s = await session('mel@acme.example');
      const write = (headers: Record<string, string | undefined>) =>
        inject({
          method: 'POST',
          url: '/api/workflow/create',
          payload: { workflow_category: 'Support', title: 'csrf' },
          headers: Object.fromEntries(Object.entries({ cookie: s.headers.cookie, ...headers }).filter(([, v]) => v !== undefined)) as Record<string, string>,
        });
      const refused = [
        await write({ 'sec-fetch-site': 'same-origin' }),
        await write({ 'sec-fetch-site': 'same-origin', 'x-csrf-token': `${s.csrf}x` }),
        await write({ 'sec-fetch-site': 'cross-site', 'x-csrf-token': s.csrf }),
        await write({ 'sec-fetch-site': 'same-site', 'x-csrf-token': s.csrf }),
        await write({ origin: 'https://evil.example', 'x-csrf-token': s.csrf }),
        await write({ 'x-csrf-token': s.csrf }),
      ];
      for (const r of refused) {
        expect(r.statusCode).toBe(403);
        expect(r.json().code).toBe('csrf_failed');
      }
      expect((await write({ origin: 'http://localhost', 'x-csrf-token': s.csrf })).statusCode).toBe(201);
      expect((await write({ 'sec-fetch-site': 'same-origin', 'x-csrf-token': s.csrf })).statusCode).toBe(201);
      // tRPC mutations too, in tRPC's envelope.
      const trpc = await inject({ method: 'POST', url: '/api/workflow.create', payload: { workflow_category: 'Support', title: 'x' }, headers: { cookie: s.headers.cookie, 'sec-fetch-site': 'cross-site' } });
      expect(trpc.statusCode).toBe(403);
      expect(trpc.json().error.data.appCode).toBe('csrf_failed');
      // Reads need no token; key-authenticated writes are unaffected.
      expect((await inject({ method: 'GET', url: '/api/me', headers: { cookie: s.headers.cookie, 'sec-fetch-site': 'cross-site' } })).statusCode).toBe(200);
      expect((await t.call(a.member, { method: 'POST', url: '/api/workflow/create', headers: { origin: 'https://evil.example' }, payload: { workflow_category: 'Support', title: 'k' } })).statusCode).toBe(201);
    });

    it('refuses a sign-in a browser marks as cross-site', async () => {
      const res = await inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'sec-fetch-site': 'cross-site' }, payload: { email: 'mel@acme.example', password: PASSWORD } });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('csrf_failed');
      expect(res.headers['set-cookie']).toBeUndefined();
    });
  });

  describe('orgs and members', () => {
    it('switches org for a member of both, refuses an org they are not in, and shows only the current org', async () => {
      await addUser(t, { orgId: b.orgId, email: 'mel@acme.example', role: 'viewer' });
      const s = await session('mel@acme.example');
      expect((await as(s, 'GET', '/api/auth/session')).json().orgs.map((o: { org_id: number }) => o.org_id)).toEqual([a.orgId, b.orgId]);
      const c = await t.createOrg('Gamma');
      const refused = await as(s, 'POST', '/api/auth/session/org', { org_id: c.orgId });
      expect(refused.statusCode).toBe(403);
      const switched = await as(s, 'POST', '/api/auth/session/org', { org_id: b.orgId });
      expect(switched.statusCode).toBe(200);
      expect(switched.json()).toMatchObject({ org: { org_id: b.orgId, name: 'Beta' }, role: 'viewer' });
      expect((await as(s, 'GET', '/api/me')).json()).toMatchObject({ org_id: b.orgId, role: 'viewer' });
      // A viewer in Beta: writes refused there.
      expect((await as(s, 'POST', '/api/workflow/create', { workflow_category: 'S', title: 't' })).statusCode).toBe(403);
      await as(s, 'POST', '/api/auth/session/org', { org_id: a.orgId });
      // Signing in straight into an org.
      const intoB = await session('mel@acme.example', PASSWORD, { org_id: b.orgId });
      expect((await as(intoB, 'GET', '/api/me')).json().org_id).toBe(b.orgId);
    });

    it("lists only the current org's members to its admins; another org's user is 404 for every method", async () => {
      const ada = await session('ada@acme.example');
      const bob = await session('bob@beta.example');
      const list = await as(ada, 'GET', '/api/users');
      expect(list.statusCode).toBe(200);
      const emails = list.json().data.map((u: { email: string }) => u.email);
      expect(emails).toContain('ada@acme.example');
      expect(emails).not.toContain('bob@beta.example');
      expect(list.body).not.toMatch(/scrypt|password_hash/);
      for (const [method, url, payload] of [
        ['PATCH', `/api/users/${bob.userId}`, { role: 'viewer' }],
        ['DELETE', `/api/users/${bob.userId}/membership`],
      ] as const) {
        const r = await as(ada, method, url, payload);
        expect(r.statusCode).toBe(404);
      }
      expect((await t.call(a.admin, { method: 'PATCH', url: `/api/users/${bob.userId}`, payload: { status: 'deactivated' } })).statusCode).toBe(404);
      // Members and viewers do not manage people.
      const mel = await session('mel@acme.example');
      expect((await as(mel, 'GET', '/api/users')).statusCode).toBe(403);
    });

    it('protects the last active admin from demotion, deactivation and removal (409)', async () => {
      const bob = await session('bob@beta.example');
      for (const [method, url, payload] of [
        ['PATCH', `/api/users/${bob.userId}`, { role: 'member' }],
        ['PATCH', `/api/users/${bob.userId}`, { status: 'deactivated' }],
        ['DELETE', `/api/users/${bob.userId}/membership`],
      ] as const) {
        const r = await as(bob, method, url, payload);
        expect(r.statusCode).toBe(409);
        expect(r.json().error).toMatch(/last active admin/);
      }
      const second = await addUser(t, { orgId: b.orgId, email: 'bea@beta.example', role: 'member', password: PASSWORD });
      const promoted = await as(bob, 'PATCH', `/api/users/${second}`, { role: 'admin' });
      expect(promoted.json()).toMatchObject({ role: 'admin' });
      expect((await as(bob, 'PATCH', `/api/users/${bob.userId}`, { role: 'member' })).statusCode).toBe(200);
    });

    it('lets only one of two admins demoting each other at once succeed: the org keeps an admin', async () => {
      const org = await t.createOrg('Race');
      const x = await addUser(t, { orgId: org.orgId, email: 'x@race.example', role: 'admin', password: PASSWORD });
      const y = await addUser(t, { orgId: org.orgId, email: 'y@race.example', role: 'admin', password: PASSWORD });
      const sx = await session('x@race.example');
      const sy = await session('y@race.example');
      const [rx, ry] = await Promise.all([as(sx, 'PATCH', `/api/users/${y}`, { role: 'member' }), as(sy, 'PATCH', `/api/users/${x}`, { role: 'member' })]);
      // The loser is 409 (the last admin) or, when the winner committed before its role was read, 403.
      const codes = [rx.statusCode, ry.statusCode].sort();
      expect(codes[0]).toBe(200);
      expect([403, 409]).toContain(codes[1]);
      const admins = (await t.call(org.admin, { method: 'GET', url: '/api/users' })).json().data.filter((u: { role: string }) => u.role === 'admin');
      expect(admins).toHaveLength(1);
    });

    it('ends the sessions of a deactivated person and of a removed member at once, and audits it as the acting user', async () => {
      const ada = await session('ada@acme.example');
      const zed = await addUser(t, { orgId: a.orgId, email: 'zed@acme.example', role: 'member', password: PASSWORD });
      const zedSession = await session('zed@acme.example');
      const off = await as(ada, 'PATCH', `/api/users/${zed}`, { status: 'deactivated' });
      expect(off.statusCode).toBe(200);
      expect(off.json()).toMatchObject({ status: 'deactivated' });
      expect((await as(zedSession, 'GET', '/api/me')).statusCode).toBe(401);

      const events = await t.db.database.db.selectFrom('work_event').selectAll().where('event_name', '=', 'audit.user.updated').where('item_id', '=', String(zed)).execute();
      expect(events).toHaveLength(1);
      expect(events[0]!.actor).toBe(`user:${ada.userId}`);
      expect(JSON.parse(events[0]!.payload_json)).toMatchObject({ user_id: zed, changes: { status: { before: 'active', after: 'deactivated' } } });

      // Someone in two orgs is removed from one: not deactivated (409), their session there ends, the other stays.
      const mel = (await as(ada, 'GET', '/api/users')).json().data.find((u: { email: string }) => u.email === 'mel@acme.example').user_id;
      expect((await as(ada, 'PATCH', `/api/users/${mel}`, { status: 'deactivated' })).statusCode).toBe(409);
      const inA = await session('mel@acme.example');
      const inB = await session('mel@acme.example', PASSWORD, { org_id: b.orgId });
      expect((await as(ada, 'DELETE', `/api/users/${mel}/membership`)).statusCode).toBe(200);
      expect((await as(inA, 'GET', '/api/me')).statusCode).toBe(401);
      expect((await as(inB, 'GET', '/api/me')).statusCode).toBe(200);
    });
  });

  it('prunes sessions that ended (expired or signed out) longer ago than RETENTION_DELIVERY, and only those', async () => {
    const gone = await session('ada@acme.example');
    await as(gone, 'POST', '/api/auth/sign-out');
    const count = async () => Number((await t.db.database.db.selectFrom('user_session').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    (t.clock as ManualClock).advance(20 * 86_400_000);
    const fresh = await session('ada@acme.example');
    (t.clock as ManualClock).advance(11 * 86_400_000);
    const totals = await new RetentionPruner(t.deps).runOnce();
    // Everything signed out in this file more than 30 days ago is gone; the fresh session is not.
    expect(totals.user_session).toBeGreaterThan(0);
    expect(await count()).toBeLessThan(before + 1);
    expect((await as(fresh, 'GET', '/api/me')).statusCode).toBe(401); // idle for 11 days, yet still a row
    expect(await t.db.database.db.selectFrom('user_session').select('session_id').where('user_id', '=', fresh.userId).where('revoked_at', 'is', null).execute()).not.toHaveLength(0);
  });

  it('describes the cookie scheme and the new routes in the OpenAPI document', async () => {
    const doc = (await inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.components.securitySchemes.cookieAuth).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'flowledger_session' });
    expect(doc.security).toEqual([{ bearerAuth: [] }, { cookieAuth: [] }]);
    for (const path of ['/api/auth/sign-in', '/api/auth/sign-out', '/api/auth/sign-out-everywhere', '/api/auth/session', '/api/auth/session/org', '/api/users', '/api/users/{id}', '/api/users/{id}/membership']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/api/auth/sign-in'].post.security).toEqual([]);
  });

  it('never logs or answers a password or a session token, and never logs a CSRF token', () => {
    const everything = [...lines, ...bodies].join('\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const s of secrets) expect(everything.includes(s), `secret ${s.slice(0, 4)}… leaked`).toBe(false);
    const logged = lines.join('\n');
    for (const c of csrfTokens) expect(logged.includes(c), `CSRF token ${c.slice(0, 4)}… logged`).toBe(false);
    expect(everything).not.toMatch(/scrypt\$/);
  });
});
