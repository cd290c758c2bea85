/** What every retention prune statement takes (src/app/retention.ts loops over them). */
import { sql } from 'kysely';
import type { DbOrTrx } from './create-db.js';
import type { DB } from './types.js';

export interface PruneBatch {
  /** Rows older than this (ISO time) may go. */
  before: string;
  /** At most this many rows per statement, so none holds locks (or SQLite's one writer) for long. */
  limit: number;
}

/** The row count of a Kysely DELETE result. */
export const deletedRows = (r: { numDeletedRows: bigint }): number => Number(r.numDeletedRows);

/**
 * The plain case: up to `limit` rows of `table` whose `time` is before the cutoff, by their single
 * id column, in one statement (DELETE … LIMIT is not portable; a limited id subquery is).
 */
export async function deleteOlderThan<T extends keyof DB & string>(
  db: DbOrTrx,
  table: T,
  id: keyof DB[T] & string,
  time: keyof DB[T] & string,
  b: PruneBatch,
): Promise<number> {
  // The names come from the typed signature above; Kysely's builders cannot take a column named
  // by a generic parameter, so the statement is written with its sql tag (still parameterized).
  const old = sql`select ${sql.ref(id)} from ${sql.table(table)} where ${sql.ref(time)} < ${b.before} limit ${b.limit}`;
  const r = await sql`delete from ${sql.table(table)} where ${sql.ref(id)} in (${old})`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}
