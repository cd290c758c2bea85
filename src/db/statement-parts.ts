import { PostgresAdapter, type InsertQueryBuilder, type InsertResult } from 'kysely';
import type { DbOrTrx } from './create-db.js';
import { sqlHelpers } from './sql-helpers.js';
import type { DB, NewRow } from './types.js';

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

/** Below this many rows a multi-row VALUES binds few parameters: nothing to gain from JSON. */
const JSON_MIN_ROWS = 2;

/** String.prototype.isWellFormed (ES2024; V8 answers a one-byte string at once, without reading it). */
const isWellFormed = (s: string) => (s as string & { isWellFormed(): boolean }).isWellFormed();

/**
 * A lone UTF-16 surrogate (a string cut inside a pair, say by slice()) is written by JSON.stringify
 * as a `\udXXX` escape, which PostgreSQL's JSON refuses; bound as a text parameter it was sent as
 * U+FFFD, so the JSON says that too. Only lone surrogates are escaped (pairs are written as
 * characters); an even run of backslashes before `u` is escaped text, not an escape. Searched for
 * only when a value is not well-formed: a scan of every statement's JSON cost more than writing it.
 */
const LONE_SURROGATE = /(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g;

/**
 * The columns and JSON text of rows that all set the same columns to plain JSON values (strings,
 * finite numbers, booleans, null; undefined counts as not set, as in Kysely's values()); undefined
 * otherwise. A column some rows leave out takes its default in VALUES, where JSON would give it null.
 */
export function rowsAsJson(rows: ReadonlyArray<Record<string, unknown>>): { columns: string[]; json: string } | undefined {
  const first = rows[0];
  if (!first) return undefined;
  const columns = Object.keys(first).filter((k) => first[k] !== undefined);
  let wellFormed = true;
  for (const row of rows) {
    let n = 0;
    for (const k in row) {
      const v = row[k];
      if (v === undefined) continue;
      if (typeof v === 'string') {
        if (wellFormed && !isWellFormed(v)) wellFormed = false;
      } else if (!(v === null || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)))) return undefined;
      n += 1;
    }
    if (n !== columns.length) return undefined;
    for (const c of columns) if (row[c] === undefined) return undefined;
  }
  const json = JSON.stringify(rows);
  return { columns, json: wellFormed ? json : json.replace(LONE_SURROGATE, '$1\\ufffd') };
}

/**
 * One INSERT of `rows` into `table`, for the caller to finish (onConflict, returning) and execute.
 *
 * On PostgreSQL the rows go as one JSON parameter (SqlHelpers.jsonRows) rather than as multi-row
 * VALUES with a parameter per value: ingestion's statements bound ~10,000 parameters each, which
 * the server parsed, planned and bound afresh every time (~700 ms of backend CPU per 10,000
 * messages, half of it for workflow_tasks), and which Kysely compiled and pg serialised one by one
 * on the writer thread. Rows whose values are not all plain, or that set different columns, keep
 * VALUES. SQLite keeps VALUES: its statements are compiled once per text (see statementParts) and
 * binding is a native call per value, while json_each with `->>` per column took 2.3× the CPU of
 * VALUES for task rows (SqlHelpers.jsonRows' SQLite form is there for completeness).
 */
export function insertRows<T extends keyof DB & string>(db: DbOrTrx, table: T, rows: ReadonlyArray<NewRow<T>>): InsertQueryBuilder<DB, T, InsertResult> {
  const into = db.insertInto(table);
  const postgres = rows.length >= JSON_MIN_ROWS && db.getExecutor().adapter instanceof PostgresAdapter;
  const asJson = postgres ? rowsAsJson(rows as ReadonlyArray<Record<string, unknown>>) : undefined;
  if (!asJson) return into.values(rows as NewRow<T>[]);
  // The column names come from the rows, which the table's insert type describes.
  return into.columns(asJson.columns as never).expression(sqlHelpers('postgres').jsonRows(table, asJson.columns, asJson.json));
}

/** insertRows in parts (statementPartsFor), executed by the caller in order. */
export function insertParts<T extends keyof DB & string>(
  db: DbOrTrx,
  table: T,
  rows: ReadonlyArray<NewRow<T>>,
  max: number,
): Array<InsertQueryBuilder<DB, T, InsertResult>> {
  return statementPartsFor(db, rows, max).map((part) => insertRows(db, table, part));
}
