import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openTestDatabase, testEngines } from './helpers/engines.js';

const pgEngine = testEngines().find((e) => e.name === 'postgres');

(pgEngine ? describe : describe.skip)('PostgreSQL introspection [postgres]', () => {
  it('sees only its own schema, so other schemas being created and dropped never break migrations', async () => {
    const admin = new pg.Client({ connectionString: pgEngine!.url });
    await admin.connect();
    const other = `t_other_${randomBytes(4).toString('hex')}`;
    // Another schema that already has Kysely's tables (as every other test file's schema does).
    await admin.query(`create schema ${other}; create table ${other}.kysely_migration_lock (id text primary key); create table ${other}.kysely_migration (name text primary key)`);
    const tdb = await openTestDatabase(pgEngine!, { migrate: false });
    try {
      expect(await tdb.database.migrate()).toContain('0004_outbox');
      const churn = (async () => {
        for (let i = 0; i < 20; i++) {
          const s = `t_churn_${randomBytes(4).toString('hex')}`;
          await admin.query(`create schema ${s}; create table ${s}.x (id serial primary key); drop schema ${s} cascade`);
        }
      })();
      for (let i = 0; i < 20; i++) {
        const tables = await tdb.database.db.introspection.getTables({ withInternalKyselyTables: true });
        expect(new Set(tables.map((t) => t.schema))).toEqual(new Set([tdb.schema]));
        expect(tables.map((t) => t.name)).toContain('work_event');
      }
      await churn;
      const workEvent = (await tdb.database.db.introspection.getTables()).find((t) => t.name === 'work_event')!;
      expect(workEvent.columns.find((c) => c.name === 'work_event_id')).toMatchObject({ isAutoIncrementing: true, isNullable: false });
      expect(workEvent.columns.find((c) => c.name === 'last_error')).toMatchObject({ dataType: 'text', isNullable: true });
      expect(await tdb.database.isMigrated()).toBe(true);
    } finally {
      await tdb.drop();
      await admin.query(`drop schema ${other} cascade`);
      await admin.end();
    }
  });
});
