import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/shared/clock.js';
import { todayOrder, todayPanelQuery } from '../src/workstream/today.query.js';
import { toTodayItem } from '../src/workstream/today.repository.js';
import { describeEachEngine } from './helpers/engines.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';

const W = '/api/workstream';

describeEachEngine('workstream over HTTP', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    org = await t.createOrg('Acme');
    other = await t.createOrg('Globex');
  });
  afterAll(() => t.close());

  const post = (key: string, url: string, payload?: unknown) => t.call(key, { method: 'POST', url: `${W}${url}`, payload: payload as object });
  const patch = (key: string, url: string, payload: unknown) => t.call(key, { method: 'PATCH', url: `${W}${url}`, payload: payload as object });
  const get = (key: string, url: string) => t.call(key, { method: 'GET', url: `${W}${url}` });

  async function candidate(key: string, title: string, to: string[] = []): Promise<number> {
    const res = await post(key, '/candidates', { title });
    expect(res.statusCode).toBe(201);
    const id = res.json().candidate_id as number;
    for (const s of to) expect((await post(key, `/candidates/${id}/transition`, { to: s })).statusCode).toBe(200);
    return id;
  }

  async function pursuit(key: string, title: string, stages: string[] = []): Promise<number> {
    const cid = await candidate(key, title, ['triaged']);
    const res = await post(key, `/candidates/${cid}/transition`, { to: 'promoted' });
    const pid = res.json().pursuit_id as number;
    for (const s of stages) expect((await post(key, `/pursuits/${pid}/transition`, { to: s })).statusCode).toBe(200);
    return pid;
  }

  it('runs signal → candidate → triaged → promoted → checklist → blocked submit → done → submit → won, and the log tells it in order', async () => {
    const start = (await get(org.member, '/events?limit=1')).json().pagination.total as number;
    const sig = await post(org.member, '/signals', { source_type: 'email', source_ref: 'msg-1', snippet: 'Need a quote for 40 units', ts: '2026-03-01T10:00:00+01:00' });
    expect(sig.statusCode).toBe(201);
    expect(sig.json()).toMatchObject({ source_type: 'email', ts: '2026-03-01T09:00:00.000Z', dedupe_key: 'email:msg-1' });
    const signalId = sig.json().signal_id;

    const cand = await post(org.member, '/candidates', { title: 'Acme 40 units', signal_ids: [signalId] });
    expect(cand.statusCode).toBe(201);
    expect(cand.json()).toMatchObject({ status: 'new', title: 'Acme 40 units' });
    const cid = cand.json().candidate_id;

    clock.advance(60_000);
    expect((await post(org.member, `/candidates/${cid}/transition`, { to: 'triaged' })).json()).toMatchObject({ status: 'triaged', pursuit_id: null });
    const promoted = await post(org.member, `/candidates/${cid}/transition`, { to: 'promoted', reason: 'qualified lead' });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json().status).toBe('promoted');
    const pid = promoted.json().pursuit_id;
    expect(typeof pid).toBe('number');

    const detail = await get(org.viewer, `/candidates/${cid}`);
    expect(detail.json()).toMatchObject({ pursuit_id: pid, signals: [{ signal_id: signalId }] });
    expect(detail.json().events.map((e: { event_name: string }) => e.event_name)).toEqual(['candidate.promoted', 'candidate.triaged', 'candidate.created']);
    expect(detail.json().events[0].payload).toEqual({ from: 'triaged', to: 'promoted', reason: 'qualified lead', pursuit_id: pid });

    const p = await get(org.viewer, `/pursuits/${pid}`);
    expect(p.json()).toMatchObject({ pursuit_stage: 'qual', candidate_id: cid, title: 'Acme 40 units', checklist: [], proposals: [] });

    const a = await post(org.member, `/pursuits/${pid}/checklist`, { name: 'Pricing approved' });
    const b = await post(org.member, `/pursuits/${pid}/checklist`, { name: 'Legal review' });
    const c = await post(org.member, `/pursuits/${pid}/checklist`, { name: 'Nice cover page', is_required: false });
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([201, 201, 201]);
    for (const to of ['pink', 'red']) expect((await post(org.member, `/pursuits/${pid}/transition`, { to })).statusCode).toBe(200);

    const blocked = await post(org.member, `/pursuits/${pid}/transition`, { to: 'submit' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json()).toMatchObject({ code: 'checklist_incomplete', details: { missing: ['Pricing approved', 'Legal review'] } });
    expect(blocked.json().error).toContain('Pricing approved');
    expect((await get(org.viewer, `/pursuits/${pid}`)).json().pursuit_stage).toBe('red');

    clock.advance(60_000);
    const done = await patch(org.member, `/pursuits/${pid}/checklist/${a.json().item_id}`, { is_done: true });
    expect(done.json()).toMatchObject({ is_done: true, done_at: clock.now().toISOString(), done_by: expect.any(String) });
    await patch(org.member, `/pursuits/${pid}/checklist/${b.json().item_id}`, { is_done: true });
    const ready = await get(org.viewer, `/pursuits/${pid}/checklist`);
    expect(ready.json().readiness).toEqual({ items_total: 3, required_total: 2, required_done: 2, missing_required: 0, is_ready: true });

    expect((await post(org.member, `/pursuits/${pid}/transition`, { to: 'submit' })).json().pursuit_stage).toBe('submit');
    const won = await post(org.member, `/pursuits/${pid}/transition`, { to: 'won' });
    expect(won.json()).toMatchObject({ pursuit_stage: 'won', lost_reason: null });

    const log = await get(org.viewer, `/events?limit=200`);
    const story = log.json().data.slice(0, log.json().pagination.total - start).reverse().map((e: { event_name: string }) => e.event_name);
    expect(story).toEqual([
      'signal.created',
      'candidate.created',
      'candidate.triaged',
      'candidate.promoted',
      'checklist.updated',
      'checklist.updated',
      'checklist.updated',
      'pursuit.pink',
      'pursuit.red',
      'checklist.updated',
      'checklist.updated',
      'pursuit.submit',
      'pursuit.won',
    ]);
    const pursuitLog = await get(org.viewer, `/events?item_type=pursuit&item_id=${pid}`);
    expect(pursuitLog.json().data[0]).toMatchObject({ event_name: 'pursuit.won', item_id: String(pid), payload: { from: 'submit', to: 'won' } });
  });

  it('answers 422 naming both states for an illegal move, and keeps final states final', async () => {
    const cid = await candidate(org.member, 'Illegal', ['triaged', 'archived']);
    const res = await post(org.member, `/candidates/${cid}/transition`, { to: 'triaged' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: 'Invalid candidate status archived→triaged', code: 'invalid_transition' });
    const pid = await pursuit(org.member, 'Skipper', ['pink', 'red']);
    const skip = await post(org.member, `/pursuits/${pid}/transition`, { to: 'won' });
    expect(skip.statusCode).toBe(422);
    expect(skip.json().error).toBe('Invalid pursuit stage red→won');
    const bogus = await post(org.member, `/pursuits/${pid}/transition`, { to: 'triaged' });
    expect(bogus.statusCode).toBe(400);
    expect(bogus.json().details.fields[0].field).toBe('to');
  });

  it('needs a reason to lose a pursuit, and records it', async () => {
    const pid = await pursuit(org.member, 'Loser', ['pink', 'red', 'submit']);
    const none = await post(org.member, `/pursuits/${pid}/transition`, { to: 'lost' });
    expect(none.statusCode).toBe(400);
    expect(none.json().details.fields[0].field).toBe('reason');
    const lost = await post(org.member, `/pursuits/${pid}/transition`, { to: 'lost', reason: 'price too high' });
    expect(lost.json()).toMatchObject({ pursuit_stage: 'lost', lost_reason: 'price too high' });
    const ev = (await get(org.viewer, `/events?item_type=pursuit&item_id=${pid}&limit=1`)).json().data[0];
    expect(ev).toMatchObject({ event_name: 'pursuit.lost', payload: { reason: 'price too high' } });
  });

  it('dedupes signals by dedupe_key (200 with the existing one) and takes batches in one transaction', async () => {
    const first = await post(org.member, '/signals', { source_type: 'web_form', dedupe_key: 'form-77', snippet: 'hello' });
    expect(first.statusCode).toBe(201);
    const again = await post(org.member, '/signals', { source_type: 'web_form', dedupe_key: 'form-77', snippet: 'different' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    // Another org may use the same key: keys are unique per org.
    expect((await post(other.member, '/signals', { source_type: 'web_form', dedupe_key: 'form-77' })).statusCode).toBe(201);

    const batch = await post(org.member, '/signals', {
      signals: [
        { source_type: 'call', dedupe_key: 'b-1' },
        { source_type: 'call', dedupe_key: 'form-77' },
        { source_type: 'call', dedupe_key: 'b-2' },
        { source_type: 'call', dedupe_key: 'b-1' },
      ],
    });
    expect(batch.statusCode).toBe(201);
    expect(batch.json()).toMatchObject({ created: 2, existing: 2 });
    const ids = batch.json().data.map((s: { signal_id: number }) => s.signal_id);
    expect(ids[1]).toBe(first.json().signal_id);
    expect(ids[3]).toBe(ids[0]);
    const created = (await get(org.viewer, '/events?item_type=signal&limit=200')).json().data.filter((e: { item_id: string }) =>
      [String(ids[0]), String(ids[2])].includes(e.item_id),
    );
    expect(created.map((e: { event_name: string }) => e.event_name)).toEqual(['signal.created', 'signal.created']);

    const bad = await post(org.member, '/signals', { signals: [{ source_type: 'call' }, { source_type: '', urgency_score: 500 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields.map((f: { field: string }) => f.field)).toEqual(['signals.1.source_type', 'signals.1.urgency_score']);
    const tooMany = await post(org.member, '/signals', { signals: Array.from({ length: 1001 }, (_, i) => ({ source_type: 'x', dedupe_key: `k${i}` })) });
    expect(tooMany.statusCode).toBe(400);
    expect((await post(org.member, '/signals', { source_type: 'x', org_id: other.orgId })).statusCode).toBe(403);
    expect((await post(org.member, '/signals', { signals: [{ source_type: 'x', org_id: other.orgId }] })).statusCode).toBe(403);
  });

  it('lists signals newest ts first with paging and filters, and rejects bad paging', async () => {
    const o = await t.createOrg('Pager');
    const signals = Array.from({ length: 7 }, (_, i) => ({
      source_type: i % 2 ? 'call' : 'email',
      dedupe_key: `p-${i}`,
      ts: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
    }));
    expect((await post(o.member, '/signals', { signals })).statusCode).toBe(201);
    const page2 = await get(o.viewer, '/signals?page=2&limit=3');
    expect(page2.json().pagination).toEqual({ page: 2, limit: 3, total: 7, next_cursor: expect.any(String) });
    expect(page2.json().data.map((s: { dedupe_key: string }) => s.dedupe_key)).toEqual(['p-3', 'p-2', 'p-1']);
    const calls = await get(o.viewer, '/signals?source_type=call&since=2026-01-03T00:00:00Z&until=2026-01-06T00:00:00Z');
    expect(calls.json().data.map((s: { dedupe_key: string }) => s.dedupe_key)).toEqual(['p-3']);
    for (const q of ['limit=0', 'limit=201', 'page=0', 'limit=abc', 'since=yesterday']) {
      const res = await get(o.viewer, `/signals?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().code).toBe('bad_request');
    }
    expect((await get(o.viewer, '/signals')).json().pagination.limit).toBe(50);
    const one = page2.json().data[0].signal_id;
    const patched = await patch(o.member, `/signals/${one}`, { owner_user_id: 'dana', urgency_score: 80 });
    expect(patched.json()).toMatchObject({ owner_user_id: 'dana', urgency_score: 80 });
    expect((await patch(o.member, `/signals/${one}`, { dedupe_key: 'nope' })).statusCode).toBe(400);
    expect((await patch(o.member, `/signals/${one}`, {})).statusCode).toBe(400);
  });

  it('documents every workstream route in the OpenAPI document', async () => {
    const paths = Object.keys((await t.call(undefined, { method: 'GET', url: '/api/openapi.json' })).json().paths);
    for (const p of ['/today', '/stats', '/events', '/signals', '/signals/{id}', '/candidates/{id}/transition', '/pursuits/{id}/checklist/{item_id}', '/pursuits/{id}/proposals']) {
      expect(paths).toContain(`${W}${p}`);
    }
  });

  it('keeps viewers read-only and validates candidate input', async () => {
    expect((await post(org.viewer, '/candidates', { title: 'x' })).statusCode).toBe(403);
    expect((await post(org.member, '/candidates', { title: '' })).statusCode).toBe(400);
    const foreign = await post(other.member, '/signals', { source_type: 'email', dedupe_key: 'foreign-1' });
    const res = await post(org.member, '/candidates', { title: 'Steal', signal_ids: [foreign.json().signal_id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.missing).toEqual([foreign.json().signal_id]);
    expect((await post(org.member, '/candidates', { title: 'x', status: 'promoted' })).statusCode).toBe(400);
  });

  it("answers 404 on every item route for another org's items and leaves them out of lists and stats", async () => {
    const o = await t.createOrg('Isolated');
    const sig = (await post(o.member, '/signals', { source_type: 'email', dedupe_key: 'iso-1' })).json().signal_id;
    const cid = await candidate(o.member, 'Iso candidate', ['triaged']);
    const pid = await pursuit(o.member, 'Iso pursuit');
    const item = (await post(o.member, `/pursuits/${pid}/checklist`, { name: 'Iso item' })).json().item_id;
    const intruder = await t.createOrg('Intruder');
    const k = intruder.admin;
    const routes: Array<[string, string, unknown?]> = [
      ['GET', `/signals/${sig}`],
      ['PATCH', `/signals/${sig}`, { owner_user_id: 'x' }],
      ['GET', `/candidates/${cid}`],
      ['PATCH', `/candidates/${cid}`, { title: 'x' }],
      ['POST', `/candidates/${cid}/transition`, { to: 'archived' }],
      ['GET', `/pursuits/${pid}`],
      ['PATCH', `/pursuits/${pid}`, { value: 1 }],
      ['POST', `/pursuits/${pid}/transition`, { to: 'pink' }],
      ['GET', `/pursuits/${pid}/checklist`],
      ['POST', `/pursuits/${pid}/checklist`, { name: 'x' }],
      ['PATCH', `/pursuits/${pid}/checklist/${item}`, { is_done: true }],
      ['DELETE', `/pursuits/${pid}/checklist/${item}`],
      ['GET', `/pursuits/${pid}/proposals`],
      ['POST', `/pursuits/${pid}/proposals`, {}],
    ];
    for (const [method, url, payload] of routes) {
      const res = await t.call(k, { method: method as 'GET', url: `${W}${url}`, ...(payload ? { payload: payload as object } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
    for (const list of ['/signals', '/candidates', '/pursuits', '/events', '/today']) {
      const body = (await get(k, list)).json();
      expect(Array.isArray(body) ? body : body.data, list).toEqual([]);
    }
    expect((await get(k, '/stats')).json()).toEqual({
      signals: { total: 0, recent: 0 },
      candidates: { total: 0, recent: 0 },
      pursuits: { total: 0, recent: 0 },
    });
    // Nothing changed for the owner.
    expect((await get(o.viewer, `/pursuits/${pid}`)).json()).toMatchObject({ pursuit_stage: 'qual', value: null, checklist: [{ is_done: false }] });
  });

  it('counts totals and the last 7 days in stats', async () => {
    const o = await t.createOrg('Stats');
    const before = clock.now();
    clock.set('2026-02-01T00:00:00.000Z');
    await post(o.member, '/signals', { source_type: 'email', dedupe_key: 'old' });
    await candidate(o.member, 'old');
    clock.set(before);
    await post(o.member, '/signals', { signals: [{ source_type: 'email', dedupe_key: 'n1' }, { source_type: 'email', dedupe_key: 'n2' }] });
    await pursuit(o.member, 'new');
    expect((await get(o.viewer, '/stats')).json()).toEqual({
      signals: { total: 3, recent: 2 },
      candidates: { total: 2, recent: 1 },
      pursuits: { total: 1, recent: 1 },
    });
  });

  it('creates proposals as consecutive draft versions', async () => {
    const pid = await pursuit(org.member, 'Proposals');
    const v1 = await post(org.member, `/pursuits/${pid}/proposals`, { subject: 'Offer', doc_url: 'https://docs.example.com/1' });
    expect(v1.statusCode).toBe(201);
    expect(v1.json()).toMatchObject({ version: 1, status: 'draft', subject: 'Offer' });
    const parallel = await Promise.all(Array.from({ length: 5 }, () => post(org.member, `/pursuits/${pid}/proposals`)));
    expect(parallel.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    const list = await get(org.viewer, `/pursuits/${pid}/proposals`);
    expect(list.json().data.map((p: { version: number }) => p.version)).toEqual([6, 5, 4, 3, 2, 1]);
    expect((await post(org.member, `/pursuits/${pid}/proposals`, { doc_url: 'not a url' })).statusCode).toBe(400);
    const ev = (await get(org.viewer, `/events?item_type=proposal&item_id=${v1.json().proposal_id}`)).json().data;
    expect(ev).toMatchObject([{ event_name: 'proposal.created', payload: { pursuit_id: pid, version: 1 } }]);
  });

  it('rejects a duplicate checklist name with 409 and deletes items', async () => {
    const pid = await pursuit(org.member, 'Checklist');
    const a = await post(org.member, `/pursuits/${pid}/checklist`, { name: 'Sign-off' });
    const dup = await post(org.member, `/pursuits/${pid}/checklist`, { name: 'Sign-off' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('conflict');
    const del = await t.call(org.member, { method: 'DELETE', url: `${W}/pursuits/${pid}/checklist/${a.json().item_id}` });
    expect(del.statusCode).toBe(200);
    expect((await get(org.viewer, `/pursuits/${pid}/checklist`)).json()).toMatchObject({ data: [], readiness: { is_ready: true } });
    expect((await t.call(org.member, { method: 'DELETE', url: `${W}/pursuits/${pid}/checklist/${a.json().item_id}` })).statusCode).toBe(404);
  });
});


describeEachEngine('workstream Today panel and views', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    org = await t.createOrg('Today');
  });
  afterAll(() => t.close());

  const post = (url: string, payload?: unknown) => t.call(org.member, { method: 'POST', url: `${W}${url}`, payload: payload as object });

  it('badges red for an open breach, amber for stale candidates and overdue pursuits, else green, in the ruled order', async () => {
    const now = clock.now().getTime();
    const at = (h: number) => new Date(now + h * 3_600_000).toISOString();
    const mkCandidate = async (title: string, touchedHoursAgo: number, to: string[]) => {
      clock.set(at(-touchedHoursAgo));
      const id = (await post('/candidates', { title })).json().candidate_id;
      for (const s of to) await post(`/candidates/${id}/transition`, { to: s });
      clock.set(new Date(now));
      return id as number;
    };
    const mkPursuit = async (title: string, touchedHoursAgo: number, due: string | null) => {
      const cid = await mkCandidate(title, touchedHoursAgo, ['triaged']);
      clock.set(at(-touchedHoursAgo));
      const pid = (await post(`/candidates/${cid}/transition`, { to: 'promoted' })).json().pursuit_id;
      if (due) await t.call(org.member, { method: 'PATCH', url: `${W}/pursuits/${pid}`, payload: { due_date: due } });
      clock.set(new Date(now));
      return pid as number;
    };
    const staleCand = await mkCandidate('stale candidate', 100, ['triaged']);
    const freshCand = await mkCandidate('fresh candidate', 1, ['triaged', 'nurture']);
    const newCand = await mkCandidate('new candidate (not on Today)', 200, []);
    const overdue = await mkPursuit('overdue pursuit', 5, at(-24));
    const dueSoon = await mkPursuit('due soon', 6, at(48));
    const dueLater = await mkPursuit('due later', 2, at(96));
    const noDue = await mkPursuit('no due date', 3, null);
    const breached = await mkPursuit('breached', 4, at(200));
    const breachedCand = await mkCandidate('breached candidate', 2, ['triaged']);
    const archived = await mkCandidate('archived', 1, ['triaged', 'archived']);
    const db = t.db.database.db;
    await db
      .insertInto('sla_breach')
      .values([
        { org_id: org.orgId, item_type: 'pursuit', item_id: String(breached), rule_id: 1, metric: 'submit_sla', reason_code: 'late', breached_at: at(-1) },
        { org_id: org.orgId, item_type: 'candidate', item_id: String(breachedCand), rule_id: 1, metric: 'triage_sla', reason_code: 'late', breached_at: at(-1) },
        // Resolved breaches do not make anything red.
        { org_id: org.orgId, item_type: 'pursuit', item_id: String(dueSoon), rule_id: 1, metric: 'submit_sla', reason_code: 'late', breached_at: at(-9), resolved_at: at(-8) },
      ])
      .execute();

    const res = await t.call(org.viewer, { method: 'GET', url: `${W}/today` });
    expect(res.statusCode).toBe(200);
    const rows = res.json() as Array<{ item_type: string; item_id: number; badge: string; sla_metric: string | null; title: string }>;
    expect(rows.map((r) => [r.title, r.badge])).toEqual([
      ['breached', 'red'],
      ['breached candidate', 'red'],
      ['overdue pursuit', 'amber'],
      ['stale candidate', 'amber'],
      ['due soon', 'green'],
      ['due later', 'green'],
      ['fresh candidate', 'green'],
      ['no due date', 'green'],
    ]);
    expect(rows[0]).toMatchObject({ item_type: 'pursuit', item_id: breached, sla_metric: 'submit_sla', status: 'qual', due_date: at(200) });
    expect(rows[1]).toMatchObject({ item_type: 'candidate', item_id: breachedCand, sla_metric: 'triage_sla', due_date: null });
    expect(Object.keys(rows[0]!).sort()).toEqual(['badge', 'due_date', 'item_id', 'item_type', 'sla_metric', 'status', 'title', 'updated_at']);
    const keys = rows.map((r) => `${r.item_type}:${r.item_id}`);
    expect(keys).not.toContain(`candidate:${newCand}`);
    expect(keys).not.toContain(`candidate:${archived}`);
    void [staleCand, freshCand, overdue, dueSoon, dueLater, noDue];

    // Time moves on: 3 days later the fresh candidate is amber too, and "due soon" is overdue.
    clock.set(at(80));
    const later = (await t.call(org.viewer, { method: 'GET', url: `${W}/today` })).json() as typeof rows;
    expect(later.find((r) => r.title === 'fresh candidate')!.badge).toBe('amber');
    expect(later.find((r) => r.title === 'due soon')!.badge).toBe('amber');
    clock.set(new Date(now));

    // The database view is the same definition with the database's now (the clock is real time here).
    const view = await sql<{ org_id: number; item_type: string; item_id: number; badge: string }>`
      select * from v_today_panel v where org_id = ${org.orgId} order by ${todayOrder('v')}`.execute(db);
    expect(view.rows.map((r) => [r.item_type, Number(r.item_id), r.badge])).toEqual(rows.map((r) => [r.item_type, r.item_id, r.badge]));

    const ready = await sql<{ pursuit_id: number; is_ready: number; required_total: number }>`
      select * from v_pursuit_checklist_ready where org_id = ${org.orgId} and pursuit_id = ${noDue}`.execute(db);
    expect(ready.rows.map((r) => [Number(r.is_ready), Number(r.required_total)])).toEqual([[1, 0]]);
    await post(`/pursuits/${noDue}/checklist`, { name: 'Required thing' });
    const notReady = await sql<{ is_ready: number; missing_required: number }>`
      select is_ready, missing_required from v_pursuit_checklist_ready where org_id = ${org.orgId} and pursuit_id = ${noDue}`.execute(db);
    expect(notReady.rows.map((r) => [Number(r.is_ready), Number(r.missing_required)])).toEqual([[0, 1]]);
  });
});

describeEachEngine('workstream Today panel on more rows than it shows', (engine) => {
  let t: TestApp;
  const clock = new ManualClock('2026-04-10T08:00:00.000Z');

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
  });
  afterAll(() => t.close());

  it('answers exactly the first 200 rows of the unlimited panel when slices overflow and due dates tie', async () => {
    const org = await t.createOrg('Crowded');
    const db = t.db.database.db;
    const now = clock.now().getTime();
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const hoursAgo = (h: number) => new Date(now - h * 3_600_000).toISOString();
    const statuses = ['new', 'triaged', 'nurture', 'on_hold', 'archived'] as const;
    const cands = await db
      .insertInto('candidate')
      .values(
        Array.from({ length: 700 }, (_, i) => {
          const touched = hoursAgo(Math.floor(rand() * 200));
          return { org_id: org.orgId, title: `c${i}`, status: statuses[i % 5]!, last_touch_at: touched, created_at: touched, updated_at: touched };
        }),
      )
      .returning('candidate_id')
      .execute();
    const promoted = await db
      .insertInto('candidate')
      .values(Array.from({ length: 1400 }, (_, i) => ({ org_id: org.orgId, title: `p${i}`, status: 'promoted' as const, last_touch_at: hoursAgo(1), created_at: hoursAgo(1), updated_at: hoursAgo(1) })))
      .returning('candidate_id')
      .execute();
    const stages = ['qual', 'pink', 'red', 'submit', 'won', 'lost'] as const;
    const purs = await db
      .insertInto('pursuit')
      .values(
        promoted.map((c, i) => {
          const touched = hoursAgo(Math.floor(rand() * 100));
          // Whole days only, so many pursuits share a due date and the last-touch tie-break matters.
          const due = rand() < 0.25 ? null : new Date(now + (Math.floor(rand() * 20) - 10) * 86_400_000).toISOString();
          return { org_id: org.orgId, candidate_id: c.candidate_id, title: `p${i}`, pursuit_stage: stages[i % 6]!, due_date: due, created_at: touched, updated_at: touched };
        }),
      )
      .returning('pursuit_id')
      .execute();
    const breaches = [
      ...cands.filter(() => rand() < 0.1).map((c) => ({ item_type: 'candidate', item_id: String(c.candidate_id) })),
      ...purs.filter(() => rand() < 0.1).map((p) => ({ item_type: 'pursuit', item_id: String(p.pursuit_id) })),
    ];
    await db
      .insertInto('sla_breach')
      .values(breaches.map((b, i) => ({ org_id: org.orgId, ...b, rule_id: 1 + (i % 2), metric: 'triage_sla', reason_code: 'late', breached_at: hoursAgo(1) })))
      .execute();

    /** The API's rows must be the unlimited panel's first 200 (same clock); returns badge counts. */
    async function expectTopOfFullPanel(): Promise<Record<string, number>> {
      const api = (await t.call(org.viewer, { method: 'GET', url: `${W}/today` })).json() as unknown[];
      const at = clock.now().getTime();
      const full = await todayPanelQuery(db as never, {
        now: sql.val(new Date(at).toISOString()),
        staleBefore: sql.val(new Date(at - 72 * 3_600_000).toISOString()),
        orgId: org.orgId,
      })
        .orderBy(todayOrder('k'))
        .execute();
      expect(full.length).toBeGreaterThan(400);
      expect(api).toEqual(
        full.slice(0, 200).map(toTodayItem),
      );
      const counts: Record<string, number> = {};
      for (const r of api as Array<{ badge: string }>) counts[r.badge] = (counts[r.badge] ?? 0) + 1;
      return counts;
    }

    // Red rows, then the overflowing amber-pursuit slice (past due, earliest first) fills the rest.
    expect(await expectTopOfFullPanel()).toMatchObject({ red: expect.any(Number), amber: expect.any(Number) });
    // Six days earlier with breaches resolved: few pursuits are late, dated green pursuits follow.
    await db.updateTable('sla_breach').set({ resolved_at: hoursAgo(0) }).where('org_id', '=', org.orgId).execute();
    clock.set(new Date(now - 6 * 86_400_000));
    expect(await expectTopOfFullPanel()).toMatchObject({ amber: expect.any(Number), green: expect.any(Number) });
    // Before every due date: the panel is the dated green slice alone, cut inside a group of equal due dates.
    clock.set(new Date(now - 10.5 * 86_400_000));
    expect(await expectTopOfFullPanel()).toEqual({ green: 200 });
    // Back to now with no due dates at all: the stale candidates' slice overflows.
    clock.set(new Date(now));
    await db.updateTable('pursuit').set({ due_date: null }).where('org_id', '=', org.orgId).execute();
    expect(await expectTopOfFullPanel()).toEqual({ amber: 200 });
  });

  it('answers a page of red items from them alone, and the whole panel once fewer than 200 are red', async () => {
    const org = await t.createOrg('All red');
    const other = await t.createOrg('Other red');
    const db = t.db.database.db;
    const now = clock.now().getTime();
    const hoursAgo = (h: number) => new Date(now - h * 3_600_000).toISOString();
    // Equal last touches in pairs, so the type and id tie-breaks order the red rows.
    const cands = await db
      .insertInto('candidate')
      .values(Array.from({ length: 260 }, (_, i) => ({ org_id: org.orgId, title: `c${i}`, status: i % 13 === 0 ? ('archived' as const) : ('triaged' as const), last_touch_at: hoursAgo(Math.floor(i / 2)), created_at: hoursAgo(1), updated_at: hoursAgo(1) })))
      .returning(['candidate_id', 'status'])
      .execute();
    const promoted = await db
      .insertInto('candidate')
      .values(Array.from({ length: 60 }, (_, i) => ({ org_id: org.orgId, title: `w${i}`, status: 'promoted' as const, last_touch_at: hoursAgo(1), created_at: hoursAgo(1), updated_at: hoursAgo(1) })))
      .returning('candidate_id')
      .execute();
    const purs = await db
      .insertInto('pursuit')
      .values(promoted.map((c, i) => ({ org_id: org.orgId, candidate_id: c.candidate_id, title: `p${i}`, pursuit_stage: i % 7 === 0 ? ('won' as const) : ('qual' as const), due_date: i % 3 === 0 ? null : new Date(now + (i % 5) * 86_400_000).toISOString(), created_at: hoursAgo(Math.floor(i / 2)), updated_at: hoursAgo(Math.floor(i / 2)) })))
      .returning('pursuit_id')
      .execute();
    const open = (type: string, id: number, rule: number, metric: string) => ({ org_id: org.orgId, item_type: type, item_id: String(id), rule_id: rule, metric, reason_code: 'late', breached_at: hoursAgo(1) });
    await db
      .insertInto('sla_breach')
      .values([
        // Every candidate (archived ones too: closed items are never red), some with a second metric.
        ...cands.map((c, i) => open('candidate', c.candidate_id, 1, i % 4 === 0 ? 'z_sla' : 'triage_sla')),
        ...cands.filter((_, i) => i % 4 === 0).map((c) => open('candidate', c.candidate_id, 2, 'a_sla')),
        ...purs.map((p) => open('pursuit', p.pursuit_id, 1, 'submit_sla')),
        // Resolved, a task's, and another org naming this org's ids: none makes anything red here.
        { ...open('candidate', cands[1]!.candidate_id, 3, 'resolved_sla'), resolved_at: hoursAgo(0) },
        { ...open('task', 0, 1, 'task_sla'), item_id: 'TASK-1-x' },
        ...cands.slice(0, 5).map((c) => ({ ...open('candidate', c.candidate_id, 4, 'other_org'), org_id: other.orgId })),
      ])
      .execute();

    async function expectTopOfFullPanel(): Promise<Record<string, number>> {
      const api = (await t.call(org.viewer, { method: 'GET', url: `${W}/today` })).json() as Array<{ badge: string; sla_metric: string | null }>;
      const at = clock.now().getTime();
      const full = await todayPanelQuery(db as never, { now: sql.val(new Date(at).toISOString()), staleBefore: sql.val(new Date(at - 72 * 3_600_000).toISOString()), orgId: org.orgId })
        .orderBy(todayOrder('k'))
        .execute();
      expect(api).toEqual(full.slice(0, 200).map(toTodayItem));
      const counts: Record<string, number> = {};
      for (const r of api) counts[r.badge] = (counts[r.badge] ?? 0) + 1;
      return counts;
    }

    // 240 open candidates + 51 open pursuits breached: the page is red only, the smallest metric shown.
    expect(await expectTopOfFullPanel()).toEqual({ red: 200 });
    const first = (await t.call(org.viewer, { method: 'GET', url: `${W}/today` })).json() as Array<{ item_type: string; item_id: number; sla_metric: string }>;
    expect(first.find((r) => r.item_type === 'candidate' && r.item_id === cands[4]!.candidate_id)?.sla_metric).toBe('a_sla');
    // The other org sees none of it.
    expect((await t.call(other.viewer, { method: 'GET', url: `${W}/today` })).json()).toEqual([]);
    // 199 red: the rest of the page comes from the other slices.
    await db.updateTable('sla_breach').set({ resolved_at: hoursAgo(0) }).where('org_id', '=', org.orgId).where('item_type', '=', 'candidate').where('resolved_at', 'is', null).where(sql<boolean>`cast(item_id as bigint) not in (${sql.join(cands.filter((c) => c.status !== 'archived').slice(0, 148).map((c) => c.candidate_id))})`).execute();
    expect(await expectTopOfFullPanel()).toMatchObject({ red: 199 });
  });
});
