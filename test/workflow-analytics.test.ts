import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/shared/clock.js';
import { bucketsFor } from '../src/workflow/analytics.js';
import { describeEachEngine } from './helpers/engines.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { createTaskVia, trpcData, trpcQuery, updateTaskVia } from './helpers/workflow.js';

describe('analytics buckets (pure)', () => {
  it('starts ISO weeks on Monday and months on the 1st, in UTC by default', () => {
    const w = bucketsFor('2026-03-01T12:00:00.000Z', '2026-03-03T00:00:00.000Z', 'week', 'UTC');
    expect(w.map((b) => [b.bucket, b.start, b.end])).toEqual([
      ['2026-02-23', '2026-02-23T00:00:00.000Z', '2026-03-02T00:00:00.000Z'],
      ['2026-03-02', '2026-03-02T00:00:00.000Z', '2026-03-09T00:00:00.000Z'],
    ]);
    expect(w[0]!.from).toBe('2026-03-01T12:00:00.000Z'); // clipped to the range
    const m = bucketsFor('2025-12-15T00:00:00.000Z', '2026-01-02T00:00:00.000Z', 'month', 'UTC');
    expect(m.map((b) => b.bucket)).toEqual(['2025-12-01', '2026-01-01']);
  });

  it('follows daylight saving time in a zone: the spring-forward day is 23 hours long', () => {
    const d = bucketsFor('2026-03-08T05:00:00.000Z', '2026-03-10T04:00:00.000Z', 'day', 'America/New_York');
    expect(d.map((b) => [b.bucket, b.start, b.end])).toEqual([
      ['2026-03-08', '2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z'],
      ['2026-03-09', '2026-03-09T04:00:00.000Z', '2026-03-10T04:00:00.000Z'],
    ]);
  });

  it('handles half-hour zones', () => {
    const d = bucketsFor('2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', 'day', 'Asia/Kolkata');
    expect(d.map((b) => [b.bucket, b.start])).toEqual([
      ['2026-01-01', '2025-12-31T18:30:00.000Z'],
      ['2026-01-02', '2026-01-01T18:30:00.000Z'],
    ]);
  });
});

describeEachEngine('workflow analytics', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  const clock = new ManualClock('2026-01-01T00:00:00.000Z');

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    org = await t.createOrg('Analytics');
    const at = async (iso: string, body: Record<string, unknown>) => {
      clock.set(iso);
      return createTaskVia(t, org.member, body);
    };
    await at('2026-03-01T23:30:00.000Z', { workflow_category: 'Quote Processing', title: 'T1 Sunday', dollar_value: 100 });
    await at('2026-03-02T00:30:00.000Z', { workflow_category: 'Invoicing', title: 'T2 Monday', dollar_value: 200 });
    await at('2026-01-31T23:30:00.000Z', { workflow_category: 'Invoicing', title: 'T3 end of January', dollar_value: 50 });
    const t4 = await at('2026-02-01T10:00:00.000Z', { workflow_category: 'Invoicing', title: 'T4', dollar_value: 10 });
    clock.set('2026-02-01T14:00:00.000Z');
    await updateTaskVia(t, org.member, t4.task_id, { task_status: 'COMPLETED' });
    await at('2026-03-03T00:00:00.000Z', { workflow_category: 'Quote Processing', title: 'T5 missed', dollar_value: 1000, sla_deadline: '2026-03-03T06:00:00.000Z' });
    clock.set('2026-03-20T00:00:00.000Z');
  });
  afterAll(() => t.close());

  const analytics = async (input: Record<string, unknown>) => trpcData(await trpcQuery(t, org.viewer, 'analytics', input));
  // Open tasks count as violations once their deadline has passed (the clock ends on 20 March): T1
  // (default 48 h → 3 Mar 23:30), T2 (4 Mar 00:30), T3 (2 Feb 23:30) and T5 (3 Mar 06:00); T4 was met.
  const pick = (r: any) => r.points.map((p: any) => [p.bucket, p.created, p.completed, p.violations]);

  it('buckets by ISO week in UTC: a Sunday and the next Monday fall in different weeks', async () => {
    const r = await analytics({ granularity: 'week', from: '2026-02-23T00:00:00Z', to: '2026-03-09T00:00:00Z' });
    expect(pick(r)).toEqual([
      ['2026-02-23', 1, 0, 0],
      ['2026-03-02', 2, 0, 3],
    ]);
    expect(r.points[1]).toMatchObject({ dollar_value_created: 1200, dollar_value_completed: 0, avg_resolution_hours: null });
    expect(r.tz).toBe('UTC');
  });

  it('buckets in the requested time zone: both land in the week of 23 Feb in New York', async () => {
    const r = await analytics({ granularity: 'week', from: '2026-02-23T05:00:00Z', to: '2026-03-09T04:00:00Z', tz: 'America/New_York' });
    expect(pick(r)).toEqual([
      ['2026-02-23', 2, 0, 0],
      ['2026-03-02', 1, 0, 3],
    ]);
    expect(r.points[1].end).toBe('2026-03-09T04:00:00.000Z');
  });

  it('buckets by month, with completions, resolution hours and the month edge moving with the zone', async () => {
    const utc = await analytics({ granularity: 'month', from: '2026-01-01T00:00:00Z', to: '2026-04-01T00:00:00Z' });
    expect(pick(utc)).toEqual([
      ['2026-01-01', 1, 0, 0],
      ['2026-02-01', 1, 1, 1],
      ['2026-03-01', 3, 0, 3],
    ]);
    expect(utc.points[1]).toMatchObject({ dollar_value_created: 10, dollar_value_completed: 10, avg_resolution_hours: 4 });
    const tokyo = await analytics({ granularity: 'month', from: '2025-12-31T15:00:00Z', to: '2026-03-31T15:00:00Z', tz: 'Asia/Tokyo' });
    expect(pick(tokyo)).toEqual([
      ['2026-01-01', 0, 0, 0],
      ['2026-02-01', 2, 1, 1],
      ['2026-03-01', 3, 0, 3],
    ]);
  });

  it('includes empty buckets and answers zeros for an empty range', async () => {
    const r = await analytics({ granularity: 'day', from: '2025-06-01T00:00:00Z', to: '2025-06-04T00:00:00Z' });
    expect(r.points).toEqual(
      ['2025-06-01', '2025-06-02', '2025-06-03'].map((bucket, i) => ({
        bucket,
        start: `2025-06-0${i + 1}T00:00:00.000Z`,
        end: `2025-06-0${i + 2}T00:00:00.000Z`,
        created: 0,
        completed: 0,
        violations: 0,
        dollar_value_created: 0,
        dollar_value_completed: 0,
        avg_resolution_hours: null,
      })),
    );
  });

  it('counts only inside [from, to) when the range cuts a bucket, and filters by category', async () => {
    const cut = await analytics({ granularity: 'week', from: '2026-03-02T12:00:00Z', to: '2026-03-04T00:00:00Z' });
    // T5 created 3 Mar; deadlines of T5 (3 Mar 06:00) and T1 (3 Mar 23:30) passed unmet; T2's (4 Mar 00:30) is outside.
    expect(pick(cut)).toEqual([['2026-03-02', 1, 0, 2]]);
    const inv = await analytics({ granularity: 'week', from: '2026-02-23T00:00:00Z', to: '2026-03-09T00:00:00Z', category: 'Invoicing' });
    expect(pick(inv)).toEqual([
      ['2026-02-23', 0, 0, 0],
      ['2026-03-02', 1, 0, 1],
    ]);
  });

  it('answers the REST mirror with the same result and validation', async () => {
    const input = { granularity: 'week', from: '2026-02-23T00:00:00Z', to: '2026-03-09T00:00:00Z' };
    const rest = await t.call(org.viewer, { method: 'GET', url: `/api/workflow/analytics?${new URLSearchParams(input)}` });
    expect(rest.statusCode).toBe(200);
    expect(rest.json()).toEqual(await analytics(input));
    const bad = await t.call(org.viewer, { method: 'GET', url: '/api/workflow/analytics?granularity=year&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields[0].field).toBe('granularity');
  });

  it('refuses unknown zones, reversed ranges and ranges of too many buckets with 400', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ granularity: 'day', from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z', tz: 'Mars/Olympus' }, 'tz'],
      [{ granularity: 'day', from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'to'],
      [{ granularity: 'day', from: '2026-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'to'],
      [{ granularity: 'day', from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'to'],
      [{ granularity: 'day', from: 'soon', to: '2026-01-01T00:00:00Z' }, 'from'],
    ];
    for (const [input, field] of cases) {
      const res = await trpcQuery(t, org.viewer, 'analytics', input);
      expect(res.statusCode, JSON.stringify(input)).toBe(400);
      expect(res.json().error.data.appCode).toBe('bad_request');
      expect(res.json().error.data.details.fields[0].field).toBe(field);
    }
  });
});
