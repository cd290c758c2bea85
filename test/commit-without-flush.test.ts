/**
 * SqlHelpers.commitWithoutFlush: on PostgreSQL, evaluated in a statement it turns off
 * synchronous_commit for that transaction only (the outbox's claims and completions carry it in
 * their RETURNING lists); the session's setting is untouched afterwards. SQLite: a constant.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sqlHelpers } from '../src/db/sql-helpers.js';
import { describeEachEngine, openTestDatabase, type TestDatabase } from './helpers/engines.js';

describeEachEngine('commit without flush (outbox bookkeeping)', (engine) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(engine, { poolSize: 1 });
  });
  afterAll(() => tdb.drop());

  it('relaxes only the transaction that evaluates it', async () => {
    const h = sqlHelpers(tdb.database.engine);
    const db = tdb.database.db;
    if (engine.name === 'sqlite') {
      const { rows } = await sql<{ v: unknown }>`select ${h.commitWithoutFlush()} as v`.execute(db);
      expect(rows).toEqual([{ v: null }]);
      return;
    }
    const setting = async () => (await sql<{ s: string }>`select current_setting('synchronous_commit') as s`.execute(db)).rows[0]!.s;
    expect(await setting()).toBe('on');
    const inside = await db.transaction().execute(async (trx) => {
      await sql`select ${h.commitWithoutFlush()}`.execute(trx);
      return (await sql<{ s: string }>`select current_setting('synchronous_commit') as s`.execute(trx)).rows[0]!.s;
    });
    expect(inside).toBe('off');
    expect(await setting()).toBe('on');
  });
});
