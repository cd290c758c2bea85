/**
 * Comments in a real browser (Debian's Chromium) on both engines: a member's comment with an
 * @mention and raw HTML is shown on the task's timeline with the mention highlighted and the HTML
 * as text (no element made of it, nothing run); a second browser on the same task sees it live; a
 * viewer reads without a composer; a comment the server refuses is taken back and its text given
 * back; a signed-in person comments as themselves; the pursuit page has the same panel. Axe on the task page with comments, and a screenshot.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeEachEngine } from '../helpers/engines.js';
import { describeViolations, seriousViolations } from '../helpers/axe.js';
import { screenshot, WebSession, type WebTestApp } from '../helpers/browser.js';
import { insertPursuit } from '../helpers/factories.js';
import type { TestOrg } from '../helpers/test-app.js';
import { scaled } from '../helpers/time-scale.js';
import { addUser } from '../helpers/users.js';
import { createTaskVia } from '../helpers/workflow.js';

const UI_TIMEOUT = scaled(10_000);
const PASSWORD = 'a long and unusual passphrase';
const HOSTILE = '<img src=x onerror="window.__pwned = 1">';

describeEachEngine('comments in Chromium', (engine) => {
  let web: WebSession;
  let t: WebTestApp;
  let org: TestOrg;
  let other: TestOrg;
  let taskId: string;

  beforeAll(async () => {
    web = await WebSession.start(engine, UI_TIMEOUT);
    t = web.app;
    org = await t.createOrg('Northwind Fabrication Ltd');
    other = await t.createOrg('Elsewhere Inc');
    await addUser(t, { orgId: org.orgId, email: 'dana@northwind.test', name: 'Dana Scully', role: 'member', password: PASSWORD });
    await addUser(t, { orgId: other.orgId, email: 'eve@elsewhere.test', name: 'Eve Outsider', role: 'member' });
    taskId = (await createTaskVia(t, org.member, { workflow_category: 'Orders', title: 'PO 4507100 hydraulic fittings', dollar_value: 8500 })).task_id;
  });
  afterAll(async () => expect(await web?.stop()).toEqual([]));

  const comments = (page: Page) => page.getByTestId('timeline').locator('li[data-kind="comment"]');

  it('shows a comment with a mention and raw HTML as text, live in a second browser; a viewer has no composer', async () => {
    const writer = await web.open(org.member, `/tasks/${taskId}`);
    const watcher = await web.open(org.admin, `/tasks/${taskId}`);
    const viewer = await web.open(org.viewer, `/tasks/${taskId}`);
    for (const p of [writer, watcher, viewer]) await p.getByTestId('timeline').waitFor();
    await expect.poll(() => viewer.getByLabel('Add a comment').count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Comment', exact: true }).count()).toBe(0);

    const body = `Called **Jane**: ships Thursday. @dana@northwind.test please invoice; not @eve@elsewhere.test. ${HOSTILE}`;
    await writer.getByLabel('Add a comment').fill(body);
    await writer.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect.poll(() => writer.getByLabel('Add a comment').inputValue()).toBe('');

    for (const p of [writer, watcher, viewer]) {
      const c = comments(p);
      await expect.poll(() => c.count(), { timeout: UI_TIMEOUT }).toBe(1);
      // The confirmed comment (not the optimistic one): the mention resolved by the server.
      await expect.poll(() => c.locator('.mention').allTextContents(), { timeout: UI_TIMEOUT }).toEqual(['@Dana Scully']);
      const text = (await c.textContent())!;
      expect(text).toContain(HOSTILE);
      expect(text).toContain('@eve@elsewhere.test');
      expect(await c.locator('strong', { hasText: 'Jane' }).count()).toBe(1);
      expect(await c.locator('.comment-body img, .comment-body script').count()).toBe(0);
      expect(await p.evaluate('window.__pwned')).toBeUndefined();
    }
    // The author may edit and delete; the admin watching may delete but not edit; the viewer neither.
    expect(await comments(writer).getByRole('button', { name: 'Edit comment' }).count()).toBe(1);
    expect(await comments(watcher).getByRole('button', { name: 'Edit comment' }).count()).toBe(0);
    expect(await comments(watcher).getByRole('button', { name: 'Delete comment' }).count()).toBe(1);
    expect(await comments(viewer).getByRole('button').count()).toBe(0);

    expect(describeViolations(await seriousViolations(writer))).toEqual([]);
    if (engine.name === 'sqlite') await screenshot(writer, 'task-comments');

    // Edited by its author: the watcher follows.
    await comments(writer).getByRole('button', { name: 'Edit comment' }).click();
    await comments(writer).getByLabel('Edit comment').fill('Shipped. Invoice sent by @dana@northwind.test.');
    await comments(writer).getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => comments(watcher).textContent(), { timeout: UI_TIMEOUT }).toContain('(edited)');
    expect(await comments(watcher).locator('.mention').allTextContents()).toEqual(['@Dana Scully']);
  });

  it('takes back a comment the server refuses and gives its text back', async () => {
    const page = await web.open(org.member, `/tasks/${taskId}`);
    await page.getByTestId('timeline').waitFor();
    await expect.poll(() => comments(page).count(), { timeout: UI_TIMEOUT }).toBe(1);
    await page.route('**/api/comments.add', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({ error: { message: 'Refused by the test', code: -32600, data: { code: 'BAD_REQUEST', httpStatus: 400 } } }),
      }),
    );
    await page.getByLabel('Add a comment').fill('This one bounces');
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    await page.getByTestId('comment-composer').locator('.error-note').waitFor();
    await expect.poll(() => comments(page).count()).toBe(1);
    expect(await page.getByLabel('Add a comment').inputValue()).toBe('This one bounces');
    await page.unroute('**/api/comments.add');
  });

  it('a signed-in person comments as themselves and may edit their own comment', async () => {
    const page = await web.open(null, `/tasks/${taskId}`);
    await page.getByLabel('Email').fill('dana@northwind.test');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'PO 4507100 hydraulic fittings' }).waitFor();
    await page.getByLabel('Add a comment').fill('Invoice sent.');
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    const mine = comments(page).filter({ hasText: 'Invoice sent.' });
    await expect.poll(() => mine.locator('strong').first().textContent(), { timeout: UI_TIMEOUT }).toBe('Dana Scully');
    await mine.getByRole('button', { name: 'Edit comment' }).waitFor();
    // The key's comment above is not hers: no edit, and a member may not delete it.
    expect(await comments(page).first().getByRole('button').count()).toBe(0);
  });

  it('the pursuit page has the same panel', async () => {
    const pursuitId = await insertPursuit(t.deps.database.db, org.orgId, { createdAt: new Date().toISOString() });
    const page = await web.open(org.member, `/pipeline/pursuits/${pursuitId}`);
    await page.getByRole('heading', { name: /^Comments/ }).waitFor();
    await page.getByText('No comments yet.').waitFor();
    await page.getByLabel('Add a comment').fill('Bid bond ready, @dana@northwind.test');
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    const list = page.getByTestId('comments').locator('li');
    await expect.poll(() => list.locator('.mention').allTextContents(), { timeout: UI_TIMEOUT }).toEqual(['@Dana Scully']);
    expect(describeViolations(await seriousViolations(page))).toEqual([]);
  });
});
