import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultHandlers } from '../src/app/outbox-handlers.js';
import { transact } from '../src/db/transact.js';
import { ensureFirstProposal } from '../src/workstream/proposals.repository.js';
import { describeEachEngine } from './helpers/engines.js';
import { markUnprocessed, testWorker } from './helpers/outbox-seed.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';

const W = '/api/workstream';

describeEachEngine('workstream transitions under concurrency and failure', (engine) => {
  let t: TestApp;
  let org: TestOrg;

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg('Racers');
  });
  afterAll(() => t.close());

  const post = (url: string, payload?: unknown) => t.call(org.member, { method: 'POST', url: `${W}${url}`, payload: payload as object });
  const eventsOf = async (itemType: string, itemId: number) =>
    (await t.call(org.viewer, { method: 'GET', url: `${W}/events?item_type=${itemType}&item_id=${itemId}&limit=200` })).json().data as Array<{
      event_name: string;
    }>;

  async function triagedCandidate(title: string): Promise<number> {
    const id = (await post('/candidates', { title })).json().candidate_id as number;
    expect((await post(`/candidates/${id}/transition`, { to: 'triaged' })).statusCode).toBe(200);
    return id;
  }

  it('lets exactly one of 50 concurrent red→submit moves win; the rest get 409/422 and the log has one event', async () => {
    const cid = await triagedCandidate('Contested pursuit');
    const pid = (await post(`/candidates/${cid}/transition`, { to: 'promoted' })).json().pursuit_id as number;
    for (const to of ['pink', 'red']) expect((await post(`/pursuits/${pid}/transition`, { to })).statusCode).toBe(200);

    const results = await Promise.all(Array.from({ length: 50 }, () => post(`/pursuits/${pid}/transition`, { to: 'submit' })));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.every((c) => c === 200 || c === 409 || c === 422)).toBe(true);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().code).toBe('conflict');
    for (const r of results.filter((x) => x.statusCode === 422)) expect(r.json().error).toBe('Invalid pursuit stage submit→submit');
    const submits = (await eventsOf('pursuit', pid)).filter((e) => e.event_name === 'pursuit.submit');
    expect(submits).toHaveLength(1);
  });

  it('promotes a candidate once under 50 concurrent requests: one pursuit, one candidate.promoted', async () => {
    const cid = await triagedCandidate('Contested candidate');
    const results = await Promise.all(Array.from({ length: 50 }, () => post(`/candidates/${cid}/transition`, { to: 'promoted' })));
    const winners = results.filter((r) => r.statusCode === 200);
    expect(winners).toHaveLength(1);
    expect(results.every((r) => [200, 409, 422].includes(r.statusCode))).toBe(true);
    const pursuits = await t.db.database.db.selectFrom('pursuit').select('pursuit_id').where('candidate_id', '=', cid).execute();
    expect(pursuits.map((p) => p.pursuit_id)).toEqual([winners[0]!.json().pursuit_id]);
    expect((await eventsOf('candidate', cid)).filter((e) => e.event_name === 'candidate.promoted')).toHaveLength(1);
  });

  /** Makes appending one event name fail inside the database, i.e. after the state update already ran. */
  async function failEventsNamed(name: string): Promise<() => Promise<void>> {
    const db = t.db.database.db;
    if (engine.name === 'sqlite') {
      await sql
        .raw(`create trigger fail_event before insert on work_event when new.event_name = '${name}' begin select raise(abort, 'forced failure'); end`)
        .execute(db);
      return async () => void (await sql`drop trigger fail_event`.execute(db));
    }
    await sql.raw(`create or replace function fail_event() returns trigger language plpgsql as $$ begin raise exception 'forced failure'; end $$`).execute(db);
    await sql
      .raw(`create trigger fail_event before insert on work_event for each row when (new.event_name = '${name}') execute function fail_event()`)
      .execute(db);
    return async () => void (await sql`drop trigger fail_event on work_event`.execute(db));
  }

  it('writes nothing when the event append fails after the promote (no status change, no pursuit, no event)', async () => {
    const cid = await triagedCandidate('Doomed promote');
    const before = await eventsOf('candidate', cid);
    const restore = await failEventsNamed('candidate.promoted');
    try {
      const res = await post(`/candidates/${cid}/transition`, { to: 'promoted' });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ error: 'Internal server error', code: 'internal' });
    } finally {
      await restore();
    }
    const cand = await t.call(org.viewer, { method: 'GET', url: `${W}/candidates/${cid}` });
    expect(cand.json()).toMatchObject({ status: 'triaged', pursuit_id: null });
    expect(await eventsOf('candidate', cid)).toEqual(before);
    // And the same move succeeds once the fault is gone.
    expect((await post(`/candidates/${cid}/transition`, { to: 'promoted' })).statusCode).toBe(200);
  });

  it('writes nothing when a signal batch fails halfway through its events', async () => {
    const restore = await failEventsNamed('signal.created');
    try {
      const res = await post('/signals', { signals: [{ source_type: 'email', dedupe_key: 'doomed-1' }, { source_type: 'email', dedupe_key: 'doomed-2' }] });
      expect(res.statusCode).toBe(500);
    } finally {
      await restore();
    }
    const rows = await t.db.database.db.selectFrom('signal').select('signal_id').where('dedupe_key', 'like', 'doomed-%').execute();
    expect(rows).toEqual([]);
  });

  it('gets proposal v1 from the outbox after a promotion through the API, once however often it drains', async () => {
    const cid = await triagedCandidate('Outbox promotion');
    const pid = (await post(`/candidates/${cid}/transition`, { to: 'promoted' })).json().pursuit_id as number;
    const proposals = async () => (await t.call(org.viewer, { method: 'GET', url: `${W}/pursuits/${pid}/proposals` })).json().data;
    expect(await proposals()).toEqual([]);
    const worker = testWorker(t, defaultHandlers(t.deps));
    await worker.drain();
    await markPromotionUnprocessed();
    await worker.drain();
    expect(await proposals()).toMatchObject([{ version: 1, status: 'draft', subject: 'Proposal: Outbox promotion' }]);

    async function markPromotionUnprocessed() {
      // A redelivered candidate.promoted (crash before completion) must not create a second draft.
      const rows = await t.db.database.db.selectFrom('work_event').select('work_event_id').where('event_name', '=', 'candidate.promoted').where('item_id', '=', String(cid)).execute();
      await markUnprocessed(t.db.database, rows.map((r) => r.work_event_id));
    }
  });

  it('ensureFirstProposal creates v1 once, however often and concurrently it runs', async () => {
    const cid = await triagedCandidate('Proposal target');
    const pid = (await post(`/candidates/${cid}/transition`, { to: 'promoted' })).json().pursuit_id as number;
    const now = new Date().toISOString();
    const runs = await Promise.all(
      Array.from({ length: 10 }, () => transact(t.deps, (trx) => ensureFirstProposal(trx, org.orgId, pid, now, 'outbox'))),
    );
    expect(runs.filter((r) => r!.created)).toHaveLength(1);
    expect(new Set(runs.map((r) => r!.proposalId)).size).toBe(1);
    const list = (await t.call(org.viewer, { method: 'GET', url: `${W}/pursuits/${pid}/proposals` })).json().data;
    expect(list).toMatchObject([{ version: 1, status: 'draft', subject: 'Proposal: Proposal target', proposal_id: runs[0]!.proposalId }]);
    expect(await transact(t.deps, (trx) => ensureFirstProposal(trx, org.orgId, 999_999, now))).toBeUndefined();
    expect(await eventsOf('proposal', list[0].proposal_id)).toMatchObject([{ event_name: 'proposal.created' }]);
    // Later manual versions continue from it.
    expect((await post(`/pursuits/${pid}/proposals`)).json().version).toBe(2);
  });
});
