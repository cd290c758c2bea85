/**
 * The Mailboxes screen in Chromium against the real server with its mailbox workers and a private
 * Dovecot (test/helpers/dovecot.ts), on both engines: the empty state, a wrong password shown as the
 * mailbox's error and, once PATCH fixes it, the mailbox watching, its folder up to date and its
 * messages counted, all on the open page without a reload; a first sync of a large folder,
 * interrupted, showing how far it got, then finishing; and no way in for a non-admin key.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ParsePool } from '../../src/ingest/parse-pool.js';
import { MailboxSyncService } from '../../src/mailboxes/mailbox-sync.service.js';
import { screenshot, WebSession, type WebTestApp } from '../helpers/browser.js';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { describeEachEngine } from '../helpers/engines.js';
import type { TestOrg } from '../helpers/test-app.js';
import { scaled } from '../helpers/time-scale.js';
import { gate, waitFor } from '../helpers/wait-for.js';

const UI_TIMEOUT = scaled(20_000);
const USERS = [
  { user: 'erin', pass: 'erin-secret-5' },
  { user: 'frank', pass: 'frank-secret-6' },
];
/** A folder large enough that a first sync takes many chunk commits. */
const BACKLOG = 1000;

let n = 0;
function mail(subject: string): string {
  n += 1;
  return [
    'From: Jane Porter <jane@acme-industrial.com>',
    'To: Support <support@northwind.example>',
    `Subject: ${subject}`,
    'Date: Mon, 09 Mar 2026 09:00:00 +0000',
    `Message-ID: <web-mailbox-${n}-${process.hrtime.bigint()}@acme-industrial.com>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Please process our purchase order PO# 7700${n} for 40 fittings, total $1,700.00.`,
    '',
  ].join('\r\n');
}

/**
 * The worker's parse pool with a hold the test can put on it: while held, every chunk of a batch
 * after its first waits before it is parsed, so a sync stops between its first chunk's commit and
 * its second chunk's transaction, a point the test chooses. Without it, taking the lease "after the
 * first chunk" raced the sync: on SQLite the writer commits a page's chunks one after another
 * without letting a timer run when it parses them itself (a loaded machine), so the test's poll
 * often first saw the backlog once the whole folder was in and the sync had finished.
 */
class HoldingParsePool extends ParsePool {
  private hold: ReturnType<typeof gate> | undefined;

  holdAfterFirstChunk(): void {
    this.hold ??= gate();
  }

  release(): void {
    this.hold?.open();
    this.hold = undefined;
  }

  override parse(...args: Parameters<ParsePool['parse']>): ReturnType<ParsePool['parse']> {
    const hold = this.hold;
    if (hold && args[1][0]!.seq > 1) return hold.promise.then(() => super.parse(...args));
    return super.parse(...args);
  }
}

describeEachEngine('mailboxes screen in Chromium', (engine) => {
  let imap: Dovecot;
  let web: WebSession;
  let t: WebTestApp;
  let org: TestOrg;
  let sync: MailboxSyncService;
  const parsing = { inline: new ParsePool(0), workers: new HoldingParsePool(ParsePool.defaultSize()) };

  beforeAll(async () => {
    [imap, web] = await Promise.all([
      startDovecot({ users: USERS }),
      WebSession.start(engine, UI_TIMEOUT, {
        MAILBOX_ALLOW_PRIVATE_NETWORKS: 'true',
        // Scaled: on a loaded machine a fixed 1.5 s lease can run out in the middle of every page of a
        // first sync, which then rolls back and starts over, never finishing.
        MAILBOX_LEASE: `${scaled(1500)}ms`,
        MAILBOX_POLL_INTERVAL: '10m',
        MAILBOX_CONNECT_TIMEOUT: '5s',
        MAILBOX_RECONNECT_MAX: '1s',
      }),
    ]);
    t = web.app;
    org = await t.createOrg('Northwind Fabrication Ltd');
    // The worker role's mailbox service, beside the serving app (as `serve` runs it).
    sync = new MailboxSyncService({ ...t.deps, pools: parsing });
    sync.start();
  }, 120_000);
  afterAll(async () => {
    await sync?.stop();
    parsing.workers.release();
    await parsing.workers.close();
    const errors = await web?.stop();
    await imap?.stop();
    expect(errors).toEqual([]);
  });

  const card = (page: Page, name: string) => page.locator('li.mailbox', { has: page.getByRole('heading', { name, exact: true }) });
  const field = (page: Page, name: string, f: string) => card(page, name).locator(`[data-field="${f}"]`);

  it('an admin without mailboxes is shown how to add one', async () => {
    const empty = await t.createOrg('Globex');
    const page = await web.open(empty.admin, '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Mailboxes' }).click();
    await page.getByRole('heading', { name: 'No mailboxes yet' }).waitFor();
    expect(await page.locator('pre code').textContent()).toContain('flowledger mailboxes add');
    expect(await page.locator('main').textContent()).toContain('POST /api/mailboxes');
    expect(new URL(page.url()).pathname).toBe('/admin/mailboxes');
  });

  it('shows a wrong password as the error, then watching, up to date and the messages counted once PATCH fixes it, live', async () => {
    await imap.append('erin', mail('Order 1'));
    await imap.append('erin', mail('Order 2'));
    const created = await t.call(org.admin, {
      method: 'POST',
      url: '/api/mailboxes',
      payload: { name: 'Support', host: imap.host, port: imap.port, tls_mode: 'none', username: 'erin', secret: 'wrong-password' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().mailbox_id as number;

    const page = await web.open(org.admin, '/mailboxes');
    await card(page, 'Support').waitFor();
    expect(await card(page, 'Support').locator('.mailbox-where').textContent()).toContain(`erin at ${imap.host}:${imap.port}`);
    // The badge says it in words; the error is the server's own line.
    await card(page, 'Support').locator('.mb-state', { hasText: 'Error' }).waitFor();
    await expect.poll(() => field(page, 'Support', 'last-error').textContent(), { timeout: UI_TIMEOUT }).toMatch(/authentication failed at 127\.0\.0\.1:\d+/);
    expect(await field(page, 'Support', 'connected').textContent()).toBe('No');
    expect(await field(page, 'Support', 'messages').textContent()).toBe('0');
    if (engine.name === 'sqlite') await screenshot(page, 'mailboxes-error');

    const fixed = await t.call(org.admin, { method: 'PATCH', url: `/api/mailboxes/${id}`, payload: { secret: 'erin-secret-5' } });
    expect(fixed.statusCode, fixed.body).toBe(200);
    // The same page, no reload: the recovery event and the polling bring the new state.
    await card(page, 'Support').locator('.mb-state', { hasText: 'Watching' }).waitFor();
    await expect.poll(() => field(page, 'Support', 'messages').textContent(), { timeout: UI_TIMEOUT }).toBe('2');
    await field(page, 'Support', 'last-error').waitFor({ state: 'detached' });
    expect(await field(page, 'Support', 'connected').textContent()).toBe('Yes');
    await card(page, 'Support').locator('tr[data-folder="INBOX"]', { hasText: 'Up to date' }).waitFor();
    // Last sync: relative, with the absolute time in its title.
    const lastSync = field(page, 'Support', 'last-sync').locator('time');
    expect(await lastSync.textContent()).toMatch(/just now|\d+ (s|m) ago/);
    expect(await lastSync.getAttribute('title')).toMatch(/\d{4}/);
    expect(Date.parse((await lastSync.getAttribute('datetime'))!)).not.toBeNaN();

    // Mail delivered while the page is open is counted on it.
    await imap.append('erin', mail('Order 3'));
    await expect.poll(() => field(page, 'Support', 'messages').textContent(), { timeout: UI_TIMEOUT }).toBe('3');
    if (engine.name === 'sqlite') await screenshot(page, 'mailboxes-recovered');
  });

  it('shows a first sync of a large folder as a progress bar where it stopped, then up to date once it resumes', async () => {
    const c = await imap.client('frank');
    try {
      for (let i = 0; i < BACKLOG; i++) await c.append('INBOX', mail(`Backlog order ${i + 1}`));
    } finally {
      await c.logout();
    }
    const page = await web.open(org.admin, '/mailboxes');
    await page.getByRole('heading', { name: 'Mailboxes', level: 1 }).waitFor();
    // The first sync stops after its first chunk, until the lease has been taken (below).
    parsing.workers.holdAfterFirstChunk();
    const created = await t.call(org.admin, {
      method: 'POST',
      url: '/api/mailboxes',
      payload: { name: 'Backlog', host: imap.host, port: imap.port, tls_mode: 'none', username: 'frank', secret: 'frank-secret-6' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().mailbox_id as number;

    // Some chunks committed, not all: the lease goes to a worker that then dies (as if this one had
    // been replaced after a pause), so the holder's next chunk rolls back and its sync stops there.
    // The sync is held before its second chunk until the lease is taken: no race with it.
    const lease = () => t.deps.database.db.updateTable('mailbox').where('mailbox_id', '=', id);
    const ingested = async () =>
      Number((await t.deps.database.db.selectFrom('mailbox').select('messages_ingested').where('mailbox_id', '=', id).executeTakeFirstOrThrow()).messages_ingested);
    const firstChunk = await waitFor(async () => (await ingested()) || undefined, { timeoutMs: 30_000, what: 'the first chunk of the backlog' });
    await lease().set({ lease_owner: 'a-worker-that-died', lease_expires_at: new Date(Date.now() + 3_600_000).toISOString() }).execute();
    parsing.workers.release();
    // The holder's next chunk rolled back (lease lost) and failed its batch: nothing commits after that.
    await waitFor(
      () =>
        t.deps.database.db
          .selectFrom('ingest_batch')
          .select('batch_id')
          .where('org_id', '=', org.orgId)
          .where('source_name', '=', 'Backlog/INBOX')
          .where('status', '=', 'failed')
          .executeTakeFirst(),
      { timeoutMs: 20_000, what: 'the holder to lose the lease' },
    );
    expect(await ingested()).toBe(firstChunk);
    const midway = (await t.call(org.admin, { method: 'GET', url: `/api/mailboxes/${id}` })).json();
    const [inbox] = midway.folder_status as Array<{ folder: string; synced: number; pending: number }>;
    expect(inbox!.synced).toBe(firstChunk);
    expect(inbox!.pending).toBe(BACKLOG - firstChunk);

    // The open page shows where it stopped: the bar, its figures and the messages counted.
    const bar = card(page, 'Backlog').locator('tr[data-folder="INBOX"] progress');
    await expect.poll(() => bar.getAttribute('value'), { timeout: UI_TIMEOUT }).toBe(String(inbox!.synced));
    expect(await bar.getAttribute('max')).toBe(String(BACKLOG));
    const pct = Math.floor((inbox!.synced / BACKLOG) * 100);
    expect(await bar.getAttribute('aria-label')).toBe(`INBOX: ${pct} % synced`);
    expect(await card(page, 'Backlog').locator('tr[data-folder="INBOX"]').textContent()).toContain(
      `${inbox!.synced.toLocaleString('en-US')} of 1,000 (${pct} %) · ${inbox!.pending.toLocaleString('en-US')} to go`,
    );
    await expect.poll(() => field(page, 'Backlog', 'messages').textContent(), { timeout: UI_TIMEOUT }).toBe(inbox!.synced.toLocaleString('en-US'));
    if (engine.name === 'sqlite') await screenshot(page, 'mailboxes-first-sync');

    // The dead holder's lease ends: the worker takes the mailbox back, the sync resumes from its
    // checkpoint and the bar gives way to "up to date".
    await lease().set({ lease_owner: null, lease_expires_at: null }).execute();
    await card(page, 'Backlog').locator('tr[data-folder="INBOX"]', { hasText: 'Up to date' }).waitFor({ timeout: scaled(60_000) });
    await expect.poll(() => field(page, 'Backlog', 'messages').textContent(), { timeout: UI_TIMEOUT }).toBe('1,000');
    expect(await card(page, 'Backlog').locator('tr[data-folder="INBOX"] td.num').textContent()).toBe('1,000');
    await card(page, 'Backlog').locator('.mb-state', { hasText: 'Watching' }).waitFor();
    // Its own waits add up to more than the suite's per-test default (two syncs of 1,000 messages
    // and a takeover; 14–28 s in full CI runs, over 60 s in two on a loaded machine).
  }, scaled(150_000));

  it('a member or viewer key has no link to the screen, is told it needs an admin, and asks the API nothing', async () => {
    for (const key of [org.member, org.viewer]) {
      const page = await web.open(key, '/');
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Tasks' }).waitFor();
      expect(await nav.getByRole('link', { name: 'Admin' }).count()).toBe(0);

      const asked: string[] = [];
      page.on('request', (r) => {
        if (new URL(r.url()).pathname.startsWith('/api/mailboxes')) asked.push(r.url());
      });
      await page.goto(`${t.baseUrl}/admin/mailboxes`);
      await page.getByRole('heading', { name: 'This page needs an admin' }).waitFor();
      expect(await page.locator('li.mailbox').count()).toBe(0);
      expect(asked).toEqual([]);
    }
  });
});
