/**
 * The Routing admin screen in Chromium on both engines: an admin creates a team, staffs it and makes
 * it the assignee of a category (the API then hands that category's new tasks out in turn); a
 * duplicate team name and a rule naming nobody are refused with the API's words where they
 * happened; axe finds nothing serious; a member is told the page is for admins.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeViolations, seriousViolations } from '../helpers/axe.js';
import { screenshot, WebSession, type WebTestApp } from '../helpers/browser.js';
import { describeEachEngine } from '../helpers/engines.js';
import type { TestOrg } from '../helpers/test-app.js';
import { scaled } from '../helpers/time-scale.js';
import { addUser } from '../helpers/users.js';
import { createTaskVia } from '../helpers/workflow.js';

const UI_TIMEOUT = scaled(15_000);
const PASSWORD = 'a long and unusual passphrase';

describeEachEngine('routing screen in Chromium', (engine) => {
  let web: WebSession;
  let t: WebTestApp;
  let org: TestOrg;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    web = await WebSession.start(engine, UI_TIMEOUT);
    t = web.app;
    org = await t.createOrg('Northwind Fabrication Ltd');
    ids.dana = await addUser(t, { orgId: org.orgId, email: 'dana@northwind.test', name: 'Dana Diaz', role: 'member', password: PASSWORD });
    ids.eli = await addUser(t, { orgId: org.orgId, email: 'eli@northwind.test', name: 'Eli Eng', role: 'member' });
  }, 120_000);
  afterAll(async () => {
    const errors = await web?.stop();
    expect(errors).toEqual([]);
  });

  const row = (page: Page, category: string) => page.locator(`tr[data-category="${category}"]`);
  const teamCard = (page: Page, name: string) => page.locator('li[data-team-id]', { has: page.getByRole('heading', { name, exact: true }) });

  it('creates and staffs a team, assigns a category to it in turn, and shows refusals where they happened', async () => {
    const page = await web.open(org.admin, '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Routing' }).click();
    await page.getByRole('heading', { name: 'Routing', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/routing');
    await row(page, 'Support').waitFor();

    // A team, with both people.
    const newTeam = page.getByRole('form', { name: 'New team' });
    await newTeam.getByLabel('Team name').fill('Support Desk');
    await newTeam.getByRole('button', { name: 'Create team' }).click();
    await teamCard(page, 'Support Desk').waitFor();
    for (const person of ['Dana Diaz', 'Eli Eng']) {
      await page.getByLabel('Person to add to Support Desk').selectOption({ label: person });
      await page.getByRole('button', { name: 'Add member' }).click();
      await page.getByRole('list', { name: 'Members of Support Desk' }).getByText(person).waitFor();
    }

    // Refused: the same name again. The API's message, in the teams panel.
    await newTeam.getByLabel('Team name').fill('Support Desk');
    await newTeam.getByRole('button', { name: 'Create team' }).click();
    await page.getByRole('region', { name: 'Teams' }).getByRole('alert').filter({ hasText: 'already exists' }).waitFor();

    // Support goes to the team, in turn; the owner text defaults to the team's name.
    await row(page, 'Support').getByLabel('Assign Support to').selectOption({ label: 'Support Desk' });
    await row(page, 'Support').getByRole('button', { name: 'Save rule for Support' }).click();
    await expect.poll(() => row(page, 'Support').getByLabel('Owner text for Support').inputValue(), { timeout: UI_TIMEOUT }).toBe('Support Desk');
    const rules = (await t.call(org.viewer, { method: 'GET', url: '/api/ingest/routing-rules' })).json().data;
    const team = (await t.call(org.viewer, { method: 'GET', url: '/api/teams' })).json().data[0];
    expect(rules).toMatchObject([{ category: 'Support', owner: 'Support Desk', assign_team_id: team.team_id, assign_user_id: null }]);
    const owners = [];
    for (const i of [1, 2]) owners.push((await createTaskVia(t, org.member, { workflow_category: 'Support', title: `Ticket ${i}` })).owner_user_id);
    expect(owners.sort()).toEqual([ids.dana, ids.eli].sort());

    // Refused: a rule naming nobody and no owner text. The API's words, on that row.
    await row(page, 'General').getByRole('button', { name: 'Save rule for General' }).click();
    await row(page, 'General').getByRole('alert').filter({ hasText: 'owner: required' }).waitFor();
    expect((await t.call(org.viewer, { method: 'GET', url: '/api/ingest/routing-rules' })).json().data).toHaveLength(1);

    const violations = await seriousViolations(page);
    expect(describeViolations(violations)).toEqual([]);
    if (engine.name === 'sqlite') await screenshot(page, 'admin-routing');
  });

  it('shows a signed-in person their own tasks with Mine, and assigns a task to a member by name', async () => {
    const own = await createTaskVia(t, org.member, { workflow_category: 'Shipping', title: 'Crate for Dana', owner_user_id: ids.dana });
    const others = await createTaskVia(t, org.member, { workflow_category: 'Shipping', title: 'Pallet for nobody', owner_user_id: null });
    const page = await web.open(null, '/tasks');
    await page.getByLabel('Email').fill('dana@northwind.test');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('link', { name: others.title }).waitFor();

    await page.getByRole('button', { name: 'Mine' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Mine' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('link', { name: own.title }).waitFor();
    await page.getByRole('link', { name: others.title }).waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('owner_user_id')).toBe('me');
    const violations = await seriousViolations(page);
    expect(describeViolations(violations)).toEqual([]);

    // The task's "Assigned to" lists the org's people by name.
    await page.getByRole('link', { name: own.title }).click();
    await page.getByLabel('Assigned to').selectOption({ label: 'Eli Eng' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('.toast', { hasText: 'Task saved' }).waitFor();
    const saved = (await t.call(org.viewer, { method: 'GET', url: `/api/workflow/get/${own.task_id}` })).json();
    expect(saved).toMatchObject({ owner_user_id: ids.eli, owner_name: 'Eli Eng' });
    if (engine.name === 'sqlite') await screenshot(page, 'task-assigned-to');
  });

  it('tells a member the page is for admins', async () => {
    const page = await web.open(org.member, '/admin/routing');
    await page.getByRole('heading', { name: 'This page needs an admin' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Routing decides who the organisation’s new work goes to.');
  });
});
