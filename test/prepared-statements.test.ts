/**
 * Database.executePrepared: the same answers as a plain execution, on both engines; on PostgreSQL
 * the statement is named once per connection and then only bound (what the outbox's hot statements
 * rely on), and SqlHelpers.idIn keeps one statement text whatever the number of ids.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sqlHelpers } from '../src/db/sql-helpers.js';
import { describeEachEngine, openTestDatabase, type TestDatabase } from './helpers/engines.js';

describeEachEngine('prepared statements (Database.executePrepared)', (engine) => {
  let tdb: TestDatabase;
  const orgIds: number[] = [];

  beforeAll(async () => {
    // One connection: every statement below runs on the connection the checks look at.
    tdb = await openTestDatabase(engine, { poolSize: 1 });
    for (const name of ['A', 'B', 'C']) {
      const row = await tdb.database.db.insertInto('org').values({ name, created_at: new Date().toISOString() }).returning('org_id').executeTakeFirstOrThrow();
      orgIds.push(row.org_id);
    }
  });
  afterAll(() => tdb.drop());

  const byIds = (ids: number[]) =>
    tdb.database.db
      .selectFrom('org')
      .select(['org_id', 'name'])
      .where(sqlHelpers(tdb.database.engine).idIn(sql.ref('org_id'), ids))
      .orderBy('org_id');

  it('answers as a plain execution, for any number of ids, run after run', async () => {
    for (let i = 0; i < 8; i++) {
      for (const ids of [[orgIds[0]!], orgIds, [], [orgIds[2]!, orgIds[0]!, -1]]) {
        const { rows } = await tdb.database.executePrepared(byIds(ids));
        expect(rows).toEqual(await byIds(ids).execute());
      }
    }
  });

  if (engine.name === 'postgres') {
    it('names the statement once on the connection, one text for every id count, and reuses it', async () => {
      for (const ids of [[orgIds[0]!], orgIds, [orgIds[1]!, orgIds[2]!]]) await tdb.database.executePrepared(byIds(ids));
      const { rows } = await sql<{ name: string; statement: string; runs: number }>`
        select name, statement, (generic_plans + custom_plans)::int as runs from pg_prepared_statements where statement like '%from "org"%'`.execute(tdb.database.db);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.name).toMatch(/^fl_\d+$/);
      expect(rows[0]!.runs).toBeGreaterThanOrEqual(3);
    });

    it('keeps answering when a migration changes the shape of a table under a prepared statement', async () => {
      // As in a rolling upgrade: this connection prepared `select *` before another node's
      // migration added a column; PostgreSQL refuses the old statement, which is prepared afresh.
      await sql`create table prepared_shape (id integer primary key, a text)`.execute(tdb.database.db);
      await sql`insert into prepared_shape values (1, 'one')`.execute(tdb.database.db);
      const all = () => sql<Record<string, unknown>>`select * from prepared_shape order by id`.compile(tdb.database.db);
      for (let i = 0; i < 3; i++) expect((await tdb.database.executePrepared(all())).rows).toEqual([{ id: 1, a: 'one' }]);
      await sql`alter table prepared_shape add column b text default 'added'`.execute(tdb.database.db);
      for (let i = 0; i < 3; i++) expect((await tdb.database.executePrepared(all())).rows).toEqual([{ id: 1, a: 'one', b: 'added' }]);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements where statement like '%from prepared_shape%'`.execute(tdb.database.db);
      expect(rows[0]!.n).toBe(2);
    });
  }
});
