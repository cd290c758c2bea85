/**
 * Cached answers (src/answer-cache/answer-cache.ts) of the Today panel and workflow.list: reused while
 * nothing changed, and fresh after every kind of change — a write through the API, a commit from
 * another process, rows written directly into the database (through the server's own handle and
 * through another one), and time passing a badge's moment.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { ManualClock } from '../src/shared/clock.js';
import { describeEachEngine } from './helpers/engines.js';
import { insertPursuit, insertTask } from './helpers/factories.js';
import { writeFromOtherProcess } from './helpers/processes.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { createTaskVia, trpcData, trpcQuery, updateTaskVia } from './helpers/workflow.js';

const W = '/api/workstream';
const HOUR = 3_600_000;

interface TodayItem {
  item_type: string;
  item_id: number;
  title: string;
  badge: string;
  sla_metric: string | null;
}

describeEachEngine('answer cache', (engine) => {
  let t: TestApp;
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
  });
  afterAll(() => t.close());

  /** Answers computed so far (not reused): a reuse leaves it unchanged. */
  const computed = () => t.deps.answers.stats.misses;
  /**
   * Reuse is asserted on both engines: the token is the org's version (migration 0025), so other
   * test files committing on the same PostgreSQL server, and other orgs of this file, do not count.
   */
  const expectReused = (before: number) => {
    expect(computed()).toBe(before);
  };

  async function today(key: string): Promise<TodayItem[]> {
    const res = await t.call(key, { method: 'GET', url: `${W}/today` });
    expect(res.statusCode).toBe(200);
    return res.json() as TodayItem[];
  }

  async function triagedCandidate(org: TestOrg, title: string): Promise<number> {
    const res = await t.call(org.member, { method: 'POST', url: `${W}/candidates`, payload: { title } });
    expect(res.statusCode).toBe(201);
    const id = res.json().candidate_id as number;
    expect((await t.call(org.member, { method: 'POST', url: `${W}/candidates/${id}/transition`, payload: { to: 'triaged' } })).statusCode).toBe(200);
    return id;
  }

  const item = (rows: TodayItem[], id: number) => rows.find((r) => r.item_type === 'candidate' && r.item_id === id);

  it('reuses a Today answer while nothing changes and recomputes after a write through the API', async () => {
    const org = await t.createOrg();
    const id = await triagedCandidate(org, 'Acme 40 units');
    const first = await today(org.viewer);
    expect(item(first, id)).toMatchObject({ title: 'Acme 40 units', badge: 'green' });

    const before = computed();
    expect(await today(org.viewer)).toEqual(first);
    expectReused(before);

    const res = await t.call(org.member, { method: 'PATCH', url: `${W}/candidates/${id}`, payload: { title: 'Acme 45 units' } });
    expect(res.statusCode).toBe(200);
    expect(item(await today(org.viewer), id)?.title).toBe('Acme 45 units');
  });

  it("keys answers by org: another org asking the same question gets its own, never the first org's", async () => {
    const a = await t.createOrg();
    const b = await t.createOrg();
    const id = await triagedCandidate(a, 'Only in A');
    expect(item(await today(a.viewer), id)).toBeDefined();
    expect(await today(b.viewer)).toEqual([]);

    const taskId = (await createTaskVia(t, a.member, { workflow_category: 'Quote Processing', title: 'A task' })).task_id as string;
    const input = { filter: { category: 'Quote Processing' } };
    expect(trpcData(await trpcQuery(t, a.viewer, 'list', input)).data.map((x: { task_id: string }) => x.task_id)).toEqual([taskId]);
    expect(trpcData(await trpcQuery(t, b.viewer, 'list', input))).toMatchObject({ data: [], pagination: { total: 0 } });
  });

  it("sees a write in one org at once, while another org's answers stay cached", async () => {
    const a = await t.createOrg();
    const b = await t.createOrg();
    const input = { filter: { category: 'Invoicing' } };
    const titles = async (key: string) => trpcData<{ data: Array<{ title: string }> }>(await trpcQuery(t, key, 'list', input)).data.map((x) => x.title);
    await createTaskVia(t, a.member, { workflow_category: 'Invoicing', title: 'A1' });
    await createTaskVia(t, b.member, { workflow_category: 'Invoicing', title: 'B1' });
    expect(await titles(a.viewer)).toEqual(['A1']);
    expect(await titles(b.viewer)).toEqual(['B1']);
    const bToday = await today(b.viewer);
    const bMetrics = trpcData(await trpcQuery(t, b.viewer, 'metrics'));

    for (let i = 2; i <= 4; i++) {
      await createTaskVia(t, a.member, { workflow_category: 'Invoicing', title: `A${i}` });
      await triagedCandidate(a, `A candidate ${i}`);
      const { hits, misses } = t.deps.answers.stats;
      // Org A: the write is seen by the very next read (no stale answer).
      expect((await titles(a.viewer)).sort()).toEqual(Array.from({ length: i }, (_, k) => `A${k + 1}`));
      expect(t.deps.answers.stats.misses).toBe(misses + 1);
      // Org B: all three answers are reused, none computed.
      expect(await titles(b.viewer)).toEqual(['B1']);
      expect(await today(b.viewer)).toEqual(bToday);
      expect(trpcData(await trpcQuery(t, b.viewer, 'metrics'))).toEqual(bMetrics);
      expect(t.deps.answers.stats.misses).toBe(misses + 1);
      expect(t.deps.answers.stats.hits).toBe(hits + 3);
    }
    // The same counters as /metrics shows them.
    const scraped = (await t.call(undefined, { method: 'GET', url: '/metrics' })).body;
    expect(scraped).toMatch(/flowledger_answer_cache_requests_total\{outcome="hit"\} [1-9]/);
  });

  it('recomputes Today after a commit from another process', async () => {
    const org = await t.createOrg();
    const id = await triagedCandidate(org, 'Before');
    expect(item(await today(org.viewer), id)?.title).toBe('Before');
    await writeFromOtherProcess(t.db.processUrl, `update candidate set title = 'Written by another process' where candidate_id = ${id}`);
    expect(item(await today(org.viewer), id)?.title).toBe('Written by another process');
  });

  it("recomputes Today after rows written directly, through the server's own handle and through another", async () => {
    const org = await t.createOrg();
    const id = await triagedCandidate(org, 'Direct');
    expect(item(await today(org.viewer), id)?.badge).toBe('green');

    // The server's own connection (SQLite: the same better-sqlite3 handle), no API involved.
    await t.deps.database.db
      .insertInto('sla_breach')
      .values({ org_id: org.orgId, item_type: 'candidate', item_id: String(id), rule_id: 0, metric: 'triage_sla', reason_code: 'untouched', breached_at: clock.now().toISOString() })
      .execute();
    expect(item(await today(org.viewer), id)).toMatchObject({ badge: 'red', sla_metric: 'triage_sla' });

    // A second handle on the same data (another connection in this process).
    const second = t.db.reopen();
    try {
      await second.db.updateTable('sla_breach').set({ resolved_at: clock.now().toISOString() }).where('org_id', '=', org.orgId).execute();
    } finally {
      await second.close();
    }
    expect(item(await today(org.viewer), id)).toMatchObject({ badge: 'green', sla_metric: null });
  });

  it('expires Today exactly when time turns a badge amber: a candidate after 72 h, a pursuit after its due date, and recomputes when the clock goes back', async () => {
    const org = await t.createOrg();
    clock.set('2026-04-01T08:00:00.000Z');
    const touched = clock.now().getTime();
    const id = await triagedCandidate(org, 'Ageing');
    const due = new Date(touched + 30 * HOUR).toISOString();
    const pid = await insertPursuit(t.deps.database.db, org.orgId, { createdAt: clock.now().toISOString(), dueDate: due });
    const badges = async () => {
      const rows = await today(org.viewer);
      return { candidate: item(rows, id)?.badge, pursuit: rows.find((r) => r.item_type === 'pursuit' && r.item_id === pid)?.badge };
    };

    clock.set(new Date(touched + HOUR));
    expect(await badges()).toEqual({ candidate: 'green', pursuit: 'green' });
    // 30 s apart, so the key's last_used_at (written at most once a minute) is not a change either.
    clock.set(new Date(Date.parse(due) - 30_000));
    expect(await badges()).toEqual({ candidate: 'green', pursuit: 'green' });
    const before = computed();
    clock.set(due); // not past due yet: the answer computed 30 s earlier is still the answer
    expect(await badges()).toEqual({ candidate: 'green', pursuit: 'green' });
    expectReused(before);
    clock.set(new Date(Date.parse(due) + 1));
    expect(await badges()).toEqual({ candidate: 'green', pursuit: 'amber' });

    clock.set(new Date(touched + 72 * HOUR - 30_000));
    expect(await badges()).toEqual({ candidate: 'green', pursuit: 'amber' });
    const again = computed();
    clock.set(new Date(touched + 72 * HOUR)); // untouched for exactly 72 h: not over it
    expect(await badges()).toEqual({ candidate: 'green', pursuit: 'amber' });
    expectReused(again);
    clock.set(new Date(touched + 72 * HOUR + 1));
    expect(await badges()).toEqual({ candidate: 'amber', pursuit: 'amber' });

    clock.set(new Date(touched + HOUR));
    expect(await badges()).toEqual({ candidate: 'green', pursuit: 'green' });
  });

  it('reuses a workflow.list page until a task changes through the API, another process or a direct insert', async () => {
    const org = await t.createOrg();
    const input = { filter: { status: 'RED', category: 'Quote Processing' }, pagination: { page: 1, limit: 50 }, sort: { field: 'sla_deadline', direction: 'asc' } };
    const list = async () => trpcData<{ data: Array<{ task_id: string; title: string; current_owner: string | null }>; pagination: { total: number } }>(await trpcQuery(t, org.viewer, 'list', input));
    const rest = async () => (await t.call(org.viewer, { method: 'GET', url: '/api/workflow/list?status=RED&category=Quote%20Processing&sort=sla_deadline&direction=asc' })).json();

    const taskId = (await createTaskVia(t, org.member, { workflow_category: 'Quote Processing', task_status: 'RED', title: 'Quote 1' })).task_id as string;
    const first = await list();
    expect(first.data.map((x) => x.title)).toEqual(['Quote 1']);
    const before = computed();
    expect(await list()).toEqual(first);
    expectReused(before);
    expect(await rest()).toEqual(first);

    await updateTaskVia(t, org.member, taskId, { current_owner: 'John Smith' });
    expect((await list()).data[0]?.current_owner).toBe('John Smith');
    expect((await rest()).data[0]?.current_owner).toBe('John Smith');

    await writeFromOtherProcess(t.db.processUrl, `update workflow_tasks set title = 'Quote 1 (edited elsewhere)' where task_id = '${taskId}'`);
    expect((await list()).data[0]?.title).toBe('Quote 1 (edited elsewhere)');

    await insertTask(t.deps.database.db, org.orgId, { createdAt: clock.now().toISOString(), category: 'Quote Processing', status: 'RED', title: 'Quote 2' });
    const after = await list();
    expect(after.pagination.total).toBe(2);
    expect(after.data.map((x) => x.title).sort()).toEqual(['Quote 1 (edited elsewhere)', 'Quote 2']);
  });

  it('reuses a signals page until a signal is added or changed, on the server or directly', async () => {
    const org = await t.createOrg();
    const page = async () => (await t.call(org.viewer, { method: 'GET', url: `${W}/signals?limit=2&page=1` })).json() as { data: Array<{ snippet: string }>; pagination: { total: number } };
    const post = async (snippet: string, ts: string) =>
      expect((await t.call(org.member, { method: 'POST', url: `${W}/signals`, payload: { source_type: 'email', snippet, ts } })).statusCode).toBe(201);
    await post('first', '2026-04-20T10:00:00.000Z');
    const first = await page();
    expect(first.data.map((x) => x.snippet)).toEqual(['first']);
    const before = computed();
    expect(await page()).toEqual(first);
    expectReused(before);

    await post('second', '2026-04-20T11:00:00.000Z');
    expect((await page()).data.map((x) => x.snippet)).toEqual(['second', 'first']);
    await writeFromOtherProcess(t.db.processUrl, `update signal set snippet = 'edited elsewhere' where org_id = ${org.orgId} and snippet = 'first'`);
    expect((await page()).data.map((x) => x.snippet)).toEqual(['second', 'edited elsewhere']);
    // Another org's identical question is its own answer.
    const other = await t.createOrg();
    expect((await t.call(other.viewer, { method: 'GET', url: `${W}/signals?limit=2&page=1` })).json().pagination.total).toBe(0);
  });

  it('reuses stats until a write, and recomputes exactly when a row leaves the 7-day window', async () => {
    const org = await t.createOrg();
    clock.set('2026-05-10T12:00:00.000Z');
    const created = clock.now().getTime();
    const stats = async () => (await t.call(org.viewer, { method: 'GET', url: `${W}/stats` })).json() as { signals: { total: number; recent: number }; candidates: { total: number; recent: number } };
    expect((await t.call(org.member, { method: 'POST', url: `${W}/candidates`, payload: { title: 'Window' } })).statusCode).toBe(201);
    expect((await stats()).candidates).toEqual({ total: 1, recent: 1 });

    const week = 7 * 24 * HOUR;
    clock.set(new Date(created + week - 30_000));
    expect((await stats()).candidates).toEqual({ total: 1, recent: 1 });
    const before = computed();
    clock.set(new Date(created + week)); // exactly 7 days old: still recent
    expect((await stats()).candidates).toEqual({ total: 1, recent: 1 });
    expectReused(before);
    clock.set(new Date(created + week + 1));
    expect((await stats()).candidates).toEqual({ total: 1, recent: 0 });

    expect((await t.call(org.member, { method: 'POST', url: `${W}/signals`, payload: { source_type: 'email', snippet: 'new', ts: clock.now().toISOString() } })).statusCode).toBe(201);
    expect((await stats()).signals).toEqual({ total: 1, recent: 1 });
  });

  it('reuses workflow.metrics until a write, and recomputes exactly when a task leaves the 24-hour window', async () => {
    const org = await t.createOrg();
    clock.set('2026-06-01T08:00:00.000Z');
    const created = clock.now().getTime();
    const metrics = async () => trpcData<{ total_tasks: number; red_tasks: number; tasks_last_24h: number }>(await trpcQuery(t, org.viewer, 'metrics'));
    const rest = async () => (await t.call(org.viewer, { method: 'GET', url: '/api/workflow/metrics' })).json() as { tasks_last_24h: number };
    await createTaskVia(t, org.member, { workflow_category: 'Invoicing', task_status: 'RED', title: 'In the window' });
    expect(await metrics()).toMatchObject({ total_tasks: 1, red_tasks: 1, tasks_last_24h: 1 });

    clock.set(new Date(created + 24 * HOUR - 1));
    expect((await metrics()).tasks_last_24h).toBe(1);
    const before = computed();
    clock.set(new Date(created + 24 * HOUR)); // exactly 24 h old: still inside
    expect((await metrics()).tasks_last_24h).toBe(1);
    expect((await rest()).tasks_last_24h).toBe(1);
    expectReused(before);
    clock.set(new Date(created + 24 * HOUR + 1));
    expect((await metrics()).tasks_last_24h).toBe(0);
    expect((await rest()).tasks_last_24h).toBe(0);
    clock.set(new Date(created + 24 * HOUR - 1)); // the clock goes back: recomputed, not the later answer
    expect((await metrics()).tasks_last_24h).toBe(1);

    clock.set(new Date(created + 30 * HOUR));
    await createTaskVia(t, org.member, { workflow_category: 'Invoicing', task_status: 'YELLOW', title: 'Later' });
    expect(await metrics()).toMatchObject({ total_tasks: 2, red_tasks: 1, tasks_last_24h: 1 });
    await writeFromOtherProcess(t.db.processUrl, `update workflow_tasks set task_status = 'RED' where org_id = ${org.orgId} and title = 'Later'`);
    expect((await metrics()).red_tasks).toBe(2);
  });

  it('answers a repeated tRPC call from its stored answer only for the same org and role, and never past authentication', async () => {
    const a = await t.createOrg();
    const b = await t.createOrg();
    await createTaskVia(t, a.member, { workflow_category: 'Invoicing', task_status: 'GREEN', title: 'Only A sees this' });
    const input = { filter: { category: 'Invoicing' } };
    const titles = async (key: string) => trpcData<{ data: Array<{ title: string }> }>(await trpcQuery(t, key, 'list', input)).data.map((x) => x.title);

    expect(await titles(a.viewer)).toEqual(['Only A sees this']);
    const before = computed();
    const hits = t.deps.answers.stats.hits;
    const procedureRuns = vi.spyOn(t.deps.answers, 'get'); // every run of the list procedure asks get()
    try {
      expect(await titles(a.viewer)).toEqual(['Only A sees this']); // the same call again: reused
      expectReused(before);
      if (engine.name === 'sqlite') {
        expect(t.deps.answers.stats.hits).toBe(hits + 1);
        expect(procedureRuns).not.toHaveBeenCalled(); // answered without running the procedure
      }
      expect(await titles(a.member)).toEqual(['Only A sees this']); // another role: its own way in, through the procedure
      expect(procedureRuns).toHaveBeenCalled();
    } finally {
      procedureRuns.mockRestore();
    }
    expect(await titles(b.viewer)).toEqual([]); // the same input string from another org

    // Inputs the short-cut has not seen still go through tRPC: an empty input reads as none there.
    const metrics = trpcData(await trpcQuery(t, a.viewer, 'metrics'));
    expect(trpcData(await trpcQuery(t, a.viewer, 'metrics'))).toEqual(metrics);
    expect(trpcData(await t.call(a.viewer, { method: 'GET', url: '/api/workflow.metrics?input=' }))).toEqual(metrics);
    expect((await t.call(a.viewer, { method: 'GET', url: `/api/workflow.list?input=${encodeURIComponent('{"filter":')}` })).statusCode).toBe(400);

    // A revoked key is refused by authentication before any stored answer is looked at.
    const created = await t.call(a.admin, { method: 'POST', url: '/api/keys', payload: { role: 'viewer', name: 'short-lived' } });
    expect(created.statusCode).toBe(201);
    const { key, key_id } = created.json() as { key: string; key_id: number };
    expect(await titles(key)).toEqual(['Only A sees this']);
    expect((await t.call(a.admin, { method: 'DELETE', url: `/api/keys/${key_id}` })).statusCode).toBe(200);
    const refused = await trpcQuery(t, key, 'list', input);
    expect(refused.statusCode).toBe(401);
    expect(refused.body).not.toContain('Only A sees this');
  });

  it('sends stored answers gzip-compressed to clients that accept it, never a stale one, and identity to the rest', async () => {
    const org = await t.createOrg();
    for (let i = 0; i < 12; i++)
      await createTaskVia(t, org.member, { workflow_category: 'Quote Processing', task_status: 'RED', title: `Quote ${i} for a customer who wants 40 units of part 7731-B` });
    const urls = [
      `/api/workflow.list?input=${encodeURIComponent(JSON.stringify({ filter: { category: 'Quote Processing' }, pagination: { page: 1, limit: 50 } }))}`,
      '/api/workflow/list?category=Quote%20Processing&limit=50',
    ];
    const get = (url: string, acceptEncoding?: string) =>
      t.call(org.viewer, { method: 'GET', url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

    for (const url of urls) {
      const plain = await get(url);
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toMatch(/accept-encoding/i);
      expect(plain.rawPayload.length).toBeGreaterThan(1024);

      for (let round = 0; round < 2; round++) {
        // Round 0 compresses the stored answer, round 1 reuses the compressed bytes.
        const zipped = await get(url, 'gzip, deflate');
        expect(zipped.statusCode).toBe(200);
        expect(zipped.headers['content-encoding']).toBe('gzip');
        expect(zipped.headers.vary).toMatch(/accept-encoding/i);
        expect(zipped.headers['content-type']).toMatch(/^application\/json/);
        expect(Number(zipped.headers['content-length'])).toBe(zipped.rawPayload.length);
        expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
        expect(gunzipSync(zipped.rawPayload).toString()).toBe(plain.body);
      }
      const refused = await get(url, 'gzip;q=0, br');
      expect(refused.headers['content-encoding']).toBeUndefined();
      expect(refused.body).toBe(plain.body);
    }

    // A change makes a new answer, so a new compressed body: never the old bytes.
    const one = (await trpcData<{ data: Array<{ task_id: string }> }>(await trpcQuery(t, org.viewer, 'list', { filter: { category: 'Quote Processing' } }))).data[0]!;
    await updateTaskVia(t, org.member, one.task_id, { current_owner: 'Compressed Owner' });
    for (const url of urls) {
      const zipped = await get(url, 'gzip');
      const answer = JSON.parse(gunzipSync(zipped.rawPayload).toString());
      const rows = (answer.result?.data ?? answer).data as Array<{ task_id: string; current_owner: string | null }>;
      expect(rows.find((r) => r.task_id === one.task_id)?.current_owner).toBe('Compressed Owner');
      expect(gunzipSync(zipped.rawPayload).toString()).toBe((await get(url)).body);
    }
  });
});
