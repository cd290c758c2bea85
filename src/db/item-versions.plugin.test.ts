import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ItemVersionsPlugin } from './item-versions.plugin.js';
import type { DB } from './types.js';

// Compiles only: no database behind it.
const db = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
  plugins: [new ItemVersionsPlugin()],
});

describe('ItemVersionsPlugin', () => {
  it('adds the version bump to every UPDATE of a versioned table, in the same statement', () => {
    const q = db.updateTable('workflow_tasks').set({ title: 'x' }).where('task_id', '=', 't').compile();
    expect(q.sql).toBe('update "workflow_tasks" set "title" = $1, "version" = "workflow_tasks"."version" + 1 where "task_id" = $2');
  });

  it('qualifies the read by the alias, and uses row_version for proposals', () => {
    expect(db.updateTable('pursuit as p').set({ title: 'x' }).compile().sql).toBe('update "pursuit" as "p" set "title" = $1, "version" = "p"."version" + 1');
    expect(db.updateTable('proposal').set({ subject: 'x' }).compile().sql).toBe(
      'update "proposal" set "subject" = $1, "row_version" = "proposal"."row_version" + 1',
    );
  });

  it('leaves other tables, inserts, and statements that set the version themselves alone', () => {
    expect(db.updateTable('team').set({ name: 'x' }).compile().sql).toBe('update "team" set "name" = $1');
    expect(db.updateTable('signal').set({ version: sql<number>`7` }).compile().sql).toBe('update "signal" set "version" = 7');
    expect(db.insertInto('signal').values({ org_id: 1 } as never).compile().sql).not.toContain('version');
  });
});
