import { afterAll, beforeAll, expect, it } from 'vitest';
import { claimEvents, completeAndClaim } from '../src/outbox/claim.js';
import { completeEvents } from '../src/outbox/complete.js';
import { failEvent } from '../src/outbox/fail.js';
import { HandlerMap, PermanentFailure, type OutboxHandler } from '../src/outbox/handler.js';
import { transact } from '../src/db/transact.js';
import { appendEvent, appendEvents } from '../src/outbox/work-events.repository.js';
import { OutboxWorker, type WorkerOptions } from '../src/outbox/worker.js';
import type { ManualClock } from '../src/shared/clock.js';
import { describeEachEngine } from './helpers/engines.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { gate, waitFor } from './helpers/wait-for.js';

describeEachEngine('outbox worker', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  let clock: ManualClock;

  beforeAll(async () => {
    t = await createTestApp(engine, { env: { OUTBOX_MAX_ATTEMPTS: '3', OUTBOX_LEASE: '1m' } });
    clock = t.clock as ManualClock;
    org = await t.createOrg('Acme');
    other = await t.createOrg('Globex');
  });
  afterAll(() => t.close());

  const worker = (handlers: HandlerMap, o: Partial<WorkerOptions> = {}) =>
    new OutboxWorker(t.deps, { handlers, crossProcessWake: false, batchSize: 50, ...o });

  const append = (eventName: string, payload: Record<string, unknown> = {}, orgId = org.orgId) =>
    transact(t.deps, (trx) =>
      appendEvent(trx, { orgId, eventName, itemType: 'test', itemId: 1, payload, happenedAt: clock.now().toISOString() }),
    );

  const row = (id: number) => t.db.database.db.selectFrom('work_event').selectAll().where('work_event_id', '=', id).executeTakeFirstOrThrow();
  /** The event's queue row (outbox_queue): its live claim, attempts and due time; undefined once processed or dead-lettered. */
  const queued = (id: number) => t.db.database.db.selectFrom('outbox_queue').selectAll().where('work_event_id', '=', id).executeTakeFirst();

  it('claims in batches, runs the handler once per event and marks every event processed', async () => {
    const seen: number[] = [];
    const ids = await transact(t.deps, (trx) =>
      appendEvents(
        trx,
        Array.from({ length: 120 }, (_, i) => ({ orgId: org.orgId, eventName: 'test.batch', itemType: 'test', itemId: i, happenedAt: clock.now().toISOString() })),
      ),
    );
    const w = worker(new HandlerMap().on('test.batch', async (e) => void seen.push(e.work_event_id)));
    const r = await w.drain();
    expect(r).toMatchObject({ claimed: 120, completed: 120, retried: 0, deadLettered: 0 });
    expect(seen.sort((a, b) => a - b)).toEqual(ids);
    const rows = await t.db.database.db.selectFrom('work_event').selectAll().where('work_event_id', 'in', ids).execute();
    for (const r of rows) {
      expect(r.processed_at).not.toBeNull();
      expect(r.attempts).toBe(1);
      expect(r.claimed_at).toBeNull();
      expect(r.claimed_by!.startsWith(`${w.workerId}/`)).toBe(true); // one token per claim: <worker id>/<sequence>
    }
  });

  it('runs at most 50 handlers of a big batch at once, and every one of them', async () => {
    await transact(t.deps, (trx) =>
      appendEvents(
        trx,
        Array.from({ length: 130 }, (_, i) => ({ orgId: org.orgId, eventName: 'test.burst', itemType: 'test', itemId: i, happenedAt: clock.now().toISOString() })),
      ),
    );
    let inFlight = 0;
    let most = 0;
    let ran = 0;
    const w = worker(
      new HandlerMap().on('test.burst', async () => {
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setImmediate(r));
        inFlight--;
        ran++;
      }),
      { batchSize: 200 },
    );
    const r = await w.drain();
    expect(r).toMatchObject({ claimed: 130, completed: 130 });
    expect(ran).toBe(130);
    expect(most).toBe(50);
  });

  it('never gives one event to two workers claiming at the same time', async () => {
    const ids = await transact(t.deps, (trx) =>
      appendEvents(
        trx,
        Array.from({ length: 300 }, (_, i) => ({ orgId: org.orgId, eventName: 'test.race', itemType: 'test', itemId: i, happenedAt: clock.now().toISOString() })),
      ),
    );
    // PostgreSQL: a second pool, as another process would have. SQLite: the same connection (two
    // connections in one thread would block each other inside better-sqlite3's synchronous busy
    // wait); across processes BEGIN IMMEDIATE serialises the claims instead.
    const second = engine.name === 'postgres' ? t.db.reopen() : t.db.database;
    try {
      const now = clock.now().toISOString();
      const loop = async (database: typeof second, workerId: string) => {
        const got: number[] = [];
        for (;;) {
          const batch = await claimEvents(database, { workerId, now, limit: 7 });
          if (batch.length === 0) return got;
          got.push(...batch.map((e) => e.work_event_id));
        }
      };
      const [a, b, c] = await Promise.all([loop(t.db.database, 'w-a'), loop(second, 'w-b'), loop(second, 'w-c')]);
      const all = [...a, ...b, ...c].sort((x, y) => x - y);
      expect(all).toEqual(ids);
      expect(new Set(all).size).toBe(300);
      for (const [w, got] of [['w-a', a], ['w-b', b], ['w-c', c]] as const) {
        expect(await completeEvents(t.db.database, { ids: got, workerId: w, now })).toBe(got.length);
      }
    } finally {
      if (second !== t.db.database) await second.close();
    }
  });

  it('completes a batch and claims the next in one step, never completing another claim\'s events', async () => {
    const ids = await transact(t.deps, (trx) =>
      appendEvents(
        trx,
        Array.from({ length: 10 }, (_, i) => ({ orgId: org.orgId, eventName: 'test.step', itemType: 'test', itemId: i, happenedAt: clock.now().toISOString() })),
      ),
    );
    const now = clock.now().toISOString();
    const a = (await claimEvents(t.db.database, { workerId: 'step-a', now, limit: 4 })).map((e) => e.work_event_id);
    const b = (await claimEvents(t.db.database, { workerId: 'step-b', now, limit: 3 })).map((e) => e.work_event_id);
    // 'step-a' names b's events too (a stale or confused completion): only its own are completed.
    const next = await completeAndClaim(t.db.database, { ids: [...a, ...b], workerId: 'step-a' }, { workerId: 'step-c', now, limit: 10 });
    expect(next.map((e) => e.work_event_id)).toEqual(ids.filter((id) => !a.includes(id) && !b.includes(id)));
    expect(next.every((e) => e.attempts === 1 && e.claimed_at === now)).toBe(true);
    for (const id of a) expect(await row(id)).toMatchObject({ processed_at: expect.any(String), claimed_at: null, claimed_by: 'step-a' });
    for (const id of b) {
      expect(await row(id)).toMatchObject({ processed_at: null });
      expect(await queued(id)).toMatchObject({ claimed_by: 'step-b', claimed_at: expect.any(String) });
    }
    for (const id of a) expect(await queued(id)).toBeUndefined();
    // Completing with nothing claimable left still completes.
    const none = await completeAndClaim(t.db.database, { ids: next.map((e) => e.work_event_id), workerId: 'step-c' }, { workerId: 'step-d', now, limit: 10 });
    expect(none).toEqual([]);
    for (const e of next) expect((await row(e.work_event_id)).processed_at).not.toBeNull();
    expect(await completeEvents(t.db.database, { ids: b, workerId: 'step-b', now })).toBe(3);
  });

  if (engine.name === 'postgres') {
    it('a complete-and-claim that fails changes nothing (one statement)', async () => {
      const [id1, id2] = await transact(t.deps, (trx) =>
        appendEvents(
          trx,
          Array.from({ length: 2 }, (_, i) => ({ orgId: org.orgId, eventName: 'test.atomic', itemType: 'test', itemId: i, happenedAt: clock.now().toISOString() })),
        ),
      );
      const now = clock.now().toISOString();
      const [first] = await claimEvents(t.db.database, { workerId: 'atomic-a', now, limit: 1 });
      expect(first!.work_event_id).toBe(id1);
      // An invalid timestamp fails the statement after both parts were planned.
      await expect(
        completeAndClaim(t.db.database, { ids: [id1!], workerId: 'atomic-a' }, { workerId: 'atomic-b', now: 'not a time', limit: 5 }),
      ).rejects.toThrow();
      expect(await row(id1!)).toMatchObject({ processed_at: null });
      expect(await queued(id1!)).toMatchObject({ claimed_by: 'atomic-a' });
      expect(await queued(id2!)).toMatchObject({ claimed_at: null, attempts: 0 });
      expect(await completeAndClaim(t.db.database, { ids: [id1!], workerId: 'atomic-a' }, { workerId: 'atomic-b', now, limit: 5 })).toHaveLength(1);
      expect(await completeEvents(t.db.database, { ids: [id2!], workerId: 'atomic-b', now })).toBe(1);
    });
  }

  it('busy lanes (full batches, completion carried into the next claim) process every event once and leave nothing claimed', async () => {
    const counts = new Map<number, number>();
    const ids = await transact(t.deps, (trx) =>
      appendEvents(
        trx,
        Array.from({ length: 95 }, (_, i) => ({ orgId: org.orgId, eventName: 'test.lanes', itemType: 'test', itemId: i, happenedAt: clock.now().toISOString() })),
      ),
    );
    const w = worker(new HandlerMap().on('test.lanes', async (e) => void counts.set(e.work_event_id, (counts.get(e.work_event_id) ?? 0) + 1)), {
      concurrency: 3,
      batchSize: 10,
    });
    await w.start();
    try {
      await waitFor(
        async () => (await t.db.database.db.selectFrom('work_event').select('work_event_id').where('work_event_id', 'in', ids).where('processed_at', 'is', null).execute()).length === 0,
        { what: 'every event processed' },
      );
    } finally {
      await w.stop();
    }
    expect([...counts.keys()].sort((x, y) => x - y)).toEqual(ids);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const rows = await t.db.database.db.selectFrom('work_event').selectAll().where('work_event_id', 'in', ids).execute();
    expect(rows.every((r) => r.claimed_at === null && r.attempts === 1)).toBe(true);
  });

  it('retries a failing handler with exponential backoff and jitter, then succeeds', async () => {
    let calls = 0;
    const w = worker(
      new HandlerMap().on('test.flaky', async () => {
        calls++;
        if (calls <= 2) throw new Error(`flaky failure ${calls}`);
      }),
      { backoff: { baseMs: 2_000, capMs: 60_000 } },
    );
    const id = await append('test.flaky');
    const t0 = clock.now().getTime();
    expect(await w.drain()).toMatchObject({ claimed: 1, retried: 1 });
    expect(await row(id)).toMatchObject({ processed_at: null, dead_letter_at: null });
    let q = (await queued(id))!;
    expect(q).toMatchObject({ attempts: 1, last_error: 'flaky failure 1', claimed_at: null });
    let delay = Date.parse(q.next_attempt_at) - t0;
    expect(delay).toBeGreaterThanOrEqual(1_000);
    expect(delay).toBeLessThanOrEqual(2_000);

    // Not due yet: nothing is claimed.
    clock.advance(delay - 1);
    expect((await w.drain()).claimed).toBe(0);
    clock.advance(1);
    expect(await w.drain()).toMatchObject({ claimed: 1, retried: 1 });
    q = (await queued(id))!;
    expect(q).toMatchObject({ attempts: 2, last_error: 'flaky failure 2' });
    delay = Date.parse(q.next_attempt_at) - clock.now().getTime();
    expect(delay).toBeGreaterThanOrEqual(2_000);
    expect(delay).toBeLessThanOrEqual(4_000);

    clock.advance(delay);
    expect(await w.drain()).toMatchObject({ claimed: 1, completed: 1 });
    const r = await row(id);
    expect(r.processed_at).not.toBeNull();
    expect(r.attempts).toBe(3);
    expect(r.last_error).toBe('flaky failure 2'); // the last failure stays on record
    expect(await queued(id)).toBeUndefined();
    expect(calls).toBe(3);
  });

  it('dead-letters after OUTBOX_MAX_ATTEMPTS, reports it, and redrives it from the admin API', async () => {
    let broken = true;
    const w = worker(
      new HandlerMap().on('test.poison', async () => {
        if (broken) throw new Error('receiver is down');
      }),
      { backoff: { baseMs: 1_000, capMs: 1_000 } },
    );
    const id = await append('test.poison', { n: 1 });
    for (let i = 0; i < 3; i++) {
      await w.drain();
      clock.advance(1_000);
    }
    const r = await row(id);
    expect(r.dead_letter_at).not.toBeNull();
    expect(r).toMatchObject({ attempts: 3, last_error: 'receiver is down', processed_at: null });
    expect(await queued(id)).toBeUndefined();
    expect((await w.drain()).claimed).toBe(0);

    const stats = await t.call(org.admin, { method: 'GET', url: '/api/outbox/stats' });
    expect(stats.statusCode).toBe(200);
    expect(stats.json()).toMatchObject({ dead_lettered: 1, in_flight: 0 });
    const otherStats = await t.call(other.admin, { method: 'GET', url: '/api/outbox/stats' });
    expect(otherStats.json().dead_lettered).toBe(0);

    const list = await t.call(org.admin, { method: 'GET', url: '/api/outbox/dead-letters' });
    expect(list.statusCode).toBe(200);
    expect(list.json().pagination).toEqual({ page: 1, limit: 50, total: 1, next_cursor: null });
    expect(list.json().data[0]).toMatchObject({ work_event_id: id, event_name: 'test.poison', attempts: 3, last_error: 'receiver is down', payload: { n: 1 } });
    expect((await t.call(other.admin, { method: 'GET', url: '/api/outbox/dead-letters' })).json().data).toEqual([]);

    // Admin only; another org's dead letter is 404; a live event is 409; bad ids are 400.
    expect((await t.call(org.member, { method: 'GET', url: '/api/outbox/dead-letters' })).statusCode).toBe(403);
    expect((await t.call(org.member, { method: 'POST', url: `/api/outbox/dead-letters/${id}/retry` })).statusCode).toBe(403);
    expect((await t.call(other.admin, { method: 'POST', url: `/api/outbox/dead-letters/${id}/retry` })).statusCode).toBe(404);
    const live = await append('test.unrelated');
    const notDead = await t.call(org.admin, { method: 'POST', url: `/api/outbox/dead-letters/${live}/retry` });
    expect(notDead.statusCode).toBe(409);
    expect(notDead.json().code).toBe('conflict');
    expect((await t.call(org.admin, { method: 'POST', url: '/api/outbox/dead-letters/abc/retry' })).statusCode).toBe(400);
    expect((await t.call(org.admin, { method: 'GET', url: '/api/outbox/dead-letters?limit=500' })).statusCode).toBe(400);

    broken = false;
    const retry = await t.call(org.admin, { method: 'POST', url: `/api/outbox/dead-letters/${id}/retry` });
    expect(retry.statusCode).toBe(202);
    expect(retry.json()).toEqual({ work_event_id: id, status: 'queued' });
    await w.drain();
    const after = await row(id);
    expect(after.processed_at).not.toBeNull();
    expect(after.dead_letter_at).toBeNull();
    expect(after.attempts).toBe(1);
    expect((await t.call(org.admin, { method: 'GET', url: '/api/outbox/dead-letters' })).json().data).toEqual([]);
  });

  it('dead-letters a permanent failure at once, without retries', async () => {
    const w = worker(new HandlerMap().on('test.permanent', async () => {
      throw new PermanentFailure('no recipient');
    }));
    const id = await append('test.permanent');
    expect(await w.drain()).toMatchObject({ claimed: 1, deadLettered: 1 });
    expect(await row(id)).toMatchObject({ attempts: 1, last_error: 'PermanentFailure: no recipient' });
    expect((await row(id)).dead_letter_at).not.toBeNull();
  });

  it('releases a claim whose lease expired (a dead worker) and retries it elsewhere', async () => {
    const handled: number[] = [];
    const w = worker(new HandlerMap().on('test.lease', async (e) => void handled.push(e.work_event_id)), { leaseMs: 60_000 });
    const id = await append('test.lease');
    const ghost = await claimEvents(t.db.database, { workerId: 'ghost', now: clock.now().toISOString(), limit: 10 });
    expect(ghost.map((e) => e.work_event_id)).toContain(id);
    expect((await w.drain()).claimed).toBe(0);

    clock.advance(59_000);
    expect((await w.sweep()).released).toBe(0);
    clock.advance(2_000);
    expect((await w.sweep()).released).toBe(1);
    expect((await queued(id))!.last_error).toMatch(/^lease expired: claimed by ghost at attempt 1$/);

    await w.drain();
    expect(handled).toEqual([id]);
    expect(await row(id)).toMatchObject({ attempts: 2, claimed_by: expect.stringMatching(new RegExp(`^${w.workerId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\d+$`)) });
    // The dead worker coming back cannot complete what is no longer its claim.
    expect(await completeEvents(t.db.database, { ids: [id], workerId: 'ghost', now: clock.now().toISOString() })).toBe(0);
  });

  it('dead-letters an expired claim that used its last attempt', async () => {
    const id = await append('test.lease-poison');
    for (let i = 0; i < 3; i++) {
      await claimEvents(t.db.database, { workerId: `crasher-${i}`, now: clock.now().toISOString(), limit: 10 });
      clock.advance(61_000);
      await worker(new HandlerMap(), { leaseMs: 60_000 }).sweep();
    }
    const r = await row(id);
    expect(r.attempts).toBe(3);
    expect(r.dead_letter_at).not.toBeNull();
    expect(r.last_error).toMatch(/crasher-2/);
  });

  it('marks an event with no handler processed', async () => {
    const id = await append('test.nobody-listens');
    await worker(new HandlerMap()).drain();
    expect((await row(id)).processed_at).not.toBeNull();
  });

  it('wakes on a commit in this process, not at the next poll', async () => {
    const handled: number[] = [];
    const w = worker(new HandlerMap().on('test.wake', async (e) => void handled.push(e.work_event_id)), { pollIntervalMs: 600_000 });
    await w.start();
    try {
      await waitFor(async () => (await w.drain()).claimed === 0); // idle
      const t0 = Date.now();
      const id = await append('test.wake');
      await waitFor(() => handled.includes(id), { timeoutMs: 2_000, what: 'in-process wake' });
      expect(Date.now() - t0).toBeLessThan(1_000);
    } finally {
      await w.stop();
    }
  });

  it('wakes on a commit from another process (LISTEN/NOTIFY or data_version), not at the next poll', async () => {
    const handled: number[] = [];
    const w = worker(new HandlerMap().on('test.remote', async (e) => void handled.push(e.work_event_id)), {
      pollIntervalMs: 600_000,
      crossProcessWake: true,
    });
    await w.start();
    const remote = t.db.reopen(); // its own connection and no link to this process's CommitFeed
    try {
      await new Promise((r) => setTimeout(r, 200)); // let the LISTEN connection settle and lanes go idle
      const t0 = Date.now();
      const id = await appendEvent(remote.db, { orgId: org.orgId, eventName: 'test.remote', itemType: 'test', itemId: 1, happenedAt: clock.now().toISOString() });
      await waitFor(() => handled.includes(id), { timeoutMs: 3_000, what: 'cross-process wake' });
      expect(Date.now() - t0).toBeLessThan(1_000);
    } finally {
      await remote.close();
      await w.stop();
    }
  });

  it('stop() lets the batch in flight finish and complete before returning', async () => {
    const g = gate();
    let entered = false;
    const w = worker(new HandlerMap().on('test.slow', async () => {
      entered = true;
      await g.promise;
    }));
    await w.start();
    const id = await append('test.slow');
    await waitFor(() => entered, { what: 'handler start' });
    let stopped = false;
    const stopping = w.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(stopped).toBe(false);
    g.open();
    await stopping;
    const r = await row(id);
    expect(r.processed_at).not.toBeNull();
    expect(r.claimed_at).toBeNull();
  });

  it('reports pending, in flight, failed-waiting, dead-lettered and the oldest pending age for the key\'s org', async () => {
    const third = await t.createOrg('Initech');
    const at = clock.now().toISOString();
    const ids = await transact(t.deps, (trx) =>
      appendEvents(
        trx,
        ['a', 'b', 'c', 'd'].map((x) => ({ orgId: third.orgId, eventName: `test.stats-${x}`, itemType: 'test', itemId: x, happenedAt: at })),
      ),
    );
    // Claim three of them as another worker: one stays in flight, one fails (retry later), one dies.
    const claimed = (await claimEvents(t.db.database, { workerId: 'stats', now: at, limit: 100 })).filter((e) => e.org_id === third.orgId);
    expect(claimed.map((e) => e.work_event_id)).toEqual(ids);
    const later = new Date(Date.parse(at) + 60_000).toISOString();
    await failEvent(t.db.database, { id: ids[2]!, workerId: 'stats', now: at, error: 'boom', nextAttemptAt: later });
    await failEvent(t.db.database, { id: ids[3]!, workerId: 'stats', now: at, error: 'dead', nextAttemptAt: null });
    await t.db.database.db.updateTable('outbox_queue').set({ claimed_at: null, claimed_by: null }).where('work_event_id', '=', ids[0]!).execute();
    clock.advance(30_000);
    const res = await t.call(third.admin, { method: 'GET', url: '/api/outbox/stats' });
    expect(res.json()).toEqual({ pending: 1, in_flight: 1, failed_waiting: 1, dead_lettered: 1, oldest_pending_at: at, oldest_pending_age_s: 30 });
    // Leave nothing behind for the tests that follow.
    await completeEvents(t.db.database, { ids: [ids[1]!], workerId: 'stats', now: at });
    await t.db.database.db.updateTable('work_event').set({ processed_at: at }).where('work_event_id', 'in', [ids[0]!, ids[2]!]).execute();
    await t.db.database.db.deleteFrom('outbox_queue').where('work_event_id', 'in', [ids[0]!, ids[2]!]).execute();
  });

  it('exposes queue depth, processed and dead-letter counts on /metrics', async () => {
    const res = await t.call(undefined, { method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/flowledger_outbox_queue_depth\{state="dead_lettered"\} \d+/);
    expect(res.body).toMatch(/flowledger_outbox_queue_depth\{state="pending"\} \d+/);
    expect(res.body).toMatch(/flowledger_outbox_processed_total\{event="test.batch"\} 120/);
    expect(res.body).toMatch(/flowledger_outbox_dead_lettered_total\{event="test.poison"\} 1/);
    expect(res.body).toContain('flowledger_outbox_pickup_latency_seconds_bucket');
  });
});

