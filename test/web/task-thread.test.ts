/**
 * The task detail's thread (the messages of its timeline) in a real browser, on both engines: the messages of a task's thread in
 * order (received / sent, sender, subject, snippet), and a reply ingested elsewhere appearing live
 * through its `workflow:task:message` frame, without a reload.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../helpers/engines.js';
import { WebSession, type WebTestApp } from '../helpers/browser.js';
import type { TestOrg } from '../helpers/test-app.js';
import { scaled } from '../helpers/time-scale.js';

const UI_TIMEOUT = scaled(10_000);

function mail(o: { id: string; subject: string; body: string; from?: string; to?: string; inReplyTo?: string; at: string }): string {
  return [
    `From: ${o.from ?? 'Jane Porter <jane@acme-industrial.com>'}`,
    `To: ${o.to ?? 'Sam <sam@northwind.example>'}`,
    `Subject: ${o.subject}`,
    `Date: ${new Date(o.at).toUTCString()}`,
    `Message-ID: <${o.id}>`,
    ...(o.inReplyTo ? [`In-Reply-To: <${o.inReplyTo}>`] : []),
    'Content-Type: text/plain; charset=utf-8',
    '',
    o.body,
    '',
  ].join('\r\n');
}

describeEachEngine('task thread in Chromium', (engine) => {
  let web: WebSession;
  let t: WebTestApp;
  let org: TestOrg;

  beforeAll(async () => {
    web = await WebSession.start(engine, UI_TIMEOUT);
    t = web.app;
    org = await t.createOrg('Northwind Fabrication Ltd');
    const cfg = await t.call(org.admin, { method: 'PUT', url: '/api/ingest/config', payload: { own_domains: ['northwind.example'] } });
    expect(cfg.statusCode, cfg.body).toBe(200);
  });
  afterAll(async () => expect(await web?.stop()).toEqual([]));

  const ingest = async (raw: string) => {
    const r = await t.call(org.member, { method: 'POST', url: '/api/ingest/emails', payload: [raw] });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().items[0] as { task_id: string | null };
  };

  it('shows the thread in order and adds a reply live, inbound and outbound', async () => {
    const base = Date.now() - 3 * 3_600_000;
    const first = `first-${engine.name}-${base}@acme-industrial.com`;
    const made = await ingest(mail({ id: first, subject: 'PO# 4507100 - hydraulic fittings', body: 'Please process our purchase order PO# 4507100 for 200 fittings, total $8,500.00.', at: new Date(base).toISOString() }));
    const page = await web.open(org.member, `/tasks/${made.task_id}`);
    await page.getByTestId('timeline').waitFor();
    // The thread's messages, among the status history and comments of the one timeline.
    const messages = page.getByTestId('timeline').locator('li[data-kind="message"]');
    await expect.poll(() => messages.count(), { timeout: UI_TIMEOUT }).toBe(1);

    const reply = `reply-${engine.name}-${base}@acme-industrial.com`;
    await ingest(mail({ id: reply, subject: 'Re: PO# 4507100 - hydraulic fittings', body: 'Can you confirm the delivery date?', inReplyTo: first, at: new Date(base + 3_600_000).toISOString() }));
    await expect.poll(() => messages.count(), { timeout: UI_TIMEOUT }).toBe(2);

    await ingest(
      mail({
        id: `ours-${engine.name}-${base}@northwind.example`,
        from: 'Sam <sam@northwind.example>',
        to: 'jane@acme-industrial.com',
        subject: 'Re: PO# 4507100 - hydraulic fittings',
        body: 'It ships on Thursday.',
        inReplyTo: reply,
        at: new Date(base + 2 * 3_600_000).toISOString(),
      }),
    );
    await expect.poll(() => messages.count(), { timeout: UI_TIMEOUT }).toBe(3);
    const items = await messages.allTextContents();
    expect(items[0]).toMatch(/Received from jane@acme-industrial\.com.*PO# 4507100 - hydraulic fittings.*Please process/);
    expect(items[1]).toMatch(/Received from jane@acme-industrial\.com.*Re: PO# 4507100.*confirm the delivery date/);
    expect(items[2]).toMatch(/Sent by sam@northwind\.example.*It ships on Thursday/);
    expect(await messages.evaluateAll((els: any[]) => els.map((e) => e.dataset.direction))).toEqual(['inbound', 'inbound', 'outbound']);
    await expect.poll(() => page.getByText(/First response/).count(), { timeout: UI_TIMEOUT }).toBe(1);
  });
});
