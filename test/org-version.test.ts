/**
 * The per-org change token (Database.changeToken, migration 0025): it moves with every committed
 * write of the org's rows that cached answers read — whoever writes — and with nothing else; and on
 * PostgreSQL the bump waits for commit, so two long transactions of one org do not queue behind
 * each other.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOrg } from '../src/auth/orgs.repository.js';
import type { Database } from '../src/db/create-db.js';
import { describeEachEngine, openTestDatabase, type TestDatabase } from './helpers/engines.js';
import { insertCandidate, insertTask } from './helpers/factories.js';
import { scaled } from './helpers/time-scale.js';

const NOW = '2026-03-02T09:00:00.000Z';

describeEachEngine('per-org change token', (engine) => {
  let t: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    t = await openTestDatabase(engine, { poolSize: 4 });
    database = t.database;
  });
  afterAll(() => t.drop());

  const newOrg = async (name: string) => (await createOrg(database.db, { name, now: NOW })).org_id;

  it("moves with a write of the org's own rows only, and not for a rolled-back one", async () => {
    const a = await newOrg('A');
    const b = await newOrg('B');
    const [a0, b0] = [await database.changeToken(a), await database.changeToken(b)];
    expect(a0).not.toMatch(/^none/);
    expect(await database.changeToken(a)).toBe(a0);

    await insertTask(database.db, a, { createdAt: NOW, title: 'in A' });
    const a1 = await database.changeToken(a);
    expect(a1).not.toBe(a0);
    expect(await database.changeToken(b)).toBe(b0);

    await insertCandidate(database.db, b, { lastTouchAt: NOW });
    expect(await database.changeToken(a)).toBe(a1);
    const b1 = await database.changeToken(b);
    expect(b1).not.toBe(b0);

    await expect(
      database.db.transaction().execute(async (trx) => {
        await insertTask(trx, a, { createdAt: NOW, title: 'rolled back' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await database.changeToken(a)).toBe(a1);

    // Every kind of write counts: update, delete, and the org's own settings.
    await database.db.updateTable('workflow_tasks').set({ title: 'renamed' }).where('org_id', '=', a).execute();
    const a2 = await database.changeToken(a);
    expect(a2).not.toBe(a1);
    await database.db.deleteFrom('workflow_tasks').where('org_id', '=', a).execute();
    const a3 = await database.changeToken(a);
    expect(a3).not.toBe(a2);
    await database.db.updateTable('org').set({ currency: 'EUR' }).where('org_id', '=', a).execute();
    expect(await database.changeToken(a)).not.toBe(a3);
    expect(await database.changeToken(b)).toBe(b1);
  });

  it("moves for every org a renamed user is a member of (owner names are in the answers), and for no other", async () => {
    const a = await newOrg('Member org');
    const b = await newOrg('Other org');
    const now = NOW;
    const user = await database.db
      .insertInto('app_user')
      .values({ email: `owner-${a}@example.com`, name: 'Ann Owner', password_hash: null, created_at: now, updated_at: now })
      .returning('user_id')
      .executeTakeFirstOrThrow();
    await database.db.insertInto('org_membership').values({ org_id: a, user_id: user.user_id, role: 'member', created_at: now, updated_at: now }).execute();
    const [a0, b0] = [await database.changeToken(a), await database.changeToken(b)];
    await database.db.updateTable('app_user').set({ name: 'Ann Renamed' }).where('user_id', '=', user.user_id).execute();
    expect(await database.changeToken(a)).not.toBe(a0);
    expect(await database.changeToken(b)).toBe(b0);
  });

  it('is there for an org from its creation, and an org can be deleted with its rows', async () => {
    const a = await newOrg('Short-lived');
    expect(await database.changeToken(a)).not.toMatch(/^none/);
    await insertTask(database.db, a, { createdAt: NOW });
    await database.db.deleteFrom('org').where('org_id', '=', a).execute();
    expect(await database.changeToken(a)).toMatch(/^none/);
  });

  if (engine.name === 'postgres') {
    it('bumps once per transaction, at commit: a second transaction of the same org commits while the first is still open', async () => {
      const a = await newOrg('Concurrent');
      const version = async () => Number(await database.changeToken(a));
      const v0 = await version();

      let releaseFirst!: () => void;
      const firstMayCommit = new Promise<void>((r) => (releaseFirst = r));
      let firstWrote!: () => void;
      const firstHasWritten = new Promise<void>((r) => (firstWrote = r));
      // Categories of their own: rows of workflow_task_counters (one per org, category and status,
      // upserted by a statement trigger) are locked until commit, which would serialize them anyway.
      const first = database.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 50; i++) await insertTask(trx, a, { createdAt: NOW, category: 'Long', title: `long ${i}` });
        firstWrote();
        await firstMayCommit;
      });
      await firstHasWritten;

      // Committed while the first transaction still holds its 50 written rows open: had the first
      // bumped org_version when it wrote, this would wait for it, and fail on the lock timeout.
      try {
        await database.db.transaction().execute(async (trx) => {
          await sql`select set_config('lock_timeout', ${`${scaled(5_000)}ms`}, true)`.execute(trx);
          await insertTask(trx, a, { createdAt: NOW, category: 'Short', title: 'short' });
          await insertCandidate(trx, a, { lastTouchAt: NOW });
        });
        expect(await version()).toBe(v0 + 1);
      } finally {
        releaseFirst();
        await first;
      }
      expect(await version()).toBe(v0 + 2);
    }, scaled(20_000));

    it('bumps every org of a transaction once, whatever order two multi-org transactions write in', async () => {
      const orgs = [await newOrg('M1'), await newOrg('M2'), await newOrg('M3')];
      const before = await Promise.all(orgs.map((o) => database.changeToken(o)));
      // Each its own category, so the counter rows (locked until commit) do not collide; only
      // org_version is shared, and it is locked in org_id order at commit.
      const write = (category: string, order: number[]) =>
        database.db.transaction().execute(async (trx) => {
          for (const i of order) await insertTask(trx, orgs[i]!, { createdAt: NOW, category });
        });
      await Promise.all([write('C1', [0, 1, 2]), write('C2', [2, 1, 0]), write('C3', [1, 2, 0])]);
      const after = await Promise.all(orgs.map((o) => database.changeToken(o)));
      expect(after.map((v, i) => Number(v) - Number(before[i]))).toEqual([3, 3, 3]);
    });
  }
});
