/**
 * `flowledger users create|list|deactivate|invite` (in process, as test/cli.test.ts runs the CLI) beside a
 * server on the same data:
 * a person created with a password signs in over HTTP, the password is never printed, the policy
 * refuses weak ones, and deactivation ends the person's open session at once; an invitation's
 * printed link signs the invitee in once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemClock } from '../src/shared/clock.js';
import { describeEachEngine } from './helpers/engines.js';
import { runCli } from '../src/cli/main.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { signIn } from './helpers/users.js';

const PASSWORD = 'correct horse battery staple';

describeEachEngine('flowledger users', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let env: Record<string, string>;
  const cli = async (...args: string[]) => {
    const lines: string[] = [];
    const code = await runCli(['users', ...args], env, { log: (l) => lines.push(l), err: (l) => lines.push(l) });
    return { code, output: lines.join('\n') };
  };

  beforeAll(async () => {
    t = await createTestApp(engine, { clock: systemClock });
    org = await t.createOrg('Northwind');
    env = { DATABASE_URL: t.db.processUrl, ADA_PW: PASSWORD, WEAK_PW: 'password123' };
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('creates a person who signs in, lists them, and deactivates them: their session ends; never prints a password', async () => {
    await expect(cli('create', '--email', 'ada@example.com', '--name', 'Ada', '--org', String(org.orgId), '--role', 'admin', '--password-env', 'WEAK_PW')).rejects.toThrow(/--password-env: .*most common/);
    await expect(cli('create', '--email', 'ada@example.com', '--name', 'Ada', '--org', String(org.orgId), '--role', 'admin', '--password-env', 'UNSET_PW')).rejects.toThrow(/UNSET_PW is not set/);
    await expect(cli('deactivate')).rejects.toThrow(/either --email or --id/);

    const created = await cli('create', '--email', 'Ada@Example.com', '--name', 'Ada', '--org', String(org.orgId), '--role', 'admin', '--password-env', 'ADA_PW', '--json');
    expect(created.code).toBe(0);
    expect(JSON.parse(created.output.trim())).toMatchObject({ email: 'ada@example.com', role: 'admin', org_id: org.orgId, has_password: true });

    const again = await cli('create', '--email', 'ada@example.com', '--name', 'Ada', '--org', String(org.orgId), '--role', 'member');
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/already a member/);

    const session = await signIn(t, 'ada@example.com', PASSWORD);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: session.headers })).json()).toMatchObject({ org_id: org.orgId, role: 'admin' });

    const listed = await cli('list', '--org', String(org.orgId));
    expect(listed.code).toBe(0);
    expect(listed.output).toMatch(/admin\tactive\tada@example\.com\tAda/);

    const off = await cli('deactivate', '--email', 'ADA@example.com');
    expect(off.code).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: session.headers })).statusCode).toBe(401);
    const audit = await t.db.database.db.selectFrom('work_event').select(['event_name', 'actor']).where('item_type', '=', 'user').orderBy('work_event_id').execute();
    expect(audit).toEqual([
      { event_name: 'audit.user.created', actor: 'cli' },
      { event_name: 'audit.user.updated', actor: 'cli' },
    ]);

    for (const r of [created, again, listed, off]) expect(r.output).not.toContain(PASSWORD);
    expect((await cli('deactivate', '--id', '999999')).code).toBe(1);
  });

  it('invite prints a one-time link under PUBLIC_URL that the invitee accepts over HTTP, once', async () => {
    const cliEnv = { ...env, PUBLIC_URL: 'https://fl.example.com/' };
    const run = async (...args: string[]) => {
      const lines: string[] = [];
      const code = await runCli(['users', ...args], cliEnv, { log: (l) => lines.push(l), err: (l) => lines.push(l) });
      return { code, output: lines.join('\n') };
    };
    const printed = await run('invite', '--email', 'Nia@Example.com', '--org', String(org.orgId), '--role', 'viewer', '--json');
    expect(printed.code).toBe(0);
    const inv = JSON.parse(printed.output.trim()) as { email: string; role: string; link: string };
    expect(inv).toMatchObject({ email: 'nia@example.com', role: 'viewer' });
    const token = /^https:\/\/fl\.example\.com\/accept-invite#token=([A-Za-z0-9_-]{43})$/.exec(inv.link)?.[1];
    expect(token).toBeDefined();
    const accept = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/invitations/accept',
        headers: { 'sec-fetch-site': 'same-origin' },
        payload: { token, name: 'Nia', password: PASSWORD },
      });
    const ok = await accept();
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ user: { email: 'nia@example.com' }, org: { org_id: org.orgId }, role: 'viewer' });
    expect((await accept()).statusCode).toBe(404);
    const member = await run('invite', '--email', 'nia@example.com', '--org', String(org.orgId), '--role', 'admin');
    expect(member.code).toBe(1);
    expect(member.output).toMatch(/already a member/);
    await expect(run('invite', '--email', 'nope', '--org', String(org.orgId), '--role', 'admin')).rejects.toThrow(/not an email address/);
  });
});
