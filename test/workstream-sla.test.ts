import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../src/shared/clock.js';
import { runSlaPass } from '../src/sla/monitor.js';
import { describeEachEngine } from './helpers/engines.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';

const W = '/api/workstream';
const HOUR = 3_600_000;

describeEachEngine('Today panel with the SLA engine', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  const clock = new ManualClock('2026-06-01T09:00:00.000Z');

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    org = await t.createOrg('Sla');
  });
  afterAll(() => t.close());

  const post = (url: string, payload: unknown) => t.call(org.member, { method: 'POST', url: `${W}${url}`, payload: payload as object });
  const today = async () =>
    (await t.call(org.viewer, { method: 'GET', url: `${W}/today` })).json() as Array<{ item_id: number; badge: string; sla_metric: string | null }>;

  it('turns a candidate red when the SLA pass breaches it, and back when touching it resolves the breach', async () => {
    expect((await t.call(org.admin, { method: 'POST', url: '/api/workstream/sla-rules', payload: { metric: 'triage_sla', threshold_hrs: 24 } })).statusCode).toBe(201);
    const id = (await post('/candidates', { title: 'Waiting for triage' })).json().candidate_id as number;
    expect((await post(`/candidates/${id}/transition`, { to: 'triaged' })).statusCode).toBe(200);
    expect((await today()).find((r) => r.item_id === id)).toMatchObject({ badge: 'green', sla_metric: null });

    clock.advance(25 * HOUR);
    await runSlaPass({ database: t.deps.database, clock });
    expect((await today()).find((r) => r.item_id === id)).toMatchObject({ badge: 'red', sla_metric: 'triage_sla' });

    // Touching it (a move) makes it fresh; the next pass resolves the breach and the badge follows.
    expect((await post(`/candidates/${id}/transition`, { to: 'nurture' })).statusCode).toBe(200);
    await runSlaPass({ database: t.deps.database, clock });
    expect((await today()).find((r) => r.item_id === id)).toMatchObject({ badge: 'green', sla_metric: null });
  });
});
