/**
 * Creating a task by hand in Chromium against the real server, on both engines: a member fills the
 * New task form and lands on the new task, stored as typed; a blank title and a negative value are
 * refused beside their fields and nothing is created; a viewer has no New task button. The open
 * form passes axe; the SQLite run takes its screenshot.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeViolations, seriousViolations } from '../helpers/axe.js';
import { screenshot, WebSession, type WebTestApp } from '../helpers/browser.js';
import { describeEachEngine } from '../helpers/engines.js';
import type { TestOrg } from '../helpers/test-app.js';
import { scaled } from '../helpers/time-scale.js';
import { trpcData, trpcQuery } from '../helpers/workflow.js';

const UI_TIMEOUT = scaled(20_000);

describeEachEngine('creating a task by hand in Chromium', (engine) => {
  let web: WebSession;
  let t: WebTestApp;
  let org: TestOrg;

  beforeAll(async () => {
    web = await WebSession.start(engine, UI_TIMEOUT);
    t = web.app;
    org = await t.createOrg('Northwind Fabrication Ltd');
  }, 120_000);
  afterAll(async () => {
    const errors = await web?.stop();
    expect(errors).toEqual([]);
  });

  const taskCount = async () => trpcData(await trpcQuery(t, org.admin, 'list', { pagination: { page: 1, limit: 1 } })).pagination.total as number;
  const openForm = async (page: Page) => {
    await page.getByRole('heading', { name: 'Tasks', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New task' }).click();
    return page.getByRole('form', { name: 'New task' });
  };

  it('a member creates a task through the form and lands on it', async () => {
    const page = await web.open(org.member, '/tasks');
    const form = await openForm(page);
    await form.getByLabel('Title').fill('Replace the pump seal at Riverside');
    await form.getByLabel('Category').fill('Repairs');
    await form.getByLabel('Priority').selectOption('HIGH');
    await form.getByLabel('Description').fill('The seal leaks since Monday; the customer asks for a visit this week.');
    await form.getByLabel('Owner').fill('Field Service Team');
    await form.getByLabel('Dollar value').fill('1250.50');
    await form.getByLabel(/^Deadline/).fill('2031-03-14T16:30');
    if (engine.name === 'sqlite') await screenshot(page, 'new-task');
    await form.getByRole('button', { name: 'Create task' }).click();

    await page.waitForURL(/\/tasks\/[^/]+$/);
    const taskId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await page.getByRole('heading', { name: 'Replace the pump seal at Riverside' }).waitFor();
    const task = trpcData(await trpcQuery(t, org.admin, 'get', { taskId }));
    expect(task).toMatchObject({
      title: 'Replace the pump seal at Riverside',
      workflow_category: 'Repairs',
      priority: 'HIGH',
      description: 'The seal leaks since Monday; the customer asks for a visit this week.',
      current_owner: 'Field Service Team',
      dollar_value: 1250.5,
      source_type: 'manual',
    });
    // Typed as the browser's local time (the test's machine and Chromium share a zone).
    expect(new Date(task.sla_deadline).getTime()).toBe(new Date('2031-03-14T16:30').getTime());
  });

  it('refuses a blank title and a negative value beside the fields and creates nothing', async () => {
    const before = await taskCount();
    const page = await web.open(org.admin, '/tasks');
    const form = await openForm(page);
    await form.getByLabel('Category').fill('Repairs');
    await form.getByLabel('Dollar value').fill('-5');
    await form.getByRole('button', { name: 'Create task' }).click();
    await form.locator('#new-task-title-error').waitFor();
    await form.locator('#new-task-value-error').waitFor();
    expect(await form.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Dollar value').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('#new-task-category-error').count()).toBe(0);
    await page.getByRole('alert').waitFor();
    expect(new URL(page.url()).pathname).toBe('/tasks');
    expect(await taskCount()).toBe(before);
    expect(describeViolations(await seriousViolations(page))).toEqual([]);
    if (engine.name === 'sqlite') await screenshot(page, 'new-task-refused');
  });

  it('a viewer has no New task button', async () => {
    const page = await web.open(org.viewer, '/tasks');
    await page.getByRole('heading', { name: 'Tasks', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Task list' }).waitFor();
    expect(await page.getByRole('button', { name: 'New task' }).count()).toBe(0);
    // And the API refuses a viewer's create.
    const res = await t.call(org.viewer, { method: 'POST', url: '/api/workflow.create', payload: { workflow_category: 'Repairs', title: 'x' } });
    expect(res.statusCode).toBe(403);
  });
});
