/**
 * Single sign-on in Debian's Chromium against a real OpenID provider on loopback (oidc-provider),
 * on both engines: the "Sign in with …" button runs the whole redirect chain — our start, the
 * provider's authorization endpoint and login, our callback — and lands an invited person on their
 * dashboard with a cookie session; the identity, linked on that first visit, signs them in again
 * after they sign out; a person nobody invited comes back to the sign-in screen told why.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../helpers/engines.js';
import { WebSession, type WebTestApp } from '../helpers/browser.js';
import { startOidcProvider, type TestOidcProvider } from '../helpers/oidc-provider.js';
import { freePort } from '../helpers/ports.js';
import type { TestOrg } from '../helpers/test-app.js';
import { addUser } from '../helpers/users.js';
import { createTaskVia, trpcData, trpcQuery } from '../helpers/workflow.js';
import { scaled } from '../helpers/time-scale.js';

const UI_TIMEOUT = scaled(10_000);

describeEachEngine('single sign-on in Chromium', (engine) => {
  let provider: TestOidcProvider;
  let web: WebSession;
  let t: WebTestApp;
  let acme: TestOrg;
  let taskId: string;

  beforeAll(async () => {
    // The provider must know our callback before we start, and our PUBLIC_URL must be the page's origin.
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider({ redirectUri: `${origin}/api/auth/oidc/callback` });
    web = await WebSession.start(
      engine,
      UI_TIMEOUT,
      {
        PUBLIC_URL: origin,
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
        OIDC_DISPLAY_NAME: 'Acme SSO',
      },
      port,
    );
    t = web.app;
    acme = await t.createOrg('Acme Field Services');
    taskId = (await createTaskVia(t, acme.member, { workflow_category: 'Support', title: 'Pump seal replacement' })).task_id;
  });
  afterAll(async () => {
    expect(await web?.stop()).toEqual([]);
    await provider?.close();
  });

  const userMenu = (page: Page) => page.locator('.user-menu > button');
  const ssoButton = (page: Page) => page.getByRole('link', { name: 'Sign in with Acme SSO' });

  it('signs an invited person in through the provider, and again by the linked identity after signing out', async () => {
    // Invited (no password yet), with their company address in another case than the provider sends.
    const userId = await addUser(t, { orgId: acme.orgId, email: 'noor@acme.test', name: 'Noor Haddad', role: 'member' });
    provider.signInAs({ sub: 'noor-at-idp', email: 'Noor@Acme.test', email_verified: true, name: 'Noor Haddad' });

    const page = await web.open(null, '/');
    await ssoButton(page).click();
    await page.getByRole('heading', { name: 'Executive dashboard', exact: true }).waitFor();
    await expect.poll(() => userMenu(page).textContent()).toContain('Noor Haddad · Acme Field Services');
    await page.getByRole('status', { name: 'Live updates: open' }).waitFor();
    expect(await page.evaluate<string>('JSON.stringify({ ...localStorage, ...sessionStorage })')).toBe('{}');

    // A write with the single sign-on session is recorded as the person's.
    await page.getByRole('link', { name: 'Tasks', exact: true }).click();
    await page.getByRole('link', { name: 'Pump seal replacement' }).click();
    await page.getByLabel('Status').selectOption('YELLOW');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('.toast', { hasText: 'Task saved' }).waitFor();
    const task = trpcData(await trpcQuery(t, acme.viewer, 'get', { taskId }));
    expect(task.history.at(-1)).toMatchObject({ to_status: 'YELLOW', changed_by: `user:${userId}` });

    await userMenu(page).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByLabel('Email').waitFor();
    // The provider still knows the browser; our side finds the person by the identity linked above,
    // even though the provider now sends an address no user here has.
    provider.signInAs({ sub: 'noor-at-idp', email: 'noor.haddad@acme-idp.test', email_verified: true, name: 'Noor Haddad' });
    await ssoButton(page).click();
    await page.getByRole('heading', { name: 'Executive dashboard', exact: true }).waitFor();
    await expect.poll(() => userMenu(page).textContent()).toContain('Noor Haddad');
  });

  it('sends a person nobody invited back to the sign-in screen, told why, with no session', async () => {
    provider.signInAs({ sub: 'stranger-at-idp', email: 'stranger@elsewhere.test', email_verified: true, name: 'A Stranger' });
    const page = await web.open(null, '/');
    await ssoButton(page).click();
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: UI_TIMEOUT }).toContain('no account here uses that email');
    await page.getByLabel('Email').waitFor();
    const cookies = await page.context().cookies();
    expect(cookies.map((c) => c.name)).not.toContain('flowledger_session');
  });

  it('refuses an identity whose email the provider has not verified, even when it matches an invited person', async () => {
    await addUser(t, { orgId: acme.orgId, email: 'omar@acme.test', role: 'viewer' });
    provider.signInAs({ sub: 'omar-at-idp', email: 'omar@acme.test', email_verified: false });
    const page = await web.open(null, '/');
    await ssoButton(page).click();
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: UI_TIMEOUT }).toContain('did not confirm your email address');
    await page.getByLabel('Email').waitFor();
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('flowledger_session');
  });
});
