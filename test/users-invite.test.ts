/**
 * Invitations and password resets over HTTP (#19): the invitation mail arrives (file mailer) with a
 * link that works once; accepting signs in; revoked and expired links answer 404 like unknown ones;
 * two accepts at once, one wins; a reset is 202 whoever asks, mails only a known account, sets the
 * password and ends the other sessions; another org's people stay invisible; and no token or
 * password reaches a log line (traced) or an answer.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultHandlers } from '../src/app/outbox-handlers.js';
import { serve } from '../src/app/serve-role.js';
import { newSecretKey } from '../src/shared/secret-box.js';
import type { ManualClock } from '../src/shared/clock.js';
import { createLogger } from '../src/shared/logger.js';
import { firstAdminLink } from '../src/users/invitations.service.js';
import { describeEachEngine, openTestDatabase } from './helpers/engines.js';
import { testWorker } from './helpers/outbox-seed.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { addUser, cookieOf, signIn } from './helpers/users.js';

const PASSWORD = 'a long and unusual passphrase';
const NEW_PASSWORD = 'another quite unusual passphrase';
const SAME_SITE = { 'sec-fetch-site': 'same-origin', origin: 'http://localhost' };

/** The text of an .eml as written by nodemailer (quoted-printable soft breaks and escapes undone). */
function decodeMail(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

describeEachEngine('invitations and password reset', (engine) => {
  let t: TestApp;
  let a: TestOrg;
  let b: TestOrg;
  let adminA: string;
  let adminB: string;
  let dir: string;
  const lines: string[] = [];
  /** Never in a log line nor an answer. */
  const secrets: string[] = [PASSWORD, NEW_PASSWORD];
  const bodies: string[] = [];
  const seen = new Set<string>();

  const inject = async (opts: InjectOptions) => {
    const res = await t.app.inject(opts);
    bodies.push(res.body);
    return res;
  };
  const asKey = (key: string, method: InjectOptions['method'], url: string, payload?: unknown) =>
    inject({ method, url, payload: payload as InjectOptions['payload'], headers: { authorization: `Bearer ${key}` } });
  const pub = (method: InjectOptions['method'], url: string, payload?: unknown) =>
    inject({ method, url, payload: payload as InjectOptions['payload'], headers: SAME_SITE });

  /** Runs the outbox and returns the mails written since the last call. */
  const newMails = async (): Promise<Array<{ to: string; text: string; token: string | undefined }>> => {
    await testWorker(t, defaultHandlers(t.deps)).drain();
    const out = [];
    for (const f of readdirSync(dir).sort()) {
      if (seen.has(f)) continue;
      seen.add(f);
      const text = decodeMail(readFileSync(join(dir, f), 'utf8'));
      const token = /#token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
      if (token) secrets.push(token);
      out.push({ to: /^To: (.*)$/m.exec(text)![1]!.trim(), text, token });
    }
    return out;
  };

  const invite = async (email: string, role = 'member', key = adminA) => {
    const res = await asKey(key, 'POST', '/api/users/invitations', { email, role, name: 'Nia' });
    expect(res.statusCode, res.body).toBe(201);
    const [mail] = await newMails();
    expect(mail?.to).toBe(email.toLowerCase());
    return { id: (res.json() as { invitation_id: string }).invitation_id, token: mail!.token! };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flowledger-invite-'));
    t = await createTestApp(engine, {
      logger: createLogger('trace', { write: (l: string) => void lines.push(l) }),
      env: { PUBLIC_URL: 'http://localhost', MAIL_DIR: dir, AUTH_FAILURE_LIMIT: '3', AUTH_FAILURE_WINDOW: '1m' },
    });
    a = await t.createOrg('Acme');
    b = await t.createOrg('Beta');
    adminA = await t.createKey(a.orgId, 'admin');
    adminB = await t.createKey(b.orgId, 'admin');
    await addUser(t, { orgId: a.orgId, email: 'ada@acme.example', role: 'admin', password: PASSWORD, name: 'Ada' });
    await addUser(t, { orgId: b.orgId, email: 'carl@beta.example', role: 'member', password: PASSWORD, name: 'Carl Secretname' });
  });
  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('mails an invitation whose link shows the org and, once accepted, signs the new person in', async () => {
    const { id, token } = await invite('Nia@New.example');
    const list = await asKey(adminA, 'GET', '/api/users/invitations');
    expect((list.json() as { data: Array<{ invitation_id: string; email: string }> }).data).toEqual([expect.objectContaining({ invitation_id: id, email: 'nia@new.example' })]);
    // Another org's admin sees none of it.
    expect((await asKey(adminB, 'GET', '/api/users/invitations')).json()).toEqual({ data: [] });

    const shown = await pub('GET', `/api/auth/invitations/${token}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({ email: 'nia@new.example', org: { org_id: a.orgId, name: 'Acme' }, role: 'member', has_account: false });

    const accepted = await pub('POST', '/api/auth/invitations/accept', { token, name: 'Nia', password: PASSWORD });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ user: { email: 'nia@new.example', name: 'Nia' }, org: { org_id: a.orgId }, role: 'member' });
    const cookie = /^flowledger_session=([^;]+)/.exec(cookieOf(accepted)!)![1]!;
    secrets.push(cookie);
    const session = await inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `flowledger_session=${cookie}` } });
    expect(session.statusCode).toBe(200);

    // Single use: the link is gone, as an unknown one.
    expect((await pub('GET', `/api/auth/invitations/${token}`)).statusCode).toBe(404);
    const again = await pub('POST', '/api/auth/invitations/accept', { token, name: 'Nia', password: PASSWORD });
    expect(again.statusCode).toBe(404);
    expect((await pub('GET', '/api/auth/invitations/not-a-token')).json()).toEqual((await pub('GET', `/api/auth/invitations/${token}`)).json());
    expect((await asKey(adminA, 'GET', '/api/users/invitations')).json()).toEqual({ data: [] });

    const audit = await t.db.database.db.selectFrom('work_event').select(['event_name', 'item_id']).where('event_name', 'like', 'audit.invitation.%').where('item_id', '=', id).execute();
    expect(audit.map((e) => e.event_name).sort()).toEqual(['audit.invitation.accepted', 'audit.invitation.created']);
  });

  it('refuses to invite a member (409) and invites a person of another org without showing their name; they accept with their own password', async () => {
    const member = await asKey(adminA, 'POST', '/api/users/invitations', { email: 'ADA@acme.example', role: 'viewer' });
    expect(member.statusCode).toBe(409);

    const res = await asKey(adminA, 'POST', '/api/users/invitations', { email: 'carl@beta.example', role: 'viewer' });
    expect(res.statusCode).toBe(201);
    expect(res.body).not.toContain('Secretname');
    const [mail] = await newMails();
    const shown = await pub('GET', `/api/auth/invitations/${mail!.token}`);
    expect(shown.body).not.toContain('Secretname');
    expect(shown.json()).toMatchObject({ has_account: true });

    // The invitation adds a membership; it does not replace an existing password.
    const wrong = await pub('POST', '/api/auth/invitations/accept', { token: mail!.token, name: 'C', password: NEW_PASSWORD });
    expect(wrong.statusCode).toBe(401);
    const ok = await pub('POST', '/api/auth/invitations/accept', { token: mail!.token, name: 'C', password: PASSWORD });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as { orgs: Array<{ org_id: number }> }).orgs.map((o) => o.org_id).sort()).toEqual([a.orgId, b.orgId].sort());
  });

  it('answers 404 for a revoked or an expired link; another org cannot revoke', async () => {
    const { id, token } = await invite('rev@new.example');
    expect((await asKey(adminB, 'DELETE', `/api/users/invitations/${id}`)).statusCode).toBe(404);
    expect((await asKey(adminA, 'DELETE', `/api/users/invitations/${id}`)).statusCode).toBe(200);
    expect((await pub('GET', `/api/auth/invitations/${token}`)).statusCode).toBe(404);
    expect((await pub('POST', '/api/auth/invitations/accept', { token, name: 'R', password: PASSWORD })).statusCode).toBe(404);
    expect((await asKey(adminA, 'DELETE', '/api/users/invitations/12')).statusCode).toBe(400);
    const revoked = await t.db.database.db.selectFrom('work_event').select('event_name').where('event_name', '=', 'audit.invitation.revoked').where('item_id', '=', id).execute();
    expect(revoked).toHaveLength(1);

    const late = await invite('late@new.example');
    (t.clock as ManualClock).advance(t.deps.config.inviteTtlMs + 1_000);
    expect((await pub('GET', `/api/auth/invitations/${late.token}`)).statusCode).toBe(404);
    expect((await pub('POST', '/api/auth/invitations/accept', { token: late.token, name: 'L', password: PASSWORD })).statusCode).toBe(404);
  });

  it('lets exactly one of two concurrent accepts of the same link win', async () => {
    const { token } = await invite('race@new.example');
    const [x, y] = await Promise.all([
      pub('POST', '/api/auth/invitations/accept', { token, name: 'X', password: PASSWORD }),
      pub('POST', '/api/auth/invitations/accept', { token, name: 'Y', password: PASSWORD }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 404]);
    const members = await t.db.database.db.selectFrom('app_user').select('user_id').where('email', '=', 'race@new.example').execute();
    expect(members).toHaveLength(1);
  });

  it('answers 202 to any reset request, mails only a known account, and the link sets the password once, ending other sessions', async () => {
    (t.clock as ManualClock).advance(60_000);
    const unknown = await pub('POST', '/api/auth/password-reset', { email: 'nobody@nowhere.example' });
    expect(unknown.statusCode).toBe(202);
    expect(await newMails()).toEqual([]);

    const before = await signIn(t, 'ada@acme.example', PASSWORD);
    secrets.push(before.token);
    const known = await pub('POST', '/api/auth/password-reset', { email: 'ADA@acme.example' });
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    const [mail] = await newMails();
    expect(mail?.to).toBe('ada@acme.example');
    expect(mail?.text).toContain('http://localhost/reset-password#token=');

    const weak = await pub('POST', '/api/auth/password-reset/confirm', { token: mail!.token, password: 'short' });
    expect(weak.statusCode).toBe(400);
    const done = await pub('POST', '/api/auth/password-reset/confirm', { token: mail!.token, password: NEW_PASSWORD });
    expect(done.statusCode, done.body).toBe(200);
    expect(cookieOf(done)).toBeTruthy();
    secrets.push(/^flowledger_session=([^;]+)/.exec(cookieOf(done)!)![1]!);
    // The session from before the reset has ended; the new password signs in, the old one does not.
    expect((await inject({ method: 'GET', url: '/api/auth/session', headers: before.headers })).statusCode).toBe(401);
    await signIn(t, 'ada@acme.example', NEW_PASSWORD);
    await expect(signIn(t, 'ada@acme.example', PASSWORD)).rejects.toThrow(/401/);
    expect((await pub('POST', '/api/auth/password-reset/confirm', { token: mail!.token, password: PASSWORD })).statusCode).toBe(404);
    // The mail jobs are no one else's activity: the org's event list does not show who asked for a reset.
    const events = (await asKey(adminA, 'GET', '/api/workstream/events?limit=200')).json().data as Array<{ event_name: string }>;
    expect(events.length).toBeGreaterThan(0);
    expect(events.filter((e) => e.event_name.startsWith('mail.'))).toEqual([]);
  });

  it('refuses a reset link once RESET_TTL has passed, leaving the password as it was', async () => {
    (t.clock as ManualClock).advance(60_000);
    expect((await pub('POST', '/api/auth/password-reset', { email: 'ada@acme.example' })).statusCode).toBe(202);
    const [mail] = await newMails();
    expect(mail?.to).toBe('ada@acme.example');
    (t.clock as ManualClock).advance(t.deps.config.resetTtlMs + 1_000);
    const late = await pub('POST', '/api/auth/password-reset/confirm', { token: mail!.token, password: 'yet another long passphrase' });
    expect(late.statusCode).toBe(404);
    expect(cookieOf(late)).toBeUndefined();
    await signIn(t, 'ada@acme.example', NEW_PASSWORD);
  });

  it('mails at most AUTH_FAILURE_LIMIT reset links per email and window, still answering 202', async () => {
    (t.clock as ManualClock).advance(60_000);
    for (let i = 0; i < 5; i++) expect((await pub('POST', '/api/auth/password-reset', { email: 'carl@beta.example' })).statusCode).toBe(202);
    const mails = await newMails();
    // Each request replaces the previous link, so only the newest one's mail goes out.
    expect(mails).toHaveLength(1);
    expect(mails.every((m) => m.to === 'carl@beta.example')).toBe(true);
  });

  it('refuses cross-site accepts and names bad input', async () => {
    const cross = await inject({ method: 'POST', url: '/api/auth/invitations/accept', headers: { 'sec-fetch-site': 'cross-site' }, payload: { token: 'x', name: 'n', password: PASSWORD } });
    expect(cross.statusCode).toBe(403);
    const bad = await asKey(adminA, 'POST', '/api/users/invitations', { email: 'not-an-email', role: 'owner' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/email|role/);
  });

  it('describes the routes in the OpenAPI document, the public ones without security', async () => {
    const doc = (await inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/invitations', '/api/invitations/{id}', '/api/auth/invitations/{token}', '/api/auth/invitations/accept', '/api/auth/password-reset', '/api/auth/password-reset/confirm']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/api/auth/invitations/accept'].post.security).toEqual([]);
    expect(doc.paths['/api/auth/password-reset'].post.security).toEqual([]);
  });

  it('never logs or answers a token or a password', () => {
    expect(lines.length).toBeGreaterThan(0);
    for (const s of secrets) {
      expect(lines.filter((l) => l.includes(s))).toEqual([]);
      expect(bodies.filter((b) => b.includes(s))).toEqual([]);
    }
    // The lookup was logged, with its token redacted.
    expect(lines.some((l) => l.includes('/api/auth/invitations/[redacted]'))).toBe(true);
  });
});

describeEachEngine('first start and invitations without PUBLIC_URL', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses to mail an invitation without PUBLIC_URL (409, naming it)', async () => {
    const org = await t.createOrg('Solo');
    const key = await t.createKey(org.orgId, 'admin');
    const res = await t.call(key, { method: 'POST', url: '/api/users/invitations', payload: { email: 'x@y.example', role: 'member' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'conflict', details: { reason: 'public_url_missing' } });
    expect(res.body).toContain('PUBLIC_URL');
  });

  it('gives a first-admin link while no user exists, and none after it was used', async () => {
    const org = await t.createOrg('Default');
    const deps = { database: t.db.database, clock: t.clock, config: { publicOrigin: 'http://localhost', inviteTtlMs: 3_600_000 } };
    const first = await firstAdminLink(deps, org.orgId);
    expect(first?.link).toMatch(/^http:\/\/localhost\/accept-invite#token=[A-Za-z0-9_-]{43}$/);
    const second = (await firstAdminLink(deps, org.orgId))!;
    const token = /#token=(.*)$/.exec(second.link)![1]!;
    // A restart's link replaces the previous one.
    const old = /#token=(.*)$/.exec(first!.link)![1]!;
    expect((await t.app.inject({ method: 'GET', url: `/api/auth/invitations/${old}` })).statusCode).toBe(404);
    const shown = await t.app.inject({ method: 'GET', url: `/api/auth/invitations/${token}` });
    expect(shown.json()).toMatchObject({ email: '', role: 'admin' });
    const noEmail = await t.app.inject({ method: 'POST', url: '/api/auth/invitations/accept', headers: SAME_SITE, payload: { token, name: 'Root', password: PASSWORD } });
    expect(noEmail.statusCode).toBe(400);
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/invitations/accept', headers: SAME_SITE, payload: { token, name: 'Root', password: PASSWORD, email: 'root@example.com' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ role: 'admin', org: { org_id: org.orgId } });
    expect(await firstAdminLink(deps, org.orgId)).toBeUndefined();
  });
});

describeEachEngine('serve at first start with PUBLIC_URL', (engine) => {
  it('prints a first-admin link at each start while no one exists, and none once someone does', async () => {
    const tdb = await openTestDatabase(engine);
    const env = { DATABASE_URL: tdb.processUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SHUTDOWN_DRAIN_DELAY: '0', SECRETS_KEY: newSecretKey(), PUBLIC_URL: 'https://fl.example.com' };
    const start = async () => {
      const printed: string[] = [];
      const server = await serve({ workers: false, env, print: (l) => printed.push(l) });
      return { server, text: printed.join('\n'), token: /https:\/\/fl\.example\.com\/accept-invite#token=([A-Za-z0-9_-]{43})/.exec(printed.join('\n'))?.[1] };
    };
    try {
      const first = await start();
      expect(first.text).toMatch(/admin API key/);
      expect(first.token).toBeDefined();
      await first.server.stop();

      const second = await start();
      expect(second.text).not.toMatch(/admin API key/);
      expect(second.token).toBeDefined();
      expect(second.token).not.toBe(first.token);
      const accept = (token: string) =>
        second.server.app.inject({
          method: 'POST',
          url: '/api/auth/invitations/accept',
          headers: { 'sec-fetch-site': 'same-origin' },
          payload: { token, name: 'Root', password: PASSWORD, email: 'root@example.com' },
        });
      expect((await accept(first.token!)).statusCode).toBe(404);
      const ok = await accept(second.token!);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ role: 'admin', org: { name: 'Default' } });
      await second.server.stop();

      const third = await start();
      expect(third.text).toBe('');
      await third.server.stop();
    } finally {
      await tdb.drop();
    }
  });
});
