/**
 * XOAUTH2 mailboxes against a server that checks the token, on both engines: a private Dovecot
 * (test/helpers/dovecot.ts) whose oauth2 passdb asks an introspection endpoint about every token,
 * and a token endpoint FlowLedger refreshes at, both served by test/helpers/oauth-provider.ts. A
 * refresh-token mailbox connects and ingests; a revoked or expiring access token is refreshed; a
 * rotated refresh token is kept; a refused refresh is the mailbox's error until PATCH fixes it; the
 * test endpoint and the CLI report it; a bare access token passes or fails Dovecot's real check;
 * and no token or client secret reaches an API answer, the audit trail, the CLI's output or a log.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { MailboxSyncService } from '../src/mailboxes/mailbox-sync.service.js';
import { resealSecrets } from '../src/app/secrets.js';
import { getMailbox, openMailboxSecret, updateMailbox } from '../src/mailboxes/mailboxes.repository.js';
import { mailboxAccessToken, parseOAuthSecret } from '../src/mailboxes/oauth-token.js';
import { systemClock } from '../src/shared/clock.js';
import { createLogger } from '../src/shared/logger.js';
import { newSecretKey, parseSecretKey, SecretKeyRing } from '../src/shared/secret-box.js';
import { startDovecot, type Dovecot } from './helpers/dovecot.js';
import { describeEachEngine } from './helpers/engines.js';
import { scaled } from './helpers/time-scale.js';
import { startOAuthProvider, type OAuthProvider } from './helpers/oauth-provider.js';
import { runCliProcess } from './helpers/processes.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { waitFor } from './helpers/wait-for.js';

const USERS = ['olivia', 'oscar', 'uma', 'ursula', 'vera', 'wendy', 'cleo'].map((user) => ({ user, pass: `${user}-imap-password` }));

let n = 0;
function mail(): string {
  n += 1;
  return [
    'From: Jane Porter <jane@acme-industrial.com>',
    'To: Sam <sam@northwind.example>',
    `Subject: PO# 88100${n} - hydraulic fittings`,
    'Date: Mon, 09 Mar 2026 09:00:00 +0000',
    `Message-ID: <xoauth-${n}-${process.hrtime.bigint()}@acme-industrial.com>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Please process our purchase order PO# 88100${n} for 200 fittings, total $8,500.00.`,
    '',
  ].join('\r\n');
}

describeEachEngine('XOAUTH2 mailboxes with token refresh', (engine) => {
  let imap: Dovecot;
  let oauth: OAuthProvider;
  let t: TestApp;
  let org: TestOrg;
  let services: MailboxSyncService[] = [];
  const secretsKey = newSecretKey();
  const env = {
    SECRETS_KEY: secretsKey,
    MAILBOX_ALLOW_PRIVATE_NETWORKS: 'true',
    MAILBOX_LEASE: `${scaled(1500)}ms`, // scaled: a loaded machine must not lose the lease mid-page
    // New mail must arrive through IDLE, and reconnections come from PATCH, never from the poll.
    MAILBOX_POLL_INTERVAL: '10m',
    MAILBOX_CONNECT_TIMEOUT: '5s',
    MAILBOX_RECONNECT_MAX: '1s',
  };
  /** Everything the server logged (trace), every answer body and everything the CLI printed: searched for secrets at the end. */
  const lines: string[] = [];
  const seen: string[] = [];

  const call = async (key: string, opts: Parameters<TestApp['call']>[1]) => {
    const r = await t.call(key, opts);
    seen.push(r.body);
    return r;
  };
  const startService = () => {
    const s = new MailboxSyncService(t.deps);
    services.push(s);
    s.start();
    return s;
  };
  const view = async (id: number) => (await call(org.admin, { method: 'GET', url: `/api/mailboxes/${id}` })).json();
  const probe = async (id: number) => (await call(org.admin, { method: 'POST', url: `/api/mailboxes/${id}/test` })).json();
  const patch = async (id: number, payload: Record<string, unknown>) => {
    const r = await call(org.admin, { method: 'PATCH', url: `/api/mailboxes/${id}`, payload });
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const add = async (body: Record<string, unknown>) => {
    const r = await call(org.admin, { method: 'POST', url: '/api/mailboxes', payload: { host: imap.host, port: imap.port, tls_mode: 'none', auth_kind: 'xoauth2', ...body } });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { mailbox_id: number } & Record<string, unknown>;
  };
  /** A mailbox whose secret is a refresh token for `user`, with the token endpoint and client. */
  const addRefreshing = (name: string, user: string, o: { refreshToken?: string; clientSecret?: string } = {}) =>
    add({
      name,
      username: user,
      secret: o.refreshToken ?? oauth.issueRefreshToken(user),
      oauth_token_url: oauth.tokenUrl,
      oauth_client_id: oauth.clientId,
      oauth_client_secret: o.clientSecret ?? oauth.clientSecret,
    });
  /** The sealed document as stored, and the row's config_version. */
  const stored = async (id: number) => {
    const row = (await getMailbox(t.deps.database.db, org.orgId, id))!;
    return { doc: parseOAuthSecret(openMailboxSecret(t.deps.secrets, row)), configVersion: row.config_version };
  };
  const mailboxEvents = async (id: number) =>
    ((await call(org.admin, { method: 'GET', url: '/api/workstream/events?limit=100' })).json().data as Array<{ event_name: string; item_id: string }>)
      .filter((e) => e.event_name.startsWith('mailbox.') && e.item_id === String(id))
      .map((e) => e.event_name);
  const waitState = (id: number, state: string) =>
    waitFor(
      async () => {
        const m = await view(id);
        return m.state === state ? m : undefined;
      },
      { timeoutMs: 20_000, what: `mailbox ${id} ${state}` },
    );
  const waitIngested = (id: number, count: number) =>
    waitFor(
      async () => {
        const m = await view(id);
        if (m.messages_ingested === count) return true;
        // Shown if it never comes: where the mailbox stands.
        throw new Error(`state ${m.state}, ${m.messages_ingested} ingested, last_error ${m.last_error}`);
      },
      { timeoutMs: 20_000, what: `${count} message(s) ingested by mailbox ${id}` },
    );

  beforeAll(async () => {
    oauth = await startOAuthProvider();
    imap = await startDovecot({ users: USERS, oauth2: { introspectionUrl: oauth.introspectionUrl } });
    t = await createTestApp(engine, { clock: systemClock, env, logger: createLogger('trace', { write: (l: string) => void lines.push(l) }) });
    org = await t.createOrg('Northwind Fabrication Ltd');
  }, 120_000);
  afterEach(async () => {
    for (const s of services) await s.stop();
    services = [];
    // Each test's service watches that test's mailboxes only (and counts only their refreshes).
    const left = (await t.call(org.admin, { method: 'GET', url: '/api/mailboxes?limit=100' })).json().data as Array<{ mailbox_id: number }>;
    for (const m of left) await t.call(org.admin, { method: 'DELETE', url: `/api/mailboxes/${m.mailbox_id}` });
    oauth.rotate = false;
    oauth.expiresIn = 3600;
    oauth.beforeTokenAnswer = undefined;
  });
  afterAll(async () => {
    await t?.close();
    await imap?.stop();
    await oauth?.close();
  });

  it('connects a refresh-token mailbox with an access token it refreshed (client_secret_post) and ingests APPENDed mail; the token is stored without a reconnect', async () => {
    const refreshToken = oauth.issueRefreshToken('olivia');
    const box = await addRefreshing('Orders', 'olivia', { refreshToken });
    expect(box).toMatchObject({ auth_kind: 'xoauth2', oauth_token_url: oauth.tokenUrl, oauth_client_id: oauth.clientId, state: 'idle' });
    expect(Object.keys(box)).not.toContain('secret');
    expect(Object.keys(box)).not.toContain('oauth_client_secret');
    const before = await stored(box.mailbox_id);
    expect(before.doc).toEqual({ refresh_token: refreshToken, client_secret: oauth.clientSecret });

    const grants = oauth.grants;
    startService();
    await waitState(box.mailbox_id, 'watching');
    expect(oauth.grants).toBe(grants + 1);
    expect(oauth.requests.at(-1)).toEqual({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: oauth.clientId, client_secret: oauth.clientSecret });

    await imap.append('olivia', mail());
    await imap.append('olivia', mail());
    await waitIngested(box.mailbox_id, 2);
    const after = await stored(box.mailbox_id);
    expect(after.doc).toMatchObject({ refresh_token: refreshToken, client_secret: oauth.clientSecret, access_token: expect.stringMatching(/^at-/) });
    expect(Date.parse(after.doc.access_expires_at!)).toBeGreaterThan(Date.now() + 3000_000);
    // Storing the token is not a settings change: the watcher was not told to reconnect.
    expect(after.configVersion).toBe(before.configVersion);
    expect(oauth.grants).toBe(grants + 1);
    expect(await mailboxEvents(box.mailbox_id)).toEqual([]);
  });

  it('refreshes an access token the server refuses (revoked) and one expiring within a minute, and sync goes on', async () => {
    const box = await addRefreshing('Support', 'oscar');
    startService();
    await waitState(box.mailbox_id, 'watching');

    // Revoked at the server: the cached token is refused at login, refreshed once, and the login retried.
    oauth.revokeAccessTokens();
    oauth.expiresIn = 30;
    let grants = oauth.grants;
    let introspections = oauth.introspections;
    await patch(box.mailbox_id, { own_domains: ['northwind.example'] });
    await waitFor(() => oauth.grants === grants + 1 && oauth.introspections === introspections + 2, { timeoutMs: 20_000, what: 'a refused login, a refresh and a second login' });
    await imap.append('oscar', mail());
    await waitIngested(box.mailbox_id, 1);
    expect(Date.parse((await stored(box.mailbox_id)).doc.access_expires_at!)).toBeLessThan(Date.now() + 31_000);

    // Expiring within REFRESH_MARGIN (60 s): refreshed before use, so Dovecot sees only the new token.
    grants = oauth.grants;
    introspections = oauth.introspections;
    await patch(box.mailbox_id, { own_domains: ['northwind.example', 'northwind.test'] });
    await waitFor(() => oauth.grants === grants + 1 && oauth.introspections === introspections + 1, { timeoutMs: 20_000, what: 'a refresh before the login' });
    await imap.append('oscar', mail());
    await waitIngested(box.mailbox_id, 2);
    expect(oauth.grants).toBe(grants + 1);
    expect((await view(box.mailbox_id)).last_error).toBeNull();
    expect(await mailboxEvents(box.mailbox_id)).toEqual([]);
  });

  it('stores a rotated refresh token and uses it next time (the one used before no longer works)', async () => {
    oauth.rotate = true;
    const first = oauth.issueRefreshToken('uma');
    const box = await addRefreshing('Rotating', 'uma', { refreshToken: first });
    expect(await probe(box.mailbox_id)).toMatchObject({ ok: true, error: null });
    const second = (await stored(box.mailbox_id)).doc.refresh_token!;
    expect(second).toMatch(/^rt-/);
    expect(second).not.toBe(first);

    // The access token is gone at the server: the next connection must refresh with the rotated token.
    oauth.revokeAccessTokens();
    startService();
    await waitState(box.mailbox_id, 'watching');
    expect(oauth.requests.at(-1)!.refresh_token).toBe(second);
    const third = (await stored(box.mailbox_id)).doc.refresh_token!;
    expect(third).not.toBe(second);
    await imap.append('uma', mail());
    await waitIngested(box.mailbox_id, 1);
    expect(oauth.requests.filter((r) => r.refresh_token === first)).toHaveLength(1);
  });

  it("never overwrites an admin's change made during a refresh, and keeps the tokens through `secrets rotate`", async () => {
    const box = await addRefreshing('Racing', 'cleo');
    const adminToken = oauth.issueRefreshToken('cleo');
    // The admin replaces the refresh token while the test endpoint waits for the token endpoint.
    oauth.beforeTokenAnswer = async () => {
      oauth.beforeTokenAnswer = undefined;
      await patch(box.mailbox_id, { secret: adminToken });
    };
    expect(await probe(box.mailbox_id)).toMatchObject({ ok: true });
    expect((await stored(box.mailbox_id)).doc).toEqual({ refresh_token: adminToken, client_secret: oauth.clientSecret });

    // Re-sealed under a new key (the rotation re-seals whatever plaintext is there): the document
    // opens alike, and a refresh by a process holding the new key writes under it.
    expect(await probe(box.mailbox_id)).toMatchObject({ ok: true });
    const cached = (await stored(box.mailbox_id)).doc;
    expect(cached.access_token).toMatch(/^at-/);
    const ring = new SecretKeyRing(parseSecretKey(newSecretKey())!, [parseSecretKey(secretsKey)!]);
    const [, mailboxes] = await resealSecrets(ring, t.deps.database.db, { which: 'all' });
    expect(mailboxes).toMatchObject({ column: 'mailbox.secret', unreadable: [] });
    const row = async () => (await getMailbox(t.deps.database.db, org.orgId, box.mailbox_id))!;
    expect((await row()).secret_key_id).toBe(ring.currentKeyId);
    expect(parseOAuthSecret(openMailboxSecret(ring, await row()))).toEqual(cached);
    const fresh = await mailboxAccessToken({ database: t.deps.database, clock: systemClock, secrets: ring }, { org_id: org.orgId, mailbox_id: box.mailbox_id }, { connectTimeoutMs: 5000, allowPrivateNetworks: true, force: true });
    expect(fresh).toMatchObject({ refreshable: true, fresh: true });
    expect(parseOAuthSecret(openMailboxSecret(ring, await row()))).toEqual({ ...cached, access_token: fresh.token, access_expires_at: expect.any(String) });
    expect((await row()).secret_key_id).toBe(ring.currentKeyId);
  });

  it('shows a refused refresh (bad refresh token, then bad client secret) as the mailbox error and recovers after PATCH', async () => {
    const box = await addRefreshing('Billing', 'ursula', { refreshToken: 'rt-not-issued-by-anyone-0001' });
    startService();
    const failed = await waitState(box.mailbox_id, 'error');
    expect(failed.last_error).toMatch(/^token refresh refused by 127\.0\.0\.1:\d+: invalid_grant: the refresh token is invalid/);
    expect(failed.connected).toBe(false);

    await patch(box.mailbox_id, { secret: oauth.issueRefreshToken('ursula') });
    await waitState(box.mailbox_id, 'watching');
    expect((await view(box.mailbox_id)).last_error).toBeNull();
    await imap.append('ursula', mail());
    await waitIngested(box.mailbox_id, 1);

    // A wrong client secret: the refresh token is kept, the cached access token dropped, and the endpoint refuses the client.
    const refreshToken = (await stored(box.mailbox_id)).doc.refresh_token;
    await patch(box.mailbox_id, { oauth_client_secret: 'not-the-client-secret-42' });
    expect((await stored(box.mailbox_id)).doc).toEqual({ refresh_token: refreshToken, client_secret: 'not-the-client-secret-42' });
    const denied = await waitState(box.mailbox_id, 'error');
    expect(denied.last_error).toMatch(/^token refresh refused by 127\.0\.0\.1:\d+: invalid_client/);
    await patch(box.mailbox_id, { oauth_client_secret: oauth.clientSecret });
    await waitState(box.mailbox_id, 'watching');
    await imap.append('ursula', mail());
    await waitIngested(box.mailbox_id, 2);
    // Newest first: one error and one recovery per outage, not one per retry.
    expect(await mailboxEvents(box.mailbox_id)).toEqual(['mailbox.recovered', 'mailbox.error', 'mailbox.recovered', 'mailbox.error']);
  });

  it('test reports ok, a refused refresh, a token the IMAP server refuses, and an unreachable token endpoint', async () => {
    const ok = await addRefreshing('Probe ok', 'vera');
    await imap.append('vera', mail());
    expect(await probe(ok.mailbox_id)).toMatchObject({ ok: true, error: null, folders: [{ path: 'INBOX', messages: 1, unseen: 1, watched: true }] });

    const revoked = oauth.issueRefreshToken('vera');
    oauth.revokeRefreshToken(revoked);
    const grant = await addRefreshing('Probe revoked', 'vera', { refreshToken: revoked });
    const refused = await probe(grant.mailbox_id);
    expect(refused).toMatchObject({ ok: false, error_kind: 'auth', folders: [] });
    expect(refused.error).toMatch(/^token refresh refused by 127\.0\.0\.1:\d+: invalid_grant/);

    // The endpoint issues a token, but for another account: Dovecot's own check refuses the login.
    const wrongUser = await addRefreshing('Probe other user', 'vera', { refreshToken: oauth.issueRefreshToken('wendy') });
    const denied = await probe(wrongUser.mailbox_id);
    expect(denied).toMatchObject({ ok: false, error_kind: 'auth' });
    expect(denied.error).toMatch(/^authentication failed at 127\.0\.0\.1:\d+/);

    const nowhere = await add({ name: 'Probe nowhere', username: 'vera', secret: oauth.issueRefreshToken('vera'), oauth_token_url: 'http://127.0.0.1:1/token', oauth_client_id: 'x' });
    expect(await probe(nowhere.mailbox_id)).toMatchObject({ ok: false, error_kind: 'unreachable', error: 'cannot reach token endpoint 127.0.0.1:1 (ECONNREFUSED)' });
  });

  it('refuses inconsistent XOAUTH2 fields and a token endpoint outside the host policy, naming the field', async () => {
    const post = (payload: Record<string, unknown>) =>
      call(org.admin, { method: 'POST', url: '/api/mailboxes', payload: { name: 'Refused', host: imap.host, port: imap.port, tls_mode: 'none', username: 'cleo', secret: 's', ...payload } });
    const field = async (payload: Record<string, unknown>) => {
      const r = await post(payload);
      expect(r.statusCode, r.body).toBe(400);
      return { field: r.json().details.fields[0].field as string, error: r.json().error as string };
    };
    expect(await field({ auth_kind: 'xoauth2', oauth_token_url: oauth.tokenUrl })).toMatchObject({ field: 'oauth_client_id' });
    expect(await field({ auth_kind: 'xoauth2', oauth_client_secret: 'cs' })).toMatchObject({ field: 'oauth_client_secret' });
    expect(await field({ oauth_client_secret: 'cs' })).toMatchObject({ field: 'auth_kind' });
    // Tokens in clear text only to a loopback/private address.
    expect(await field({ auth_kind: 'xoauth2', oauth_token_url: 'http://93.184.215.14/token', oauth_client_id: 'c' })).toEqual({
      field: 'oauth_token_url',
      error: 'Invalid oauth_token_url: token endpoint must use https (http only to a loopback/private address; 93.184.215.14 is public)',
    });
    expect(await field({ auth_kind: 'xoauth2', oauth_token_url: 'https://user:pw@93.184.215.14/token', oauth_client_id: 'c' })).toMatchObject({ field: 'oauth_token_url' });

    const box = await add({ name: 'Switching', username: 'cleo', auth_kind: 'password', secret: 'cleo-imap-password' });
    const r = await call(org.admin, { method: 'PATCH', url: `/api/mailboxes/${box.mailbox_id}`, payload: { auth_kind: 'xoauth2' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().details.fields[0].field).toBe('secret');

    const strict = await createTestApp(engine, { clock: systemClock, env: { SECRETS_KEY: secretsKey } });
    try {
      const o = await strict.createOrg();
      const refused = await strict.call(o.admin, {
        method: 'POST',
        url: '/api/mailboxes',
        payload: { name: 'S', host: '93.184.215.14', username: 'u', secret: 's', auth_kind: 'xoauth2', oauth_token_url: 'https://127.0.0.1/token', oauth_client_id: 'c' },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().details.fields[0].field).toBe('oauth_token_url');
      expect(refused.json().error).toContain('MAILBOX_ALLOW_PRIVATE_NETWORKS');
      const clear = await strict.call(o.admin, {
        method: 'POST',
        url: '/api/mailboxes',
        payload: { name: 'S', host: '93.184.215.14', username: 'u', secret: 's', auth_kind: 'xoauth2', oauth_token_url: 'http://127.0.0.1/token', oauth_client_id: 'c' },
      });
      expect(clear.json().error).toBe('Invalid oauth_token_url: token endpoint must use https');
    } finally {
      await strict.close();
    }
  });

  it("uses a bare access token as it is: Dovecot's check accepts a valid one and refuses a made-up or revoked one, without any refresh", async () => {
    const grants = oauth.grants;
    const good = await add({ name: 'Bare', username: 'wendy', secret: oauth.issueAccessToken('wendy') });
    expect(await probe(good.mailbox_id)).toMatchObject({ ok: true });
    startService();
    await waitState(good.mailbox_id, 'watching');
    await imap.append('wendy', mail());
    await waitIngested(good.mailbox_id, 1);

    const madeUp = await add({ name: 'Bare made up', username: 'wendy', secret: 'at-made-up-by-nobody' });
    const denied = await probe(madeUp.mailbox_id);
    expect(denied).toMatchObject({ ok: false, error_kind: 'auth' });
    expect(denied.error).toMatch(/^authentication failed at 127\.0\.0\.1:\d+/);

    // A value sealed before the token document (a bare string) is read as the access token.
    const legacy = await add({ name: 'Bare legacy', username: 'wendy', secret: 'placeholder' });
    await updateMailbox(t.deps.database.db, t.deps.secrets, org.orgId, legacy.mailbox_id, { secret: oauth.issueAccessToken('wendy') }, new Date().toISOString());
    expect(await probe(legacy.mailbox_id)).toMatchObject({ ok: true });

    oauth.revokeAccessTokens();
    expect(await probe(good.mailbox_id)).toMatchObject({ ok: false, error_kind: 'auth' });
    expect(oauth.grants).toBe(grants);
  });

  it('flowledger mailboxes add --client-secret-env and test: the CLI refreshes too and prints no secret', async () => {
    const refreshToken = oauth.issueRefreshToken('cleo');
    const cliEnv = { ...env, DATABASE_URL: t.db.processUrl, RT: refreshToken, CS: oauth.clientSecret };
    const base = ['mailboxes', 'add', '--org', String(org.orgId), '--name', 'From the CLI', '--host', imap.host, '--port', String(imap.port), '--tls', 'none', '--user', 'cleo', '--auth', 'xoauth2'];
    const oauthFlags = ['--password-env', 'RT', '--oauth-token-url', oauth.tokenUrl, '--oauth-client-id', oauth.clientId];
    const missing = await runCliProcess([...base, ...oauthFlags, '--client-secret-env', 'NOT_SET'], cliEnv);
    expect(missing.code, missing.output).toBe(2);
    expect(missing.output).toContain('--client-secret-env: the environment variable NOT_SET is not set or empty');

    const added = await runCliProcess([...base, ...oauthFlags, '--client-secret-env', 'CS', '--json'], cliEnv);
    expect(added.code, added.output).toBe(0);
    const id = (JSON.parse(added.output) as { mailbox_id: number }).mailbox_id;
    expect((await stored(id)).doc).toEqual({ refresh_token: refreshToken, client_secret: oauth.clientSecret });
    const tested = await runCliProcess(['mailboxes', 'test', String(id), '--org', String(org.orgId)], cliEnv);
    expect(tested.code, tested.output).toBe(0);
    expect(tested.output).toContain(`Mailbox ${id}: connected`);
    expect((await stored(id)).doc.access_token).toMatch(/^at-/);
    seen.push(missing.output, added.output, tested.output);
  });

  it('never shows a token or the client secret in an API answer, the audit trail (***) or a log line', async () => {
    const box = await addRefreshing('Audited', 'olivia');
    await patch(box.mailbox_id, { oauth_client_secret: oauth.clientSecret });
    const events = (await call(org.admin, { method: 'GET', url: '/api/workstream/events?limit=200' })).json().data as Array<{
      event_name: string;
      item_id: string;
      payload: { changes?: Record<string, unknown> };
    }>;
    const audit = events.filter((e) => e.event_name === 'audit.mailbox.updated' && e.item_id === String(box.mailbox_id));
    expect(audit[0]!.payload.changes).toEqual({ secret: { before: '***', after: '***' } });
    const created = events.find((e) => e.event_name === 'audit.mailbox.created' && e.item_id === String(box.mailbox_id))!;
    expect(created.payload.changes!.secret).toEqual({ before: null, after: '***' });

    // Every work event ever appended (audit, mailbox.error …), as stored.
    const stored = await t.deps.database.db.selectFrom('work_event').select('payload_json').execute();
    const haystacks = [...seen, ...lines, ...stored.map((r) => String(r.payload_json))];
    expect(lines.length).toBeGreaterThan(0);
    const leaks = oauth.issued.filter((secret) => haystacks.some((h) => h.includes(secret)));
    expect(leaks).toEqual([]);
    expect(haystacks.some((h) => h.includes('not-the-client-secret-42') || h.includes('rt-not-issued-by-anyone-0001'))).toBe(false);
  });
});
