/**
 * Optimistic concurrency (#22): every item the API edits carries a version, 1 when created and one
 * more with every write that changes the row. Answers name it (`version`, `ETag: "<version>"`), and
 * a write sent with `If-Match` / `expected_version` lands only while the row still has it
 * (`update … where version = ?`), so two editors cannot silently overwrite each other.
 *
 * `proposal` already has a `version` column (the proposal's document version, 1, 2, 3 … per
 * pursuit), so its row version is `row_version`.
 *
 * No trigger bumps it: SQLite's triggers run after the row is written, and RETURNING answers the
 * values from before them (the answer would name the old version). The application adds the bump
 * to every UPDATE of these tables in the same statement (src/db/item-versions.plugin.ts).
 * Existing rows start at 1; the default fills them without a table rewrite on PostgreSQL.
 *
 * Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';
import type { Engine } from './helpers.js';

const VERSIONED: Array<[table: string, column: string]> = [
  ['workflow_tasks', 'version'],
  ['signal', 'version'],
  ['candidate', 'version'],
  ['pursuit', 'version'],
  ['proposal', 'row_version'],
];

export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  for (const [table, column] of VERSIONED) {
    await db.schema
      .alterTable(table)
      .addColumn(column, 'integer', (c) => c.notNull().defaultTo(sql`1`))
      .execute();
  }
}
