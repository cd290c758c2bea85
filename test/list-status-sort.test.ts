/**
 * The task list sorted by status orders by a rank computed from task_status (tasks.repository.ts
 * statusRank); migration 0030 indexes that expression so a page is a walk of the index instead of a
 * sort of every task of the org (143 ms / 535 ms a page at 1,000,000 tasks on SQLite / PostgreSQL).
 * An expression index serves an ORDER BY only for the same expression, so this checks, on both
 * engines, that the list's statement is planned on the index with no sort step.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { statusRank } from '../src/workflow/tasks.repository.js';
import { describeEachEngine, openTestDatabase, type TestDatabase } from './helpers/engines.js';

describeEachEngine('task list sorted by status', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('walks workflow_tasks_list_status_rank_idx in both directions, without sorting', async () => {
    const db = t.database.db;
    for (const dir of ['asc', 'desc'] as const) {
      const page = db.selectFrom('workflow_tasks').select('task_id').where('org_id', '=', 1).orderBy(statusRank, dir).orderBy('task_id', dir).limit(50);
      const { sql: compiled, parameters } = page.compile();
      // The values inline (both are numbers), so EXPLAIN takes the statement alone.
      let n = 0;
      const text = compiled.replace(/\?|\$\d+/g, () => String(parameters[n++]));
      const plan =
        engine.name === 'sqlite'
          ? (await sql.raw<{ detail: string }>(`explain query plan ${text}`).execute(db)).rows.map((r) => r.detail).join('\n')
          : await db.connection().execute(async (c) => {
              // An empty table is cheaper to scan: make the planner show what it can use.
              await sql`set enable_seqscan = off`.execute(c);
              try {
                const rows = (await sql.raw<Record<string, string>>(`explain ${text}`).execute(c)).rows;
                return rows.map((r) => Object.values(r)[0]).join('\n');
              } finally {
                await sql`reset enable_seqscan`.execute(c);
              }
            });
      expect(plan).toContain('workflow_tasks_list_status_rank_idx');
      expect(plan).not.toMatch(/TEMP B-TREE|Sort/);
    }
  });
});
