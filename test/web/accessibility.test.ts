/**
 * Every screen of the dashboard, loaded with the demo's month of business (plus tasks in every
 * status and priority, and pipeline items with every Today badge), checked with axe-core in
 * Chromium on both engines: no violation of impact serious or critical, menus, toasts and error
 * notes open included. Also what a newcomer saw wrong: entity labels, formatted amounts and sizes,
 * the creation shown once, a chart with a y-axis and nothing clipped. The SQLite run takes the
 * README's screenshots of the demo as a user first sees it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seedDemo } from '../../src/cli/demo/demo.seed.js';
import { createMailbox, type MailboxSettings } from '../../src/mailboxes/mailboxes.repository.js';
import { systemClock } from '../../src/shared/clock.js';
import { runSlaPass } from '../../src/sla/monitor.js';
import { describeViolations, seriousViolations } from '../helpers/axe.js';
import { screenshot, WebSession, type WebTestApp } from '../helpers/browser.js';
import { describeEachEngine } from '../helpers/engines.js';
import { createTaskVia, trpcData, trpcQuery } from '../helpers/workflow.js';
import { scaled } from '../helpers/time-scale.js';
import { addUser } from '../helpers/users.js';

const UI_TIMEOUT = scaled(15_000);
const STATUSES = ['RED', 'YELLOW', 'GREEN', 'COMPLETED'] as const;
const PRIORITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'NORMAL'] as const;
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

describeEachEngine('every screen passes axe-core with demo data', (engine) => {
  let web: WebSession;
  let t: WebTestApp;
  let admin: string;
  let viewer: string;
  let orgId: number;

  beforeAll(async () => {
    web = await WebSession.start(engine, UI_TIMEOUT);
    t = web.app;
    const demo = await seedDemo({ database: t.deps.database, clock: systemClock }, { seed: 42 });
    orgId = demo.org_id;
    // An empty database: the demo creates "Default" and its key (else the key first start printed).
    admin = demo.key ?? (await t.createKey(orgId, 'admin'));
    // As a running server's SLA monitor would have it: the month's deadlines worked through.
    await runSlaPass({ database: t.deps.database, clock: systemClock });
    viewer = await t.createKey(orgId, 'viewer');
    // Every status and priority on screen: a task for any the generated month happens to lack.
    const total = async (filter: Record<string, string>) =>
      trpcData(await trpcQuery(t, admin, 'list', { filter, pagination: { page: 1, limit: 1 } })).pagination.total as number;
    for (const [i, status] of STATUSES.entries()) {
      if ((await total({ status })) === 0) await createTaskVia(t, admin, { workflow_category: 'Support', title: `Follow-up call ${i + 1}`, task_status: status, sla_deadline: inHours(20) });
    }
    for (const [i, priority] of PRIORITIES.entries()) {
      if ((await total({ priority })) === 0) await createTaskVia(t, admin, { workflow_category: 'Support', title: `Service visit ${i + 1}`, priority, sla_deadline: inHours(30) });
    }
    // And a deadline still ahead on a card of the board's short columns (a countdown not overdue).
    const ahead = await t.deps.database.db
      .selectFrom('workflow_tasks')
      .select('task_id')
      .where('org_id', '=', orgId)
      .where('task_status', 'in', ['GREEN', 'YELLOW'])
      .where('sla_deadline', '>', inHours(1))
      .executeTakeFirst();
    if (!ahead) await createTaskVia(t, admin, { workflow_category: 'Shipping', title: 'Confirm delivery window', sla_deadline: inHours(20) });
    for (const status of STATUSES) expect(await total({ status }), status).toBeGreaterThan(0);
    for (const priority of PRIORITIES) expect(await total({ priority }), priority).toBeGreaterThan(0);
  });
  afterAll(async () => expect(await web?.stop()).toEqual([]));

  const open = (key: string | null, path: string) => web.open(key, path);

  async function expectAccessible(page: Page) {
    expect(describeViolations(await seriousViolations(page))).toEqual([]);
  }

  const shoot = (page: Page, name: string, opts?: { fullPage: boolean }) => (engine.name === 'sqlite' ? screenshot(page, name, opts) : Promise.resolve());

  it('sign-in with email and password, with the error of a wrong password shown', async () => {
    const page = await open(null, '/');
    await page.getByLabel('Email').fill('nobody@example.test');
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').waitFor();
    await expectAccessible(page);
  });

  it('sign-in with a key, with the error of a wrong key shown', async () => {
    const page = await open(null, '/');
    await page.getByRole('button', { name: 'Use an API key' }).click();
    await page.getByLabel('API key').fill('fl_wrong');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').waitFor();
    await expectAccessible(page);
  });

  it('the person’s menu open: who, the org switcher and signing out', async () => {
    const other = await t.createOrg('Second Office');
    await addUser(t, { orgId, email: 'axe@example.test', name: 'Ada Axe', role: 'member', password: 'correct horse battery staple' });
    await addUser(t, { orgId: other.orgId, email: 'axe@example.test', role: 'viewer' });
    const page = await open(null, '/');
    await page.getByLabel('Email').fill('axe@example.test');
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.locator('.user-menu > button').click();
    await page.getByLabel('Organisation').waitFor();
    await expectAccessible(page);
  });

  it('dashboard: tiles, figures, chart with a y-axis and no clipped label, tables', async () => {
    const page = await open(viewer, '/');
    await page.locator('[data-metric="total_tasks"] .figure-value').filter({ hasText: /\d/ }).waitFor();
    await page.locator('.chart .bar-created').first().waitFor();
    await page.getByRole('row', { name: /Quote Processing/ }).first().waitFor();
    await page.getByRole('row', { name: /Priya Nair/ }).first().waitFor();

    // The y-axis: ticks from 0 upwards, numbers only, the largest at least the highest bar.
    const yTicks = (await page.locator('.chart .y-tick').allTextContents()).map(Number);
    expect(yTicks.length).toBeGreaterThanOrEqual(3);
    expect(yTicks[0]).toBe(0);
    // The highest bar: the chart's own figures (its table for screen readers).
    const figures = (await page.locator('.chart table tbody td:nth-child(2), .chart table tbody td:nth-child(3)').allTextContents()).map(Number);
    const peak = Math.max(...figures);
    expect(peak).toBeGreaterThan(0);
    expect(yTicks.at(-1)).toBeGreaterThanOrEqual(peak);
    // Every label of the chart lies inside the chart's box (nothing clipped at either edge).
    const clipped = await page.evaluate(`(() => {
      const box = document.querySelector('.chart svg').getBoundingClientRect();
      return [...document.querySelectorAll('.chart svg text')]
        .map((el) => [el.textContent, el.getBoundingClientRect()])
        .filter(([, r]) => r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
        .map(([text]) => text);
    })()`);
    expect(clipped).toEqual([]);
    await shoot(page, 'dashboard');
    await expectAccessible(page);

  });

  it('task list with filters', async () => {
    const page = await open(admin, '/tasks');
    await page.locator('table.tasks-table tbody tr[data-task-id]').first().waitFor();
    await shoot(page, 'tasks');
    await expectAccessible(page);
    // Each status badge of the table, on its own filtered page.
    for (const status of STATUSES) {
      await page.goto(`${t.baseUrl}/tasks?status=${status}`);
      await page.locator(`.tasks-table .status-${status.toLowerCase()}`).first().waitFor();
      await expectAccessible(page);
    }
  });

  it('task detail of an email task: labelled entities, formatted money and sizes, the creation once, an error shown', async () => {
    const row = await t.deps.database.db
      .selectFrom('workflow_tasks')
      .select('task_id')
      .where('org_id', '=', orgId)
      .where('po_number', 'is not', null)
      .where('tags', 'like', '%attachment%')
      .orderBy('task_id')
      .executeTakeFirstOrThrow();
    const task = trpcData(await trpcQuery(t, admin, 'get', { taskId: row.task_id }));
    const page = await open(admin, `/tasks/${row.task_id}`);
    await page.getByRole('heading', { name: task.title }).waitFor();
    const entities = page.locator('section[aria-labelledby="entities-title"] dl.entities');
    await entities.locator('dt').first().waitFor();
    const labels = await entities.locator('dt').allTextContents();
    const values = await entities.locator('dd').allTextContents();
    // One human label per kind; no raw keys, no empty rows.
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.filter((l) => /^PO numbers?$/.test(l))).toHaveLength(1);
    expect(labels.filter((l) => /_|^Po /.test(l))).toEqual([]);
    expect(values.every((v) => v.trim() !== '')).toBe(true);
    // Money through Intl currency formats, sizes in KB or MB.
    const amounts = values[labels.findIndex((l) => /^Amounts?$/.test(l))];
    expect(amounts).toMatch(/^[$€£][\d,]+(\.\d\d)?/);
    expect(values[labels.findIndex((l) => /^Attachments?$/.test(l))]).toMatch(/\.pdf \(.*\d+(\.\d)? (KB|MB|bytes)\)/);
    // The creation once, with the status it started in.
    const history = await page.locator('section[aria-labelledby="timeline-title"] .timeline li[data-kind="status"]').allTextContents();
    expect(history.filter((h) => /created/i.test(h))).toHaveLength(1);
    expect(history.length).toBe(task.history.length);
    await shoot(page, 'task-detail');
    await expectAccessible(page);

    await page.getByLabel(/^Value/).fill('lots');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('.error-note').waitFor();
    await expectAccessible(page);
  });

  it('Kanban with cards of every status and its Move menu open', async () => {
    const page = await open(admin, '/kanban');
    for (const s of STATUSES) await page.locator(`section[data-status="${s}"] li.card`).first().waitFor();
    // Both SLA states of a countdown, and every priority's colour.
    await page.locator('li.card .countdown.overdue').first().waitFor();
    await page.locator('li.card time.countdown:not(.overdue)').first().waitFor();
    for (const p of PRIORITIES) await page.locator(`li.card .priority-${p.toLowerCase()}`).first().waitFor();
    await shoot(page, 'kanban', { fullPage: false }); // a board of 200 cards: what fits on the screen
    await expectAccessible(page);
    const card = page.locator('section[data-status="GREEN"] li.card').first();
    await card.getByRole('button', { name: /^Move/ }).click();
    await card.getByRole('menu').waitFor();
    await expectAccessible(page);
  });

  it('Kanban read-only for a viewer', async () => {
    const page = await open(viewer, '/kanban');
    await page.locator('section[data-status="RED"] li.card').first().waitFor();
    expect(await page.getByRole('button', { name: /^Move/ }).count()).toBe(0);
    await expectAccessible(page);
  });

  it('pipeline with red, amber and green items on Today, rows readable', async () => {
    const page = await open(admin, '/pipeline');
    await page.locator('.today-item').first().waitFor();
    await page.locator('section[aria-labelledby="pursuits-title"] tbody tr').first().waitFor();
    await shoot(page, 'pipeline');
    await expectAccessible(page);
    // Red needs an open breach: a proposal rule the demo's older early-stage pursuits break.
    const rule = await t.call(admin, { method: 'POST', url: '/api/workstream/sla-rules', payload: { metric: 'proposal_sla', threshold_hrs: 72 } });
    expect(rule.statusCode, rule.body).toBe(201);
    await runSlaPass({ database: t.deps.database, clock: systemClock });
    await page.reload();
    for (const b of ['red', 'amber', 'green']) await page.locator(`.today-item .badge-${b}`).first().waitFor();
    await expectAccessible(page);
  });

  it('a pursuit with a blocked submit and a candidate', async () => {
    const pursuits = await t.call(admin, { method: 'GET', url: '/api/workstream/pursuits?stage=red&limit=1' });
    const candidates = await t.call(admin, { method: 'GET', url: '/api/workstream/candidates?status=triaged&limit=1' });
    const pursuit = pursuits.json().data[0];
    const candidate = candidates.json().data[0];
    expect(pursuit, pursuits.body).toBeDefined();
    expect(candidate, candidates.body).toBeDefined();

    const page = await open(admin, `/pipeline/pursuits/${pursuit.pursuit_id}`);
    await page.getByTestId('pursuit-stage').waitFor();
    const items = await page.locator('.checklist input[type="checkbox"]').all();
    for (const box of items) if (await box.isChecked()) await box.uncheck();
    await page.getByRole('button', { name: 'Move to Submit' }).click();
    await page.locator('.error-note', { hasText: 'Cannot submit' }).waitFor();
    await expectAccessible(page);

    await page.goto(`${t.baseUrl}/pipeline/candidates/${candidate.candidate_id}`);
    await page.getByRole('heading', { name: 'Move' }).waitFor();
    await expectAccessible(page);
  });

  it('a notification toast over the dashboard', async () => {
    const page = await open(viewer, '/');
    await page.locator('.live', { hasText: 'Live' }).waitFor();
    const mail = 'From: Jordan Miles <jordan@brightline.example>\r\nTo: sales@northwind-demo.example\r\nSubject: Quote please\r\nMessage-ID: <toast-a11y@brightline.example>\r\n\r\nPlease quote 5 pumps.';
    const ingest = await t.call(admin, { method: 'POST', url: '/api/ingest/emails', payload: [mail] });
    expect(ingest.statusCode, ingest.body).toBe(201);
    await page.locator('.toast', { hasText: 'Email batch processed' }).waitFor();
    await expectAccessible(page);
  });

  it('mailboxes in every state, with a first sync in progress; the empty state; the page a non-admin gets', async () => {
    // Health as workers would have written it (no IMAP server here: test/web/mailboxes.test.ts has one).
    const db = t.deps.database.db;
    const now = Date.now();
    const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
    const add = async (s: Partial<MailboxSettings> & { name: string; username: string }, health: Record<string, unknown>, checkpoints: Array<{ folder: string; synced: number; pending: number }> = []) => {
      const settings: MailboxSettings = {
        host: 'imap.northwind-demo.example',
        port: 993,
        tlsMode: 'tls',
        authKind: 'password',
        secret: 'not-a-real-password',
        oauthTokenUrl: null,
        oauthClientId: null,
        folders: ['INBOX'],
        ownDomains: ['northwind-demo.example'],
        afterProcessing: 'seen',
        enabled: true,
        ...s,
      };
      const row = await db.transaction().execute((trx) => createMailbox(trx, t.deps.secrets, orgId, settings, at(60 * 24 * 30)));
      await db.updateTable('mailbox').set(health).where('mailbox_id', '=', row.mailbox_id).execute();
      for (const [i, c] of checkpoints.entries()) {
        await db
          .insertInto('mailbox_folder_checkpoint')
          .values({ org_id: orgId, mailbox_id: row.mailbox_id, folder: c.folder, uidvalidity: 1_700_000_000 + i, last_uid: c.synced, effects_uid: c.synced, synced: c.synced, pending: c.pending, updated_at: at(1) })
          .execute();
      }
    };
    await add({ name: 'Sales', username: 'sales@northwind-demo.example' }, { state: 'watching', last_sync_at: at(2), messages_ingested: 1284 }, [{ folder: 'INBOX', synced: 1284, pending: 0 }]);
    await add(
      { name: 'Orders', username: 'orders@northwind-demo.example', folders: ['INBOX', 'Archive/2025'] },
      { state: 'syncing', last_sync_at: null, messages_ingested: 3200 },
      [{ folder: 'INBOX', synced: 3200, pending: 6800 }],
    );
    await add(
      { name: 'Accounts payable', username: 'ap@northwind-demo.example', host: 'outlook.office365.com', authKind: 'xoauth2', oauthTokenUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/token', oauthClientId: 'flowledger' },
      {
        state: 'error',
        last_sync_at: at(95),
        messages_ingested: 412,
        last_error:
          'authentication failed at outlook.office365.com:993: AUTHENTICATE failed. The access token expired and the refresh token was refused by https://login.microsoftonline.com/common/oauth2/v2.0/token (invalid_grant: AADSTS700082)',
      },
      [{ folder: 'INBOX', synced: 412, pending: 0 }],
    );
    await add({ name: 'Old shared inbox', username: 'info@northwind-demo.example', enabled: false }, { messages_ingested: 57, last_sync_at: at(60 * 24 * 9) });

    const page = await open(admin, '/mailboxes');
    await page.locator('li.mailbox').nth(3).waitFor();
    for (const state of ['watching', 'syncing', 'error', 'disabled']) await page.locator(`.mb-state[data-state="${state}"]`).waitFor();
    await page.locator('progress').waitFor();
    await shoot(page, 'mailboxes');
    await expectAccessible(page);

    const fresh = await t.createOrg('Globex');
    const empty = await open(fresh.admin, '/mailboxes');
    await empty.getByRole('heading', { name: 'No mailboxes yet' }).waitFor();
    await expectAccessible(empty);

    const notAdmin = await open(viewer, '/mailboxes');
    await notAdmin.getByRole('heading', { name: 'This page needs an admin' }).waitFor();
    await expectAccessible(notAdmin);
  });

  it('the not-found page', async () => {
    const page = await open(viewer, '/nowhere');
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    await expectAccessible(page);
  });
});
