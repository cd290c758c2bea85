/**
 * Org groups (#21, "Ready for Citus"): the outbox claim, the sweep and the SLA pass can each be
 * restricted to an org_id range (ORG_GROUP), so the work could be split per shard; without a group
 * they see every org, as before.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.js';
import type { OrgGroup } from '../src/db/org-group.js';
import { transact } from '../src/db/transact.js';
import { claimEvents } from '../src/outbox/claim.js';
import { completeEvents } from '../src/outbox/complete.js';
import { HandlerMap } from '../src/outbox/handler.js';
import { sweepExpiredClaims } from '../src/outbox/sweep.js';
import { appendEvents } from '../src/outbox/work-events.repository.js';
import { OutboxWorker } from '../src/outbox/worker.js';
import type { ManualClock } from '../src/shared/clock.js';
import { runSlaPass } from '../src/sla/monitor.js';
import { describeEachEngine } from './helpers/engines.js';
import { insertTask } from './helpers/factories.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';

const only = (orgId: number): OrgGroup => ({ first: orgId, last: orgId });

describeEachEngine('org groups', (engine) => {
  let t: TestApp;
  let a: TestOrg;
  let b: TestOrg;
  let clock: ManualClock;

  beforeAll(async () => {
    t = await createTestApp(engine, { env: { OUTBOX_LEASE: '1m' } });
    clock = t.clock as ManualClock;
    a = await t.createOrg('Acme');
    b = await t.createOrg('Globex');
  });
  afterAll(() => t.close());

  const append = (orgId: number, eventName: string, n: number) =>
    transact(t.deps, (trx) =>
      appendEvents(
        trx,
        Array.from({ length: n }, (_, i) => ({ orgId, eventName, itemType: 'test', itemId: i, happenedAt: clock.now().toISOString() })),
      ),
    );
  const pending = async (ids: number[]) =>
    (await t.db.database.db.selectFrom('work_event').select('work_event_id').where('work_event_id', 'in', ids).where('processed_at', 'is', null).execute()).length;

  it('a worker with a group claims and completes only its orgs\' events; one without a group takes the rest', async () => {
    const seen: number[] = [];
    const handlers = new HandlerMap().on('group.test', async (e) => void seen.push(e.org_id));
    const ofA = await append(a.orgId, 'group.test', 30);
    const ofB = await append(b.orgId, 'group.test', 30);
    const r = await new OutboxWorker(t.deps, { handlers, crossProcessWake: false, batchSize: 7, orgGroup: only(b.orgId) }).drain();
    expect(r).toMatchObject({ claimed: 30, completed: 30 });
    expect(new Set(seen)).toEqual(new Set([b.orgId]));
    expect(await pending(ofB)).toBe(0);
    expect(await pending(ofA)).toBe(30);

    seen.length = 0;
    expect(await new OutboxWorker(t.deps, { handlers, crossProcessWake: false, orgGroup: undefined }).drain()).toMatchObject({ claimed: 30, completed: 30 });
    expect(new Set(seen)).toEqual(new Set([a.orgId]));
    expect(await pending(ofA)).toBe(0);
  });

  it('a range group with no upper end takes every org from its first', async () => {
    const ofA = await append(a.orgId, 'group.range', 5);
    const ofB = await append(b.orgId, 'group.range', 5);
    const claimed = await claimEvents(t.db.database, { workerId: 'range', now: clock.now().toISOString(), limit: 100, orgGroup: { first: b.orgId, last: null } });
    expect(claimed.map((e) => e.work_event_id).sort((x, y) => x - y)).toEqual(ofB);
    const rest = await claimEvents(t.db.database, { workerId: 'rest', now: clock.now().toISOString(), limit: 100 });
    expect(rest.map((e) => e.work_event_id).sort((x, y) => x - y)).toEqual(ofA);
    await completeEvents(t.db.database, { ids: ofB, workerId: 'range', now: clock.now().toISOString() });
    await completeEvents(t.db.database, { ids: ofA, workerId: 'rest', now: clock.now().toISOString() });
  });

  it('the sweep of a group releases only its orgs\' expired claims', async () => {
    const ofA = await append(a.orgId, 'group.sweep', 3);
    const ofB = await append(b.orgId, 'group.sweep', 3);
    const at = clock.now().toISOString();
    const claimed = await claimEvents(t.db.database, { workerId: 'dead', now: at, limit: 100 });
    expect(claimed.filter((e) => e.event_name === 'group.sweep')).toHaveLength(6);
    const later = new Date(Date.parse(at) + 120_000).toISOString();
    const swept = await sweepExpiredClaims(t.db.database, { now: later, leaseMs: 60_000, maxAttempts: 10, orgGroup: only(a.orgId) });
    expect(swept).toEqual({ released: 3, deadLettered: 0 });
    const claimedNow = await t.db.database.db.selectFrom('outbox_queue').select(['work_event_id', 'claimed_at']).where('work_event_id', 'in', [...ofA, ...ofB]).execute();
    for (const r of claimedNow) expect(r.claimed_at === null).toBe(ofA.includes(r.work_event_id));
    // Settle the rest so later tests start from an empty queue.
    await sweepExpiredClaims(t.db.database, { now: later, leaseMs: 60_000, maxAttempts: 10 });
    await new OutboxWorker(t.deps, { handlers: new HandlerMap().on('group.sweep', async () => {}), crossProcessWake: false, orgGroup: undefined }).drain();
  });

  it('an SLA pass with a group escalates only its orgs\' overdue tasks', async () => {
    const fiveHoursAgo = new Date(clock.now().getTime() - 5 * 3_600_000).toISOString();
    const taskA = await insertTask(t.db.database.db, a.orgId, { createdAt: fiveHoursAgo, priority: 'CRITICAL' });
    const taskB = await insertTask(t.db.database.db, b.orgId, { createdAt: fiveHoursAgo, priority: 'CRITICAL' });
    const status = async (id: string) =>
      (await t.db.database.db.selectFrom('workflow_tasks').select('sla_status').where('task_id', '=', id).executeTakeFirstOrThrow()).sla_status;

    const first = await runSlaPass({ database: t.db.database, clock, orgGroup: only(a.orgId) });
    expect(first).toMatchObject({ skipped: false, tasks_breached: 1 });
    expect(await status(taskA)).toBe('breached');
    expect(await status(taskB)).toBe('ok');

    const second = await runSlaPass({ database: t.db.database, clock });
    expect(second).toMatchObject({ skipped: false, tasks_breached: 1 });
    expect(await status(taskB)).toBe('breached');
  });

  it('ORG_GROUP is read as an org id range; anything else is refused by name', () => {
    const base = { DATABASE_URL: 'sqlite::memory:' };
    expect(loadConfig(base).orgGroup).toBeUndefined();
    expect(loadConfig({ ...base, ORG_GROUP: 'all' }).orgGroup).toBeUndefined();
    expect(loadConfig({ ...base, ORG_GROUP: '1-1000' }).orgGroup).toEqual({ first: 1, last: 1000 });
    expect(loadConfig({ ...base, ORG_GROUP: '1001-' }).orgGroup).toEqual({ first: 1001, last: null });
    for (const bad of ['10-1', 'x', '1,2', '-5']) expect(() => loadConfig({ ...base, ORG_GROUP: bad })).toThrow(/ORG_GROUP/);
  });
});
