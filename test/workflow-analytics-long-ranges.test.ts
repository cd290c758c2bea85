import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../src/shared/clock.js';
import { MAX_BUCKETS } from '../src/workflow/analytics.js';
import { describeEachEngine } from './helpers/engines.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { createTaskVia, trpcQuery, updateTaskVia } from './helpers/workflow.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const FROM = '2025-07-11T00:00:00.000Z';
/** The instant `days` (and `hours`) after FROM. */
const at = (days: number, hours = 0) => new Date(Date.parse(FROM) + days * DAY + hours * HOUR).toISOString();

describeEachEngine('workflow analytics over long ranges', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  const clock = new ManualClock(FROM);

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    org = await t.createOrg('Long ranges');
    const create = async (created: string, body: Record<string, unknown>) => {
      clock.set(created);
      return createTaskVia(t, org.member, { workflow_category: 'Invoicing', ...body });
    };
    // Before the range; its missed deadline falls in the first bucket.
    await create(at(-1), { title: 'before', dollar_value: 1, sla_deadline: at(0, 0.5) });
    await create(at(0, 1), { title: 'first bucket', dollar_value: 100, sla_deadline: at(2) });
    await create(at(499, 23), { title: 'bucket 499', dollar_value: 200, sla_deadline: at(700, 5) });
    await create(at(500), { title: 'bucket 500, on its edge', dollar_value: 300, sla_deadline: at(1000, 1) });
    const last = await create(at(999, 12), { title: 'last bucket', dollar_value: 400, sla_deadline: at(1001) });
    clock.set(at(999, 18));
    await updateTaskVia(t, org.member, last.task_id, { task_status: 'COMPLETED' });
    await create(at(1000), { title: 'at to, outside', dollar_value: 500, sla_deadline: at(1001) });
    clock.set(at(1100));
  });
  afterAll(() => t.close());

  const rest = (q: Record<string, string>) => t.call(org.viewer, { method: 'GET', url: `/api/workflow/analytics?${new URLSearchParams(q)}` });
  /** The day buckets after FROM that are not all zero, as [index, created, completed, violations]. */
  const dayCounts = [
    [0, 1, 0, 1],
    [2, 0, 0, 1],
    [499, 1, 0, 0],
    [500, 1, 0, 0],
    [700, 0, 0, 1],
    [999, 1, 1, 0],
  ];
  /** The buckets that are not all zero, as [index, created, completed, violations]. */
  const nonEmpty = (points: any[]) =>
    points.flatMap((p, i) => (p.created || p.completed || p.violations ? [[i, p.created, p.completed, p.violations]] : []));

  it(`answers ${MAX_BUCKETS} day buckets with every task counted in its own bucket`, async () => {
    const res = await rest({ granularity: 'day', from: FROM, to: at(MAX_BUCKETS) });
    expect(res.statusCode, res.body).toBe(200);
    const points = res.json().points;
    expect(points).toHaveLength(MAX_BUCKETS);
    expect([points[0].bucket, points[999].bucket]).toEqual(['2025-07-11', at(999).slice(0, 10)]);
    expect(nonEmpty(points)).toEqual(dayCounts);
    expect(points[999]).toMatchObject({ dollar_value_created: 400, dollar_value_completed: 400, avg_resolution_hours: 6 });
    expect(points[500]).toMatchObject({ start: at(500), end: at(501), dollar_value_created: 300 });
  });

  it('answers the 501 day buckets of the audit (SQLite once refused more than 500)', async () => {
    const res = await rest({ granularity: 'day', from: '2025-07-11T00:00:00Z', to: '2026-11-24T00:00:00Z' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().points).toHaveLength(501);
    expect(nonEmpty(res.json().points)).toEqual(dayCounts.filter(([i]) => i! < 501));
  });

  it(`answers ${MAX_BUCKETS} week and month buckets too`, async () => {
    // 2025-07-07 is a Monday, four days before FROM: day d after FROM is in week floor((d + 4) / 7).
    const weeks = await rest({ granularity: 'week', from: '2025-07-07T00:00:00Z', to: new Date(Date.parse('2025-07-07T00:00:00Z') + 1000 * 7 * DAY).toISOString() });
    expect(weeks.statusCode, weeks.body).toBe(200);
    expect(weeks.json().points).toHaveLength(1000);
    expect(nonEmpty(weeks.json().points)).toEqual([
      [0, 2, 0, 2],
      [71, 1, 0, 0],
      [72, 1, 0, 0],
      [100, 0, 0, 1],
      [143, 2, 1, 2],
    ]);
    const months = await rest({ granularity: 'month', from: '1960-01-01T00:00:00Z', to: '2043-05-01T00:00:00Z' });
    expect(months.statusCode, months.body).toBe(200);
    expect(months.json().points).toHaveLength(1000);
    const byMonth = Object.fromEntries(nonEmpty(months.json().points).map(([i, ...rest]) => [months.json().points[i].bucket, rest]));
    expect(byMonth).toEqual({
      '2025-07-01': [2, 0, 2],
      '2026-11-01': [2, 0, 0],
      '2027-06-01': [0, 0, 1],
      '2028-04-01': [2, 1, 2],
    });
  });

  it(`refuses ${MAX_BUCKETS + 1} buckets with 400 naming to`, async () => {
    const cases = [
      { granularity: 'day', from: FROM, to: at(MAX_BUCKETS + 1) },
      { granularity: 'day', from: FROM, to: at(MAX_BUCKETS, 1) },
      { granularity: 'month', from: '1960-01-01T00:00:00Z', to: '2043-05-01T00:00:01Z' },
    ];
    for (const q of cases) {
      const res = await rest(q);
      expect(res.statusCode, JSON.stringify(q)).toBe(400);
      expect(res.json().details.fields[0].field).toBe('to');
      const trpc = await trpcQuery(t, org.viewer, 'analytics', q);
      expect(trpc.statusCode).toBe(400);
      expect(trpc.json().error.data.details.fields[0].field).toBe('to');
    }
  });
});
