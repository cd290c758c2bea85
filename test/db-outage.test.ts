/**
 * A database outage answers 503 + Retry-After (never 500) on REST, tRPC and the WebSocket, is
 * logged once, and everything resumes by itself: every acknowledged write is there afterwards, the
 * outbox processes what was queued, and WebSocket clients see new commits again. PostgreSQL is
 * taken away through a TCP proxy the test cuts (the shared server is never stopped); SQLite's
 * "busy past its timeout" is provoked by holding its write lock from another connection.
 */
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from './helpers/engines.js';
import { startOutageRig, type OutageRig } from './helpers/outage-rig.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { waitFor } from './helpers/wait-for.js';
import { openSocket } from './helpers/ws-client.js';
import { scaled } from './helpers/time-scale.js';

const pgEngine = testEngines().find((e) => e.name === 'postgres');

interface Answer {
  status: number;
  retryAfter: string | null;
  body: unknown;
}

async function call(rig: OutageRig, method: string, path: string, body?: unknown): Promise<Answer> {
  const res = await fetch(`${rig.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${rig.key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json().catch(() => null) };
}

const createTask = (rig: OutageRig, n: number) => call(rig, 'POST', '/api/workflow/create', { workflow_category: 'Outage', title: `write ${n}` });

(pgEngine ? describe : describe.skip)('database outage [postgres]', () => {
  let rig: OutageRig;
  beforeAll(async () => {
    rig = await startOutageRig(pgEngine!.url, { KEY_CACHE_TTL: '50ms' });
  });
  afterAll(() => rig?.close());

  it('answers 503 with Retry-After while the database is gone, logs it once, and resumes writes, outbox and WebSocket', async () => {
    const ws = openSocket(`${rig.wsUrl}?token=${rig.key}`);
    await ws.next((f) => f.event === 'system:ready', 10_000);

    // Writes keep coming through the whole outage; each answer is either 201 or 503.
    const acknowledged: string[] = [];
    const statuses = new Set<number>();
    let writing = true;
    let n = 0;
    const writer = (async () => {
      while (writing) {
        const r = await createTask(rig, n++);
        statuses.add(r.status);
        if (r.status === 201) acknowledged.push((r.body as { task_id: string }).task_id);
        else await new Promise((res) => setTimeout(res, 20));
      }
    })();
    await waitFor(() => acknowledged.length >= 5, { timeoutMs: 20_000, what: 'writes before the outage' });

    await rig.proxy.cut();
    // Every transport answers 503 with Retry-After in its own shape while the database is away.
    const rest = await waitFor(async () => {
      const r = await call(rig, 'GET', '/api/workflow/list');
      return r.status === 503 ? r : undefined;
    }, { timeoutMs: 20_000, what: 'REST 503' });
    expect(rest.retryAfter).toMatch(/^\d+$/);
    expect(rest.body).toMatchObject({ code: 'unavailable', details: { retry_after_s: expect.any(Number) } });

    const write = await createTask(rig, -1);
    expect(write.status).toBe(503);
    expect(write.retryAfter).toMatch(/^\d+$/);

    const trpc = await call(rig, 'GET', `/api/workflow.list?input=${encodeURIComponent(JSON.stringify({ pagination: { limit: 5 } }))}`);
    expect(trpc.status).toBe(503);
    expect(trpc.retryAfter).toMatch(/^\d+$/);
    expect(trpc.body).toMatchObject({ error: { data: { code: 'SERVICE_UNAVAILABLE', httpStatus: 503, appCode: 'unavailable' } } });

    const batch = await call(rig, 'GET', `/api/workflow.metrics,workflow.categories?batch=1&input=${encodeURIComponent('{}')}`);
    expect(batch.status).toBe(503);
    expect(batch.body).toEqual([
      expect.objectContaining({ error: expect.objectContaining({ data: expect.objectContaining({ httpStatus: 503, appCode: 'unavailable' }) }) }),
      expect.objectContaining({ error: expect.objectContaining({ data: expect.objectContaining({ httpStatus: 503, appCode: 'unavailable' }) }) }),
    ]);

    const mutation = await call(rig, 'POST', '/api/workflow.create', { workflow_category: 'Outage', title: 'via tRPC' });
    expect(mutation.status).toBe(503);

    // A WebSocket opened during the outage is told to come back later, not "internal error".
    const late = openSocket(`${rig.wsUrl}?token=${rig.key}`);
    expect((await late.closed).code).toBe(1013);

    const metrics = await fetch(`${rig.baseUrl}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/^flowledger_db_up 0$/m);
    expect(metrics).toMatch(/^flowledger_db_errors_total\{kind="unavailable"\} [1-9]/m);

    await rig.proxy.restore();
    const before = acknowledged.length;
    await waitFor(() => acknowledged.length > before + 5, { timeoutMs: 30_000, what: 'writes after the outage' });
    writing = false;
    await writer;

    expect([...statuses].sort()).toEqual([201, 503]);
    // Every acknowledged write is in the database.
    const rows = await rig.query<{ task_id: string }>('select task_id from workflow_tasks where task_id = any($1)', [acknowledged]);
    expect(rows.map((r) => r.task_id).sort()).toEqual([...acknowledged].sort());
    // The outbox processes everything that was committed, before and after the outage.
    await waitFor(async () => (await rig.query<{ n: string }>('select count(*) as n from work_event where processed_at is null and dead_letter_at is null'))[0]!.n === '0', {
      timeoutMs: 30_000,
      what: 'outbox drained',
    }).catch(async (err) => {
      console.log(await rig.query('select work_event_id, event_name, claimed_at, claimed_by, attempts, next_attempt_at, last_error from work_event where processed_at is null'));
      throw err;
    });
    // The WebSocket that stayed open sees commits made after the outage.
    const last = acknowledged.at(-1)!;
    await ws.next((f) => f.event === 'workflow:task:created' && f.data.taskId === last, 30_000);
    await ws.close();

    // One line for the outage and one for the recovery: not one per request.
    const lines = (msg: string) => rig.logs.filter((l) => l.msg === msg);
    expect(lines('database unavailable: answering 503 until it is back')).toHaveLength(1);
    // The recovery is announced once the database has answered for a settle period.
    await waitFor(() => lines('database available again').length === 1, { timeoutMs: 10_000, what: 'the recovery line' });
    expect(rig.logs.filter((l) => l.level >= 50 && l.msg !== 'database unavailable: answering 503 until it is back')).toEqual([]);
    const after = await fetch(`${rig.baseUrl}/metrics`).then((r) => r.text());
    expect(after).toMatch(/^flowledger_db_up 1$/m);
  }, scaled(120_000));
});

describe('SQLite busy past its timeout [sqlite]', () => {
  let t: TestApp;
  let org: TestOrg;
  beforeAll(async () => {
    t = await createTestApp({ name: 'sqlite', url: 'sqlite:' });
    org = await t.createOrg();
    // Short so the test does not wait out the default 5 s.
    t.db.database.sqlite!.pragma('busy_timeout = 50');
  });
  afterAll(() => t?.close());

  it('answers 503 with Retry-After while another connection holds the write lock, then writes again', async () => {
    const path = t.db.url.slice('sqlite:'.length);
    const other = new BetterSqlite3(path);
    other.exec('begin immediate');
    try {
      const r = await t.call(org.member, { method: 'POST', url: '/api/workflow/create', payload: { workflow_category: 'Busy', title: 'blocked' } });
      expect(r.statusCode).toBe(503);
      expect(r.headers['retry-after']).toMatch(/^\d+$/);
      expect(r.json()).toMatchObject({ code: 'unavailable', error: expect.stringMatching(/busy/) });
    } finally {
      other.exec('rollback');
      other.close();
    }
    const ok = await t.call(org.member, { method: 'POST', url: '/api/workflow/create', payload: { workflow_category: 'Busy', title: 'now' } });
    expect(ok.statusCode).toBe(201);
  });
});

