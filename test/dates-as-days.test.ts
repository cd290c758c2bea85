/**
 * Fields that mean a day take a calendar date as well as an instant (#16): due dates, list ranges
 * and analytics ranges, on REST and tRPC. A date is the start of that day in `tz` (UTC by default);
 * the end of a range covers its whole day; analytics without a range is the last 30 days.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../src/shared/clock.js';
import { describeEachEngine } from './helpers/engines.js';
import { insertPursuit, insertTask } from './helpers/factories.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { trpcData, trpcQuery } from './helpers/workflow.js';

const NOW = '2026-12-10T12:00:00.000Z';

function expectFieldRefused(res: LightMyRequestResponse, field: string, message: RegExp, trpc = false): void {
  expect(res.statusCode, res.body).toBe(400);
  const body = res.json();
  const fields: Array<{ field: string; message: string }> = trpc ? body.error.data.details.fields : body.details.fields;
  expect(fields, JSON.stringify(fields)).toContainEqual({ field, message: expect.stringMatching(message) });
}

describeEachEngine('dates where a day is meant', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let lateOnDec1: string;
  const get = (url: string, q: Record<string, string> = {}) => t.call(org.viewer, { method: 'GET', url: `${url}?${new URLSearchParams(q)}` });

  beforeAll(async () => {
    t = await createTestApp(engine, { clock: new ManualClock(NOW) });
    org = await t.createOrg('Days');
    const db = t.deps.database.db;
    // 23:30 UTC on Dec 1 is already Dec 2 in Berlin; 00:30 UTC on Dec 1 is still Nov 30 in New York.
    lateOnDec1 = await insertTask(db, org.orgId, { createdAt: '2026-12-01T23:30:00.000Z', now: NOW, title: 'late on Dec 1' });
    await insertTask(db, org.orgId, { createdAt: '2026-12-01T00:30:00.000Z', now: NOW, title: 'early on Dec 1' });
    await insertTask(db, org.orgId, { createdAt: '2026-12-02T08:00:00.000Z', now: NOW, title: 'Dec 2' });
    // Today (Dec 10) and 31 days ago: inside and just outside the default analytics range.
    await insertTask(db, org.orgId, { createdAt: '2026-12-10T08:00:00.000Z', now: NOW, title: 'today' });
    await insertTask(db, org.orgId, { createdAt: '2026-11-09T12:00:00.000Z', now: NOW, title: '31 days ago' });
  });
  afterAll(() => t.close());

  it('analytics takes from/to as dates: to covers its whole day, in UTC or in tz (REST and tRPC)', async () => {
    const rest = await get('/api/workflow/analytics', { from: '2026-12-01', to: '2026-12-01' });
    expect(rest.statusCode, rest.body).toBe(200);
    expect(rest.json()).toMatchObject({ granularity: 'day', tz: 'UTC', from: '2026-12-01T00:00:00.000Z', to: '2026-12-02T00:00:00.000Z' });
    expect(rest.json().points.map((p: { bucket: string; created: number }) => [p.bucket, p.created])).toEqual([['2026-12-01', 2]]);

    const berlin = trpcData(await trpcQuery(t, org.viewer, 'analytics', { granularity: 'day', from: '2026-12-01', to: '2026-12-02', tz: 'Europe/Berlin' }));
    expect(berlin).toMatchObject({ from: '2026-11-30T23:00:00.000Z', to: '2026-12-02T23:00:00.000Z' });
    // In Berlin the 23:30 UTC task belongs to Dec 2, with the 08:00 one.
    expect(berlin.points.map((p: { bucket: string; created: number }) => [p.bucket, p.created])).toEqual([['2026-12-01', 1], ['2026-12-02', 2]]);

    // A date and an instant mix; an instant is taken as given.
    const mixed = await get('/api/workflow/analytics', { granularity: 'week', from: '2026-12-01T12:00:00Z', to: '2026-12-01' });
    expect(mixed.json()).toMatchObject({ from: '2026-12-01T12:00:00.000Z', to: '2026-12-02T00:00:00.000Z', points: [{ created: 1 }] });
  });

  it('analytics without a range answers the last 30 days, today included, a bucket a day (REST, tRPC with no input at all)', async () => {
    const rest = await get('/api/workflow/analytics');
    expect(rest.statusCode, rest.body).toBe(200);
    for (const body of [rest.json(), trpcData(await trpcQuery(t, org.viewer, 'analytics'))]) {
      expect(body).toMatchObject({ granularity: 'day', tz: 'UTC', from: '2026-11-11T00:00:00.000Z', to: '2026-12-11T00:00:00.000Z' });
      expect(body.points).toHaveLength(30);
      expect(body.points.at(-1)).toMatchObject({ bucket: '2026-12-10', created: 1 });
      expect(body.points.reduce((n: number, p: { created: number }) => n + p.created, 0)).toBe(4);
    }
    // Only `to`: the 30 days before it; only `from`: up to the end of today.
    const before = (await get('/api/workflow/analytics', { to: '2026-12-01', tz: 'America/New_York' })).json();
    expect(before).toMatchObject({ from: '2026-11-02T05:00:00.000Z', to: '2026-12-02T05:00:00.000Z' });
    expect(before.points).toHaveLength(30);
    expect((await get('/api/workflow/analytics', { from: '2026-12-09' })).json()).toMatchObject({ to: '2026-12-11T00:00:00.000Z', points: [{}, {}] });
  });

  it('the task list takes dates for its created range, in tz (REST and tRPC)', async () => {
    const titles = (rows: Array<{ title: string }>) => rows.map((r) => r.title).sort();
    const day = await get('/api/workflow/list', { from: '2026-12-01', to: '2026-12-01' });
    expect(day.statusCode, day.body).toBe(200);
    expect(titles(day.json().data)).toEqual(['early on Dec 1', 'late on Dec 1']);
    const ny = trpcData(await trpcQuery(t, org.viewer, 'list', { filter: { from: '2026-12-01', to: '2026-12-01', tz: 'America/New_York' } }));
    expect(titles(ny.data)).toEqual(['late on Dec 1']);
    expect(ny.data[0].task_id).toBe(lateOnDec1);
    // One day, from and to the same date, is a range; a later from is not.
    expectFieldRefused(await get('/api/workflow/list', { from: '2026-12-02', to: '2026-12-01' }), 'to', /after from/);
    expectFieldRefused(await trpcQuery(t, org.viewer, 'list', { filter: { from: '2026-12-02', to: '2026-12-01' } }), 'filter.to', /after from/, true);
  });

  it('a pursuit due_date takes a date: the start of that day in tz, UTC by default', async () => {
    const id = await insertPursuit(t.deps.database.db, org.orgId, { createdAt: NOW });
    const patch = (payload: Record<string, unknown>) => t.call(org.member, { method: 'PATCH', url: `/api/workstream/pursuits/${id}`, payload });
    const utc = await patch({ due_date: '2026-12-01' });
    expect(utc.statusCode, utc.body).toBe(200);
    expect(utc.json().due_date).toBe('2026-12-01T00:00:00.000Z');
    expect((await patch({ due_date: '2026-12-01', tz: 'Asia/Tokyo' })).json().due_date).toBe('2026-11-30T15:00:00.000Z');
    expect((await patch({ due_date: '2026-12-01T17:00:00+01:00' })).json().due_date).toBe('2026-12-01T16:00:00.000Z');
    expect((await patch({ due_date: null })).json().due_date).toBeNull();
    expectFieldRefused(await patch({ due_date: '2026-02-30' }), 'due_date', /YYYY-MM-DD/);
    expectFieldRefused(await patch({ due_date: '01/12/2026' }), 'due_date', /YYYY-MM-DD/);
    expectFieldRefused(await patch({ due_date: '2026-12-01', tz: 'Mars/Olympus' }), 'tz', /IANA/);
    expect((await patch({ tz: 'Europe/Berlin' })).statusCode).toBe(400);
    const row = await t.deps.database.db.selectFrom('pursuit').select('due_date').where('pursuit_id', '=', id).executeTakeFirstOrThrow();
    expect(row.due_date).toBeNull();
  });

  it('the signal list takes dates for since/until', async () => {
    for (const ts of ['2026-12-01T23:30:00Z', '2026-12-02T01:00:00Z']) {
      const res = await t.call(org.member, { method: 'POST', url: '/api/workstream/signals', payload: { source_type: 'note', ts, snippet: ts } });
      expect(res.statusCode, res.body).toBe(201);
    }
    const utc = await get('/api/workstream/signals', { since: '2026-12-01', until: '2026-12-01' });
    expect(utc.statusCode, utc.body).toBe(200);
    expect(utc.json().data.map((s: { snippet: string }) => s.snippet)).toEqual(['2026-12-01T23:30:00Z']);
    const berlin = await get('/api/workstream/signals', { since: '2026-12-02', until: '2026-12-02', tz: 'Europe/Berlin' });
    expect(berlin.json().data.map((s: { snippet: string }) => s.snippet)).toEqual(['2026-12-02T01:00:00Z', '2026-12-01T23:30:00Z']);
    expectFieldRefused(await get('/api/workstream/signals', { since: 'last week' }), 'since', /YYYY-MM-DD/);
  });

  it('refuses bad dates and zones with 400 naming the field, never a 500 (REST and tRPC)', async () => {
    expectFieldRefused(await get('/api/workflow/analytics', { from: '2026-13-01' }), 'from', /YYYY-MM-DD/);
    expectFieldRefused(await get('/api/workflow/analytics', { to: '9999-12-31' }), 'to', /1000 to 9999/);
    expectFieldRefused(await get('/api/workflow/analytics', { from: '2026-12-01', tz: 'Nowhere/Land' }), 'tz', /IANA/);
    expectFieldRefused(await trpcQuery(t, org.viewer, 'analytics', { from: '0999-12-31' }), 'from', /YYYY-MM-DD/, true);
    expectFieldRefused(await trpcQuery(t, org.viewer, 'list', { filter: { to: '9999-12-31', tz: 'UTC' } }), 'filter.to', /1000 to 9999/, true);
  });
});
