/**
 * Notifications in Chromium on both engines: a notification arriving live in a second signed-in
 * browser (the bell's count changes without a reload, only for the person concerned) and as a mail
 * at a real SMTP server, the panel
 * (open the item, mark read, mark all read), the settings screen from the user menu, the bell
 * hidden for a key sign-in; axe on the panel and the settings; screenshots.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultHandlers } from '../../src/app/outbox-handlers.js';
import { transact } from '../../src/db/transact.js';
import { appendEvent } from '../../src/outbox/work-events.repository.js';
import { describeViolations, seriousViolations } from '../helpers/axe.js';
import { describeEachEngine } from '../helpers/engines.js';
import { screenshot, WebSession, type WebTestApp } from '../helpers/browser.js';
import { testWorker } from '../helpers/outbox-seed.js';
import { header, startSmtp } from '../helpers/smtp.js';
import type { TestOrg } from '../helpers/test-app.js';
import { scaled } from '../helpers/time-scale.js';
import { addUser } from '../helpers/users.js';
import { createTaskVia } from '../helpers/workflow.js';

const UI_TIMEOUT = scaled(10_000);
const PASSWORD = 'a long and unusual passphrase';

describeEachEngine('notifications in Chromium', (engine) => {
  let web: WebSession;
  let t: WebTestApp;
  let org: TestOrg;
  const ids: Record<string, number> = {};

  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  beforeAll(async () => {
    smtp = await startSmtp();
    web = await WebSession.start(engine, UI_TIMEOUT, { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'FlowLedger <no-reply@acme.test>' });
    t = web.app;
    org = await t.createOrg('Acme Field Services');
    ids.dana = await addUser(t, { orgId: org.orgId, email: 'dana@acme.test', name: 'Dana Ortiz', role: 'member', password: PASSWORD });
    ids.eli = await addUser(t, { orgId: org.orgId, email: 'eli@acme.test', name: 'Eli Brandt', role: 'member', password: PASSWORD });
  });
  afterAll(async () => {
    expect(await web?.stop()).toEqual([]);
    await smtp?.close();
  });

  async function signedInPage(email: string): Promise<Page> {
    const page = await web.open(null, '/');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('status', { name: 'Live updates: open' }).waitFor();
    return page;
  }
  const bell = (page: Page) => page.locator('.bell-button');
  const bellLabel = (page: Page) => bell(page).getAttribute('aria-label');
  const worker = () => testWorker(t, defaultHandlers(t.deps)).drain();
  const assign = async (taskId: string, title: string, owner: number, by: number) => {
    await transact(t.deps, (trx) =>
      appendEvent(trx, {
        orgId: org.orgId,
        eventName: 'task.assigned',
        itemType: 'task',
        itemId: taskId,
        payload: { task_id: taskId, title, owner_user_id: owner, previous_owner_user_id: null, via: 'manual' },
        actor: `user:${by}`,
        happenedAt: new Date().toISOString(),
      }),
    );
    await worker();
  };
  const axeClean = async (page: Page) => expect(describeViolations(await seriousViolations(page))).toEqual([]);

  it('a notification arrives live in the second browser, for its person only; the panel opens it and marks it read', async () => {
    const task = await createTaskVia(t, org.member, { workflow_category: 'Quote Processing', title: 'Quote for 40 pumps' });
    const dana = await signedInPage('dana@acme.test');
    const eli = await signedInPage('eli@acme.test');
    expect(await bellLabel(dana)).toBe('Notifications, none unread');

    // Eli assigns Dana: Dana's open dashboard shows it at once; Eli's does not.
    await assign(task.task_id, 'Quote for 40 pumps', ids.dana!, ids.eli!);
    await expect.poll(() => bellLabel(dana), { timeout: UI_TIMEOUT }).toBe('Notifications, 1 unread');
    expect(await dana.getByTestId('bell-count').textContent()).toBe('1');
    // Both sockets get the same batch of frames; Dana's has been handled, so Eli's would have been too.
    expect(await bellLabel(eli)).toBe('Notifications, none unread');
    // And by mail, at the SMTP server this test runs: to Dana only.
    expect(smtp.messages.map((m) => [m.to, header(m.raw, 'Subject')])).toEqual([[['dana@acme.test'], 'Assigned to you: Quote for 40 pumps']]);

    await bell(dana).click();
    const panel = dana.getByRole('region', { name: 'Notifications' });
    await panel.getByRole('link', { name: 'Quote for 40 pumps' }).waitFor();
    await expect.poll(() => panel.getByText('Assigned to you').count()).toBe(1);
    await axeClean(dana);
    if (engine.name === 'sqlite') await screenshot(dana, 'notifications-bell-panel', { fullPage: false });

    // A second one, then open the first from the panel: it is marked read and the task shows.
    const other = await createTaskVia(t, org.member, { workflow_category: 'Support', title: 'Crane hire' });
    await assign(other.task_id, 'Crane hire', ids.dana!, ids.eli!);
    await expect.poll(() => bellLabel(dana), { timeout: UI_TIMEOUT }).toBe('Notifications, 2 unread');
    await panel.getByRole('link', { name: 'Crane hire' }).waitFor(); // the open list refreshed from the frame
    await panel.getByRole('link', { name: 'Quote for 40 pumps' }).click();
    await dana.waitForURL(`**/tasks/${task.task_id}`);
    await expect.poll(() => bellLabel(dana), { timeout: UI_TIMEOUT }).toBe('Notifications, 1 unread');

    await bell(dana).click();
    await dana.getByRole('button', { name: 'Mark all read' }).click();
    await expect.poll(() => bellLabel(dana), { timeout: UI_TIMEOUT }).toBe('Notifications, none unread');
    const list = await t.app.inject({ method: 'GET', url: `/api/notifications`, headers: { authorization: `Bearer ${org.admin}` } });
    expect(list.statusCode).toBe(400); // a key has no notifications to read
  });

  it('the settings screen from the user menu switches a kind, kept across a reload', async () => {
    const page = await signedInPage('eli@acme.test');
    await page.locator('.user-menu > button').click();
    await page.getByRole('link', { name: 'Notification settings' }).click();
    await page.getByRole('heading', { name: 'Notification settings' }).waitFor();
    const mentionMail = page.getByRole('checkbox', { name: 'You were mentioned: by email' });
    await expect.poll(() => mentionMail.isChecked()).toBe(true);
    await mentionMail.uncheck();
    await expect.poll(async () => {
      const rows = await t.db.database.db.selectFrom('notification_pref').selectAll().where('user_id', '=', ids.eli!).execute();
      return rows.map((r) => [r.kind, Boolean(r.in_app), Boolean(r.email)]);
    }, { timeout: UI_TIMEOUT }).toEqual([['mention', true, false]]);
    await axeClean(page);
    if (engine.name === 'sqlite') await screenshot(page, 'notifications-settings');
    await page.reload();
    await expect.poll(() => page.getByRole('checkbox', { name: 'You were mentioned: by email' }).isChecked(), { timeout: UI_TIMEOUT }).toBe(false);
    expect(await page.getByRole('checkbox', { name: 'You were mentioned: in the app' }).isChecked()).toBe(true);
  });

  it('signed in with a key there is no bell', async () => {
    const page = await web.open(org.member, '/');
    await page.getByRole('status', { name: 'Live updates: open' }).waitFor();
    expect(await bell(page).count()).toBe(0);
  });
});
