import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../src/shared/clock.js';
import { describeEachEngine } from './helpers/engines.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

const W = '/api/workstream';
const DAY = 86_400_000;

/** A small deterministic PRNG, so a failure reproduces. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describeEachEngine('workstream counters equal real counts', (engine) => {
  let t: TestApp;
  const clock = new ManualClock('2026-05-20T12:00:00.000Z');

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
  });
  afterAll(() => t.close());

  it('keeps stats and list totals equal to count(*) through random inserts, batches and deletes', async () => {
    const rand = rng(20260520);
    const orgs = [await t.createOrg('A'), await t.createOrg('B')];
    const base = clock.now().getTime();
    const db = t.db.database.db;
    for (let round = 0; round < 6; round++) {
      for (const org of orgs) {
        // Signals in batches at random instants over the last 20 days (several land on day borders).
        for (let b = 0; b < 3; b++) {
          clock.set(new Date(base - Math.floor(rand() * 20 * DAY)));
          const n = 1 + Math.floor(rand() * 30);
          const signals = Array.from({ length: n }, (_, i) => ({ source_type: 'email', dedupe_key: `r${round}-b${b}-${i}-${Math.floor(rand() * 40)}` }));
          const res = await t.call(org.member, { method: 'POST', url: `${W}/signals`, payload: { signals } });
          expect([200, 201]).toContain(res.statusCode);
        }
        for (let c = 0; c < 4; c++) {
          clock.set(new Date(base - Math.floor(rand() * 12 * DAY)));
          const cid = (await t.call(org.member, { method: 'POST', url: `${W}/candidates`, payload: { title: `c${round}-${c}` } })).json().candidate_id;
          if (rand() < 0.5) {
            await t.call(org.member, { method: 'POST', url: `${W}/candidates/${cid}/transition`, payload: { to: 'triaged' } });
            await t.call(org.member, { method: 'POST', url: `${W}/candidates/${cid}/transition`, payload: { to: 'promoted' } });
          }
        }
      }
      // Rows deleted behind the API's back (cascades, admin clean-ups) are counted out too.
      await sql`delete from signal where signal_id in (select signal_id from signal order by signal_id desc limit ${Math.floor(rand() * 10)})`.execute(db);
      await sql`delete from candidate where candidate_id in (select candidate_id from candidate order by candidate_id limit ${Math.floor(rand() * 2)})`.execute(db);

      clock.set(new Date(base + Math.floor(rand() * 3 * DAY)));
      const since = new Date(clock.now().getTime() - 7 * DAY).toISOString();
      for (const org of orgs) {
        const expected: Record<string, { total: number; recent: number }> = {};
        for (const [key, table] of [['signals', 'signal'], ['candidates', 'candidate'], ['pursuits', 'pursuit']] as const) {
          const total = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', org.orgId).executeTakeFirstOrThrow();
          const recent = await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('org_id', '=', org.orgId)
            .where('created_at', '>=', since)
            .executeTakeFirstOrThrow();
          expected[key] = { total: Number(total.n), recent: Number(recent.n) };
        }
        expect((await t.call(org.viewer, { method: 'GET', url: `${W}/stats` })).json()).toEqual(expected);
        expect((await t.call(org.viewer, { method: 'GET', url: `${W}/signals?limit=1` })).json().pagination.total).toBe(expected.signals!.total);
        expect((await t.call(org.viewer, { method: 'GET', url: `${W}/candidates?limit=1` })).json().pagination.total).toBe(expected.candidates!.total);
        expect((await t.call(org.viewer, { method: 'GET', url: `${W}/pursuits?limit=1` })).json().pagination.total).toBe(expected.pursuits!.total);
      }
    }
    expect((await t.call(orgs[0]!.viewer, { method: 'GET', url: `${W}/stats` })).json().signals.total).toBeGreaterThan(50);
  });
});
