import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../src/shared/clock.js';
import { describeEachEngine } from './helpers/engines.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { createTaskVia, trpcData, trpcMutation, trpcQuery } from './helpers/workflow.js';

/** A 400 whose details name the field, with the allowed years in the message. */
function expectYearRefused(res: LightMyRequestResponse, field: string, trpc = false): void {
  expect(res.statusCode, res.body).toBe(400);
  const body = res.json();
  const fields: Array<{ field: string; message: string }> = trpc ? body.error.data.details.fields : body.details.fields;
  const problem = fields.find((f) => f.field === field);
  expect(problem, JSON.stringify(fields)).toBeDefined();
  expect(problem!.message).toMatch(/1000.*9999/);
}

describeEachEngine('instants outside the years 1000–9999', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let taskId: string;
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    org = await t.createOrg('Years');
    taskId = (await createTaskVia(t, org.member, { workflow_category: 'Invoicing', title: 'kept' })).task_id;
  });
  afterAll(() => t.close());

  const get = (url: string) => t.call(org.viewer, { method: 'GET', url });
  const total = async () => (await get('/api/workflow/list')).json().pagination.total as number;

  it('list refuses them with 400 naming the field, on REST and tRPC', async () => {
    expectYearRefused(await get('/api/workflow/list?from=0000-01-01T00:00:00Z'), 'from');
    // 23:59:59.999 at -14:00 is already year 10000 in UTC.
    expectYearRefused(await get(`/api/workflow/list?to=${encodeURIComponent('9999-12-31T23:59:59.999-14:00')}`), 'to');
    expectYearRefused(await get(`/api/workflow/list?from=${encodeURIComponent('1000-01-01T00:00:00+01:00')}`), 'from');
    expectYearRefused(await trpcQuery(t, org.viewer, 'list', { filter: { from: '0999-12-31T23:59:59Z' } }), 'filter.from', true);
  });

  it('list accepts the first and last instants of the range', async () => {
    const res = await get(`/api/workflow/list?from=1000-01-01T00:00:00Z&to=${encodeURIComponent('9999-12-31T23:59:59.999Z')}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().pagination.total).toBe(1);
    const west = await get(`/api/workflow/list?to=${encodeURIComponent('9999-12-31T09:59:59.999-14:00')}`);
    expect(west.statusCode, west.body).toBe(200);
  });

  it('create and update refuse them, and nothing is stored', async () => {
    const create = (body: Record<string, unknown>) => t.call(org.member, { method: 'POST', url: '/api/workflow/create', payload: { workflow_category: 'Invoicing', title: 'x', ...body } });
    expectYearRefused(await create({ sla_deadline: '0000-01-01T00:00:00Z' }), 'sla_deadline');
    expectYearRefused(await create({ source_received_at: '9999-12-31T23:59:59.999-14:00' }), 'source_received_at');
    expectYearRefused(await trpcMutation(t, org.member, 'create', { workflow_category: 'Invoicing', title: 'x', sla_deadline: '0050-01-01T00:00:00Z' }), 'sla_deadline', true);
    expect(await total()).toBe(1);

    const update = await t.call(org.member, { method: 'PUT', url: `/api/workflow/update/${taskId}`, payload: { updates: { sla_deadline: '0000-01-01T00:00:00Z' } } });
    expectYearRefused(update, 'updates.sla_deadline');
    const task = trpcData(await trpcQuery(t, org.viewer, 'get', { taskId }));
    expect(task.sla_deadline).not.toMatch(/^0000/);
  });

  it('analytics refuses them, including the years 0–99 that once turned into 1900–1999', async () => {
    const analytics = (q: Record<string, string>) => get(`/api/workflow/analytics?${new URLSearchParams(q)}`);
    expectYearRefused(await analytics({ granularity: 'month', from: '0050-01-01T00:00:00Z', to: '0050-03-01T00:00:00Z' }), 'from');
    expectYearRefused(await analytics({ granularity: 'day', from: '9999-12-30T00:00:00Z', to: '9999-12-31T23:59:59.999-14:00' }), 'to');
    expectYearRefused(await trpcQuery(t, org.viewer, 'analytics', { granularity: 'day', from: '2026-01-01T00:00:00Z', to: '9999-12-31T20:00:00-05:00' }), 'to', true);
  });

  it('analytics answers at both ends of the range, with four-digit bucket labels', async () => {
    const first = await get(`/api/workflow/analytics?${new URLSearchParams({ granularity: 'day', from: '1000-01-01T00:00:00Z', to: '1000-01-02T00:00:00Z', tz: 'America/New_York' })}`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().points.map((p: any) => p.bucket)).toEqual(['0999-12-31', '1000-01-01']);
    const last = await get(`/api/workflow/analytics?${new URLSearchParams({ granularity: 'month', from: '9999-11-01T00:00:00Z', to: '9999-12-31T23:59:59.999Z' })}`);
    expect(last.statusCode, last.body).toBe(200);
    expect(last.json().points.map((p: any) => [p.bucket, p.created])).toEqual([
      ['9999-11-01', 0],
      ['9999-12-01', 0],
    ]);
  });

  it('workstream signals and pursuits refuse them too (one shared schema)', async () => {
    const W = '/api/workstream';
    const signal = await t.call(org.member, { method: 'POST', url: `${W}/signals`, payload: { source_type: 'email', ts: '0000-01-01T00:00:00Z' } });
    expectYearRefused(signal, 'ts');
    expectYearRefused(await get(`${W}/signals?since=0000-01-01T00:00:00Z`), 'since');
    expectYearRefused(await get(`${W}/signals?until=${encodeURIComponent('9999-12-31T23:59:59.999-14:00')}`), 'until');
    const cand = await t.call(org.member, { method: 'POST', url: `${W}/candidates`, payload: { title: 'Years' } });
    const cid = cand.json().candidate_id;
    await t.call(org.member, { method: 'POST', url: `${W}/candidates/${cid}/transition`, payload: { to: 'triaged' } });
    const promoted = await t.call(org.member, { method: 'POST', url: `${W}/candidates/${cid}/transition`, payload: { to: 'promoted' } });
    const pid = promoted.json().pursuit_id;
    expectYearRefused(await t.call(org.member, { method: 'PATCH', url: `${W}/pursuits/${pid}`, payload: { due_date: '0000-01-01T00:00:00Z' } }), 'due_date');
  });
});
