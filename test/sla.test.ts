import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runSlaPass } from '../src/sla/monitor.js';
import { settleTaskSla } from '../src/sla/task-sla.service.js';
import { ManualClock } from '../src/shared/clock.js';
import { describeEachEngine } from './helpers/engines.js';
import { insertCandidate, insertPursuit, insertProposal, insertTask } from './helpers/factories.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { runCliProcess } from './helpers/processes.js';

const T0 = '2026-03-02T08:00:00.000Z'; // a Monday
const H = 3_600_000;
const plus = (hours: number) => new Date(Date.parse(T0) + hours * H);

describeEachEngine('SLA engine', (engine) => {
  let t: TestApp;
  let clock: ManualClock;
  let org: TestOrg;
  let other: TestOrg;

  const db = () => t.deps.database.db;
  const pass = (at: Date) => runSlaPass({ database: t.deps.database, clock }, at);
  const events = async (itemId: string | number, names?: string[]) => {
    let q = db().selectFrom('work_event').selectAll().where('org_id', '=', org.orgId).where('item_id', '=', String(itemId));
    if (names) q = q.where('event_name', 'in', names);
    return (await q.orderBy('work_event_id').execute()).map((e) => ({ ...e, payload: JSON.parse(e.payload_json) }));
  };
  const openBreaches = (itemId: string | number) =>
    db().selectFrom('sla_breach').selectAll().where('item_id', '=', String(itemId)).where('resolved_at', 'is', null).execute();
  const task = (id: string) => db().selectFrom('workflow_tasks').selectAll().where('task_id', '=', id).executeTakeFirstOrThrow();
  const createRule = async (body: Record<string, unknown>) => {
    const res = await t.call(org.admin, { method: 'POST', url: '/api/workstream/sla-rules', payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { rule_id: number };
  };

  beforeAll(async () => {
    clock = new ManualClock(T0);
    t = await createTestApp(engine, { clock });
    org = await t.createOrg('Acme');
    other = await t.createOrg('Globex');
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    clock.set(T0);
    // Each test states its own workstream rules.
    await db().deleteFrom('sla_rule').where('metric', 'in', ['triage_sla', 'proposal_sla', 'submit_sla']).execute();
    await db().updateTable('sla_breach').set({ resolved_at: T0 }).where('resolved_at', 'is', null).execute();
    await db().updateTable('candidate').set({ status: 'archived' }).execute();
    await db().updateTable('pursuit').set({ pursuit_stage: 'lost' }).execute();
  });

  describe('workstream rules and breaches', () => {
    it('triage_sla: an untouched open candidate breaches once, and resolves when touched', async () => {
      await createRule({ metric: 'triage_sla', threshold_hrs: 24 });
      const stale = await insertCandidate(db(), org.orgId, { lastTouchAt: plus(-25).toISOString() });
      const fresh = await insertCandidate(db(), org.orgId, { lastTouchAt: plus(-2).toISOString() });
      const archived = await insertCandidate(db(), org.orgId, { status: 'archived', lastTouchAt: plus(-100).toISOString() });

      await pass(plus(0));
      expect(await openBreaches(stale)).toEqual([expect.objectContaining({ item_type: 'candidate', metric: 'triage_sla', reason_code: 'untouched' })]);
      expect(await openBreaches(fresh)).toEqual([]);
      expect(await openBreaches(archived)).toEqual([]);

      // Many passes: still one breach and one event.
      for (let i = 0; i < 3; i++) await pass(plus(i));
      expect(await openBreaches(stale)).toHaveLength(1);
      expect((await events(stale, ['sla.breached'])).length).toBe(1);

      await db().updateTable('candidate').set({ last_touch_at: plus(3).toISOString() }).where('candidate_id', '=', stale).execute();
      await pass(plus(4));
      expect(await openBreaches(stale)).toEqual([]);
      const resolved = await events(stale, ['sla.resolved']);
      expect(resolved).toHaveLength(1);
      expect(resolved[0]!.payload).toMatchObject({ metric: 'triage_sla', item_type: 'candidate', item_id: String(stale) });
    });

    it('proposal_sla: an old early-stage pursuit with only drafts breaches; a sent proposal resolves it', async () => {
      await createRule({ metric: 'proposal_sla', threshold_hrs: 48 });
      const p = await insertPursuit(db(), org.orgId, { stage: 'pink', createdAt: plus(-50).toISOString() });
      const young = await insertPursuit(db(), org.orgId, { stage: 'qual', createdAt: plus(-10).toISOString() });
      const prop = await insertProposal(db(), org.orgId, p, { createdAt: plus(-49).toISOString() });
      await pass(plus(0));
      expect(await openBreaches(p)).toEqual([expect.objectContaining({ reason_code: 'proposal_overdue', item_type: 'pursuit' })]);
      expect(await openBreaches(young)).toEqual([]);
      await db().updateTable('proposal').set({ status: 'sent', sent_at: plus(1).toISOString() }).where('proposal_id', '=', prop).execute();
      await pass(plus(1));
      expect(await openBreaches(p)).toEqual([]);
    });

    it('submit_sla: a submitted pursuit waiting too long for an answer breaches; won resolves it', async () => {
      await createRule({ metric: 'submit_sla', threshold_hrs: 72 });
      const p = await insertPursuit(db(), org.orgId, { stage: 'submit', createdAt: plus(-200).toISOString() });
      await insertProposal(db(), org.orgId, p, { status: 'sent', sentAt: plus(-80).toISOString(), createdAt: plus(-90).toISOString() });
      const recent = await insertPursuit(db(), org.orgId, { stage: 'submit', createdAt: plus(-200).toISOString() });
      await insertProposal(db(), org.orgId, recent, { status: 'sent', sentAt: plus(-10).toISOString(), createdAt: plus(-90).toISOString() });
      await pass(plus(0));
      expect(await openBreaches(p)).toEqual([expect.objectContaining({ reason_code: 'response_overdue' })]);
      expect(await openBreaches(recent)).toEqual([]);
      await db().updateTable('pursuit').set({ pursuit_stage: 'won' }).where('pursuit_id', '=', p).execute();
      await pass(plus(1));
      expect(await openBreaches(p)).toEqual([]);
    });

    it('a deactivated or deleted rule resolves its breaches on the next pass', async () => {
      const rule = await createRule({ metric: 'triage_sla', threshold_hrs: 1 });
      const c = await insertCandidate(db(), org.orgId, { lastTouchAt: plus(-5).toISOString() });
      await pass(plus(0));
      expect(await openBreaches(c)).toHaveLength(1);
      const off = await t.call(org.admin, { method: 'PATCH', url: `/api/workstream/sla-rules/${rule.rule_id}`, payload: { is_active: false } });
      expect(off.statusCode).toBe(200);
      await pass(plus(1));
      expect(await openBreaches(c)).toEqual([]);
    });

    it('counts thresholds in business time when the rule has a calendar', async () => {
      // 8 business hours in Berlin 9–17: a touch on Friday 16:00 is 1 h old by Friday close and
      // only breaches Monday at 16:00 local.
      await createRule({ metric: 'triage_sla', threshold_hrs: 8, calendar: { time_zone: 'Europe/Berlin' } });
      const c = await insertCandidate(db(), org.orgId, { lastTouchAt: '2026-03-06T15:00:00.000Z' });
      await pass(new Date('2026-03-09T14:59:00.000Z'));
      expect(await openBreaches(c)).toEqual([]);
      await pass(new Date('2026-03-09T15:00:01.000Z'));
      expect(await openBreaches(c)).toHaveLength(1);
    });

    it('lists breaches with filters and paging, scoped to the org', async () => {
      await createRule({ metric: 'triage_sla', threshold_hrs: 1 });
      for (let i = 0; i < 3; i++) await insertCandidate(db(), org.orgId, { lastTouchAt: plus(-5).toISOString() });
      const mine = await insertCandidate(db(), other.orgId, { lastTouchAt: plus(-5).toISOString() });
      await pass(plus(0));
      const res = await t.call(org.viewer, { method: 'GET', url: '/api/workstream/sla-breaches?open=true&item_type=candidate&limit=2' });
      expect(res.statusCode).toBe(200);
      expect(res.json().pagination).toEqual({ page: 1, limit: 2, total: 3, next_cursor: expect.any(String) });
      expect(res.json().data).toHaveLength(2);
      expect(res.json().data.every((b: { org_id: number }) => b.org_id === org.orgId)).toBe(true);
      // The other org has no triage rule, so its candidate never breached.
      expect(await openBreaches(mine)).toEqual([]);
      const bad = await t.call(org.viewer, { method: 'GET', url: '/api/workstream/sla-breaches?open=maybe&limit=500' });
      expect(bad.statusCode).toBe(400);
      expect(JSON.stringify(bad.json().details)).toMatch(/open|limit/);
    });
  });

  describe('task escalation', () => {
    it('GREEN → YELLOW at the warning share, → RED at the deadline, each event exactly once', async () => {
      const id = await insertTask(db(), org.orgId, { createdAt: T0, priority: 'CRITICAL' }); // 4 h, warn at 3 h
      await pass(plus(1));
      expect((await task(id)).task_status).toBe('GREEN');

      await pass(plus(3));
      const warned = await task(id);
      expect(warned).toMatchObject({ task_status: 'YELLOW', sla_status: 'warning' });
      await pass(plus(3.5));
      let ev = await events(id);
      expect(ev.map((e) => e.event_name)).toEqual(['task.status_changed', 'task.sla_warning']);
      expect(ev[0]!.payload).toMatchObject({ taskId: id, oldStatus: 'GREEN', newStatus: 'YELLOW', status: 'YELLOW' });
      expect(ev[1]!.payload).toMatchObject({ hoursRemaining: 1 });

      await pass(plus(4));
      await pass(plus(5));
      await pass(plus(50));
      expect(await task(id)).toMatchObject({ task_status: 'RED', sla_status: 'breached' });
      ev = await events(id);
      expect(ev.map((e) => e.event_name)).toEqual([
        'task.status_changed',
        'task.sla_warning',
        'task.status_changed',
        'task.sla_violated',
        'sla.breached',
      ]);
      expect(ev[3]!.payload).toMatchObject({ hoursOverdue: 0 });
      const history = await db().selectFrom('workflow_status_history').selectAll().where('task_id', '=', id).orderBy('history_id').execute();
      expect(history.map((h) => [h.from_status, h.to_status, h.changed_by])).toEqual([
        ['GREEN', 'YELLOW', 'sla-monitor'],
        ['YELLOW', 'RED', 'sla-monitor'],
      ]);
      expect(await openBreaches(id)).toEqual([expect.objectContaining({ item_type: 'task', reason_code: 'deadline_passed' })]);
    });

    it('a due task whose state does not get worse only gets its next moment back, with no events', async () => {
      const ok = await insertTask(db(), org.orgId, { createdAt: T0, priority: 'CRITICAL' }); // warn T0+3h, due T0+4h
      const warned = await insertTask(db(), org.orgId, { createdAt: T0, priority: 'CRITICAL' });
      await pass(plus(3)); // `warned` (and `ok`) escalate to warning
      await db().updateTable('workflow_tasks').set({ sla_status: 'ok', sla_warn_at: plus(3.5).toISOString(), sla_next_at: plus(3).toISOString() }).where('task_id', '=', ok).execute();
      await db().updateTable('workflow_tasks').set({ sla_next_at: plus(3).toISOString() }).where('task_id', '=', warned).execute();
      const before = (await events(ok)).length + (await events(warned)).length;
      await pass(plus(3.2));
      expect((await events(ok)).length + (await events(warned)).length).toBe(before);
      expect((await task(ok)).sla_next_at).toBe(plus(3.5).toISOString());
      expect((await task(warned)).sla_next_at).toBe(plus(4).toISOString());
    });

    it('never fights a person: a task set back to GREEN stays GREEN until its SLA state changes again', async () => {
      const id = await insertTask(db(), org.orgId, { createdAt: T0, priority: 'CRITICAL' });
      await pass(plus(3));
      await db().updateTable('workflow_tasks').set({ task_status: 'GREEN' }).where('task_id', '=', id).execute();
      await pass(plus(3.5));
      expect((await task(id)).task_status).toBe('GREEN');
      await pass(plus(4.1));
      expect((await task(id)).task_status).toBe('RED');
    });

    it('goes straight to RED when the warning window was missed, firing the violation only', async () => {
      const id = await insertTask(db(), org.orgId, { createdAt: T0, priority: 'HIGH' });
      await pass(plus(9));
      expect((await events(id)).map((e) => e.event_name)).toEqual(['task.status_changed', 'task.sla_violated', 'sla.breached']);
    });

    it('raises the critical alert for tasks at or above the org high-value threshold', async () => {
      const big = await insertTask(db(), org.orgId, { createdAt: T0, priority: 'CRITICAL', dollarValue: 50_000 });
      const small = await insertTask(db(), org.orgId, { createdAt: T0, priority: 'CRITICAL', dollarValue: 49_999.99 });
      await pass(plus(3));
      await pass(plus(4));
      const alerts = await events(big, ['task.critical_alert']);
      expect(alerts).toHaveLength(2);
      expect(alerts[0]!.payload).toMatchObject({ taskId: big, dollarValue: 50_000, threshold: 50_000 });
      expect(await events(small, ['task.critical_alert'])).toEqual([]);

      const set = await t.call(org.admin, { method: 'PATCH', url: '/api/sla/settings', payload: { high_value_threshold: 10_000 } });
      expect(set.json()).toEqual({ high_value_threshold: 10_000, currency: 'USD' });
      const mid = await insertTask(db(), org.orgId, { createdAt: plus(4).toISOString(), priority: 'CRITICAL', dollarValue: 20_000 });
      await pass(plus(8));
      expect(await events(mid, ['task.critical_alert'])).toHaveLength(1);
      await t.call(org.admin, { method: 'PATCH', url: '/api/sla/settings', payload: { high_value_threshold: 50_000 } });
      expect((await t.call(org.member, { method: 'PATCH', url: '/api/sla/settings', payload: { high_value_threshold: 1 } })).statusCode).toBe(403);
    });

    it('uses a category rule over the priority default, in business time', async () => {
      await createRule({ metric: 'category:Quote Processing', threshold_hrs: 4, calendar: { time_zone: 'Europe/Berlin' } });
      const id = await insertTask(db(), org.orgId, { createdAt: '2026-03-06T15:00:00.000Z', category: 'Quote Processing' });
      expect((await task(id)).sla_deadline).toBe('2026-03-09T11:00:00.000Z'); // Monday 12:00 Berlin
      await db().deleteFrom('sla_rule').where('metric', '=', 'category:Quote Processing').execute();
    });

    it('resolves a task breach once the task is completed', async () => {
      const id = await insertTask(db(), org.orgId, { createdAt: T0, priority: 'CRITICAL' });
      await pass(plus(5));
      expect(await openBreaches(id)).toHaveLength(1);
      await db().updateTable('workflow_tasks').set({ task_status: 'COMPLETED', sla_next_at: null }).where('task_id', '=', id).execute();
      await pass(plus(6));
      expect(await openBreaches(id)).toEqual([]);
      expect((await events(id, ['sla.resolved'])).length).toBe(1);
    });

    it('resolves a task breach when the task is deleted, in the same transaction', async () => {
      const id = await insertTask(db(), org.orgId, { createdAt: T0, priority: 'CRITICAL' });
      await pass(plus(5));
      expect(await openBreaches(id)).toHaveLength(1);
      const res = await t.call(org.member, { method: 'DELETE', url: `/api/workflow/delete/${id}` });
      expect(res.statusCode, res.body).toBe(200);
      expect(await openBreaches(id)).toEqual([]);
      expect((await events(id, ['sla.resolved'])).length).toBe(1);
      const open = await t.call(org.viewer, { method: 'GET', url: '/api/workstream/sla-breaches?open=true&item_type=task' });
      expect(open.json().data.map((b: { item_id: string }) => b.item_id)).not.toContain(id);
    });

    it('pausing stops the clock; resuming moves the deadline by the paused time', async () => {
      const id = await insertTask(db(), org.orgId, { createdAt: T0, priority: 'CRITICAL' }); // due T0+4h
      clock.set(plus(1));
      const paused = await t.call(org.member, { method: 'POST', url: `/api/sla/tasks/${id}/pause` });
      expect(paused.statusCode).toBe(200);
      expect(paused.json()).toMatchObject({ sla_paused: true });
      await pass(plus(6));
      expect((await task(id)).task_status).toBe('GREEN');
      clock.set(plus(3));
      const resumed = await t.call(org.member, { method: 'POST', url: `/api/sla/tasks/${id}/resume` });
      expect(resumed.json()).toMatchObject({ sla_paused: false, sla_deadline: plus(6).toISOString() });
      await pass(plus(5.9));
      expect((await task(id)).task_status).toBe('YELLOW'); // warn moved from 3 h to 5 h
      await pass(plus(6));
      expect((await task(id)).task_status).toBe('RED');
      expect((await t.call(org.viewer, { method: 'POST', url: `/api/sla/tasks/${id}/pause` })).statusCode).toBe(403);
      expect((await t.call(other.member, { method: 'POST', url: `/api/sla/tasks/${id}/pause` })).statusCode).toBe(404);
    });

    it('monitors in two processes at once escalate and breach exactly once', async () => {
      const ids = await Promise.all(Array.from({ length: 20 }, () => insertTask(db(), org.orgId, { createdAt: T0, priority: 'CRITICAL' })));
      // The CLI's `sla run` in another process races this process's pass.
      const env = { DATABASE_URL: t.db.processUrl };
      const [cli] = await Promise.all([
        runCliProcess(['sla', 'run', '--at', plus(5).toISOString(), '--json'], env),
        runSlaPass({ database: t.deps.database, clock }, plus(5)),
        runSlaPass({ database: t.deps.database, clock }, plus(5)),
      ]);
      expect(cli.code, cli.output).toBe(0);
      for (const id of ids) {
        expect((await events(id)).map((e) => e.event_name)).toEqual(['task.status_changed', 'task.sla_violated', 'sla.breached']);
        expect(await openBreaches(id)).toHaveLength(1);
      }
    });

    if (engine.name === 'postgres') {
      it('two monitors on separate connections never double an escalation (one pass runs, or both in turn)', async () => {
        const ids = await Promise.all(Array.from({ length: 20 }, () => insertTask(db(), org.orgId, { createdAt: T0, priority: 'CRITICAL' })));
        const second = t.db.reopen();
        try {
          await Promise.all([runSlaPass({ database: t.deps.database, clock }, plus(5)), runSlaPass({ database: second, clock }, plus(5))]);
        } finally {
          await second.close();
        }
        for (const id of ids) expect((await events(id, ['task.sla_violated'])).length).toBe(1);
      });
    }
  });

  describe('task writes settle the SLA at once', () => {
    const settle = (id: string, before: 'ok' | 'warning' | 'breached', patch: Record<string, unknown>, opts = {}) =>
      t.deps.database.db.transaction().execute(async (trx) => {
        if (Object.keys(patch).length) await trx.updateTable('workflow_tasks').set(patch).where('task_id', '=', id).execute();
        const row = await trx.selectFrom('workflow_tasks').selectAll().where('task_id', '=', id).executeTakeFirstOrThrow();
        return settleTaskSla(trx, row, before, clock.now().toISOString(), opts);
      });

    it('moving the deadline into the past escalates to RED with its events and breach', async () => {
      const id = await insertTask(db(), org.orgId, { createdAt: T0, priority: 'NORMAL' });
      clock.set(plus(2));
      const row = await settle(id, 'ok', { sla_deadline: plus(1).toISOString() }, { deadlineSet: true });
      expect(row).toMatchObject({ task_status: 'RED', sla_status: 'breached', sla_next_at: null, sla_rule_id: null });
      expect((await events(id)).map((e) => e.event_name)).toEqual(['task.status_changed', 'task.sla_violated', 'sla.breached']);
      // The monitor does not fire it again.
      await pass(plus(3));
      expect((await events(id)).length).toBe(3);
    });

    it('moving a missed deadline later resolves the breach and keeps the status a person chose', async () => {
      const id = await insertTask(db(), org.orgId, { createdAt: T0, priority: 'CRITICAL' });
      await pass(plus(5));
      clock.set(plus(5));
      const row = await settle(id, 'breached', { sla_deadline: plus(10).toISOString() }, { deadlineSet: true });
      expect(row).toMatchObject({ task_status: 'RED', sla_status: 'ok', sla_next_at: expect.any(String) });
      expect(await openBreaches(id)).toEqual([]);
      // A new deadline that is missed escalates again.
      await pass(plus(11));
      expect((await task(id)).sla_status).toBe('breached');
      expect(await openBreaches(id)).toHaveLength(1);
    });

    it('a new priority re-plans a rule-derived deadline; completing clears what is pending', async () => {
      const id = await insertTask(db(), org.orgId, { createdAt: T0, priority: 'NORMAL' });
      expect((await task(id)).sla_deadline).toBe(plus(48).toISOString());
      const row = await settle(id, 'ok', { priority: 'CRITICAL' }, { ruleInputsChanged: true });
      expect(row.sla_deadline).toBe(plus(4).toISOString());
      const done = await settle(id, 'ok', { task_status: 'COMPLETED' });
      expect(done.sla_next_at).toBeNull();
    });

    it('a task created already past its deadline is RED at once', async () => {
      clock.set(plus(10));
      const id = await insertTask(db(), org.orgId, { createdAt: plus(10).toISOString(), deadline: plus(9).toISOString() });
      const row = await settle(id, 'ok', {}, {});
      expect(row).toMatchObject({ task_status: 'RED', sla_status: 'breached' });
    });
  });

  describe('through the workflow API', () => {
    it('plans deadlines from rules on create and escalates at once when a person moves the deadline past', async () => {
      await createRule({ metric: 'category:Invoicing', threshold_hrs: 2 });
      const created = await t.call(org.member, { method: 'POST', url: '/api/workflow/create', payload: { workflow_category: 'Invoicing', title: 'INV-7 overdue', priority: 'CRITICAL' } });
      expect(created.statusCode, created.body).toBe(201);
      const task1 = created.json();
      expect(task1.sla_deadline).toBe(plus(2).toISOString()); // the category rule beats CRITICAL's 4 h

      clock.set(plus(1));
      const moved = await t.call(org.member, { method: 'PUT', url: `/api/workflow/update/${task1.task_id}`, payload: { updates: { sla_deadline: plus(0.5).toISOString() } } });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json()).toMatchObject({ task_status: 'RED', sla_status: 'breached' });
      const got = await t.call(org.viewer, { method: 'GET', url: `/api/workflow/get/${task1.task_id}` });
      expect(got.json().history.map((h: { to_status: string; changed_by: string }) => [h.to_status, h.changed_by])).toEqual([
        ['GREEN', expect.stringMatching(/^key:\d+$/)], // the member's unnamed key
        ['RED', 'sla-monitor'],
      ]);
      expect(await openBreaches(task1.task_id)).toHaveLength(1);

      const done = await t.call(org.member, { method: 'PUT', url: `/api/workflow/update/${task1.task_id}`, payload: { updates: { task_status: 'COMPLETED' } } });
      expect(done.json()).toMatchObject({ task_status: 'COMPLETED' });
      expect(await openBreaches(task1.task_id)).toEqual([]);
      await db().deleteFrom('sla_rule').where('metric', '=', 'category:Invoicing').execute();
    });
  });

  describe('rules API', () => {
    it('validates rules and names the bad field', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ metric: 'nonsense', threshold_hrs: 1 }, 'metric'],
        [{ metric: 'triage_sla', threshold_hrs: -1 }, 'threshold_hrs'],
        [{ metric: 'triage_sla', threshold_hrs: 1, warn_pct: 150 }, 'warn_pct'],
        [{ metric: 'triage_sla', threshold_hrs: 1, calendar: { time_zone: 'Mars/Base' } }, 'calendar.time_zone'],
        [{ metric: 'triage_sla', threshold_hrs: 1, surprise: true }, ''],
      ];
      for (const [body, field] of cases) {
        const res = await t.call(org.admin, { method: 'POST', url: '/api/workstream/sla-rules', payload: body });
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().code).toBe('bad_request');
        if (field) expect(JSON.stringify(res.json().details)).toContain(field);
      }
    });

    it('lets admins change rules, members and viewers only read', async () => {
      expect((await t.call(org.member, { method: 'POST', url: '/api/workstream/sla-rules', payload: { metric: 'triage_sla', threshold_hrs: 2 } })).statusCode).toBe(403);
      const list = await t.call(org.viewer, { method: 'GET', url: '/api/workstream/sla-rules' });
      expect(list.statusCode).toBe(200);
      const metrics = list.json().data.map((r: { metric: string }) => r.metric);
      expect(metrics).toEqual(expect.arrayContaining(['priority:CRITICAL', 'priority:HIGH', 'priority:MEDIUM', 'priority:NORMAL']));
      const critical = list.json().data.find((r: { metric: string }) => r.metric === 'priority:CRITICAL');
      expect(critical).toMatchObject({ threshold_hrs: 4, warn_pct: 75, is_active: true, calendar: null });
    });

    it("hides another org's rules behind 404", async () => {
      const rule = await createRule({ metric: 'triage_sla', threshold_hrs: 5 });
      expect((await t.call(other.admin, { method: 'PATCH', url: `/api/workstream/sla-rules/${rule.rule_id}`, payload: { threshold_hrs: 9 } })).statusCode).toBe(404);
      expect((await t.call(other.admin, { method: 'DELETE', url: `/api/workstream/sla-rules/${rule.rule_id}` })).statusCode).toBe(404);
      const otherList = await t.call(other.admin, { method: 'GET', url: '/api/workstream/sla-rules' });
      expect(otherList.json().data.some((r: { rule_id: number }) => r.rule_id === rule.rule_id)).toBe(false);
      expect((await t.call(org.admin, { method: 'DELETE', url: `/api/workstream/sla-rules/${rule.rule_id}` })).statusCode).toBe(204);
    });
  });
});
