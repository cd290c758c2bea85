import { PostgresAdapter } from 'kysely';
import type { DbOrTrx } from './create-db.js';

/**
 * Multi-row statements in parts whose sizes are powers of two (largest first, at most `max`).
 *
 * better-sqlite3 compiles SQL on every prepare and our statement cache (create-db.ts) is keyed by
 * SQL text; a multi-row INSERT's text depends on its row count, so chunks of arbitrary sizes
 * (ingestion writes ~250 messages' rows per transaction, a different count every time) compiled a
 * new 10,000-parameter statement each time. With power-of-two parts a table sees at most
 * log2(max) + 1 distinct texts, all cached after the first few chunks; the extra statements per
 * chunk (≤ 8 for 250 rows) cost far less than one compile.
 */
export function statementParts<T>(rows: readonly T[], max: number): T[][] {
  let size = 1;
  while (size * 2 <= max) size *= 2;
  const parts: T[][] = [];
  let i = 0;
  while (i < rows.length) {
    while (size > rows.length - i) size /= 2;
    parts.push(rows.slice(i, i + size));
    i += size;
  }
  return parts;
}

/**
 * The parts for the engine behind `db`: power-of-two parts on SQLite (above); on PostgreSQL parts
 * of `max` rows. PostgreSQL parses and plans every unnamed statement anyway, so power-of-two sizes
 * save it nothing, while each extra part is a round trip inside the transaction: ingestion sent
 * ~47 statements per 250-message chunk instead of ~13.
 */
export function statementPartsFor<T>(db: DbOrTrx, rows: readonly T[], max: number): T[][] {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return statementParts(rows, max);
  const parts: T[][] = [];
  for (let i = 0; i < rows.length; i += max) parts.push(rows.slice(i, i + max));
  return parts;
}
