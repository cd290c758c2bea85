/**
 * The admin API behind the dead-letter and audit screens, on both engines: discarding a dead letter
 * (it leaves the list and the stats, is never claimed or redriven, is audited, ages out with the
 * activity log) and the audit trail (only audit events, newest first, paged, filtered by kind);
 * members and viewers refused, another org's events never seen nor touched.
 */
import { markDeadLettered } from './helpers/outbox-seed.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { transact } from '../src/db/transact.js';
import { claimEvents } from '../src/outbox/claim.js';
import { pruneProcessedEvents } from '../src/outbox/retention.repository.js';
import { appendEvent } from '../src/outbox/work-events.repository.js';
import type { ManualClock } from '../src/shared/clock.js';
import { describeEachEngine } from './helpers/engines.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';

describeEachEngine('outbox admin: discard and the audit trail', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  let clock: ManualClock;

  beforeAll(async () => {
    t = await createTestApp(engine);
    clock = t.clock as ManualClock;
    org = await t.createOrg('Acme');
    other = await t.createOrg('Globex');
  });
  afterAll(() => t.close());

  const db = () => t.deps.database.db;
  const row = (id: number) => db().selectFrom('work_event').selectAll().where('work_event_id', '=', id).executeTakeFirstOrThrow();

  /** An event of `orgId` that used up its attempts: dead-lettered with its last error. */
  async function deadLetter(orgId: number, eventName = 'test.poison'): Promise<number> {
    const now = clock.now().toISOString();
    const id = await transact(t.deps, (trx) => appendEvent(trx, { orgId, eventName, itemType: 'test', itemId: 7, payload: { n: 1 }, happenedAt: now }));
    await markDeadLettered(t.deps.database, id, { now, attempts: 10, error: 'receiver said 503' });
    return id;
  }

  const discard = (key: string, id: number | string) => t.call(key, { method: 'POST', url: `/api/outbox/dead-letters/${id}/discard` });

  it('discards a dead letter: gone from the list and the stats, never claimed nor redriven, audited with who did it', async () => {
    const id = await deadLetter(org.orgId);
    const keep = await deadLetter(org.orgId);
    expect((await t.call(org.admin, { method: 'GET', url: '/api/outbox/stats' })).json().dead_lettered).toBe(2);

    const res = await discard(org.admin, id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ work_event_id: id, status: 'discarded' });

    const list = await t.call(org.admin, { method: 'GET', url: '/api/outbox/dead-letters' });
    expect(list.json().data.map((d: { work_event_id: number }) => d.work_event_id)).toEqual([keep]);
    expect((await t.call(org.admin, { method: 'GET', url: '/api/outbox/stats' })).json().dead_lettered).toBe(1);
    // Stored as processed while dead-lettered: the error stays, why it was given up.
    expect(await row(id)).toMatchObject({ processed_at: clock.now().toISOString(), dead_letter_at: expect.any(String), last_error: 'receiver said 503' });

    // Not retried, not discarded twice.
    const retry = await t.call(org.admin, { method: 'POST', url: `/api/outbox/dead-letters/${id}/retry` });
    expect(retry.statusCode).toBe(409);
    const again = await discard(org.admin, id);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'conflict', error: `Work event ${id} is not dead-lettered` });
    const claimed = await claimEvents(t.deps.database, { workerId: 'w', limit: 100, now: clock.now().toISOString() });
    expect(claimed.map((e) => e.work_event_id)).not.toContain(id);

    const audit = await t.call(org.admin, { method: 'GET', url: '/api/audit?event_name=audit.dead_letter.' });
    expect(audit.json().data).toHaveLength(1);
    expect(audit.json().data[0]).toMatchObject({
        work_event_id: expect.any(Number),
        org_id: org.orgId,
        event_name: 'audit.dead_letter.discarded',
        item_type: 'dead_letter',
        item_id: String(id),
        payload: {
          work_event_id: id,
          event_name: 'test.poison',
          attempts: 10,
          last_error: 'receiver said 503',
          changes: { status: { before: 'dead_lettered', after: 'discarded' } },
          actor_key_id: expect.any(Number),
        },
        actor: `admin-${org.orgId}`,
        happened_at: clock.now().toISOString(),
    });
  });

  it('answers 404 for an unknown event or another org’s, 409 for one not dead-lettered, 400 for a bad id; members and viewers 403', async () => {
    const id = await deadLetter(org.orgId);
    const live = await transact(t.deps, (trx) =>
      appendEvent(trx, { orgId: org.orgId, eventName: 'test.live', itemType: 'test', itemId: 1, happenedAt: clock.now().toISOString() }),
    );
    expect((await discard(other.admin, id)).statusCode).toBe(404);
    expect((await discard(org.admin, 999_999_999)).statusCode).toBe(404);
    const notDead = await discard(org.admin, live);
    expect(notDead.statusCode).toBe(409);
    expect((await row(live)).processed_at).toBeNull();
    expect((await discard(org.admin, 'abc')).statusCode).toBe(400);
    expect((await discard(org.member, id)).statusCode).toBe(403);
    expect((await discard(org.viewer, id)).statusCode).toBe(403);
    // Nothing of the refused calls changed it, nor audited anything.
    expect((await row(id)).processed_at).toBeNull();
    const audited = await t.call(org.admin, { method: 'GET', url: '/api/audit?event_name=audit.dead_letter.' });
    expect(audited.json().data.map((e: { item_id: string }) => e.item_id)).not.toContain(String(id));
    expect((await t.call(other.admin, { method: 'GET', url: '/api/audit' })).json().data).toEqual([]);
  });

  it('lets a discarded event age out with the activity log, while an undiscarded dead letter stays', async () => {
    const gone = await deadLetter(org.orgId);
    const stays = await deadLetter(org.orgId);
    expect((await discard(org.admin, gone)).statusCode).toBe(200);
    const later = new Date(clock.now().getTime() + 60_000).toISOString();
    await pruneProcessedEvents(db(), { before: later, limit: 1000, events: 'activity' });
    expect(await db().selectFrom('work_event').select('work_event_id').where('work_event_id', 'in', [gone, stays]).execute()).toEqual([{ work_event_id: stays }]);
  });

  it('lists only audit events, newest first, paged, filtered by kind or event; refuses other roles and a filter outside audit', async () => {
    const a = await t.createOrg('Initech');
    const created = await t.call(a.admin, { method: 'POST', url: '/api/keys', payload: { role: 'viewer', name: 'reports' } });
    const keyId = created.json().key_id as number;
    clock.advance(1000);
    expect((await t.call(a.admin, { method: 'DELETE', url: `/api/keys/${keyId}` })).statusCode).toBe(200);
    clock.advance(1000);
    expect((await t.call(a.admin, { method: 'PATCH', url: '/api/sla/settings', payload: { high_value_threshold: 75_000 } })).statusCode).toBe(200);
    // A business event in between is not part of the trail.
    await transact(t.deps, (trx) => appendEvent(trx, { orgId: a.orgId, eventName: 'task.created', itemType: 'task', itemId: 'T', happenedAt: clock.now().toISOString() }));

    const all = await t.call(a.admin, { method: 'GET', url: '/api/audit' });
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().data.map((e: { event_name: string }) => e.event_name)).toEqual(['audit.org.updated', 'audit.api_key.revoked', 'audit.api_key.created']);
    expect(all.json().pagination).toEqual({ page: 1, limit: 50, total: 3, next_cursor: null });

    const page2 = await t.call(a.admin, { method: 'GET', url: '/api/audit?limit=2&page=2' });
    expect(page2.json().data.map((e: { event_name: string }) => e.event_name)).toEqual(['audit.api_key.created']);

    const keys = await t.call(a.admin, { method: 'GET', url: '/api/audit?event_name=audit.api_key.' });
    expect(keys.json().data.map((e: { event_name: string }) => e.event_name)).toEqual(['audit.api_key.revoked', 'audit.api_key.created']);
    expect(keys.json().data[0]).toMatchObject({ item_type: 'api_key', item_id: String(keyId), payload: { key_id: keyId, name: 'reports', role: 'viewer' } });
    const one = await t.call(a.admin, { method: 'GET', url: '/api/audit?event_name=audit.api_key.revoked' });
    expect(one.json().pagination.total).toBe(1);
    // `_` is a literal, not LIKE's any-character: audit.api.key. matches nothing.
    expect((await t.call(a.admin, { method: 'GET', url: '/api/audit?event_name=audit.api.key.' })).json().pagination.total).toBe(0);

    for (const bad of ['task.', 'audit', 'AUDIT.user.', 'audit.%']) {
      const res = await t.call(a.admin, { method: 'GET', url: `/api/audit?event_name=${encodeURIComponent(bad)}` });
      expect(res.statusCode, bad).toBe(400);
      expect(res.body).toContain('event_name');
    }
    expect((await t.call(a.member, { method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    expect((await t.call(a.viewer, { method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    // Another org's trail never shows.
    const others = (await t.call(org.admin, { method: 'GET', url: '/api/audit' })).json().data as Array<{ item_type: string }>;
    expect(others.every((e) => e.item_type === 'dead_letter')).toBe(true);
  });

  it('describes both routes in the OpenAPI document', async () => {
    const paths = (await t.call(undefined, { method: 'GET', url: '/api/openapi.json' })).json().paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/api/audit'] ?? {})).toContain('get');
    expect(Object.keys(paths['/api/outbox/dead-letters/{id}/discard'] ?? {})).toContain('post');
  });
});
