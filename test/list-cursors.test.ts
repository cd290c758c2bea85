/**
 * Keyset paging (#22): every list takes `cursor` beside `page`/`limit` and answers
 * `pagination.next_cursor`; following cursors visits every row once, in order, even while rows are
 * inserted meanwhile; a garbled or foreign cursor is a 400 naming `cursor`.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from './helpers/engines.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';

interface Page<T> {
  data: T[];
  pagination: { page: number; limit: number; total: number; next_cursor: string | null };
}

describeEachEngine('cursor paging', (engine) => {
  let t: TestApp;
  let a: TestOrg;
  let b: TestOrg;

  beforeAll(async () => {
    t = await createTestApp(engine);
    a = await t.createOrg('Acme');
    b = await t.createOrg('Beta');
  });
  afterAll(() => t.close());

  const get = async <T>(key: string, url: string): Promise<Page<T>> => {
    const res = await t.call(key, { method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page<T>;
  };

  /** Follows next_cursor from `first` to the end; `between` runs after each page (inserts). */
  async function walk<T>(key: string, first: string, between?: (n: number) => Promise<void>): Promise<T[]> {
    const seen: T[] = [];
    let url: string | undefined = first;
    for (let n = 0; url; n++) {
      const page: Page<T> = await get<T>(key, url);
      seen.push(...page.data);
      await between?.(n);
      const c = page.pagination.next_cursor;
      url = c ? `${first}${first.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(c)}` : undefined;
    }
    return seen;
  }

  it('walks every task once in each sort order, while new tasks arrive, with no OFFSET drift', async () => {
    const make = (i: number) =>
      t.call(a.member, {
        method: 'POST',
        url: '/api/workflow/tasks',
        payload: {
          workflow_category: i % 2 ? 'Support' : 'Sales',
          title: `cursor task ${i}`,
          priority: ['CRITICAL', 'HIGH', 'MEDIUM', 'NORMAL'][i % 4],
          dollar_value: (i % 5) * 100,
          ...(i % 3 ? { sla_deadline: new Date(Date.UTC(2030, 0, 1 + (i % 7))).toISOString() } : {}),
        },
      });
    for (let i = 0; i < 23; i++) expect((await make(i)).statusCode).toBe(201);
    const before = (await get<{ task_id: string }>(a.viewer, '/api/workflow/tasks?limit=200')).data.map((x) => x.task_id);
    expect(before).toHaveLength(23);

    for (const sort of ['created_at', 'sla_deadline', 'priority', 'status', 'dollar_value', 'updated_at']) {
      for (const direction of ['asc', 'desc']) {
        const all = (await get<{ task_id: string }>(a.viewer, `/api/workflow/tasks?limit=200&sort=${sort}&direction=${direction}`)).data.map((x) => x.task_id);
        const walked = (await walk<{ task_id: string }>(a.viewer, `/api/workflow/tasks?limit=4&sort=${sort}&direction=${direction}`)).map((x) => x.task_id);
        expect(walked, `${sort} ${direction}`).toEqual(all);
      }
    }

    // Newest first: rows inserted while walking land before the cursor, so the walk still sees the original rows exactly once.
    let extra = 0;
    const walked = await walk<{ task_id: string }>(a.viewer, '/api/workflow/tasks?limit=5&sort=created_at&direction=desc', async () => {
      expect((await make(100 + extra++)).statusCode).toBe(201);
    });
    const ids = walked.map((x) => x.task_id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of before) expect(ids).toContain(id);
  });

  it('pages tRPC workflow.list by cursor the same way', async () => {
    const input = (cursor?: string) => encodeURIComponent(JSON.stringify({ pagination: { limit: 7, ...(cursor ? { cursor } : {}) } }));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await t.call(a.viewer, { method: 'GET', url: `/api/workflow.list?input=${input(cursor)}` });
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json().result.data as Page<{ task_id: string }>;
      seen.push(...page.data.map((x) => x.task_id));
      cursor = page.pagination.next_cursor ?? undefined;
    } while (cursor);
    const all = (await get<{ task_id: string }>(a.viewer, '/api/workflow/tasks?limit=200')).data.map((x) => x.task_id);
    expect(seen).toEqual(all);
  });

  it('walks signals, candidates and pursuits by cursor', async () => {
    for (let i = 0; i < 9; i++) {
      const res = await t.call(a.member, {
        method: 'POST',
        url: '/api/workstream/signals',
        payload: { source_type: 'email', source_ref: `cursor-${i}`, snippet: `Signal ${i}`, ts: new Date(Date.UTC(2026, 5, 1 + (i % 3))).toISOString() },
      });
      expect(res.statusCode, res.body).toBeLessThan(300);
      const cand = await t.call(a.member, { method: 'POST', url: '/api/workstream/candidates', payload: { title: `Deal ${i}` } });
      expect(cand.statusCode, cand.body).toBe(201);
      const cid = cand.json().candidate_id;
      if (i % 2) continue;
      for (const to of ['triaged', 'promoted']) {
        const moved = await t.call(a.member, { method: 'POST', url: `/api/workstream/candidates/${cid}/transition`, payload: { to } });
        expect(moved.statusCode, moved.body).toBe(200);
      }
    }
    for (const path of ['/api/workstream/signals', '/api/workstream/candidates', '/api/workstream/pursuits']) {
      const all = (await get<Record<string, unknown>>(a.viewer, `${path}?limit=200`)).data;
      const walked = await walk<Record<string, unknown>>(a.viewer, `${path}?limit=2`);
      expect(all.length, path).toBeGreaterThanOrEqual(5);
      expect(walked, path).toEqual(all);
    }
  });

  it('refuses a garbled cursor, a cursor of another sort or list, and page with cursor, naming cursor', async () => {
    const first = await get<{ task_id: string }>(a.viewer, '/api/workflow/tasks?limit=2&sort=priority');
    const c = encodeURIComponent(first.pagination.next_cursor!);
    for (const url of [
      '/api/workflow/tasks?cursor=not-a-cursor',
      `/api/workflow/tasks?cursor=${c}&sort=created_at`,
      `/api/workflow/tasks?cursor=${c}&sort=priority&page=3`,
      `/api/workstream/signals?cursor=${c}`,
      `/api/workflow/tasks?cursor=${encodeURIComponent(Buffer.from('["tasks:priority:asc",{"x":1},"a"]').toString('base64url'))}&sort=priority`,
    ]) {
      const res = await t.call(a.viewer, { method: 'GET', url });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(res.body).toContain('cursor');
    }
  });

  it('never crosses orgs: another org walking with a cursor sees only its own rows', async () => {
    const mine = await get<{ task_id: string }>(a.viewer, '/api/workflow/tasks?limit=3');
    const theirs = await get<{ task_id: string }>(b.viewer, `/api/workflow/tasks?limit=3&cursor=${encodeURIComponent(mine.pagination.next_cursor!)}`);
    expect(theirs.data).toEqual([]);
  });
});
