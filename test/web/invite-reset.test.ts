/**
 * The pages the mailed links open, in Chromium against the real server on both engines (#19): an
 * invitation read from the file mailer opens /accept-invite, shows the org, email and role, sets a
 * password and signs in (then "sign out everywhere"); a used link says so and leads to sign-in;
 * "Forgot password?" on the sign-in screen mails a reset link whose page sets a new password (the
 * old one stops working); the first start's link, which names no email, asks for one; axe finds no
 * serious violation on the new pages.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultHandlers } from '../../src/app/outbox-handlers.js';
import { firstAdminLink } from '../../src/users/invitations.service.js';
import { describeEachEngine } from '../helpers/engines.js';
import { describeViolations, seriousViolations } from '../helpers/axe.js';
import { screenshot, WebSession, type WebTestApp } from '../helpers/browser.js';
import { testWorker } from '../helpers/outbox-seed.js';
import type { TestOrg } from '../helpers/test-app.js';
import { addUser } from '../helpers/users.js';
import { freePort } from '../helpers/ports.js';
import { scaled } from '../helpers/time-scale.js';

const UI_TIMEOUT = scaled(10_000);
const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a brand new and unusual passphrase';

/** The text of an .eml as written by nodemailer (quoted-printable soft breaks and escapes undone). */
function decodeMail(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

describeEachEngine('the invitation and password reset pages in Chromium', (engine) => {
  let web: WebSession;
  let t: WebTestApp;
  let acme: TestOrg;
  let dir: string;
  const seen = new Set<string>();

  /** Runs the outbox and answers the path of the newest mailed link to `to` (`/accept-invite#token=…`). */
  async function mailedLink(to: string): Promise<string> {
    await testWorker(t, defaultHandlers(t.deps)).drain();
    let link: string | undefined;
    for (const f of readdirSync(dir).sort()) {
      if (seen.has(f)) continue;
      seen.add(f);
      const text = decodeMail(readFileSync(join(dir, f), 'utf8'));
      if (/^To: (.*)$/m.exec(text)![1]!.trim() !== to) continue;
      link = /https?:\/\/[^/\s]+(\/[a-z-]+#token=[A-Za-z0-9_-]+)/.exec(text)?.[1];
    }
    expect(link, `a mail with a link to ${to}`).toBeDefined();
    return link!;
  }

  /** axe finds no serious or critical violation on the page as it is. */
  const expectAccessible = async (page: Page) => expect(describeViolations(await seriousViolations(page))).toEqual([]);
  const userMenu = (page: Page) => page.locator('.user-menu > button');
  async function signInWithPassword(page: Page, email: string, password: string) {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flowledger-pages-'));
    // The page's Origin must be PUBLIC_URL's (the same-site check of the public routes): a free port
    // is chosen first so PUBLIC_URL can name it.
    const port = await freePort();
    web = await WebSession.start(engine, UI_TIMEOUT, { PUBLIC_URL: `http://127.0.0.1:${port}`, MAIL_DIR: dir }, port);
    t = web.app;
    acme = await t.createOrg('Acme Field Services');
  });
  afterAll(async () => {
    expect(await web?.stop()).toEqual([]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('asks the first admin for an email when the first start’s link names none', async () => {
    // Only while nobody has an account: this test runs first.
    const first = await firstAdminLink(t.deps, acme.orgId);
    const token = /#token=([A-Za-z0-9_-]+)/.exec(first?.link ?? '')?.[1];
    expect(token).toBeDefined();
    const page = await web.open(null, `/accept-invite#token=${token}`);
    await page.getByLabel('Email').fill('first@acme.test');
    await page.getByLabel('Your name').fill('First Admin');
    await page.getByLabel('Choose a password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Join Acme Field Services' }).click();
    await expect.poll(() => userMenu(page).textContent()).toContain('First Admin · Acme Field Services · admin');
  });

  it('accepts an invitation: shows org, email and role, sets a password, signs in; the used link then says so', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users/invitations',
      headers: { authorization: `Bearer ${acme.admin}` },
      payload: { email: 'nia@acme.test', role: 'member', name: 'Nia' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const link = await mailedLink('nia@acme.test');
    expect(link).toMatch(/^\/accept-invite#token=/);

    const page = await web.open(null, link);
    await page.getByRole('heading', { name: 'Join Acme Field Services' }).waitFor();
    await expect.poll(() => page.locator('.sign-in-card').textContent()).toContain('nia@acme.test is invited to Acme Field Services as member');
    if (engine.name === 'sqlite') await screenshot(page, 'accept-invite');
    await expectAccessible(page);
    // The password policy's refusal is shown, and the form stays.
    await page.getByLabel('Your name').fill('Nia Okafor');
    await page.getByLabel('Choose a password').fill('short');
    await page.getByRole('button', { name: 'Join Acme Field Services' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Choose a password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Join Acme Field Services' }).click();
    await page.getByRole('heading', { name: 'Executive dashboard', exact: true }).waitFor();
    await expect.poll(() => userMenu(page).textContent()).toContain('Nia Okafor · Acme Field Services');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(new URL(page.url()).hash).toBe(''); // the token left the address bar

    await userMenu(page).click();
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByLabel('Email').waitFor();
    // The new password works at the sign-in screen.
    await signInWithPassword(page, 'nia@acme.test', PASSWORD);
    await page.getByRole('heading', { name: 'Executive dashboard', exact: true }).waitFor();

    // The link is single use: opened again, it says so and leads to sign-in.
    const again = await web.open(null, link);
    await expect.poll(() => again.getByRole('alert').textContent()).toContain('already used, revoked or has expired');
    await again.getByRole('link', { name: 'Go to sign-in' }).click();
    await again.getByLabel('Email').waitFor();
  });

  it('resets a forgotten password from the sign-in screen: the new one works, the old one does not', async () => {
    await addUser(t, { orgId: acme.orgId, email: 'omar@acme.test', name: 'Omar Haddad', role: 'viewer', password: PASSWORD });
    const page = await web.open(null, '/');
    await page.getByRole('button', { name: 'Forgot password?' }).click();
    await page.getByLabel('Email').fill('omar@acme.test');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('If an account exists for omar@acme.test, we sent a link');
    await expectAccessible(page);
    // The same words for an email nobody has.
    const nobody = await web.open(null, '/');
    await nobody.getByRole('button', { name: 'Forgot password?' }).click();
    await nobody.getByLabel('Email').fill('nobody@acme.test');
    await nobody.getByRole('button', { name: 'Send the link' }).click();
    await expect.poll(() => nobody.getByRole('status').textContent()).toContain('If an account exists for nobody@acme.test, we sent a link');

    const link = await mailedLink('omar@acme.test');
    expect(link).toMatch(/^\/reset-password#token=/);
    await page.goto(`${t.baseUrl}${link}`);
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    if (engine.name === 'sqlite') await screenshot(page, 'reset-password');
    await expectAccessible(page);
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Repeat the new password').fill('something else entirely');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('The two passwords differ.');
    await page.getByLabel('Repeat the new password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.getByRole('heading', { name: 'Executive dashboard', exact: true }).waitFor();
    await expect.poll(() => userMenu(page).textContent()).toContain('Omar Haddad');

    await userMenu(page).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByLabel('Email').waitFor();
    await signInWithPassword(page, 'omar@acme.test', PASSWORD);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Wrong email or password.');
    await signInWithPassword(page, 'omar@acme.test', NEW_PASSWORD);
    await page.getByRole('heading', { name: 'Executive dashboard', exact: true }).waitFor();

    // Used: the reset link says so.
    const again = await web.open(null, link);
    await again.getByLabel('New password', { exact: true }).fill('yet another long passphrase');
    await again.getByLabel('Repeat the new password').fill('yet another long passphrase');
    await again.getByRole('button', { name: 'Set password and sign in' }).click();
    await expect.poll(() => again.getByRole('alert').textContent()).toContain('already used');
  });

  it('shows an unknown or missing token the message of a used one', async () => {
    const page = await web.open(null, '/accept-invite#token=not-a-real-token');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('already used, revoked or has expired');
    await expectAccessible(page);
    const bare = await web.open(null, '/reset-password');
    await expect.poll(() => bare.getByRole('alert').textContent()).toContain('This reset link is not valid');
  });
});
