/**
 * The Webhooks and SLA rules admin screens in Chromium against the real server, on both engines:
 * an endpoint added (its secret shown once), its failed delivery in the log redriven until it is
 * delivered to a real receiver, paused, edited, its secret rotated and deleted; an invalid URL
 * refused beside the field. A rule with a business-hours calendar created through the form,
 * switched off and deleted, the high-value threshold changed; a bad time zone and working hours
 * that end before they start refused beside their fields. Members are refused both screens and
 * ask the API nothing. Every screen passes axe; the SQLite run takes the screenshots.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { defaultHandlers } from '../../src/app/outbox-handlers.js';
import { transact } from '../../src/db/transact.js';
import type { OutboxWorker } from '../../src/outbox/worker.js';
import { appendEvent } from '../../src/outbox/work-events.repository.js';
import { describeViolations, seriousViolations } from '../helpers/axe.js';
import { screenshot, WebSession, type WebTestApp } from '../helpers/browser.js';
import { describeEachEngine } from '../helpers/engines.js';
import { testWorker } from '../helpers/outbox-seed.js';
import type { TestOrg } from '../helpers/test-app.js';
import { scaled } from '../helpers/time-scale.js';
import { startReceiver } from '../helpers/webhook-receiver.js';

const UI_TIMEOUT = scaled(20_000);

describeEachEngine('webhooks and SLA rules admin screens in Chromium', (engine) => {
  let web: WebSession;
  let t: WebTestApp;
  let org: TestOrg;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let worker: OutboxWorker;

  beforeAll(async () => {
    [web, receiver] = await Promise.all([
      // One attempt: a failing receiver dead-letters its delivery at once.
      WebSession.start(engine, UI_TIMEOUT, { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', OUTBOX_MAX_ATTEMPTS: '1' }),
      startReceiver('unused: the secret is generated'),
    ]);
    t = web.app;
    org = await t.createOrg('Northwind Fabrication Ltd');
    worker = testWorker(t, defaultHandlers(t.deps));
  }, 120_000);
  afterAll(async () => {
    const errors = await web?.stop();
    await receiver?.close();
    expect(errors).toEqual([]);
  });

  const shoot = (page: Page, name: string) => (engine.name === 'sqlite' ? screenshot(page, name) : Promise.resolve());
  const axe = async (page: Page) => expect(describeViolations(await seriousViolations(page))).toEqual([]);
  const api = async (method: 'GET' | 'POST', url: string) => (await t.call(org.admin, { method, url })).json();
  const card = (page: Page) => page.locator('li.webhook');

  it('adds an endpoint showing its secret once, redrives its failed delivery, pauses, edits, rotates and deletes it', async () => {
    const page = await web.open(org.admin, '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/webhooks');

    const add = page.getByRole('form', { name: 'Add an endpoint' });
    await add.getByLabel('URL').fill(receiver.url);
    await add.getByLabel(/^Events/).fill('pursuit.*, proposal.sent');
    await add.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = page.locator('[data-field="secret"]');
    await secret.waitFor();
    expect(await secret.textContent()).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    await card(page).waitFor();
    expect(await card(page).locator('[data-field="events"]').textContent()).toBe('pursuit.*, proposal.sent');
    const [hook] = (await api('GET', '/api/webhooks')).data;
    expect(hook).toMatchObject({ url: receiver.url, events: ['pursuit.*', 'proposal.sent'], is_active: true });
    await axe(page);
    const shown = (await secret.textContent())!;
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await secret.waitFor({ state: 'detached' });
    // Once means once: a fresh load shows only its prefix.
    await page.reload();
    await card(page).waitFor();
    expect(await page.locator('main').textContent()).not.toContain(shown);
    expect(await card(page).textContent()).toContain(shown.slice(0, 10));

    // A delivery the receiver refuses: dead-lettered at once (one attempt), shown in the log.
    receiver.failNextRequests(1);
    const source = await transact(t.deps, (trx) =>
      appendEvent(trx, { orgId: org.orgId, eventName: 'pursuit.won', itemType: 'pursuit', itemId: 7, payload: { pursuit_id: 7 }, happenedAt: new Date().toISOString() }),
    );
    expect((await worker.drain()).deadLettered).toBe(1);
    await card(page).getByRole('button', { name: 'Deliveries' }).click();
    const log = page.getByRole('region', { name: `Deliveries to ${receiver.url}` });
    const failed = log.locator('tbody tr', { hasText: 'Failed' });
    await failed.waitFor();
    expect(await failed.textContent()).toContain('HTTP 503');
    expect(await failed.textContent()).toContain(String(source));
    await axe(page);

    await failed.getByRole('button', { name: /^Redrive delivery/ }).click();
    await failed.getByRole('status').filter({ hasText: 'Queued again' }).waitFor();
    expect((await worker.drain()).completed).toBeGreaterThanOrEqual(1);
    // The open log refreshes on its own: the second attempt, delivered.
    await log.locator('tbody tr', { hasText: 'Delivered' }).waitFor();
    expect(receiver.hits.filter((h) => h.headers['x-flowledger-event-id'] === String(source))).toHaveLength(2);
    await shoot(page, 'admin-webhooks');

    await card(page).getByRole('button', { name: 'Pause' }).click();
    await card(page).locator('[data-field="state"]', { hasText: 'Paused' }).waitFor();
    await expect.poll(async () => (await api('GET', `/api/webhooks/${hook.webhook_id}`)).is_active, { timeout: UI_TIMEOUT }).toBe(false);
    await card(page).getByRole('button', { name: 'Resume' }).waitFor();

    await card(page).getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('form', { name: `Edit ${receiver.url}` });
    await edit.getByLabel(/^Events/).fill('task.*');
    await edit.getByRole('button', { name: 'Save' }).click();
    await card(page).locator('[data-field="events"]', { hasText: 'task.*' }).waitFor();
    expect((await api('GET', `/api/webhooks/${hook.webhook_id}`)).events).toEqual(['task.*']);

    await card(page).getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByRole('heading', { name: /Secret rotated/ }).waitFor();
    const rotated = await secret.textContent();
    expect(rotated).toMatch(/^whsec_/);
    // The old secret still signs for the overlap, and the notice says until when.
    expect(await page.locator('.secret-notice').textContent()).toContain('The replaced secret keeps signing beside it until');
    expect((await api('GET', `/api/webhooks/${hook.webhook_id}`)).secret_prefix).toBe(rotated!.slice(0, 10));

    await card(page).getByRole('button', { name: 'Delete' }).click();
    await card(page).getByRole('group', { name: 'Confirm deletion' }).getByRole('button', { name: 'Yes, delete' }).click();
    // Gone from the page at once (optimistic); the API confirms.
    await card(page).waitFor({ state: 'detached' });
    await expect.poll(async () => (await api('GET', '/api/webhooks')).data, { timeout: UI_TIMEOUT }).toEqual([]);
  });

  it('refuses an invalid URL beside the field and registers nothing', async () => {
    const page = await web.open(org.admin, '/admin/webhooks');
    const add = page.getByRole('form', { name: 'Add an endpoint' });
    await add.getByLabel('URL').fill('ftp://hooks.example.com/flowledger');
    await add.getByRole('button', { name: 'Add endpoint' }).click();
    const message = add.locator('#new-webhook-url-error');
    await message.waitFor();
    expect(await message.textContent()).toBe('url must use http or https');
    expect(await add.getByLabel('URL').getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('alert').filter({ hasText: 'Invalid url' }).waitFor();
    expect((await api('GET', '/api/webhooks')).data).toEqual([]);
    await axe(page);
  });

  it('rolls back a pause and a delete the server refuses, and says why', async () => {
    const created = await t.call(org.admin, { method: 'POST', url: '/api/webhooks', payload: { url: 'https://93.184.216.34/rollback', events: [] } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().webhook_id as number;
    const page = await web.open(org.admin, '/admin/webhooks');
    await card(page).locator('[data-field="state"]', { hasText: 'Active' }).waitFor();
    // The server cannot answer the changes: both are refused (as a database outage would be).
    await page.route(`**/api/webhooks/${id}`, (route) =>
      ['PATCH', 'DELETE'].includes(route.request().method())
        ? route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'The database cannot answer now', code: 'unavailable' }) })
        : route.continue(),
    );
    await card(page).getByRole('button', { name: 'Pause' }).click();
    await card(page).getByRole('alert').filter({ hasText: 'The database cannot answer now' }).waitFor();
    await card(page).locator('[data-field="state"]', { hasText: 'Active' }).waitFor();
    await card(page).getByRole('button', { name: 'Pause' }).waitFor();

    await card(page).getByRole('button', { name: 'Delete' }).click();
    await card(page).getByRole('button', { name: 'Yes, delete' }).click();
    await page.getByRole('alert').filter({ hasText: 'The database cannot answer now' }).first().waitFor();
    // Back on the list after the refusal.
    await card(page).locator('[data-field="state"]', { hasText: 'Active' }).waitFor();
    await page.unroute(`**/api/webhooks/${id}`);
    expect((await api('GET', `/api/webhooks/${id}`)).is_active).toBe(true);
    expect((await t.call(org.admin, { method: 'DELETE', url: `/api/webhooks/${id}` })).statusCode).toBe(200);
  });

  it('creates a rule with a business-hours calendar through the form, switches it off, deletes it, and sets the high-value threshold', async () => {
    const page = await web.open(org.admin, '/admin/sla');
    await page.getByRole('heading', { name: 'SLA rules', level: 1 }).waitFor();
    // Every org starts with its priority rules.
    await page.locator('tr[data-metric="priority:CRITICAL"]').waitFor();
    await page.getByRole('button', { name: 'New rule' }).click();
    const form = page.getByRole('form', { name: 'New rule' });
    await form.getByLabel('Applies to').selectOption('category');
    await form.getByLabel('Category', { exact: true }).fill('Repairs');
    await form.getByLabel('Window (hours)').fill('16');
    await form.getByLabel(/^First reply due within/).fill('2');
    await form.getByLabel(/^Warn after/).fill('80');
    await form.getByLabel('Count business hours only').check();
    await form.getByLabel('Time zone').fill('Europe/Berlin');
    await form.getByLabel('Friday').uncheck();
    await form.getByLabel('Working hours start').fill('08:00');
    await form.getByLabel('Working hours end').fill('16:00');
    await form.getByLabel('Holiday', { exact: true }).fill('2026-12-25');
    await form.getByRole('button', { name: 'Add holiday' }).click();
    await form.getByRole('list', { name: 'Holidays' }).getByText('2026-12-25').waitFor();
    await axe(page);
    await shoot(page, 'admin-sla-rule-form');
    await form.getByRole('button', { name: 'Create rule' }).click();

    const row = page.locator('tr[data-metric="category:Repairs"]');
    await row.waitFor();
    expect(await row.locator('[data-field="calendar"]').textContent()).toBe('Mon Tue Wed Thu 08:00–16:00 Europe/Berlin, 1 holiday');
    const rule = (await api('GET', '/api/workstream/sla-rules?metric=category:Repairs')).data[0];
    expect(rule).toMatchObject({
      threshold_hrs: 16,
      first_response_hrs: 2,
      warn_pct: 80,
      is_active: true,
      calendar: { time_zone: 'Europe/Berlin', days: [1, 2, 3, 4], start: '08:00', end: '16:00', holidays: ['2026-12-25'] },
    });
    await shoot(page, 'admin-sla');

    // Shown at once (optimistic), then confirmed by the API.
    await row.getByRole('checkbox').click();
    await row.getByText('Off').waitFor();
    expect(await row.getByRole('checkbox').isChecked()).toBe(false);
    await expect.poll(async () => (await api('GET', '/api/workstream/sla-rules?metric=category:Repairs')).data[0].is_active, { timeout: UI_TIMEOUT }).toBe(false);
    await row.getByRole('button', { name: /^Delete rule/ }).click();
    await row.getByRole('button', { name: 'Yes, delete' }).click();
    await row.waitFor({ state: 'detached' });
    await expect.poll(async () => (await api('GET', '/api/workstream/sla-rules?metric=category:Repairs')).data, { timeout: UI_TIMEOUT }).toEqual([]);

    const threshold = page.getByRole('form', { name: 'High-value alert threshold' });
    await threshold.getByLabel(/^Threshold/).fill('75000');
    await threshold.getByRole('button', { name: 'Save threshold' }).click();
    await threshold.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect((await api('GET', '/api/sla/settings')).high_value_threshold).toBe(75000);
    await axe(page);
  });

  it('refuses a bad time zone, working hours that end before they start and a negative threshold, beside the fields, and changes nothing', async () => {
    const page = await web.open(org.admin, '/admin/sla');
    const row = page.locator('tr[data-metric="priority:HIGH"]');
    await row.getByRole('button', { name: /^Edit rule/ }).click();
    const form = page.getByRole('form', { name: /^Edit rule/ });
    await form.getByLabel('Count business hours only').check();
    await form.getByLabel('Time zone').fill('Mars/Olympus_Mons');
    await form.getByRole('button', { name: 'Save rule' }).click();
    await form.locator('#cal-zone-error').waitFor();
    expect(await form.locator('#cal-zone-error').textContent()).toMatch(/IANA time zone/);
    expect(await form.getByLabel('Time zone').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('Time zone').fill('America/New_York');
    await form.getByLabel('Working hours start').fill('17:00');
    await form.getByLabel('Working hours end').fill('09:00');
    await form.getByRole('button', { name: 'Save rule' }).click();
    await form.locator('#cal-end-error', { hasText: 'start must be before end' }).waitFor();
    await form.locator('#cal-zone-error').waitFor({ state: 'detached' });
    await axe(page);
    expect((await api('GET', '/api/workstream/sla-rules?metric=priority:HIGH')).data[0].calendar).toBeNull();

    const threshold = page.getByRole('form', { name: 'High-value alert threshold' });
    await threshold.getByLabel(/^Threshold/).fill('-1');
    await threshold.getByRole('button', { name: 'Save threshold' }).click();
    await threshold.locator('#high-value-error').waitFor();
    expect(await threshold.getByLabel(/^Threshold/).getAttribute('aria-invalid')).toBe('true');
    expect((await api('GET', '/api/sla/settings')).high_value_threshold).toBeGreaterThanOrEqual(0);
  });

  it('a member is refused both screens, a viewer too, and the member asks the API nothing', async () => {
    const page = await web.open(org.member, '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).waitFor();
    const asked: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/api/webhooks') || path.startsWith('/api/workstream/sla-rules') || path.startsWith('/api/sla/')) asked.push(path);
    });
    for (const path of ['/admin/webhooks', '/admin/sla']) {
      await page.goto(`${t.baseUrl}${path}`);
      await page.getByRole('heading', { name: 'This page needs an admin' }).waitFor();
    }
    expect(await page.locator('li.webhook, tr[data-rule-id]').count()).toBe(0);
    const viewer = await web.open(org.viewer, '/admin/sla');
    await viewer.getByRole('heading', { name: 'This page needs an admin' }).waitFor();
    expect(asked).toEqual([]);
    expect((await t.call(org.member, { method: 'GET', url: '/api/webhooks' })).statusCode).toBe(403);
    expect((await t.call(org.member, { method: 'POST', url: '/api/workstream/sla-rules', payload: { metric: 'priority:HIGH', threshold_hrs: 1 } })).statusCode).toBe(403);
  });
});
