/**
 * Mailboxes against a real IMAP server (a private Dovecot per file, test/helpers/dovecot.ts), on
 * both engines: the admin API, the test endpoint, and the sync service delivering each APPENDed
 * message exactly once, across restarts, wrong and fixed passwords, and organisations.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { MailboxSyncService } from '../src/mailboxes/mailbox-sync.service.js';
import { systemClock } from '../src/shared/clock.js';
import { startDovecot, type Dovecot } from './helpers/dovecot.js';
import { describeEachEngine } from './helpers/engines.js';
import { scaled } from './helpers/time-scale.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { waitFor } from './helpers/wait-for.js';

const USERS = [
  { user: 'alice', pass: 'alice-secret-1' },
  { user: 'bob', pass: 'bob-secret-2' },
  { user: 'carol', pass: 'carol-secret-3' },
  { user: 'dave', pass: 'dave-secret-4' },
  { user: 'erin', pass: 'erin-secret-5' },
  { user: 'grace', pass: 'grace-secret-6' },
];

let n = 0;
function mail(o: { subject?: string; body?: string; auto?: boolean; messageId?: string } = {}): string {
  n += 1;
  const id = o.messageId ?? `imap-${n}-${process.hrtime.bigint()}@acme-industrial.com`;
  return [
    'From: Jane Porter <jane@acme-industrial.com>',
    'To: Sam <sam@northwind.example>',
    `Subject: ${o.subject ?? `PO# 45001${n} - hydraulic fittings`}`,
    'Date: Mon, 09 Mar 2026 09:00:00 +0000',
    `Message-ID: <${id}>`,
    ...(o.auto ? ['Auto-Submitted: auto-replied'] : []),
    'Content-Type: text/plain; charset=utf-8',
    '',
    o.body ?? `Please process our purchase order PO# 45001${n} for 200 fittings, total $8,500.00.\r\nAcme Industrial Supply Inc.`,
    '',
  ].join('\r\n');
}

describeEachEngine('mailboxes over IMAP', (engine) => {
  let imap: Dovecot;
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  let services: MailboxSyncService[] = [];

  const startService = () => {
    const s = new MailboxSyncService(t.deps);
    services.push(s);
    s.start();
    return s;
  };
  const get = (key: string, url: string) => t.call(key, { method: 'GET', url });
  const mailbox = async (key: string, id: number) => (await get(key, `/api/mailboxes/${id}`)).json();
  const total = async (key: string, url: string) => (await get(key, url)).json().pagination.total as number;
  const addMailbox = async (key: string, body: Record<string, unknown>) => {
    const r = await t.call(key, {
      method: 'POST',
      url: '/api/mailboxes',
      payload: { host: imap.host, port: imap.port, tls_mode: 'none', ...body },
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { mailbox_id: number } & Record<string, unknown>;
  };

  beforeAll(async () => {
    imap = await startDovecot({ users: USERS, tls: true });
    t = await createTestApp(engine, {
      clock: systemClock,
      env: {
        MAILBOX_ALLOW_PRIVATE_NETWORKS: 'true',
        MAILBOX_LEASE: `${scaled(1500)}ms`, // scaled: a loaded machine must not lose the lease mid-page
        // Far above every wait below: new mail must arrive through IDLE, not the poll.
        MAILBOX_POLL_INTERVAL: '10m',
        MAILBOX_CONNECT_TIMEOUT: '5s',
        MAILBOX_RECONNECT_MAX: '1s',
        MAILBOX_MAX_MESSAGE_SIZE: '64kb',
      },
    });
    org = await t.createOrg('Northwind Fabrication Ltd');
    other = await t.createOrg('Globex');
  }, 120_000);
  afterEach(async () => {
    for (const s of services) await s.stop();
    services = [];
  });
  afterAll(async () => {
    await t?.close();
    await imap?.stop();
  });

  it('manages mailboxes as admin only, never answers the credential, and audits changes with it masked', async () => {
    expect((await t.call(org.member, { method: 'GET', url: '/api/mailboxes' })).statusCode).toBe(403);
    const created = await addMailbox(org.admin, { name: 'Sales', username: 'carol', secret: 'carol-secret-3', own_domains: ['Northwind.example'] });
    expect(created).toMatchObject({ name: 'Sales', folders: ['INBOX'], own_domains: ['northwind.example'], after_processing: 'none', state: 'idle', enabled: true });
    expect(JSON.stringify(created)).not.toContain('carol-secret-3');
    expect(created).not.toHaveProperty('secret');

    const bad = await t.call(org.admin, { method: 'POST', url: '/api/mailboxes', payload: { name: 'X', host: imap.host, username: 'u', secret: 's', tls_mode: 'plain', after_processing: 'delete' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['after_processing', 'tls_mode']);
    const dup = await t.call(org.admin, { method: 'POST', url: '/api/mailboxes', payload: { name: 'Sales', host: imap.host, username: 'u', secret: 's' } });
    expect(dup.statusCode).toBe(409);

    const patched = await t.call(org.admin, { method: 'PATCH', url: `/api/mailboxes/${created.mailbox_id}`, payload: { secret: 'another-password', enabled: false } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ enabled: false, state: 'disabled' });
    expect(patched.body).not.toContain('another-password');

    const events = (await get(org.admin, '/api/workstream/events?limit=10')).json().data as Array<{ event_name: string; payload: { changes: Record<string, unknown> } }>;
    const audit = events.filter((e) => e.event_name.startsWith('audit.mailbox.'));
    expect(audit.map((e) => e.event_name)).toEqual(['audit.mailbox.updated', 'audit.mailbox.created']);
    expect(audit[0]!.payload.changes).toEqual({ enabled: { before: true, after: false }, secret: { before: '***', after: '***' } });
    expect(JSON.stringify(events)).not.toMatch(/carol-secret-3|another-password/);

    // Another org's mailbox is not there for them.
    expect((await get(other.admin, `/api/mailboxes/${created.mailbox_id}`)).statusCode).toBe(404);
    expect((await t.call(other.admin, { method: 'PATCH', url: `/api/mailboxes/${created.mailbox_id}`, payload: { enabled: true } })).statusCode).toBe(404);
    expect((await t.call(other.admin, { method: 'POST', url: `/api/mailboxes/${created.mailbox_id}/test` })).statusCode).toBe(404);
    expect((await t.call(other.admin, { method: 'DELETE', url: `/api/mailboxes/${created.mailbox_id}` })).statusCode).toBe(404);
    expect((await t.call(org.admin, { method: 'DELETE', url: `/api/mailboxes/${created.mailbox_id}` })).statusCode).toBe(200);
  });

  it('refuses a loopback host unless MAILBOX_ALLOW_PRIVATE_NETWORKS is set', async () => {
    const strict = await createTestApp(engine, { clock: systemClock });
    try {
      const o = await strict.createOrg();
      const r = await strict.call(o.admin, { method: 'POST', url: '/api/mailboxes', payload: { name: 'L', host: '127.0.0.1', username: 'u', secret: 's' } });
      expect(r.statusCode).toBe(400);
      expect(r.json().details.fields[0]).toMatchObject({ field: 'host' });
      expect(r.json().error).toContain('MAILBOX_ALLOW_PRIVATE_NETWORKS');
    } finally {
      await strict.close();
    }
  });

  it('test reports the folders and counts it found, a wrong password as an auth failure, and a TLS mismatch', async () => {
    await imap.append('dave', mail());
    const ok = await addMailbox(org.admin, { name: 'Probe', username: 'dave', secret: 'dave-secret-4' });
    const found = (await t.call(org.admin, { method: 'POST', url: `/api/mailboxes/${ok.mailbox_id}/test` })).json();
    expect(found).toMatchObject({ ok: true, error: null, missing_folders: [] });
    expect(found.folders).toContainEqual({ path: 'INBOX', messages: 1, unseen: 1, watched: true });

    const wrong = await addMailbox(org.admin, { name: 'Probe wrong', username: 'dave', secret: 'not-the-password' });
    const denied = (await t.call(org.admin, { method: 'POST', url: `/api/mailboxes/${wrong.mailbox_id}/test` })).json();
    expect(denied).toMatchObject({ ok: false, error_kind: 'auth', folders: [] });
    expect(denied.error).toMatch(/^authentication failed at 127\.0\.0\.1:\d+/);
    expect(JSON.stringify(denied)).not.toContain('not-the-password');

    const tls = await addMailbox(org.admin, { name: 'Probe TLS', username: 'dave', secret: 'dave-secret-4', tls_mode: 'tls' });
    const mismatch = (await t.call(org.admin, { method: 'POST', url: `/api/mailboxes/${tls.mailbox_id}/test` })).json();
    expect(mismatch).toMatchObject({ ok: false, error_kind: 'tls' });
    expect(mismatch.error).toContain('tls_mode tls');

    // A host given by name: the session dials the address vetted for it (no second lookup for a
    // rebinding DNS answer to change) with the name as TLS servername, so it still connects and its
    // certificate is still verified against the name.
    const byName = await addMailbox(org.admin, { name: 'Probe by name', host: 'localhost', username: 'dave', secret: 'dave-secret-4' });
    expect((await t.call(org.admin, { method: 'POST', url: `/api/mailboxes/${byName.mailbox_id}/test` })).json()).toMatchObject({ ok: true, error: null });
    const tlsByName = await addMailbox(org.admin, { name: 'Probe TLS by name', host: 'localhost', port: imap.tlsPort!, username: 'dave', secret: 'dave-secret-4', tls_mode: 'tls' });
    const untrusted = (await t.call(org.admin, { method: 'POST', url: `/api/mailboxes/${tlsByName.mailbox_id}/test` })).json();
    expect(untrusted).toMatchObject({ ok: false, error_kind: 'tls' });
    expect(untrusted.error).toMatch(/self[- ]signed|certificate/i);

    const missing = await addMailbox(org.admin, { name: 'Probe folders', username: 'dave', secret: 'dave-secret-4', folders: ['INBOX', 'Nope'] });
    expect((await t.call(org.admin, { method: 'POST', url: `/api/mailboxes/${missing.mailbox_id}/test` })).json()).toMatchObject({ ok: false, missing_folders: ['Nope'] });
    for (const m of [ok, wrong, tls, byName, tlsByName, missing]) await t.call(org.admin, { method: 'DELETE', url: `/api/mailboxes/${m.mailbox_id}` });
  });

  it('turns each message APPENDed while watching into exactly one signal (and a task when actionable), then flags it seen', async () => {
    const before = { signals: await total(org.admin, '/api/workstream/signals'), tasks: await total(org.admin, '/api/workflow/list') };
    const box = await addMailbox(org.admin, { name: 'Orders', username: 'alice', secret: 'alice-secret-1', after_processing: 'seen' });
    startService();
    await waitFor(async () => (await mailbox(org.admin, box.mailbox_id)).state === 'watching', { timeoutMs: 20_000, what: 'watching' });

    await imap.append('alice', mail());
    await imap.append('alice', mail({ subject: 'Automatic reply: out of office', body: 'I am away until Monday.', auto: true }));
    await imap.append('alice', mail());
    // A newsletter (List-Unsubscribe, Precedence: bulk) that even mentions an order: a signal, never a task.
    await imap.append(
      'alice',
      [
        'From: Acme Industrial News <news@acme-industrial.com>',
        'To: sam@northwind.example',
        'Subject: Spring catalogue: order now and save 10%',
        'Date: Mon, 09 Mar 2026 09:05:00 +0000',
        `Message-ID: <news-${Date.now()}@acme-industrial.com>`,
        'List-Unsubscribe: <https://acme-industrial.com/unsubscribe?u=42>',
        'Precedence: bulk',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Our spring catalogue is out. Order before April 1 and save 10% on all fittings.',
        '',
      ].join('\r\n'),
    );
    await waitFor(async () => (await mailbox(org.admin, box.mailbox_id)).messages_ingested === 4, { timeoutMs: 20_000, what: 'four messages ingested' });
    expect(await total(org.admin, '/api/workstream/signals')).toBe(before.signals + 4);
    expect(await total(org.admin, '/api/workflow/list')).toBe(before.tasks + 2);
    // Each signal-only message says which rule decided.
    const orderBatches = (await get(org.admin, '/api/ingest/batches?limit=200')).json().data as Array<{ batch_id: number; source_name: string }>;
    const reasons = (
      await Promise.all(
        orderBatches.filter((b) => b.source_name === 'Orders/INBOX').map(async (b) => (await get(org.admin, `/api/ingest/batches/${b.batch_id}/items?outcome=signal_only`)).json().data as Array<{ reason: string }>),
      )
    )
      .flat()
      .map((i) => i.reason);
    expect(reasons).toHaveLength(2);
    expect(reasons.join('\n')).toMatch(/auto-repl/i);
    expect(reasons.join('\n')).toMatch(/List-Unsubscribe|Precedence|newsletter|bulk/i);
    const view = await mailbox(org.admin, box.mailbox_id);
    expect(view).toMatchObject({ state: 'watching', connected: true, last_error: null });
    expect(view.last_sync_at).not.toBeNull();

    // Side effects after the commit: every ingested message is flagged \Seen on the server.
    await waitFor(
      async () => {
        const c = await imap.client('alice');
        try {
          await c.mailboxOpen('INBOX');
          const flags = (await c.fetchAll('1:*', { flags: true })).map((m) => m.flags?.has('\\Seen'));
          return flags.length === 4 && flags.every(Boolean);
        } finally {
          await c.logout();
        }
      },
      { timeoutMs: 10_000, what: 'messages flagged seen' },
    );
    const batches = (await get(org.admin, '/api/ingest/batches?limit=200')).json().data as Array<{ source: string; source_name: string; duplicates: number }>;
    const imapBatches = batches.filter((b) => b.source === 'imap' && b.source_name === 'Orders/INBOX');
    expect(imapBatches.length).toBeGreaterThan(0);
    expect(imapBatches.every((b) => b.duplicates === 0)).toBe(true);
  });

  it('duplicates nothing across a restart in the middle of a sync, and takes an oversized message as a failed item', async () => {
    const box = await addMailbox(org.admin, { name: 'Backlog', username: 'bob', secret: 'bob-secret-2' });
    const c = await imap.client('bob');
    const count = 300;
    try {
      for (let i = 0; i < count; i++) await c.append('INBOX', mail());
      // Over MAILBOX_MAX_MESSAGE_SIZE (64 KiB): never downloaded, recorded as failed.
      await c.append('INBOX', mail({ body: 'x'.repeat(70 * 1024) }));
    } finally {
      await c.logout();
    }
    const signalsBefore = await total(org.admin, '/api/workstream/signals');
    const first = startService();
    await waitFor(async () => (await mailbox(org.admin, box.mailbox_id)).messages_ingested > 0, { timeoutMs: 60_000, what: 'the first chunk' });
    await first.stop();
    const stopped = await mailbox(org.admin, box.mailbox_id);
    const cut = stopped.messages_ingested;
    // Stopped mid-sync: held by no one (idle, not connected), and the folder not shown as up to date.
    expect(stopped).toMatchObject({ state: 'idle', connected: false });
    if (cut < count + 1) expect(stopped.folder_status).toEqual([expect.objectContaining({ synced: cut, pending: count + 1 - cut })]);
    startService();
    await waitFor(async () => (await mailbox(org.admin, box.mailbox_id)).messages_ingested === count + 1, { timeoutMs: 60_000, what: 'the whole folder' });
    expect(await total(org.admin, '/api/workstream/signals')).toBe(signalsBefore + count);
    // The progress counts the oversized message too (taken, as a failed item), and nothing is left.
    expect((await mailbox(org.admin, box.mailbox_id)).folder_status).toEqual([expect.objectContaining({ folder: 'INBOX', synced: count + 1, pending: 0 })]);
    const batches = (await get(org.admin, '/api/ingest/batches?limit=200')).json().data as Array<{ batch_id: number; source_name: string; duplicates: number; failed: number; read: number }>;
    const mine = batches.filter((b) => b.source_name === 'Backlog/INBOX');
    expect(mine.reduce((s, b) => s + b.duplicates, 0)).toBe(0);
    expect(mine.reduce((s, b) => s + b.failed, 0)).toBe(1);
    expect(cut).toBeLessThanOrEqual(count + 1);
    const failedItems = await Promise.all(mine.map(async (b) => (await get(org.admin, `/api/ingest/batches/${b.batch_id}/items?outcome=failed`)).json().data));
    expect(failedItems.flat()[0].reason).toMatch(/the limit is 65536 \(MAILBOX_MAX_MESSAGE_SIZE\)/);
  });

  it('shows a wrong password as the mailbox error with an event, and recovers when PATCH fixes it', async () => {
    const box = await addMailbox(org.admin, { name: 'Support', username: 'erin', secret: 'wrong-password' });
    startService();
    const failed = await waitFor(async () => {
      const m = await mailbox(org.admin, box.mailbox_id);
      return m.state === 'error' ? m : undefined;
    }, { timeoutMs: 20_000, what: 'error state' });
    expect(failed.last_error).toMatch(/^authentication failed at 127\.0\.0\.1:\d+/);
    expect(failed.connected).toBe(false);

    const fixed = await t.call(org.admin, { method: 'PATCH', url: `/api/mailboxes/${box.mailbox_id}`, payload: { secret: 'erin-secret-5' } });
    expect(fixed.statusCode).toBe(200);
    await waitFor(async () => (await mailbox(org.admin, box.mailbox_id)).state === 'watching', { timeoutMs: 20_000, what: 'recovery' });
    expect((await mailbox(org.admin, box.mailbox_id)).last_error).toBeNull();
    await imap.append('erin', mail());
    await waitFor(async () => (await mailbox(org.admin, box.mailbox_id)).messages_ingested === 1, { timeoutMs: 20_000, what: 'mail after recovery' });

    const events = (await get(org.admin, '/api/workstream/events?limit=50')).json().data as Array<{ event_name: string; item_id: string; payload: Record<string, unknown> }>;
    const mine = events.filter((e) => e.event_name.startsWith('mailbox.') && e.item_id === String(box.mailbox_id)).map((e) => e.event_name);
    // Newest first: one error (not one per retry), then one recovery.
    expect(mine).toEqual(['mailbox.recovered', 'mailbox.error']);
  });

  it("keeps two orgs' mailboxes apart: each org sees only its own mail", async () => {
    const mine = await addMailbox(org.admin, { name: 'Tenant A', username: 'carol', secret: 'carol-secret-3' });
    const theirs = await addMailbox(other.admin, { name: 'Tenant B', username: 'dave', secret: 'dave-secret-4' });
    const otherSignals = await total(other.admin, '/api/workstream/signals');
    const orgSignals = await total(org.admin, '/api/workstream/signals');
    startService();
    await waitFor(async () => (await mailbox(org.admin, mine.mailbox_id)).state === 'watching' && (await mailbox(other.admin, theirs.mailbox_id)).state === 'watching', {
      timeoutMs: 20_000,
      what: 'both watching',
    });
    const subject = `Tenant A only ${Date.now()}`;
    await imap.append('carol', mail({ subject }));
    await waitFor(async () => (await mailbox(org.admin, mine.mailbox_id)).messages_ingested >= 1, { timeoutMs: 20_000, what: 'carol mail' });
    // dave's INBOX had one message from the probe test: it belongs to the other org only.
    await waitFor(async () => (await mailbox(other.admin, theirs.mailbox_id)).messages_ingested >= 1, { timeoutMs: 20_000, what: 'dave mail' });
    expect(await total(org.admin, '/api/workstream/signals')).toBe(orgSignals + 1);
    expect(await total(other.admin, '/api/workstream/signals')).toBe(otherSignals + 1);
    const theirList = (await get(other.admin, '/api/workstream/signals?limit=200')).json().data as Array<{ problem_phrase: string }>;
    expect(theirList.map((s) => s.problem_phrase)).not.toContain(subject);
    expect(((await get(other.admin, '/api/mailboxes')).json().data as Array<{ name: string }>).map((m) => m.name)).toEqual(['Tenant B']);

    // Another org's mailbox by id is not found, whatever the method: never shown, changed, probed or removed.
    for (const [method, url] of [
      ['GET', `/api/mailboxes/${mine.mailbox_id}`],
      ['PATCH', `/api/mailboxes/${mine.mailbox_id}`],
      ['POST', `/api/mailboxes/${mine.mailbox_id}/test`],
      ['DELETE', `/api/mailboxes/${mine.mailbox_id}`],
    ] as const) {
      const r = await t.call(other.admin, { method, url, ...(method === 'PATCH' ? { payload: { name: 'stolen' } } : {}) });
      expect(r.statusCode, `${method} ${url}`).toBe(404);
      expect(r.json().code).toBe('not_found');
    }
    expect((await mailbox(org.admin, mine.mailbox_id)).name).toBe('Tenant A');
  });

  it('takes broken MIME and a file that is not mail without losing the good mail around them', async () => {
    const box = await addMailbox(org.admin, { name: 'Broken', username: 'grace', secret: 'grace-secret-6' });
    const good = `Good after broken ${Date.now()}`;
    const c = await imap.client('grace');
    try {
      await c.append(
        'INBOX',
        [
          'From: a@acme-industrial.com',
          'Subject: Missing final boundary',
          'Message-ID: <no-final-boundary@acme-industrial.com>',
          'Content-Type: multipart/mixed; boundary="b1"',
          '',
          '--b1',
          'Content-Type: text/plain',
          '',
          'Please quote 40 valves.',
          '--b1',
          'Content-Type: application/pdf',
          'Content-Transfer-Encoding: base64',
          '',
          'JVBERi0x!!!not base64 at all%%%',
        ].join('\r\n'),
      );
      await c.append('INBOX', 'this is not an email at all, just bytes \u0000\u0001 and no headers');
      await c.append('INBOX', mail({ subject: good }));
    } finally {
      await c.logout();
    }
    startService();
    const view = await waitFor(
      async () => {
        const m = await mailbox(org.admin, box.mailbox_id);
        return m.messages_ingested === 3 && m.state === 'watching' ? m : undefined;
      },
      { timeoutMs: 20_000, what: 'all three taken, then watching' },
    );
    expect(view.last_error).toBeNull();
    expect(view.folder_status).toEqual([expect.objectContaining({ folder: 'INBOX', synced: 3, pending: 0 })]);
    const signals = (await get(org.admin, '/api/workstream/signals?limit=200')).json().data as Array<{ problem_phrase: string }>;
    expect(signals.map((s) => s.problem_phrase)).toContain(good);
    // Each broken one is an item of its batch (a signal, or a failed item with its reason), never lost silently.
    const batches = (await get(org.admin, '/api/ingest/batches?limit=200')).json().data as Array<{ source_name: string; read: number; failed: number }>;
    const mine = batches.filter((b) => b.source_name === 'Broken/INBOX');
    expect(mine.reduce((sum, b) => sum + b.read, 0)).toBe(3);
  });
});
