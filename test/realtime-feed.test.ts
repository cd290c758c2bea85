/**
 * The commit-ordered event feed under the two loads that lost events with the old id-gap window
 * (#21): a transaction that holds an event open while thousands of others commit, and concurrent
 * bulk inserts. Every event must reach every connected client exactly once, and nothing may wait
 * for the long transaction but its own event.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { realtimeServices } from '../src/app/realtime-services.js';
import { transact } from '../src/db/transact.js';
import { appendEvents, type NewWorkEvent } from '../src/outbox/work-events.repository.js';
import type { Service } from '../src/shared/lifecycle.js';
import { describeEachEngine } from './helpers/engines.js';
import { scaled } from './helpers/time-scale.js';
import { gate, waitFor } from './helpers/wait-for.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { openReady, type TestSocket } from './helpers/ws-client.js';

describeEachEngine('event feed', (engine) => {
  let t: TestApp;
  let wsUrl: string;
  let services: Service[];
  let org: TestOrg;

  beforeAll(async () => {
    t = await createTestApp(engine);
    // Wake-ups come from this process's commits alone: no fallback poll hides a missed read.
    services = realtimeServices(t.deps, { tap: { pollIntervalMs: 3_600_000 } }).services;
    for (const s of services) await s.start();
    wsUrl = `${(await t.app.listen({ port: 0, host: '127.0.0.1' })).replace(/^http/, 'ws')}/ws`;
    org = await t.createOrg();
  });
  afterAll(async () => {
    for (const s of [...services].reverse()) await s.stop();
    await t.close();
  });

  const events = (name: string, n: number, from = 0): NewWorkEvent[] =>
    Array.from({ length: n }, (_, i) => ({
      orgId: org.orgId,
      eventName: name,
      itemType: 'feed',
      itemId: String(from + i),
      payload: { n: from + i },
      happenedAt: t.clock.now().toISOString(),
    }));

  /** Frame ids of `name` a socket received, and how many times each. */
  const received = (s: TestSocket, name: string) => {
    const counts = new Map<string, number>();
    for (const f of s.frames) if (f.event === `workstream:${name}`) counts.set(f.id, (counts.get(f.id) ?? 0) + 1);
    return counts;
  };

  if (engine.name === 'postgres') {
    it('a transaction held open does not hold back the thousands that commit meanwhile; its event comes once, when it commits', async () => {
      const client = await openReady(wsUrl, org.viewer);
      const held = gate();
      const inserted = gate();
      let longId = 0;
      const long = t.deps.database.db.transaction().execute(async (trx) => {
        longId = (await appendEvents(trx, events('feed.long', 1)))[0]!;
        inserted.open();
        await held.promise;
      });
      await inserted.promise;
      const N = 2_000;
      const ids: number[] = [];
      let next = 0;
      const worker = async () => {
        while (next < N) {
          const i = next++;
          ids.push(...(await transact(t.deps, (trx) => appendEvents(trx, events('feed.short', 1, i)))));
        }
      };
      await Promise.all(Array.from({ length: 4 }, worker));
      // Every short transaction took a higher id than the open one, and each is delivered while it is still open.
      expect(Math.min(...ids)).toBeGreaterThan(longId);
      await waitFor(() => received(client, 'feed.short').size === N, { timeoutMs: 30_000, what: `${N} short events` });
      expect(received(client, 'feed.long').size).toBe(0);
      held.open();
      await long;
      t.deps.commitFeed.notify();
      await waitFor(() => received(client, 'feed.long').size === 1, { timeoutMs: 10_000, what: 'the long transaction’s event' });
      await waitFor(async () => {
        // One more commit after it: a pass that saw the long one would repeat it now if it ever would.
        await transact(t.deps, (trx) => appendEvents(trx, events('feed.after', 1)));
        return received(client, 'feed.after').size > 0;
      });
      const short = received(client, 'feed.short');
      expect([...short.values()].every((c) => c === 1)).toBe(true);
      expect([...short.keys()].sort()).toEqual(ids.map(String).sort());
      expect(received(client, 'feed.long').get(String(longId))).toBe(1);
      await client.close();
    }, scaled(60_000));
  }

  it('10 concurrent 5,000-row inserts: every event reaches every connected client exactly once', async () => {
    const clients = await Promise.all([openReady(wsUrl, org.viewer), openReady(wsUrl, org.member)]);
    const K = 10;
    const ROWS = 5_000;
    const all = await Promise.all(
      Array.from({ length: K }, (_, k) =>
        transact(t.deps, async (trx) => {
          const out: number[] = [];
          // One transaction of 5,000 rows, set-based in statements of 1,000 (SQLite's bound-parameter limit).
          for (let c = 0; c < ROWS; c += 1_000) out.push(...(await appendEvents(trx, events('feed.bulk', 1_000, k * ROWS + c))));
          return out;
        }),
      ),
    );
    const ids = all.flat().map(String).sort();
    expect(ids).toHaveLength(K * ROWS);
    for (const c of clients) await waitFor(() => received(c, 'feed.bulk').size === K * ROWS, { timeoutMs: 45_000, what: 'every bulk event' });
    await waitFor(async () => {
      await transact(t.deps, (trx) => appendEvents(trx, events('feed.after-bulk', 1)));
      return clients.every((c) => received(c, 'feed.after-bulk').size > 0);
    });
    for (const c of clients) {
      const got = received(c, 'feed.bulk');
      expect([...got.values()].filter((n) => n !== 1)).toEqual([]);
      expect([...got.keys()].sort()).toEqual(ids);
      await c.close();
    }
  }, scaled(90_000));
});
