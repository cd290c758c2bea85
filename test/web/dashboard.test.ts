/**
 * The dashboard in a real browser (Debian's Chromium via playwright-core) against the real server
 * on both engines: sign-in, live numbers, the Kanban drag seen by a second browser, a card leaving
 * the board when its task is deleted elsewhere, a deadline crossing that turns a card red and raises
 * a toast, the task table and detail, and the pipeline's blocked submit. (The README's pictures of
 * the demo come from accessibility.test.ts; the ones of these situations from here.)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runSlaPass } from '../../src/sla/monitor.js';
import { describeEachEngine } from '../helpers/engines.js';
import { screenshot, WebSession, type WebTestApp } from '../helpers/browser.js';
import type { TestOrg } from '../helpers/test-app.js';
import { waitFor } from '../helpers/wait-for.js';
import { createTaskVia, trpcData, trpcQuery, updateTaskVia } from '../helpers/workflow.js';
import { scaled } from '../helpers/time-scale.js';

const UI_TIMEOUT = scaled(10_000);
/** Run in the page (`any`: this file is compiled without the DOM's types). */
const HAS_FOCUS = (el: any): boolean => el === el.ownerDocument.activeElement;

describeEachEngine('dashboard in Chromium', (engine) => {
  let web: WebSession;
  let t: WebTestApp;
  let org: TestOrg;

  beforeAll(async () => {
    web = await WebSession.start(engine, UI_TIMEOUT);
    t = web.app;
    org = await t.createOrg('Acme Field Services');
  });
  afterAll(async () => expect(await web?.stop()).toEqual([]));

  const open = (key: string, path: string, viewport?: { width: number; height: number }) => web.open(key, path, viewport);

  const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
  const api = {
    metrics: async () => trpcData(await trpcQuery(t, org.viewer, 'metrics')),
    task: async (taskId: string) => trpcData(await trpcQuery(t, org.viewer, 'get', { taskId })),
  };

  it('signs in with a valid key, refuses a wrong one, survives a reload and signs out', async () => {
    const page = await web.open(null, '/tasks', { width: 1280, height: 800 }); // a deep link: the server answers it with the app
    await page.getByRole('button', { name: 'Use an API key' }).click();
    await page.getByLabel('API key').fill('fl_not_a_real_key');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not valid');
    if (engine.name === 'sqlite') await screenshot(page, 'sign-in');

    await page.getByLabel('API key').fill(org.member);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Tasks', exact: true }).waitFor();
    await expect.poll(() => page.locator('.who').textContent()).toContain('Acme Field Services');

    await page.reload();
    await page.getByRole('heading', { name: 'Tasks', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email').waitFor();
    await page.reload();
    await page.getByLabel('Email').waitFor(); // the key was removed from storage
  });

  it('shows the executive figures the API reports and updates them live', async () => {
    await createTaskVia(t, org.member, { workflow_category: 'Quote Processing', title: 'Quote for 40 pumps', task_status: 'RED', dollar_value: 48_000, sla_deadline: inHours(30) });
    await createTaskVia(t, org.member, { workflow_category: 'Invoicing', title: 'Invoice 7781 query', task_status: 'YELLOW', dollar_value: 1_250, sla_deadline: inHours(40), current_owner: 'Dana Ortiz' });
    await createTaskVia(t, org.member, { workflow_category: 'Support', title: 'Replacement valve', sla_deadline: inHours(50), current_owner: 'Sam Lee' });

    const page = await open(org.viewer, '/');
    const tile = (metric: string) => page.locator(`[data-metric="${metric}"] .tile-value, [data-metric="${metric}"] .figure-value`);
    const m = await api.metrics();
    for (const key of ['red_tasks', 'yellow_tasks', 'green_tasks', 'completed_tasks', 'total_tasks', 'tasks_last_24h', 'sla_violations'] as const) {
      await expect.poll(() => tile(key).textContent(), { timeout: UI_TIMEOUT }).toBe(String(m[key]));
    }
    await expect.poll(() => tile('revenue_at_risk').textContent()).toBe(`$${Math.round(m.revenue_at_risk).toLocaleString('en-US')}`);
    await page.getByRole('row', { name: /Quote Processing/ }).waitFor();
    await page.getByRole('row', { name: /Dana Ortiz/ }).waitFor();

    // A change made elsewhere reaches the open dashboard without a reload.
    const before = Number(await tile('red_tasks').textContent());
    await createTaskVia(t, org.member, { workflow_category: 'Shipping', title: 'Lost pallet', task_status: 'RED', sla_deadline: inHours(20) });
    await expect.poll(() => tile('red_tasks').textContent(), { timeout: UI_TIMEOUT }).toBe(String(before + 1));
    await page.getByRole('radio', { name: 'Week' }).click();
    await expect.poll(() => page.getByRole('radio', { name: 'Week' }).getAttribute('aria-checked')).toBe('true');
  });

  it('moves a dragged card through the API and shows the move in a second browser at once', async () => {
    const task = await createTaskVia(t, org.member, { workflow_category: 'Order Processing', title: 'PO 4500123 from Brightline', dollar_value: 9_900, sla_deadline: inHours(26) });
    expect(task.task_status).toBe('GREEN');
    const a = await open(org.member, '/kanban');
    const b = await open(org.viewer, '/kanban');
    const card = (p: Page, status: string) => p.locator(`section[data-status="${status}"] li[data-task-id="${task.task_id}"]`);
    await card(a, 'GREEN').waitFor();
    await card(b, 'GREEN').waitFor();
    await expect.poll(() => card(a, 'GREEN').locator('.countdown').textContent()).toMatch(/^1 d [12] h left$/);

    await card(a, 'GREEN').dragTo(a.locator('section[data-status="YELLOW"]'));
    await card(a, 'YELLOW').waitFor();
    await waitFor(async () => (await api.task(task.task_id)).task_status === 'YELLOW', { what: 'the API to report YELLOW' });
    await card(b, 'YELLOW').waitFor(); // no reload in b
    expect(await card(b, 'GREEN').count()).toBe(0);
    const history = (await api.task(task.task_id)).history;
    expect(history.at(-1)).toMatchObject({ from_status: 'GREEN', to_status: 'YELLOW', reason: 'moved on the board' });
    // The viewer's board is read-only.
    expect(await card(b, 'YELLOW').getAttribute('draggable')).toBe('false');
    expect(await card(b, 'YELLOW').getByRole('button', { name: /^Move/ }).count()).toBe(0);
  });

  it('moves a card from the keyboard alone, through its Move menu', async () => {
    const task = await createTaskVia(t, org.member, { workflow_category: 'Invoicing', title: 'Credit note for INV-2211', sla_deadline: inHours(30) });
    const page = await open(org.member, '/kanban');
    const card = (status: string) => page.locator(`section[data-status="${status}"] li[data-task-id="${task.task_id}"]`);
    await card('GREEN').waitFor();
    // Tab from the card's title reaches its Move button; the menu opens on Enter with focus inside.
    await card('GREEN').getByRole('link', { name: 'Credit note for INV-2211' }).focus();
    await page.keyboard.press('Tab');
    const trigger = card('GREEN').getByRole('button', { name: 'Move “Credit note for INV-2211”' });
    await expect.poll(() => trigger.evaluate(HAS_FOCUS)).toBe(true);
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'Move “Credit note for INV-2211” to' });
    await menu.waitFor();
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Red', 'Yellow', 'Completed']);
    await expect.poll(() => menu.getByRole('menuitem', { name: 'Red' }).evaluate(HAS_FOCUS)).toBe(true);
    // Escape closes it and gives focus back; then down, down, End, up: Yellow.
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await expect.poll(() => trigger.evaluate(HAS_FOCUS)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await menu.waitFor();
    for (const key of ['ArrowDown', 'ArrowDown', 'End', 'ArrowUp']) await page.keyboard.press(key);
    await page.keyboard.press('Enter');
    await card('YELLOW').waitFor();
    await waitFor(async () => (await api.task(task.task_id)).task_status === 'YELLOW', { what: 'the API to report YELLOW' });
  });

  it('puts a moved card back and says why when the move does not reach the server', async () => {
    const task = await createTaskVia(t, org.member, { workflow_category: 'Invoicing', title: 'Refund for order 7781', sla_deadline: inHours(30) });
    const page = await open(org.member, '/kanban');
    const card = (status: string) => page.locator(`section[data-status="${status}"] li[data-task-id="${task.task_id}"]`);
    await card('GREEN').waitFor();
    // The network drops the update: the optimistic move is undone, not left standing.
    await page.route('**/api/workflow.update**', (route) => route.abort('connectionreset'));
    await card('GREEN').getByRole('button', { name: 'Move “Refund for order 7781”' }).click();
    await page.getByRole('menu', { name: 'Move “Refund for order 7781” to' }).getByRole('menuitem', { name: 'Red' }).click();
    await page.locator('.toast-danger').waitFor();
    await card('GREEN').waitFor();
    expect(await card('RED').count()).toBe(0);
    expect((await api.task(task.task_id)).task_status).toBe('GREEN');
  });

  it('drops the card of a task deleted elsewhere from an open board, and its column count with it', async () => {
    const task = await createTaskVia(t, org.member, { workflow_category: 'Support', title: 'Duplicate of ticket 311', task_status: 'RED', sla_deadline: inHours(2) });
    const page = await open(org.viewer, '/kanban');
    const card = page.locator(`section[data-status="RED"] li[data-task-id="${task.task_id}"]`);
    await card.waitFor();
    const count = page.locator('section[data-status="RED"] .column-count');
    const shown = Number(await count.textContent());
    const del = await t.call(org.member, { method: 'DELETE', url: `/api/workflow/delete/${task.task_id}` });
    expect(del.statusCode).toBe(200);
    await card.waitFor({ state: 'detached' }); // no reload
    await expect.poll(() => count.textContent()).toBe(String(shown - 1));
  });

  it('turns a card red and raises a toast when its deadline passes', async () => {
    const deadline = new Date(Date.now() + 2_500).toISOString();
    const task = await createTaskVia(t, org.member, { workflow_category: 'Quote Processing', title: 'Urgent quote Q-98765', dollar_value: 2_000, sla_deadline: deadline });
    const page = await open(org.member, '/kanban');
    const anyCard = page.locator(`li[data-task-id="${task.task_id}"]`);
    await anyCard.waitFor();
    await expect.poll(() => anyCard.locator('.countdown').textContent(), { timeout: UI_TIMEOUT }).toMatch(/^overdue/);

    await waitFor(() => Date.now() > Date.parse(deadline) + 50, { what: 'the deadline to pass' });
    await runSlaPass({ database: t.deps.database, clock: t.deps.clock });
    await page.locator(`section[data-status="RED"] li[data-task-id="${task.task_id}"]`).waitFor();
    const toast = page.locator('.toast', { hasText: 'SLA violated' });
    await toast.waitFor();
    expect(await toast.textContent()).toContain('Urgent quote Q-98765');
    if (engine.name === 'sqlite') await screenshot(page, 'kanban-sla-toast');
  });

  it('raises a toast when an email batch has been processed', async () => {
    const page = await open(org.viewer, '/');
    await page.locator('.live', { hasText: 'Live' }).waitFor();
    const mail = [
      'From: Jordan Miles <jordan@brightline.example>',
      'To: sales@acme.example',
      'Subject: Request for quote: 40 pumps',
      'Message-ID: <rfq-40-pumps@brightline.example>',
      'Date: Tue, 24 Nov 2026 09:00:00 +0000',
      '',
      'Hello, please send a quote for 40 centrifugal pumps by Friday. Budget about $50,000.00.',
    ].join('\r\n');
    const res = await t.call(org.member, { method: 'POST', url: '/api/ingest/emails', payload: [mail] });
    expect(res.statusCode, res.body).toBe(201);
    const toast = page.locator('.toast', { hasText: 'Email batch processed' });
    await toast.waitFor();
    expect(await toast.textContent()).toContain('1 read');
  });

  it('filters and sorts the task table and edits a task from its detail page', async () => {
    const page = await open(org.member, '/tasks');
    await page.getByLabel('Status').selectOption('RED');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.url()).toContain('status=RED');
    const rows = page.locator('table.tasks-table tbody tr[data-task-id]');
    const red = trpcData(await trpcQuery(t, org.viewer, 'list', { filter: { status: 'RED' } }));
    await expect.poll(() => rows.count()).toBe(red.data.length);
    await page.getByRole('button', { name: /^Value/ }).click();
    await expect.poll(() => page.url()).toContain('sort=dollar_value');

    await page.getByRole('link', { name: 'Quote for 40 pumps' }).click();
    await page.getByRole('heading', { name: 'Quote for 40 pumps' }).waitFor();
    await page.getByLabel('Owner').fill('Priya Natarajan');
    await page.getByLabel('Status').selectOption('COMPLETED');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('.toast', { hasText: 'Task saved' }).waitFor();
    await page.locator('.timeline li', { hasText: 'Completed' }).waitFor();
    const saved = await api.task(red.data.find((x: { title: string }) => x.title === 'Quote for 40 pumps').task_id);
    expect(saved).toMatchObject({ current_owner: 'Priya Natarajan', task_status: 'COMPLETED' });
    expect(saved.completed_at).not.toBeNull();

    // Bad input is refused by the API and explained, not silently dropped.
    await page.getByLabel(/^Value/).fill('-5');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.locator('.error-note').textContent()).toMatch(/dollar_value/);
    await page.getByLabel(/^Value/).fill('lots');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.locator('.error-note').textContent()).toBe('Value must be a number.');
    expect((await api.task(saved.task_id)).dollar_value).toBe(48_000);
  });

  it('never overwrites a change made meanwhile elsewhere: the save is refused (412), says so, and the form reloads', async () => {
    const task = await createTaskVia(t, org.member, { workflow_category: 'Support', title: 'Valve leaks', sla_deadline: inHours(48) });
    const page = await open(org.member, `/tasks/${task.task_id}`);
    await page.getByRole('heading', { name: 'Valve leaks' }).waitFor();
    // Changed elsewhere while the page is open and untouched: the form follows.
    await updateTaskVia(t, org.member, task.task_id, { task_status: 'YELLOW' });
    await expect.poll(() => page.getByLabel('Status').inputValue()).toBe('YELLOW');
    // Now the user edits the title while someone else raises the priority: the page sends the
    // version its edit started from, so the save is refused instead of landing on a task it has not seen.
    await page.getByLabel('Title').fill('Valve leaks at line 3');
    await updateTaskVia(t, org.member, task.task_id, { priority: 'HIGH' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    const stale = page.getByRole('alert').filter({ hasText: 'Changed by someone else — reloaded' });
    await stale.waitFor();
    expect(await stale.textContent()).toContain('Your change was not saved');
    await expect.poll(() => page.getByLabel('Priority').inputValue()).toBe('HIGH');
    expect(await page.getByLabel('Title').inputValue()).toBe('Valve leaks');
    expect(await api.task(task.task_id)).toMatchObject({ title: 'Valve leaks', priority: 'HIGH', task_status: 'YELLOW' });
    // Made again on the reloaded task, the edit is saved, and the other change stays.
    await page.getByLabel('Title').fill('Valve leaks at line 3');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('.toast', { hasText: 'Task saved' }).waitFor();
    expect(await api.task(task.task_id)).toMatchObject({ title: 'Valve leaks at line 3', priority: 'HIGH', task_status: 'YELLOW' });
  });

  it('offers only legal pipeline moves and names the missing checklist items of a blocked submit', async () => {
    const post = async (url: string, payload: Record<string, unknown>) => {
      const res = await t.call(org.member, { method: 'POST', url: `/api/workstream${url}`, payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    const cand = await post('/candidates', { title: 'Harbor Foods cold-room retrofit' });
    await post(`/candidates/${cand.candidate_id}/transition`, { to: 'triaged' });
    const page = await open(org.member, `/pipeline/candidates/${cand.candidate_id}`);
    await page.getByRole('button', { name: 'Archive' }).waitFor();
    const moves = await page.locator('section[aria-labelledby="moves-title"] button').allTextContents();
    expect(moves.sort()).toEqual(['Archive', 'Nurture', 'Promote to pursuit', 'Put on hold']);
    await page.getByRole('button', { name: 'Promote to pursuit' }).click();
    await expect.poll(() => page.getByTestId('pursuit-stage').textContent()).toBe('qual');
    const pursuitId = Number(/pursuits\/(\d+)/.exec(page.url())![1]);

    await post(`/pursuits/${pursuitId}/transition`, { to: 'pink' });
    await post(`/pursuits/${pursuitId}/transition`, { to: 'red' });
    await post(`/pursuits/${pursuitId}/checklist`, { name: 'Pricing approved' });
    await post(`/pursuits/${pursuitId}/checklist`, { name: 'Site survey attached' });
    await page.reload();
    await expect.poll(() => page.getByTestId('pursuit-stage').textContent()).toBe('red');
    expect((await page.locator('section[aria-labelledby="stage-title"] button').allTextContents()).sort()).toEqual(['Move to Pink review', 'Move to Submit']);

    await page.getByRole('button', { name: 'Move to Submit' }).click();
    const alert = page.locator('.error-note', { hasText: 'Cannot submit' });
    await alert.waitFor();
    expect(await alert.locator('.missing-items li').allTextContents()).toEqual(['Pricing approved', 'Site survey attached']);
    if (engine.name === 'sqlite') await screenshot(page, 'pursuit-blocked-submit');

    // Two quick ticks. Loads that start between the first tick's save and the second tick are read
    // at once but answered only while the second tick's save is still under way (slowed here): those
    // answers predate the second tick and must not undo it on screen.
    const pursuitPath = `/api/workstream/pursuits/${pursuitId}`;
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    let saves = 0;
    let releaseHeldLoads!: () => void;
    const heldLoadsReleased = new Promise<void>((r) => (releaseHeldLoads = r));
    await page.route(
      (url) => url.pathname.startsWith(`${pursuitPath}/checklist/`),
      async (route) => {
        if (route.request().method() === 'PATCH' && ++saves === 2) {
          setTimeout(releaseHeldLoads, 200);
          await sleep(1000);
        }
        await route.continue();
      },
    );
    await page.route(
      (url) => url.pathname === pursuitPath,
      async (route) => {
        if (saves !== 1 || route.request().method() !== 'GET') return route.continue();
        const answer = await route.fetch();
        await heldLoadsReleased;
        await route.fulfill({ response: answer });
      },
    );
    await page.getByRole('checkbox', { name: /Pricing approved/ }).check();
    const siteSurvey = page.getByRole('checkbox', { name: /Site survey attached/ });
    await siteSurvey.check();
    await sleep(600); // the held answers have landed; the second save has not
    expect(saves).toBe(2);
    expect(await siteSurvey.isChecked()).toBe(true);
    await expect.poll(() => page.locator('.readiness').textContent()).toContain('ready');
    await page.getByRole('button', { name: 'Move to Submit' }).click();
    await expect.poll(() => page.getByTestId('pursuit-stage').textContent()).toBe('submit');

    await page.getByRole('link', { name: 'Pipeline' }).first().click();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.locator('.today-item', { hasText: 'Harbor Foods cold-room retrofit' }).waitFor();
  });

  it('fits a tablet-width screen without horizontal scrolling of the page', async () => {
    const page = await open(org.viewer, '/', { width: 820, height: 1180 });
    await page.locator('[data-metric="red_tasks"] .tile-value').filter({ hasText: /\d/ }).waitFor();
    const widths = await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]');
    expect((widths as number[])[0]).toBeLessThanOrEqual((widths as number[])[1]!);
    if (engine.name === 'sqlite') await screenshot(page, 'dashboard-tablet');
  });
});
