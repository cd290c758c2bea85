/**
 * The dashboard signed in as a person, in Debian's Chromium against the real server on both engines:
 * email and password to a cookie session (nothing kept in storage, writes carry the CSRF token, the
 * live socket rides the cookie), the wrong-password message, "sign out everywhere" ending a second
 * browser's session, a person deactivated by an admin thrown out of an open dashboard, switching
 * between two orgs, the single sign-on button and its refusal message, and pasting an API key
 * still working beside it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeEachEngine } from '../helpers/engines.js';
import { screenshot, WebSession, type WebTestApp } from '../helpers/browser.js';
import type { TestOrg } from '../helpers/test-app.js';
import { addUser } from '../helpers/users.js';
import { createTaskVia, trpcData, trpcQuery } from '../helpers/workflow.js';
import { scaled } from '../helpers/time-scale.js';

const UI_TIMEOUT = scaled(10_000);
const PASSWORD = 'correct horse battery staple';
const ENDED = 'Your session has ended';

describeEachEngine('signing in as a person in Chromium', (engine) => {
  let web: WebSession;
  let t: WebTestApp;
  let acme: TestOrg;
  let borealis: TestOrg;
  let pumpsTaskId: string;

  beforeAll(async () => {
    // A short heartbeat: an ended session's open socket is closed (4403) within it.
    web = await WebSession.start(engine, UI_TIMEOUT, { WS_HEARTBEAT_INTERVAL: '300ms' });
    t = web.app;
    acme = await t.createOrg('Acme Field Services');
    borealis = await t.createOrg('Borealis Logistics');
    pumpsTaskId = (await createTaskVia(t, acme.member, { workflow_category: 'Quote Processing', title: 'Quote for 40 pumps' })).task_id;
    await createTaskVia(t, borealis.member, { workflow_category: 'Support', title: 'Crate audit in Tromsø' });
  });
  afterAll(async () => expect(await web?.stop()).toEqual([]));

  async function signInWithPassword(page: Page, email: string, password: string) {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }
  async function signedInPage(email: string, path = '/tasks'): Promise<Page> {
    const page = await web.open(null, path);
    await signInWithPassword(page, email, PASSWORD);
    await page.getByRole('heading', { name: path === '/tasks' ? 'Tasks' : 'Executive dashboard', exact: true }).waitFor();
    return page;
  }
  const userMenu = (page: Page) => page.locator('.user-menu > button');
  const stored = (page: Page) => page.evaluate<string>('JSON.stringify({ ...localStorage, ...sessionStorage })');

  it('signs in with email and password, shows the org’s data, writes with the session and signs out', async () => {
    const userId = await addUser(t, { orgId: acme.orgId, email: 'dana@acme.test', name: 'Dana Ortiz', role: 'member', password: PASSWORD });
    const page = await signedInPage('dana@acme.test');
    await page.getByRole('link', { name: 'Quote for 40 pumps' }).waitFor();
    expect(await page.getByText('Crate audit in Tromsø').count()).toBe(0);
    // The cookie is the credential: the page keeps nothing, and the live socket authenticated with it.
    expect(await stored(page)).toBe('{}');
    await page.getByRole('status', { name: 'Live updates: open' }).waitFor();
    await expect.poll(() => userMenu(page).textContent()).toContain('Dana Ortiz · Acme Field Services');

    // A write carries X-CSRF-Token (else 403 csrf_failed) and is recorded as the person's.
    await page.getByRole('link', { name: 'Quote for 40 pumps' }).click();
    await page.getByLabel('Owner').fill('Priya Natarajan');
    await page.getByLabel('Status').selectOption('YELLOW');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('.toast', { hasText: 'Task saved' }).waitFor();
    const task = trpcData(await trpcQuery(t, acme.viewer, 'get', { taskId: pumpsTaskId }));
    expect(task).toMatchObject({ current_owner: 'Priya Natarajan', task_status: 'YELLOW' });
    expect(task.history.at(-1)).toMatchObject({ to_status: 'YELLOW', changed_by: `user:${userId}` });

    await page.reload();
    await page.getByLabel('Owner').waitFor();
    await userMenu(page).click();
    await page.getByText('dana@acme.test').waitFor();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByLabel('Email').waitFor();
    await page.reload();
    await page.getByLabel('Email').waitFor(); // the cookie went with the session
  });

  it('tells a wrong password apart from nothing else, and offers no single sign-on when none is configured', async () => {
    await addUser(t, { orgId: acme.orgId, email: 'eli@acme.test', role: 'viewer', password: PASSWORD });
    const page = await web.open(null, '/');
    await signInWithPassword(page, 'eli@acme.test', 'not the password at all');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Wrong email or password.');
    await signInWithPassword(page, 'nobody@acme.test', PASSWORD);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Wrong email or password.');
    expect(await page.getByRole('link', { name: /^Sign in with/ }).count()).toBe(0);
    if (engine.name === 'sqlite') await screenshot(page, 'sign-in-password');
  });

  it('offers "Sign in with <provider>" when single sign-on is configured, and explains a refusal it came back with', async () => {
    const page = await web.open(null, '/');
    // The page is handed GET /api/auth/providers' answer for a configured provider (this server has none).
    await page.route('**/api/auth/providers', (route) => route.fulfill({ json: { password: true, oidc: { name: 'Keycloak' } } }));
    await page.goto(`${t.baseUrl}/?error=not_invited`);
    const sso = page.getByRole('link', { name: 'Sign in with Keycloak' });
    expect(await sso.getAttribute('href')).toBe('/api/auth/oidc/start');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('no account here uses that email');
  });

  it('"Sign out everywhere" ends the session of another browser too', async () => {
    await addUser(t, { orgId: acme.orgId, email: 'fay@acme.test', name: 'Fay Lund', role: 'member', password: PASSWORD });
    const first = await signedInPage('fay@acme.test', '/');
    const second = await signedInPage('fay@acme.test', '/');
    await second.getByRole('status', { name: 'Live updates: open' }).waitFor();

    await userMenu(first).click();
    await first.getByRole('button', { name: 'Sign out everywhere' }).click();
    await first.getByLabel('Email').waitFor();
    // The other browser learns it from its socket (closed 4403 at the next heartbeat), untouched.
    await expect.poll(() => second.getByRole('alert').textContent(), { timeout: UI_TIMEOUT }).toContain(ENDED);
    await second.reload();
    await second.getByLabel('Email').waitFor();
  });

  it('throws a person an admin deactivates out of an open dashboard', async () => {
    const userId = await addUser(t, { orgId: acme.orgId, email: 'gus@acme.test', role: 'member', password: PASSWORD });
    const page = await signedInPage('gus@acme.test', '/');
    await page.getByRole('status', { name: 'Live updates: open' }).waitFor();
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${userId}`,
      headers: { authorization: `Bearer ${acme.admin}` },
      payload: { status: 'deactivated' },
    });
    expect(res.statusCode, res.body).toBe(200);
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: UI_TIMEOUT }).toContain(ENDED);
    await signInWithPassword(page, 'gus@acme.test', PASSWORD);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Wrong email or password.');
  });

  it('switches between the person’s orgs and shows each one’s data', async () => {
    await addUser(t, { orgId: acme.orgId, email: 'hal@both.test', name: 'Hal Moreno', role: 'viewer', password: PASSWORD });
    await addUser(t, { orgId: borealis.orgId, email: 'hal@both.test', role: 'admin' });
    const page = await signedInPage('hal@both.test');
    await page.getByRole('link', { name: 'Quote for 40 pumps' }).waitFor();
    expect(await page.getByRole('link', { name: 'Admin', exact: true }).count()).toBe(0); // a viewer here

    await userMenu(page).click();
    await page.getByLabel('Organisation').selectOption({ label: 'Borealis Logistics (admin)' });
    await expect.poll(() => userMenu(page).textContent()).toContain('Borealis Logistics');
    await page.getByRole('heading', { name: 'Executive dashboard', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Tasks', exact: true }).click();
    await page.getByRole('link', { name: 'Crate audit in Tromsø' }).waitFor();
    expect(await page.getByText('Quote for 40 pumps').count()).toBe(0);
    await page.getByRole('link', { name: 'Admin', exact: true }).waitFor(); // an admin there
    // The live socket follows the org (a fresh one, authenticated by the same cookie).
    await page.getByRole('status', { name: 'Live updates: open' }).waitFor();
    await page.reload();
    await expect.poll(() => userMenu(page).textContent()).toContain('Borealis Logistics');
  });

  it('still signs in with a pasted API key', async () => {
    const page = await web.open(null, '/tasks');
    await page.getByRole('button', { name: 'Use an API key' }).click();
    await page.getByLabel('API key').fill(acme.member);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('link', { name: 'Quote for 40 pumps' }).waitFor();
    await page.getByRole('status', { name: 'Live updates: open' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email').waitFor();
  });
});
