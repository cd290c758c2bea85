/**
 * Threads through a real IMAP mailbox (a private Dovecot, test/helpers/dovecot.ts), on both
 * engines: a customer's reply joins its task, the org's reply in the watched Sent folder sets the
 * first response, a reply to a completed task reopens it, and another org's mailbox receiving the
 * same subject from the same sender makes its own task.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MailboxSyncService } from '../src/mailboxes/mailbox-sync.service.js';
import { systemClock } from '../src/shared/clock.js';
import { startDovecot, type Dovecot } from './helpers/dovecot.js';
import { describeEachEngine } from './helpers/engines.js';
import { scaled } from './helpers/time-scale.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { waitFor } from './helpers/wait-for.js';
import { updateTaskVia } from './helpers/workflow.js';

const USERS = [
  { user: 'alice', pass: 'alice-secret-1' },
  { user: 'bob', pass: 'bob-secret-2' },
];

let n = 0;
function mail(o: { subject: string; body: string; from?: string; to?: string; inReplyTo?: string }): { raw: string; id: string } {
  n += 1;
  const id = `imap-thread-${n}-${process.hrtime.bigint()}@mail.example`;
  const raw = [
    `From: ${o.from ?? 'Jane Porter <jane@acme-industrial.com>'}`,
    `To: ${o.to ?? 'Sam <sam@northwind.example>'}`,
    `Subject: ${o.subject}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${id}>`,
    ...(o.inReplyTo ? [`In-Reply-To: <${o.inReplyTo}>`, `References: <${o.inReplyTo}>`] : []),
    'Content-Type: text/plain; charset=utf-8',
    '',
    o.body,
    '',
  ].join('\r\n');
  return { raw, id };
}

describeEachEngine('threads over IMAP', (engine) => {
  let imap: Dovecot;
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  let service: MailboxSyncService | undefined;
  const db = () => t.deps.database.db;
  const tasksOf = (orgId: number) => db().selectFrom('workflow_tasks').selectAll().where('org_id', '=', orgId).execute();
  const threadOf = (orgId: number, taskId: string) =>
    db().selectFrom('task_message').select(['direction', 'message_id']).where('org_id', '=', orgId).where('task_id', '=', taskId).orderBy('task_message_id').execute();

  beforeAll(async () => {
    imap = await startDovecot({ users: USERS });
    await imap.createFolder('alice', 'Sent');
    t = await createTestApp(engine, {
      clock: systemClock,
      env: {
        MAILBOX_ALLOW_PRIVATE_NETWORKS: 'true',
        MAILBOX_LEASE: `${scaled(1500)}ms`, // scaled: a loaded machine must not lose the lease mid-page
        // IDLE watches the first folder; the Sent folder is picked up by the poll.
        MAILBOX_POLL_INTERVAL: '500ms',
        MAILBOX_CONNECT_TIMEOUT: '5s',
        MAILBOX_RECONNECT_MAX: '1s',
      },
    });
    org = await t.createOrg('Northwind Fabrication Ltd');
    other = await t.createOrg('Globex');
    for (const [o, user, pass, folders] of [
      [org, 'alice', 'alice-secret-1', ['INBOX', 'Sent']],
      [other, 'bob', 'bob-secret-2', ['INBOX']],
    ] as const) {
      const r = await t.call(o.admin, {
        method: 'POST',
        url: '/api/mailboxes',
        payload: { name: `Mail ${user}`, host: imap.host, port: imap.port, tls_mode: 'none', username: user, secret: pass, folders, own_domains: ['northwind.example'] },
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    service = new MailboxSyncService(t.deps);
    service.start();
  }, 120_000);
  afterAll(async () => {
    await service?.stop();
    await t?.close();
    await imap?.stop();
  });

  it('threads replies onto the task, sets first response from the Sent folder, reopens on a customer reply, and keeps orgs apart', async () => {
    const first = mail({ subject: 'PO# 4509001 - hydraulic fittings', body: 'Please process our purchase order PO# 4509001 for 200 fittings, total $8,500.00, and confirm delivery.' });
    await imap.append('alice', first.raw);
    const [task] = await waitFor(async () => {
      const ts = await tasksOf(org.orgId);
      return ts.length === 1 ? ts : undefined;
    }, { timeoutMs: 20_000, what: 'the task of the first message' });

    const reply = mail({ subject: 'Re: PO# 4509001 - hydraulic fittings', body: 'Any update on the delivery date for PO# 4509001? Please confirm.', inReplyTo: first.id });
    await imap.append('alice', reply.raw);
    await waitFor(async () => (await threadOf(org.orgId, task!.task_id)).length === 2, { timeoutMs: 20_000, what: 'the reply on the thread' });

    // Sent by the org from a domain that is not in own_domains: the Sent folder makes it outbound.
    const ours = mail({ from: 'Sam <sam@northwind-mail.example>', to: 'jane@acme-industrial.com', subject: 'Re: PO# 4509001 - hydraulic fittings', body: 'Hi Jane, it ships on Thursday.', inReplyTo: reply.id });
    await imap.append('alice', ours.raw, 'Sent');
    const answered = await waitFor(async () => {
      const ts = await tasksOf(org.orgId);
      return ts[0]?.first_response_at ? ts : undefined;
    }, { timeoutMs: 20_000, what: 'first_response_at from the Sent folder' });
    expect(answered).toHaveLength(1);
    expect((await threadOf(org.orgId, task!.task_id)).map((m) => m.direction)).toEqual(['inbound', 'inbound', 'outbound']);

    // Completed, then the customer writes again: reopened.
    await updateTaskVia(t, org.member, task!.task_id, { task_status: 'COMPLETED' });
    const again = mail({ subject: 'RE: PO# 4509001 - hydraulic fittings', body: 'The fittings arrived damaged. Please send replacements.', inReplyTo: ours.id });
    await imap.append('alice', again.raw);
    const reopened = await waitFor(async () => {
      const row = (await tasksOf(org.orgId))[0]!;
      return row.task_status === 'GREEN' ? row : undefined;
    }, { timeoutMs: 20_000, what: 'the task reopened' });
    expect(reopened).toMatchObject({ completed_at: null, resolution_hours: null });
    const history = await db().selectFrom('workflow_status_history').select(['from_status', 'to_status', 'reason']).where('task_id', '=', task!.task_id).orderBy('history_id').execute();
    expect(history.at(-1)).toEqual({ from_status: 'COMPLETED', to_status: 'GREEN', reason: 'reopened by customer reply' });
    expect(await tasksOf(org.orgId)).toHaveLength(1);

    // The same reply subject from the same customer in another org's mailbox: a task of that org.
    await imap.append('bob', mail({ subject: 'Re: PO# 4509001 - hydraulic fittings', body: 'Please process our purchase order PO# 4509001 for 200 fittings and confirm.', inReplyTo: first.id }).raw);
    const theirs = await waitFor(async () => {
      const ts = await tasksOf(other.orgId);
      return ts.length === 1 ? ts : undefined;
    }, { timeoutMs: 20_000, what: "the other org's own task" });
    expect(theirs[0]!.task_id).not.toBe(task!.task_id);
    expect(await threadOf(org.orgId, task!.task_id)).toHaveLength(4);
  });
});
