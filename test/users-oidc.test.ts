/**
 * OpenID Connect sign-in (#19) against a real provider on loopback (oidc-provider): the browser's
 * whole redirect chain — our start, the provider's authorization endpoint and login, our callback —
 * followed with cookies, then the session used. Only invited people get in, by a verified email the
 * first time and by the linked identity after; every refusal is a redirect to the sign-in screen
 * with a code; nothing secret reaches a log line.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../src/shared/clock.js';
import { createLogger } from '../src/shared/logger.js';
import { describeEachEngine } from './helpers/engines.js';
import { startOidcProvider, type TestAccount, type TestOidcProvider } from './helpers/oidc-provider.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { addUser } from './helpers/users.js';

const PUBLIC_URL = 'http://localhost';
const CALLBACK = `${PUBLIC_URL}/api/auth/oidc/callback`;

/** Set-Cookie lines of a response (inject or fetch) into a name → value jar; cleared cookies leave it. */
function keepCookies(jar: Map<string, string>, lines: string[]): void {
  for (const line of lines) {
    const [pair] = line.split(';', 1);
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq).trim();
    const value = pair!.slice(eq + 1).trim();
    if (value === '' || /max-age=0\b/i.test(line) || /expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
function setCookies(res: LightMyRequestResponse): string[] {
  const set = res.headers['set-cookie'];
  return set === undefined ? [] : Array.isArray(set) ? set : [set];
}

interface Flow {
  /** Our callback's answer. */
  res: LightMyRequestResponse;
  /** Our cookies after it (the session, if one was set). */
  jar: Map<string, string>;
  /** The authorization code the provider issued (to check it is never logged). */
  code: string | null;
}

describeEachEngine('OpenID Connect sign-in', (engine) => {
  let provider: TestOidcProvider;
  let t: TestApp;
  let a: TestOrg;
  let b: TestOrg;
  const lines: string[] = [];
  /** Never in a log line. */
  const secrets: string[] = [];

  const ada: TestAccount = { sub: 'ada-at-idp', email: 'Ada@Acme.example', email_verified: true, name: 'Ada' };

  beforeAll(async () => {
    provider = await startOidcProvider({ redirectUri: CALLBACK });
    secrets.push(provider.clientSecret);
    t = await createTestApp(engine, {
      logger: createLogger('trace', { write: (l: string) => void lines.push(l) }),
      env: {
        PUBLIC_URL,
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
        OIDC_DISPLAY_NAME: 'Acme SSO',
        AUTH_FAILURE_LIMIT: '4',
        AUTH_FAILURE_WINDOW: '1m',
      },
    });
    a = await t.createOrg('Acme');
    b = await t.createOrg('Beta');
    // Invited: a user without a password, as an invitation or `flowledger users invite` leaves them.
    await addUser(t, { orgId: a.orgId, email: 'ada@acme.example', role: 'admin' });
  });
  afterAll(async () => {
    await t?.close();
    await provider?.close();
  });

  /** A fresh limiter window: failures of one test do not block the next. */
  const nextWindow = () => (t.clock as ManualClock).advance(60_000);

  /**
   * A browser signing in as `account`: our start, then the provider (authorization endpoint, the
   * login interaction, back to the authorization endpoint) until it redirects to our callback.
   * `tamper` may change the callback URL or our cookies before the callback is requested.
   */
  async function signInWithOidc(
    account: TestAccount,
    o: { ip?: string; orgId?: number; tamper?: (callback: URL, jar: Map<string, string>) => void } = {},
  ): Promise<Flow> {
    const ours = new Map<string, string>();
    const theirs = new Map<string, string>();
    const start = await t.app.inject({ method: 'GET', url: `/api/auth/oidc/start${o.orgId ? `?org_id=${o.orgId}` : ''}`, remoteAddress: o.ip });
    expect(start.statusCode).toBe(302);
    keepCookies(ours, setCookies(start));
    secrets.push(ours.get('flowledger_oidc')!);
    provider.signInAs(account);
    let url = new URL(start.headers.location as string);
    for (let hop = 0; url.origin !== PUBLIC_URL; hop++) {
      if (hop > 10) throw new Error('too many redirects at the provider');
      const res = await fetch(url, { redirect: 'manual', headers: { cookie: cookieHeader(theirs) } });
      keepCookies(theirs, res.headers.getSetCookie());
      const location = res.headers.get('location');
      if (!location) throw new Error(`the provider answered ${res.status}: ${await res.text()}`);
      url = new URL(location, url);
    }
    const code = url.searchParams.get('code');
    if (code) secrets.push(code);
    o.tamper?.(url, ours);
    const res = await t.app.inject({ method: 'GET', url: url.pathname + url.search, headers: { cookie: cookieHeader(ours) }, remoteAddress: o.ip });
    keepCookies(ours, setCookies(res));
    if (ours.has('flowledger_session')) secrets.push(ours.get('flowledger_session')!);
    return { res, jar: ours, code };
  }

  const refusedWith = (flow: Flow, error: string) => {
    expect(flow.res.statusCode).toBe(302);
    expect(flow.res.headers.location).toBe(`${PUBLIC_URL}/#/sign-in?error=${error}`);
    expect(flow.jar.has('flowledger_session')).toBe(false);
    // The half-done sign-in's cookie is cleared whatever happened.
    expect(flow.jar.has('flowledger_oidc')).toBe(false);
  };

  const countUsers = async () => Number((await t.db.database.db.selectFrom('app_user').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('tells the sign-in screen which methods exist: password, and the provider by its display name', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/providers' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ password: true, oidc: { name: 'Acme SSO', start_url: '/api/auth/oidc/start' } });
  });

  it('redirects to the provider with an authorization code request, PKCE S256, state and nonce, and a sealed short-lived cookie', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    expect(res.statusCode).toBe(302);
    const url = new URL(res.headers.location as string);
    expect(url.origin).toBe(provider.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: provider.clientId,
      redirect_uri: CALLBACK,
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    });
    for (const p of ['state', 'nonce', 'code_challenge']) expect(url.searchParams.get(p)).toMatch(/^[\w-]{32,}$/);
    const cookie = setCookies(res).find((c) => c.startsWith('flowledger_oidc='))!;
    expect(cookie).toMatch(/^flowledger_oidc=[^;]+; Path=\/api\/auth\/oidc; HttpOnly; SameSite=Lax; Max-Age=600$/);
    // Sealed: neither the state nor the nonce is readable in it.
    expect(cookie).not.toContain(url.searchParams.get('state')!);
    expect(cookie).not.toContain(url.searchParams.get('nonce')!);
  });

  it('signs in an invited person by their verified email, links the identity, and the session works for API calls', async () => {
    const before = await countUsers();
    const flow = await signInWithOidc(ada);
    expect(flow.res.statusCode).toBe(302);
    expect(flow.res.headers.location).toBe(`${PUBLIC_URL}/`);
    expect(setCookies(flow.res).find((c) => c.startsWith('flowledger_session='))).toMatch(/; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    expect(flow.jar.has('flowledger_oidc')).toBe(false);
    expect(await countUsers()).toBe(before);

    const cookie = `flowledger_session=${flow.jar.get('flowledger_session')}`;
    const session = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    expect(session.statusCode).toBe(200);
    const view = session.json();
    expect(view).toMatchObject({ user: { email: 'ada@acme.example' }, org: { org_id: a.orgId }, role: 'admin' });
    // An org-scoped admin read and a CSRF-protected write with the same cookie.
    const members = await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie } });
    expect(members.statusCode).toBe(200);
    expect(members.json().data.map((m: { email: string }) => m.email)).toContain('ada@acme.example');
    const signOut = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie, 'sec-fetch-site': 'same-origin', 'x-csrf-token': view.csrf_token } });
    expect(signOut.statusCode).toBe(204);

    const links = await t.db.database.db.selectFrom('oidc_identity').selectAll().execute();
    expect(links).toEqual([expect.objectContaining({ issuer: provider.issuer, subject: ada.sub, user_id: view.user.user_id })]);
    // The link is in the org's audit trail, by the person themselves.
    const audit = await t.db.database.db.selectFrom('work_event').selectAll().where('event_name', '=', 'audit.user.linked').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ org_id: a.orgId, item_type: 'user', item_id: String(view.user.user_id), actor: `user:${view.user.user_id}` });
    expect(JSON.parse(audit[0]!.payload_json)).toMatchObject({ user_id: view.user.user_id, email: 'ada@acme.example', changes: { oidc_issuer: { before: null, after: provider.issuer } } });
  });

  it('signs in by the linked identity the next time, even after the provider changed the email', async () => {
    const flow = await signInWithOidc({ ...ada, email: 'ada.lovelace@elsewhere.example' });
    expect(flow.res.headers.location).toBe(`${PUBLIC_URL}/`);
    const session = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `flowledger_session=${flow.jar.get('flowledger_session')}` } });
    expect(session.json().user.email).toBe('ada@acme.example');
    expect(await t.db.database.db.selectFrom('oidc_identity').selectAll().execute()).toHaveLength(1);
    expect(await t.db.database.db.selectFrom('work_event').select('work_event_id').where('event_name', '=', 'audit.user.linked').execute()).toHaveLength(1);
  });

  it('acts in the org asked for at start when the person belongs to it, else in their first', async () => {
    nextWindow();
    await addUser(t, { orgId: a.orgId, email: 'multi@acme.example', role: 'member' });
    await addUser(t, { orgId: b.orgId, email: 'multi@acme.example', role: 'viewer' });
    const multi = { sub: 'multi', email: 'multi@acme.example', email_verified: true };
    const inB = await signInWithOidc(multi, { orgId: b.orgId });
    const view = (await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `flowledger_session=${inB.jar.get('flowledger_session')}` } })).json();
    expect(view).toMatchObject({ org: { org_id: b.orgId }, role: 'viewer' });
    const other = await t.createOrg('Gamma');
    const fallback = await signInWithOidc(multi, { orgId: other.orgId });
    const view2 = (await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `flowledger_session=${fallback.jar.get('flowledger_session')}` } })).json();
    expect(view2.org.org_id).toBe(a.orgId);
  });

  it('refuses an email nobody invited, creating no account', async () => {
    nextWindow();
    const before = await countUsers();
    refusedWith(await signInWithOidc({ sub: 'stranger', email: 'stranger@else.example', email_verified: true }), 'not_invited');
    expect(await countUsers()).toBe(before);
    expect(await t.db.database.db.selectFrom('oidc_identity').select('subject').where('subject', '=', 'stranger').execute()).toEqual([]);
  });

  it('refuses an email the provider does not say is verified, even of an invited person', async () => {
    nextWindow();
    await addUser(t, { orgId: a.orgId, email: 'unv@acme.example', role: 'member' });
    refusedWith(await signInWithOidc({ sub: 'unv', email: 'unv@acme.example', email_verified: false }), 'email_unverified');
    expect(await t.db.database.db.selectFrom('oidc_identity').select('subject').where('subject', '=', 'unv').execute()).toEqual([]);
  });

  it("accepts Microsoft Entra's xms_edov in place of an absent email_verified, never over a false one", async () => {
    nextWindow();
    await addUser(t, { orgId: a.orgId, email: 'ent@acme.example', role: 'member' });
    refusedWith(await signInWithOidc({ sub: 'ent', email: 'ent@acme.example' }), 'email_unverified');
    refusedWith(await signInWithOidc({ sub: 'ent', email: 'ent@acme.example', email_verified: false, xms_edov: true }), 'email_unverified');
    expect((await signInWithOidc({ sub: 'ent', email: 'ent@acme.example', xms_edov: true })).res.headers.location).toBe(`${PUBLIC_URL}/`);
  });

  it('refuses a deactivated person, by email and by a linked identity', async () => {
    nextWindow();
    const id = await addUser(t, { orgId: a.orgId, email: 'dee@acme.example', role: 'member' });
    const dee = { sub: 'dee', email: 'dee@acme.example', email_verified: true };
    expect((await signInWithOidc(dee)).res.headers.location).toBe(`${PUBLIC_URL}/`);
    await t.db.database.db.updateTable('app_user').set({ status: 'deactivated' }).where('user_id', '=', id).execute();
    refusedWith(await signInWithOidc(dee), 'account_deactivated');
    await t.db.database.db.deleteFrom('oidc_identity').where('subject', '=', 'dee').execute();
    refusedWith(await signInWithOidc(dee), 'account_deactivated');
  });

  it('refuses a callback whose state was altered, without the sign-in cookie, with an altered cookie, or with another sign-in’s cookie', async () => {
    nextWindow();
    refusedWith(await signInWithOidc(ada, { tamper: (url) => url.searchParams.set('state', 'x'.repeat(43)) }), 'oidc_state_invalid');
    refusedWith(await signInWithOidc(ada, { tamper: (_url, jar) => jar.delete('flowledger_oidc') }), 'oidc_state_invalid');
    nextWindow();
    refusedWith(
      await signInWithOidc(ada, {
        tamper: (_url, jar) => {
          const v = jar.get('flowledger_oidc')!;
          jar.set('flowledger_oidc', v.slice(0, -4) + (v.endsWith('AAAA') ? 'BBBB' : 'AAAA'));
        },
      }),
      'oidc_state_invalid',
    );
    // A cookie from a sign-in started in this browser, answered by the provider for another (login CSRF).
    const other = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    const otherCookie = /^flowledger_oidc=([^;]+)/.exec(setCookies(other).find((c) => c.startsWith('flowledger_oidc='))!)![1]!;
    refusedWith(await signInWithOidc(ada, { tamper: (_url, jar) => jar.set('flowledger_oidc', otherCookie) }), 'oidc_state_invalid');
  });

  it('refuses a callback after the sign-in cookie expired (10 minutes)', async () => {
    nextWindow();
    refusedWith(await signInWithOidc(ada, { tamper: () => (t.clock as ManualClock).advance(10 * 60_000 + 1) }), 'oidc_state_invalid');
  });

  it('refuses a provider error answer (consent denied) and a replayed code', async () => {
    nextWindow();
    const start = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    const state = new URL(start.headers.location as string).searchParams.get('state')!;
    const denied = await t.app.inject({
      method: 'GET',
      url: `/api/auth/oidc/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(provider.issuer)}`,
      headers: { cookie: `flowledger_oidc=${/^flowledger_oidc=([^;]+)/.exec(setCookies(start)[0]!)![1]}` },
    });
    expect(denied.headers.location).toBe(`${PUBLIC_URL}/#/sign-in?error=oidc_failed`);
    let replay: { url: string; cookie: string } | undefined;
    const first = await signInWithOidc(ada, { tamper: (url, jar) => (replay = { url: url.pathname + url.search, cookie: `flowledger_oidc=${jar.get('flowledger_oidc')}` }) });
    expect(first.res.headers.location).toBe(`${PUBLIC_URL}/`);
    const again = await t.app.inject({ method: 'GET', url: replay!.url, headers: { cookie: replay!.cookie } });
    expect(again.headers.location).toBe(`${PUBLIC_URL}/#/sign-in?error=oidc_failed`);
  });

  it('counts refused callbacks against the address: past the limit even a good sign-in is refused', async () => {
    nextWindow();
    const ip = '10.9.0.1';
    for (let i = 0; i < 4; i++) refusedWith(await signInWithOidc({ sub: `nobody${i}`, email: `nobody${i}@else.example`, email_verified: true }, { ip }), 'not_invited');
    await t.deps.authLimiter.flush();
    refusedWith(await signInWithOidc(ada, { ip }), 'rate_limited');
    // Another address is not affected.
    expect((await signInWithOidc(ada, { ip: '10.9.0.2' })).res.headers.location).toBe(`${PUBLIC_URL}/`);
  });

  it('describes the three routes in the OpenAPI document, all public', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/auth/providers', '/api/auth/oidc/start', '/api/auth/oidc/callback']) {
      expect(doc.paths[path]?.get, path).toBeDefined();
      expect(doc.paths[path].get.security, path).toEqual([]);
    }
  });

  it('logs sign-ins and refusals by code, never a code, token, cookie, client secret or email', async () => {
    const joined = lines.join('\n');
    expect(joined).toMatch(/"msg":"oidc sign-in refused"/);
    expect(joined).toMatch(/"via":"oidc"/);
    for (const s of secrets) expect(joined).not.toContain(s);
    expect(joined).not.toMatch(/@acme\.example|@else\.example/i);
  });
});

describeEachEngine('OpenID Connect sign-in, not configured', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('offers password sign-in only, and the OIDC routes answer 404', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/providers' })).json()).toEqual({ password: true, oidc: null });
    const start = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    expect(start.statusCode).toBe(404);
    expect(start.json()).toMatchObject({ code: 'not_found' });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/oidc/callback?code=x&state=y' })).statusCode).toBe(404);
  });
});

describeEachEngine('OpenID Connect sign-in, provider away', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    // A loopback port nothing listens on: discovery fails at once.
    t = await createTestApp(engine, { env: { PUBLIC_URL, OIDC_ISSUER: 'http://127.0.0.1:1', OIDC_CLIENT_ID: 'id', OIDC_CLIENT_SECRET: 'secret' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sends the browser back to the sign-in screen with oidc_unavailable, every time the provider cannot be reached', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe(`${PUBLIC_URL}/#/sign-in?error=oidc_unavailable`);
      expect(setCookies(res).some((c) => /^flowledger_oidc=[^;]/.test(c))).toBe(false);
    }
  });
});
