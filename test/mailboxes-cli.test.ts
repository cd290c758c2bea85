/**
 * `flowledger mailboxes add|list|test|remove` in a child process against a private Dovecot
 * (test/helpers/dovecot.ts), on both engines, beside a server on the same data: the same checks and
 * audit as the API (actor `cli`), the credential never printed, and `flowledger_mailboxes{state}`
 * on /metrics counting what the CLI wrote.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newSecretKey } from '../src/shared/secret-box.js';
import { systemClock } from '../src/shared/clock.js';
import { startDovecot, type Dovecot } from './helpers/dovecot.js';
import { describeEachEngine } from './helpers/engines.js';
import { runCliProcess } from './helpers/processes.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';

const PASSWORD = 'alice-secret-cli-1';
const WRONG = 'not-alices-password-9';

function mail(i: number): string {
  return [
    'From: Jane Porter <jane@acme-industrial.com>',
    'To: Sam <sam@northwind.example>',
    `Subject: PO# 7700${i} - fittings`,
    'Date: Mon, 09 Mar 2026 09:00:00 +0000',
    `Message-ID: <cli-${i}-${process.hrtime.bigint()}@acme-industrial.com>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Please process purchase order PO# 7700${i}.`,
    '',
  ].join('\r\n');
}

/** The value of `flowledger_mailboxes{state="…"}` in a /metrics answer. */
function gauge(metrics: string, state: string): number | undefined {
  const m = new RegExp(`^flowledger_mailboxes\\{state="${state}"\\} (\\d+)$`, 'm').exec(metrics);
  return m ? Number(m[1]) : undefined;
}

describeEachEngine('flowledger mailboxes', (engine) => {
  let imap: Dovecot;
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  let env: Record<string, string>;
  const secretsKey = newSecretKey();
  const cli = (...args: string[]) => runCliProcess(['mailboxes', ...args], env);
  const metrics = async () => (await t.call(undefined, { method: 'GET', url: '/metrics' })).body;
  const addArgs = (orgId: number, name: string, passwordEnv = 'IMAP_PW') => [
    'add',
    '--org',
    String(orgId),
    '--name',
    name,
    '--host',
    imap.host,
    '--port',
    String(imap.port),
    '--tls',
    'none',
    '--user',
    'alice',
    '--password-env',
    passwordEnv,
  ];

  beforeAll(async () => {
    imap = await startDovecot({ users: [{ user: 'alice', pass: PASSWORD }] });
    const shared = { SECRETS_KEY: secretsKey, MAILBOX_ALLOW_PRIVATE_NETWORKS: 'true', MAILBOX_CONNECT_TIMEOUT: '5s' };
    t = await createTestApp(engine, { clock: systemClock, env: shared });
    org = await t.createOrg('Northwind Fabrication Ltd');
    other = await t.createOrg('Someone else');
    env = { ...shared, DATABASE_URL: t.db.processUrl, IMAP_PW: PASSWORD, WRONG_PW: WRONG };
    for (let i = 1; i <= 3; i++) await imap.append('alice', mail(i));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await imap?.stop();
  });

  it('adds, lists, tests and removes a mailbox, never printing the credential, audited as the cli', async () => {
    const before = await metrics();
    expect(gauge(before, 'idle'), before).toBe(0);

    const added = await cli(...addArgs(org.orgId, 'support'), '--folder', 'INBOX', '--own-domain', 'Northwind.example', '--after-processing', 'seen', '--json');
    expect(added.code, added.output).toBe(0);
    expect(added.output).not.toContain(PASSWORD);
    const view = JSON.parse(added.output) as Record<string, unknown> & { mailbox_id: number };
    expect(view).toMatchObject({ org_id: org.orgId, name: 'support', port: imap.port, tls_mode: 'none', username: 'alice', folders: ['INBOX'], own_domains: ['northwind.example'], after_processing: 'seen', state: 'idle' });
    expect(Object.keys(view)).not.toContain('secret');

    // The API sees what the CLI wrote, and the server opens the credential the CLI sealed.
    const apiTest = await t.call(org.admin, { method: 'POST', url: `/api/mailboxes/${view.mailbox_id}/test` });
    expect(apiTest.json(), apiTest.body).toMatchObject({ ok: true });
    expect((await t.call(other.admin, { method: 'GET', url: `/api/mailboxes/${view.mailbox_id}` })).statusCode).toBe(404);

    const listed = await cli('list', '--org', String(org.orgId));
    expect(listed.code, listed.output).toBe(0);
    expect(listed.output).toMatch(new RegExp(`^${view.mailbox_id}\\tsupport\\talice@${imap.host}:${imap.port} \\(none\\)\\tINBOX\\tidle\\tlast sync never\\t0 ingested$`, 'm'));
    const listedJson = await cli('list', '--org', String(org.orgId), '--json');
    expect((JSON.parse(listedJson.output) as Array<{ mailbox_id: number }>).map((m) => m.mailbox_id)).toEqual([view.mailbox_id]);
    for (const out of [listed.output, listedJson.output]) expect(out).not.toContain(PASSWORD);
    expect((await cli('list', '--org', String(other.orgId))).output.trim()).toBe(`No mailboxes for organisation ${other.orgId}.`);

    const tested = await cli('test', String(view.mailbox_id), '--org', String(org.orgId));
    expect(tested.code, tested.output).toBe(0);
    expect(tested.output).toContain(`Mailbox ${view.mailbox_id}: connected`);
    expect(tested.output).toMatch(/^\* INBOX\t3 messages\t3 unseen$/m);
    const testedJson = JSON.parse((await cli('test', String(view.mailbox_id), '--org', String(org.orgId), '--json')).output) as Record<string, unknown>;
    expect(testedJson).toEqual(apiTest.json());

    const m = await metrics();
    expect(gauge(m, 'idle'), m).toBe(1);
    expect(gauge(m, 'error'), m).toBe(0);

    // Another org cannot remove it; its own org can.
    const foreign = await cli('remove', String(view.mailbox_id), '--org', String(other.orgId));
    expect(foreign.code, foreign.output).toBe(1);
    expect(foreign.output.trim()).toBe(`Mailbox ${view.mailbox_id} not found.`);
    const removed = await cli('remove', String(view.mailbox_id), '--org', String(org.orgId));
    expect(removed.code, removed.output).toBe(0);
    expect(removed.output).toContain(`Removed mailbox ${view.mailbox_id} "support"`);
    expect((await t.call(org.admin, { method: 'GET', url: `/api/mailboxes/${view.mailbox_id}` })).statusCode).toBe(404);
    expect(gauge(await metrics(), 'idle')).toBe(0);

    const events = (await t.call(org.admin, { method: 'GET', url: '/api/workstream/events?limit=10' })).json().data as Array<{
      event_name: string;
      actor: string;
      payload: { changes: Record<string, { before: unknown; after: unknown }> };
    }>;
    const audit = events.filter((e) => e.event_name.startsWith('audit.mailbox.'));
    expect(audit.map((e) => [e.event_name, e.actor])).toEqual([
      ['audit.mailbox.deleted', 'cli'],
      ['audit.mailbox.created', 'cli'],
    ]);
    expect(audit[1]!.payload.changes.secret).toEqual({ before: null, after: '***' });
    expect(JSON.stringify(events)).not.toContain(PASSWORD);
  });

  it('reports a failed connection, refuses bad input naming the flag, and counts mailboxes by state', async () => {
    const wrong = await cli(...addArgs(org.orgId, 'wrong-password', 'WRONG_PW'), '--json');
    expect(wrong.code, wrong.output).toBe(0);
    const id = (JSON.parse(wrong.output) as { mailbox_id: number }).mailbox_id;
    const tested = await cli('test', String(id), '--org', String(org.orgId));
    expect(tested.code, tested.output).toBe(1);
    expect(tested.output).toMatch(new RegExp(`^Mailbox ${id}: FAILED \\(auth\\) authentication failed at ${imap.host}:${imap.port}`, 'm'));
    expect(tested.output).not.toContain(WRONG);

    const disabled = await cli(...addArgs(org.orgId, 'later'), '--disabled');
    expect(disabled.code, disabled.output).toBe(0);
    const m = await metrics();
    expect([gauge(m, 'idle'), gauge(m, 'disabled'), gauge(m, 'watching')], m).toEqual([1, 1, 0]);
    expect(m).not.toMatch(/flowledger_mailboxes\{[^}]*(org|mailbox)/);

    const dup = await cli(...addArgs(org.orgId, 'later'));
    expect(dup.code, dup.output).toBe(1);
    expect(dup.output.trim()).toBe('A mailbox named "later" exists already.');
    const badHost = await cli(...addArgs(org.orgId, 'bad').map((a) => (a === imap.host ? 'not a host!' : a)), '--after-processing', 'delete');
    expect(badHost.code, badHost.output).toBe(2);
    expect(badHost.output).toContain('--host: must be a host name or IP address');
    expect(badHost.output).toContain('--after-processing: must be none, seen or move:<folder>');
    const noEnv = await cli(...addArgs(org.orgId, 'no-env', 'UNSET_VARIABLE_XYZ'));
    expect(noEnv.code, noEnv.output).toBe(2);
    expect(noEnv.output).toContain('--password-env: the environment variable UNSET_VARIABLE_XYZ is not set or empty');
    const noOrg = await cli('list', '--org', '999999');
    expect(noOrg.code, noOrg.output).toBe(2);
    expect(noOrg.output).toContain('Organisation 999999 does not exist');
    const missing = await cli('test', '999999', '--org', String(org.orgId));
    expect([missing.code, missing.output.trim()]).toEqual([1, 'Mailbox 999999 not found.']);

    // Nothing refused was written.
    const names = (JSON.parse((await cli('list', '--org', String(org.orgId), '--json')).output) as Array<{ name: string }>).map((x) => x.name);
    expect(names).toEqual(['wrong-password', 'later']);
  });
});
