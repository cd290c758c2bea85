/**
 * The admin screens for people, keys, dead letters and the audit log in Chromium against the real
 * server, on both engines: each screen's main action and one the API refuses (demoting the last
 * admin, revoking the key in use, retrying an event no longer dead-lettered), shown in the API's
 * words with the list put back; the audit log naming who did what, filtered and live; a member and
 * a viewer refused every admin screen; axe-core on each. The SQLite run takes the screenshots.
 */
import { markDeadLettered } from '../helpers/outbox-seed.js';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { transact } from '../../src/db/transact.js';
import { appendEvent } from '../../src/outbox/work-events.repository.js';
import { describeViolations, seriousViolations } from '../helpers/axe.js';
import { screenshot, WebSession, type WebTestApp } from '../helpers/browser.js';
import { describeEachEngine, type TestEngine } from '../helpers/engines.js';
import type { TestOrg } from '../helpers/test-app.js';
import { scaled } from '../helpers/time-scale.js';
import { addUser } from '../helpers/users.js';

const UI_TIMEOUT = scaled(15_000);

describeEachEngine('admin screens: users, keys, dead letters, audit log', (engine: TestEngine) => {
  let web: WebSession;
  let t: WebTestApp;
  let org: TestOrg;
  let dana: number;
  let sam: number;

  beforeAll(async () => {
    // PUBLIC_URL: invitations mail a link to it (no worker runs here, so nothing is sent).
    web = await WebSession.start(engine, UI_TIMEOUT, { PUBLIC_URL: 'http://flowledger.test' });
    t = web.app;
    org = await t.createOrg('Northwind');
    dana = await addUser(t, { orgId: org.orgId, email: 'dana@northwind.test', name: 'Dana Scully', role: 'admin' });
    sam = await addUser(t, { orgId: org.orgId, email: 'sam@northwind.test', name: 'Sam Carter', role: 'member' });
  }, 60_000);
  afterAll(async () => {
    const errors = await web?.stop();
    expect(errors).toEqual([]);
  });

  async function expectAccessible(page: Page) {
    expect(describeViolations(await seriousViolations(page))).toEqual([]);
  }
  const row = (page: Page, text: string) => page.locator('tbody tr', { hasText: text });
  const alert = (page: Page) => page.getByRole('alert');

  it('users: refuses to demote the last admin in the API’s words and puts the role back; promotes, deactivates, reactivates; invites and revokes', async () => {
    const page = await web.open(org.admin, '/admin');
    await page.getByRole('heading', { name: 'Users and invitations', level: 1 }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Users' }).getAttribute('aria-current')).toBe('page');
    const danaRole = page.getByLabel('Role of Dana Scully');
    await expect.poll(() => danaRole.inputValue()).toBe('admin');

    // Refused: Dana is the only admin.
    await danaRole.selectOption('member');
    await expect.poll(() => alert(page).textContent()).toContain('This is the last active admin');
    await expect.poll(() => danaRole.inputValue()).toBe('admin');
    if (engine.name === 'sqlite') await screenshot(page, 'admin-users-last-admin');

    // Promote Sam, then Dana may be demoted no more than before (two admins now).
    await page.getByLabel('Role of Sam Carter').selectOption('admin');
    await expect.poll(async () => (await t.call(org.admin, { method: 'GET', url: '/api/users' })).json().data.find((m: { user_id: number }) => m.user_id === sam).role).toBe('admin');
    await alert(page).waitFor({ state: 'detached' });

    // Deactivate, with whatever this server knows of open work (an older one: 404, no information, no error).
    await page.getByRole('button', { name: 'Deactivate Sam Carter' }).click();
    await page.getByTestId('deactivated').getByText('Sam Carter is deactivated').waitFor();
    await expect.poll(() => row(page, 'Sam Carter').locator('[data-field="status"]').textContent()).toMatch(/^Deactivated/);
    await page.getByRole('button', { name: 'Reactivate Sam Carter' }).click();
    await expect.poll(() => row(page, 'Sam Carter').locator('[data-field="status"]').textContent()).toBe('Active');
    // Where the server tells the open work, it is listed to be reassigned: in the PATCH answer
    // (open_work), else from GET /api/users/:id/open-work. Both answered here in the browser, so the
    // test holds whatever this server's owners part answers.
    const work = page.getByTestId('deactivated').locator('[data-field="open-work"]');
    const patchAnswer = (openWork: unknown) => async (route: Route) => {
      if (route.request().method() !== 'PATCH') return route.fallback();
      const res = await route.fetch();
      const { open_work: _ignored, ...member } = (await res.json()) as Record<string, unknown>;
      await route.fulfill({ response: res, json: openWork === undefined ? member : { ...member, open_work: openWork } });
    };
    await page.route('**/api/users/*', patchAnswer({ user_id: sam, open_tasks: 1, open_pursuits: 2 }));
    await page.getByRole('button', { name: 'Deactivate Sam Carter' }).click();
    await work.waitFor();
    expect(await work.locator('li').allTextContents()).toEqual(['1 task', '2 pursuits']);
    if (engine.name === 'sqlite') await screenshot(page, 'admin-users-deactivated');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByRole('button', { name: 'Reactivate Sam Carter' }).click();
    await expect.poll(() => row(page, 'Sam Carter').locator('[data-field="status"]').textContent()).toBe('Active');
    await page.unrouteAll({ behavior: 'wait' });

    await page.route('**/api/users/*', patchAnswer(undefined));
    await page.route('**/api/users/*/open-work', (route) =>
      route.fulfill({ json: { tasks: [{ task_id: 'TASK-9', title: 'Call back Acme' }], pursuits: [{ pursuit_id: 4, title: 'Globex renewal' }] } }),
    );
    await page.getByRole('button', { name: 'Deactivate Sam Carter' }).click();
    await work.waitFor();
    expect(await work.locator('li').allTextContents()).toEqual(['1 task: Call back Acme', '1 pursuit: Globex renewal']);
    await page.unrouteAll({ behavior: 'wait' });
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByRole('button', { name: 'Reactivate Sam Carter' }).click();
    await expect.poll(() => row(page, 'Sam Carter').locator('[data-field="status"]').textContent()).toBe('Active');

    // Invite, then revoke.
    await page.getByLabel('Email').fill('newbie@northwind.test');
    await page.getByLabel('Role', { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: 'Invite' }).click();
    await page.getByRole('status').filter({ hasText: 'Invitation mailed to newbie@northwind.test' }).waitFor();
    const invited = page.getByRole('table', { name: 'Pending invitations' }).locator('tr', { hasText: 'newbie@northwind.test' });
    await invited.waitFor();
    expect(await invited.textContent()).toContain('viewer');
    await expectAccessible(page);
    if (engine.name === 'sqlite') await screenshot(page, 'admin-users');
    await page.getByRole('button', { name: 'Revoke the invitation of newbie@northwind.test' }).click();
    await page.getByRole('button', { name: 'Revoke invitation' }).click();
    await invited.waitFor({ state: 'detached' });
    // The row leaves at once (optimistic); the server follows.
    await expect.poll(async () => (await t.call(org.admin, { method: 'GET', url: '/api/users/invitations' })).json().data).toEqual([]);
    // Back as it was for the audit test below: Dana the only admin.
    await page.getByLabel('Role of Sam Carter').selectOption('member');
    await expect.poll(async () => (await t.call(org.admin, { method: 'GET', url: '/api/users' })).json().data.find((m: { user_id: number }) => m.user_id === sam).role).toBe('member');
    expect(dana).toBeGreaterThan(0);
  });

  it('keys: creates one and shows its secret once with a copy button; revokes it; refuses to revoke the key in use', async () => {
    const page = await web.open(org.admin, '/admin/keys');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.baseUrl });
    await page.getByRole('heading', { name: 'API keys', level: 1 }).waitFor();
    await page.getByLabel('Name (what uses it)').fill('reports');
    await page.getByLabel('Role').selectOption('viewer');
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = page.locator('[data-field="secret"]');
    await secret.waitFor();
    const key = (await secret.textContent())!.trim();
    expect(key).toMatch(/^fl_/);
    expect(await page.locator('.new-secret').textContent()).toContain('This is the only time the key is shown');
    expect((await t.call(key, { method: 'GET', url: '/api/me' })).json()).toMatchObject({ role: 'viewer', key_name: 'reports' });
    await page.getByRole('button', { name: 'Copy the key' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied to the clipboard.' }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(key);
    await row(page, 'reports').waitFor();
    await expectAccessible(page);
    if (engine.name === 'sqlite') await screenshot(page, 'admin-keys-new-secret');
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await secret.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Revoke reports' }).click();
    // Asked before it is done; the keyboard is on the answer.
    await expect.poll(() => page.evaluate('document.activeElement?.textContent')).toBe('Revoke key');
    await page.getByRole('button', { name: 'Revoke key', exact: true }).click();
    await expect.poll(() => row(page, 'reports').locator('[data-field="status"]').textContent()).toMatch(/^Revoked/);
    await expect.poll(async () => (await t.call(key, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);

    // Refused: the page is signed in with this admin key.
    const own = `admin-${org.orgId}`;
    await page.getByRole('button', { name: `Revoke ${own}` }).click();
    await page.getByRole('button', { name: 'Revoke key', exact: true }).click();
    await expect.poll(() => alert(page).textContent()).toContain('You cannot revoke the key you are using');
    await expect.poll(() => row(page, own).locator('[data-field="status"]').textContent()).toBe('Active');
    expect((await t.call(org.admin, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    if (engine.name === 'sqlite') await screenshot(page, 'admin-keys');
  });

  async function deadLetter(eventName: string, error: string): Promise<number> {
    const now = new Date().toISOString();
    const id = await transact(t.deps, (trx) =>
      appendEvent(trx, { orgId: org.orgId, eventName, itemType: 'webhook', itemId: 3, payload: { webhook_id: 3, event: 'task.created', url_hint: 'hooks.example.com' }, happenedAt: now }),
    );
    await markDeadLettered(t.deps.database, id, { now, attempts: 10, error });
    return id;
  }

  it('dead letters: shows the queue, inspects one, discards one, retries one; a retry of an event already retried elsewhere is refused', async () => {
    const first = await deadLetter('webhook.deliver', 'HTTP 503 from https://hooks.example.com/…\nafter 10 attempts');
    const second = await deadLetter('webhook.deliver', 'connect ECONNREFUSED 10.0.0.9:443');
    const third = await deadLetter('mail.proposal', 'no recipient');
    const page = await web.open(org.admin, '/admin/dead-letters');
    await page.getByRole('heading', { name: 'Dead letters', level: 1 }).waitFor();
    await expect.poll(() => page.locator('[data-figure="Dead-lettered"] dd').textContent()).toBe('3');
    const item = (id: number) => page.locator(`tbody[data-event-id="${id}"]`);
    await item(first).waitFor();

    await page.getByRole('button', { name: `Inspect event ${first}` }).click();
    const inspect = item(first).getByTestId('inspect');
    await expect.poll(() => inspect.locator('[data-field="last-error"]').textContent()).toContain('after 10 attempts');
    expect(JSON.parse((await inspect.locator('[data-field="payload"]').textContent())!)).toEqual({ webhook_id: 3, event: 'task.created', url_hint: 'hooks.example.com' });
    expect(await page.getByRole('button', { name: `Inspect event ${first}` }).getAttribute('aria-expanded')).toBe('true');
    await expectAccessible(page);
    if (engine.name === 'sqlite') await screenshot(page, 'admin-dead-letters');

    await page.getByRole('button', { name: `Discard event ${first}` }).click();
    await page.getByRole('button', { name: 'Discard for good' }).click();
    await item(first).waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: `Event ${first} is discarded.` }).waitFor();
    await expect.poll(() => page.locator('[data-figure="Dead-lettered"] dd').textContent()).toBe('2');

    await page.getByRole('button', { name: `Retry event ${second}` }).click();
    await item(second).waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: `Event ${second} is queued again.` }).waitFor();
    expect((await t.deps.database.db.selectFrom('work_event').select(['dead_letter_at', 'attempts']).where('work_event_id', '=', second).executeTakeFirstOrThrow())).toEqual({ dead_letter_at: null, attempts: 0 });

    // Refused: another admin retried the third one meanwhile (no event tells this page).
    expect((await t.call(org.admin, { method: 'POST', url: `/api/outbox/dead-letters/${third}/retry` })).statusCode).toBe(202);
    await page.getByRole('button', { name: `Retry event ${third}` }).click();
    await expect.poll(() => alert(page).textContent()).toContain(`Work event ${third} is not dead-lettered`);
    // The list ends on the server's state: no dead letters left.
    await page.getByText('No dead letters').waitFor();
  });

  it('audit log: who did what and when, newest first, filtered by kind, a new change arriving live', async () => {
    const page = await web.open(org.admin, '/admin/audit');
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    // Newest first: the dead-letter discard of the test before is the latest change.
    expect(await rows.first().getAttribute('data-event')).toBe('audit.dead_letter.discarded');
    const revoked = page.locator('tr[data-event="audit.api_key.revoked"]');
    expect(await revoked.locator('[data-field="what"]').textContent()).toBe('API keys: revoked · reports');
    expect(await revoked.locator('[data-field="who"]').textContent()).toMatch(new RegExp(`^API key admin-${org.orgId} \\(#\\d+\\)$`));
    expect(await revoked.textContent()).toMatch(/revoked_at: — → \d{4}-/);
    expect(await page.locator('tr[data-event="audit.user.updated"]').first().textContent()).toContain('role: admin → member');

    await page.getByLabel('Kind').selectOption({ label: 'API keys' });
    await expect.poll(async () => new Set(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-event'))))).toEqual(new Set(['audit.api_key.created', 'audit.api_key.revoked']));

    // Live: a key created elsewhere shows without a reload.
    expect((await t.call(org.admin, { method: 'POST', url: '/api/keys', payload: { role: 'member', name: 'nightly-import' } })).statusCode).toBe(201);
    await page.locator('tr[data-event="audit.api_key.created"]', { hasText: 'nightly-import' }).waitFor();
    await expectAccessible(page);
    if (engine.name === 'sqlite') await screenshot(page, 'admin-audit');
  });

  it('a member and a viewer are told each admin screen is for admins, and see no Admin link', async () => {
    for (const key of [org.member, org.viewer]) {
      const page = await web.open(key, '/admin/users');
      await page.getByRole('heading', { name: 'This page needs an admin' }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).count()).toBe(0);
      for (const [path, words] of [
        ['/admin/keys', 'API keys give programs access'],
        ['/admin/dead-letters', 'Dead letters are the deliveries'],
        ['/admin/audit', 'The audit log records every change'],
      ] as const) {
        await page.goto(`${t.baseUrl}${path}`);
        await page.locator('main', { hasText: words }).waitFor();
        expect(await page.getByRole('table').count()).toBe(0);
      }
      await expectAccessible(page);
    }
  });

  it('users: deactivating someone who owns open work offers to reassign it, and the work moves to the chosen person', async () => {
    const kim = await addUser(t, { orgId: org.orgId, email: 'kim@northwind.test', name: 'Kim Park', role: 'member' });
    const owned: string[] = [];
    for (const title of ['Pump quote for Globex', 'Return of order 4471']) {
      const res = await t.call(org.member, { method: 'POST', url: '/api/workflow/create', payload: { workflow_category: 'Support', title, owner_user_id: kim } });
      expect(res.statusCode, res.body).toBe(201);
      owned.push(res.json().task_id);
    }
    const page = await web.open(org.admin, '/admin/users');
    await page.getByRole('button', { name: 'Deactivate Kim Park' }).click();
    const work = page.getByTestId('deactivated').locator('[data-field="open-work"]');
    await work.waitFor();
    expect(await work.locator('li').allTextContents()).toEqual(['2 tasks']);
    const to = page.getByLabel('Reassign their open work to');
    // Kim is no longer an active member: not offered as the new owner.
    expect(await to.locator('option').allTextContents()).not.toContain('Kim Park (kim@northwind.test)');
    await to.selectOption({ label: 'Sam Carter (sam@northwind.test)' });
    await page.getByRole('button', { name: 'Reassign', exact: true }).click();
    await expect.poll(() => page.locator('[data-field="reassigned"]').textContent()).toBe('Moved 2 tasks and 0 pursuits to Sam Carter.');
    for (const taskId of owned) {
      const task = await t.call(org.viewer, { method: 'GET', url: `/api/workflow/get/${taskId}` });
      expect(task.json().owner_user_id).toBe(sam);
    }
    await expectAccessible(page);
  });
});
