/**
 * Threads through the HTTP endpoint and `flowledger ingest`, on both engines: a reply lands on its
 * task (by Message-ID, else by normalised subject and correspondent within the window), a customer
 * reply reopens a completed task, the org's own reply sets the first response (and answers the
 * first-response SLA), and nothing threads across organisations.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { runSlaPass } from '../src/sla/monitor.js';
import { ManualClock } from '../src/shared/clock.js';
import { describeEachEngine } from './helpers/engines.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { trpcQuery, trpcData, updateTaskVia } from './helpers/workflow.js';

const NOW = '2026-03-09T12:00:00.000Z';
let n = 0;

export function threadMail(o: {
  subject: string;
  body?: string;
  from?: string;
  to?: string;
  date?: string;
  id?: string;
  inReplyTo?: string;
  references?: string[];
}): { raw: string; id: string } {
  n += 1;
  const id = o.id ?? `thr-${n}-${process.hrtime.bigint()}@mail.example`;
  const lines = [
    `From: ${o.from ?? 'Jane Porter <jane@acme-industrial.com>'}`,
    `To: ${o.to ?? 'Sam <sam@northwind.example>'}`,
    `Subject: ${o.subject}`,
    `Date: ${o.date ?? 'Mon, 09 Mar 2026 09:00:00 +0000'}`,
    `Message-ID: <${id}>`,
    ...(o.inReplyTo ? [`In-Reply-To: <${o.inReplyTo}>`] : []),
    ...(o.references ? [`References: ${o.references.map((r) => `<${r}>`).join(' ')}`] : []),
    'Content-Type: text/plain; charset=utf-8',
    '',
    o.body ?? 'Please process our purchase order PO# 4500777 for 200 fittings, total $8,500.00. Can you confirm delivery by Friday?',
    '',
  ];
  return { raw: lines.join('\r\n'), id };
}

describeEachEngine('threads', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  const clock = new ManualClock(NOW);
  const db = () => t.deps.database.db;
  const ingest = async (key: string, raws: string[]) => {
    const r = await t.call(key, { method: 'POST', url: '/api/ingest/emails', payload: raws });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { batch: Record<string, number>; items: Array<{ outcome: string; task_id: string | null; signal_id: number | null; reason: string | null }> };
  };
  const task = async (key: string, taskId: string) => trpcData(await trpcQuery(t, key, 'get', { taskId }));
  const events = (orgId: number, name: string) =>
    db()
      .selectFrom('work_event')
      .select(['item_id', 'payload_json', 'actor'])
      .where('org_id', '=', orgId)
      .where('event_name', '=', name)
      .orderBy('work_event_id')
      .execute()
      .then((rows) => rows.map((r) => ({ ...r, payload: JSON.parse(r.payload_json) })));
  const config = (key: string, body: Record<string, unknown>) => t.call(key, { method: 'PUT', url: '/api/ingest/config', payload: body });

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    org = await t.createOrg('Northwind Fabrication Ltd');
    other = await t.createOrg('Globex');
    expect((await config(org.admin, { own_domains: ['northwind.example'] })).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('threads a reply onto its task by In-Reply-To, with a task.message event and the thread in order, not a new task', async () => {
    const first = threadMail({ subject: 'PO# 4500777 - hydraulic fittings' });
    const [made] = (await ingest(org.member, [first.raw])).items;
    expect(made!.outcome).toBe('created');

    const reply = threadMail({
      subject: 'Re: PO# 4500777 - hydraulic fittings',
      body: 'Any news on this order? We need the fittings on site by Friday, please confirm.',
      date: 'Mon, 09 Mar 2026 10:30:00 +0000',
      inReplyTo: first.id,
    });
    const res = await ingest(org.member, [reply.raw]);
    expect(res.batch).toMatchObject({ read: 1, new_signals: 1, new_tasks: 0, duplicates: 0 });
    expect(res.items[0]).toMatchObject({ outcome: 'signal_only', task_id: made!.task_id, reason: 'inbound reply: threaded onto its task' });
    expect(res.items[0]!.signal_id).toEqual(expect.any(Number));

    const got = await task(org.viewer, made!.task_id!);
    expect(got.messages.map((m: any) => [m.direction, m.sender, m.subject, m.received_at])).toEqual([
      ['inbound', 'jane@acme-industrial.com', 'PO# 4500777 - hydraulic fittings', '2026-03-09T09:00:00.000Z'],
      ['inbound', 'jane@acme-industrial.com', 'Re: PO# 4500777 - hydraulic fittings', '2026-03-09T10:30:00.000Z'],
    ]);
    expect(got.messages[1].snippet).toMatch(/Any news on this order/);
    const msgEvents = await events(org.orgId, 'task.message');
    expect(msgEvents.at(-1)).toMatchObject({
      item_id: made!.task_id,
      payload: { taskId: made!.task_id, direction: 'inbound', sender: 'jane@acme-industrial.com', subject: 'Re: PO# 4500777 - hydraulic fittings', messageId: reply.id },
    });
    expect(msgEvents.at(-1)!.payload.snippet).toMatch(/Any news/);

    // Re-ingesting the reply is a duplicate: no second thread row.
    expect((await ingest(org.member, [reply.raw])).items[0]!.outcome).toBe('duplicate');
    expect((await task(org.viewer, made!.task_id!)).messages).toHaveLength(2);
  });

  it('threads by normalised subject from the same correspondent within the window, never a fresh subject from someone else', async () => {
    const first = threadMail({ subject: 'Quote request: 40 pallets of steel brackets', body: 'Please send us a quote for 40 pallets of steel brackets.' });
    const [made] = (await ingest(org.member, [first.raw])).items;
    expect(made!.outcome).toBe('created');
    const noHeaders = threadMail({
      subject: 'RE: AW: [EXT] Quote request: 40 pallets of steel brackets',
      body: 'Could you also include delivery costs in the quote, please?',
      date: 'Wed, 11 Mar 2026 08:00:00 +0000',
    });
    const stranger = threadMail({
      from: 'Bob Smith <bob@other-customer.com>',
      subject: 'Re: Quote request: 40 pallets of steel brackets',
      body: 'Please send us a quote for 40 pallets of steel brackets as well.',
      date: 'Wed, 11 Mar 2026 08:05:00 +0000',
    });
    const late = threadMail({
      subject: 'Re: Quote request: 40 pallets of steel brackets',
      body: 'Please send a new quote for 40 pallets of steel brackets.',
      date: 'Mon, 30 Mar 2026 08:00:00 +0000',
    });
    // The reply is dated after the test clock's now: its time is capped at now, so advance the clock.
    clock.set(new Date('2026-04-01T00:00:00Z'));
    try {
      const res = await ingest(org.member, [noHeaders.raw, stranger.raw, late.raw]);
      expect(res.items.map((i) => [i.outcome, i.task_id === made!.task_id])).toEqual([
        ['signal_only', true],
        ['created', false],
        // 19 days after the last message of the thread: past the 14-day window, a task of its own.
        ['created', false],
      ]);
    } finally {
      clock.set(new Date(NOW));
    }
  });

  it('never threads onto another organisation’s task, by Message-ID or by subject', async () => {
    const first = threadMail({ subject: 'PO# 4500888 - gaskets', body: 'Please process our purchase order PO# 4500888 for gaskets, total $1,200.00.' });
    const [mine] = (await ingest(org.member, [first.raw])).items;
    const reply = threadMail({ subject: 'Re: PO# 4500888 - gaskets', body: 'Please confirm the delivery date for PO# 4500888.', inReplyTo: first.id, date: 'Mon, 09 Mar 2026 11:00:00 +0000' });
    const theirs = await ingest(other.member, [reply.raw]);
    expect(theirs.items[0]).toMatchObject({ outcome: 'created' });
    expect(theirs.items[0]!.task_id).not.toBe(mine!.task_id);
    expect((await task(org.viewer, mine!.task_id!)).messages).toHaveLength(1);
    // Nor can the other org read this org's thread.
    expect((await trpcQuery(t, other.viewer, 'get', { taskId: mine!.task_id })).statusCode).toBe(404);
  });

  it('reopens a COMPLETED task on a customer reply: GREEN, a new deadline from its rule, completion cleared, history and events', async () => {
    const first = threadMail({ subject: 'Pump failure at plant 2', body: 'Our pump at plant 2 failed this morning. Please send a technician to fix it.' });
    const [made] = (await ingest(org.member, [first.raw])).items;
    await updateTaskVia(t, org.member, made!.task_id!, { task_status: 'COMPLETED' }, 'fixed');
    const done = await task(org.viewer, made!.task_id!);
    expect(done).toMatchObject({ task_status: 'COMPLETED', completed_at: expect.any(String), resolution_hours: expect.any(Number) });

    const reply = threadMail({
      subject: 'Re: Pump failure at plant 2',
      body: 'The pump failed again. Please send the technician back today.',
      inReplyTo: first.id,
      date: 'Mon, 09 Mar 2026 11:30:00 +0000',
    });
    const res = await ingest(org.member, [reply.raw]);
    expect(res.items[0]).toMatchObject({ outcome: 'signal_only', task_id: made!.task_id });
    const reopened = await task(org.viewer, made!.task_id!);
    expect(reopened).toMatchObject({ task_status: 'GREEN', completed_at: null, resolution_hours: null, sla_status: 'ok' });
    const rule = pickRuleHours(reopened.priority);
    expect(Date.parse(reopened.sla_deadline)).toBe(Date.parse('2026-03-09T11:30:00Z') + rule * 3_600_000);
    expect(reopened.history.at(-1)).toMatchObject({ from_status: 'COMPLETED', to_status: 'GREEN', reason: 'reopened by customer reply' });
    const changed = await events(org.orgId, 'task.status_changed');
    expect(changed.at(-1)).toMatchObject({ item_id: made!.task_id, payload: { oldStatus: 'COMPLETED', newStatus: 'GREEN' } });
    expect((await events(org.orgId, 'task.updated')).at(-1)).toMatchObject({ item_id: made!.task_id, payload: { changes: expect.arrayContaining(['task_status']) } });

    // With reopening switched off, a reply is recorded on the thread and the task stays done.
    expect((await config(org.admin, { own_domains: ['northwind.example'], reopen_on_reply: false })).statusCode).toBe(200);
    try {
      await updateTaskVia(t, org.member, made!.task_id!, { task_status: 'COMPLETED' });
      const again = threadMail({ subject: 'Re: Pump failure at plant 2', body: 'It is broken again, please come back.', inReplyTo: reply.id, date: 'Mon, 09 Mar 2026 11:45:00 +0000' });
      expect((await ingest(org.member, [again.raw])).items[0]).toMatchObject({ task_id: made!.task_id });
      const still = await task(org.viewer, made!.task_id!);
      expect(still.task_status).toBe('COMPLETED');
      expect(still.messages).toHaveLength(3);
    } finally {
      await config(org.admin, { own_domains: ['northwind.example'] });
    }
  });

  it('an outbound reply sets first_response_at once (never later), makes no task and reopens nothing; outbound mail outside a thread stays a signal', async () => {
    const first = threadMail({ subject: 'Invoice 100777 overdue?', body: 'Can you check whether invoice INV-100777 for $2,300.00 was paid? Please reply.' });
    const [made] = (await ingest(org.member, [first.raw])).items;
    const ours = threadMail({
      from: 'Sam <sam@northwind.example>',
      to: 'Jane Porter <jane@acme-industrial.com>',
      subject: 'Re: Invoice 100777 overdue?',
      body: 'Hi Jane, we are checking and will come back to you today.',
      inReplyTo: first.id,
      date: 'Mon, 09 Mar 2026 09:40:00 +0000',
    });
    const later = threadMail({
      from: 'Sam <sam@eu.northwind.example>',
      to: 'Jane Porter <jane@acme-industrial.com>',
      subject: 'Re: Invoice 100777 overdue?',
      body: 'It was paid on Friday.',
      references: [first.id, ours.id],
      date: 'Mon, 09 Mar 2026 10:40:00 +0000',
    });
    const loose = threadMail({ from: 'Sam <sam@northwind.example>', to: 'ops@supplier.example', subject: 'Please quote 10 valves', body: 'Please send us a quote for 10 valves.' });
    const res = await ingest(org.member, [ours.raw, later.raw, loose.raw]);
    expect(res.batch).toMatchObject({ new_tasks: 0, new_signals: 3 });
    expect(res.items.map((i) => [i.outcome, i.task_id])).toEqual([
      ['signal_only', made!.task_id],
      ['signal_only', made!.task_id],
      ['signal_only', null],
    ]);
    expect(res.items[2]!.reason).toMatch(/outbound/);
    const got = await task(org.viewer, made!.task_id!);
    expect(got.first_response_at).toBe('2026-03-09T09:40:00.000Z');
    expect(got.messages.map((m: any) => m.direction)).toEqual(['inbound', 'outbound', 'outbound']);
    expect((await events(org.orgId, 'task.updated')).filter((e) => e.item_id === made!.task_id).map((e) => e.payload.changes)).toEqual([['first_response_at']]);

    // Completed, then our own follow-up: no reopening.
    await updateTaskVia(t, org.member, made!.task_id!, { task_status: 'COMPLETED' });
    const followUp = threadMail({ from: 'Sam <sam@northwind.example>', to: 'jane@acme-industrial.com', subject: 'Re: Invoice 100777 overdue?', body: 'Anything else we can do?', inReplyTo: later.id });
    await ingest(org.member, [followUp.raw]);
    expect((await task(org.viewer, made!.task_id!)).task_status).toBe('COMPLETED');
  });

  it('threads files through `flowledger ingest` like the endpoint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowledger-threads-'));
    try {
      const first = threadMail({ subject: 'Order 5531 - brass valves', body: 'Please process our order SO-5531 for brass valves, total $3,100.00.' });
      const reply = threadMail({ subject: 'RE: Order 5531 - brass valves', body: 'Please also add 10 spare seals to the order.', inReplyTo: first.id, date: 'Mon, 09 Mar 2026 09:20:00 +0000' });
      writeFileSync(join(dir, 'a.eml'), first.raw);
      writeFileSync(join(dir, 'b.eml'), reply.raw);
      const lines: string[] = [];
      const env = { DATABASE_URL: t.db.processUrl, LOG_LEVEL: 'silent' };
      expect(await runCli(['ingest', dir, '--org', String(other.orgId), '--json'], env, { log: (l) => lines.push(l), err: (l) => lines.push(l) })).toBe(0);
      expect(JSON.parse(lines[0]!)).toMatchObject({ read: 2, new_signals: 2, new_tasks: 1 });
      const rows = await db().selectFrom('task_message').select(['task_id', 'direction', 'message_id']).where('org_id', '=', other.orgId).where('message_id', 'in', [first.id, reply.id]).execute();
      expect(rows).toHaveLength(2);
      expect(rows[0]!.task_id).toBe(rows[1]!.task_id);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('measures first response against the rule: warning, violation with a first_response_sla breach, resolved by the reply', async () => {
    const rule = await t.call(org.admin, { method: 'POST', url: '/api/workstream/sla-rules', payload: { metric: 'category:Support', threshold_hrs: 48, first_response_hrs: 4, warn_pct: 50 } });
    expect(rule.statusCode, rule.body).toBe(201);
    expect(rule.json()).toMatchObject({ first_response_hrs: 4 });
    const refused = await t.call(org.admin, { method: 'POST', url: '/api/workstream/sla-rules', payload: { metric: 'triage_sla', threshold_hrs: 48, first_response_hrs: 4 } });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatch(/first_response_hrs/);

    const first = threadMail({ subject: 'Printer broken in the office', body: 'Our label printer is broken and shows error E42. Please help us fix it.', date: 'Mon, 09 Mar 2026 12:00:00 +0000' });
    const [made] = (await ingest(org.member, [first.raw])).items;
    const created = await task(org.viewer, made!.task_id!);
    expect(created).toMatchObject({ workflow_category: 'Support', first_response_due_at: '2026-03-09T16:00:00.000Z', first_response_status: 'ok' });

    const pass = (iso: string) => runSlaPass({ database: t.deps.database, clock }, new Date(iso));
    expect(await pass('2026-03-09T14:30:00Z')).toMatchObject({ first_responses_warned: 1, first_responses_breached: 0 });
    expect((await task(org.viewer, made!.task_id!))).toMatchObject({ first_response_status: 'warning', task_status: 'YELLOW' });
    expect((await events(org.orgId, 'task.first_response_warning')).map((e) => e.item_id)).toEqual([made!.task_id]);
    const violated = await pass('2026-03-09T16:30:00Z');
    expect(violated).toMatchObject({ first_responses_breached: 1, breaches_by_metric: { first_response_sla: { opened: 1, resolved: 0 } } });
    expect((await task(org.viewer, made!.task_id!))).toMatchObject({ first_response_status: 'breached', task_status: 'RED', sla_status: 'ok' });
    expect((await task(org.viewer, made!.task_id!)).history.at(-1)).toMatchObject({ to_status: 'RED', changed_by: 'sla-monitor', reason: 'first response overdue' });
    const open = () => db().selectFrom('sla_breach').select(['metric', 'reason_code', 'resolved_at']).where('item_id', '=', made!.task_id!).execute();
    expect(await open()).toEqual([{ metric: 'first_response_sla', reason_code: 'first_response_overdue', resolved_at: null }]);
    // A second pass opens nothing more.
    expect(await pass('2026-03-09T17:00:00Z')).toMatchObject({ first_responses_breached: 0, breaches_opened: 0 });

    clock.set(new Date('2026-03-09T18:00:00Z'));
    try {
      const ours = threadMail({ from: 'sam@northwind.example', to: 'jane@acme-industrial.com', subject: 'Re: Printer broken in the office', body: 'We are on it.', inReplyTo: first.id, date: 'Mon, 09 Mar 2026 17:30:00 +0000' });
      await ingest(org.member, [ours.raw]);
    } finally {
      clock.set(new Date(NOW));
    }
    const answered = await task(org.viewer, made!.task_id!);
    expect(answered).toMatchObject({ first_response_at: '2026-03-09T17:30:00.000Z', first_response_status: 'breached' });
    expect((await open())[0]!.resolved_at).not.toBeNull();
  });
});

/** The seeded priority windows (rules.repository.ts DEFAULT_PRIORITY_HOURS). */
function pickRuleHours(priority: string): number {
  return ({ CRITICAL: 4, HIGH: 8, MEDIUM: 24, NORMAL: 48 } as Record<string, number>)[priority]!;
}
