/**
 * Rows of a better-sqlite3 read as plain objects, built in JavaScript from the statement's raw
 * arrays. better-sqlite3 builds a row object one property at a time through V8's C++ API; for a page
 * of 50 task rows (44 columns) that was ~60 % of the CPU of the whole read. Arrays come out of it
 * cheaply, and a row built by one compiled object literal per statement gets a single hidden class
 * (measured: 50 rows × 44 columns, 1.4–1.5 ms → 0.65 ms of CPU on a busy 2-core machine).
 *
 * The objects are what better-sqlite3 gives (same keys in the same order, a later column of the
 * same name wins), so Kysely and every repository see no difference.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteStatement as KyselySqliteStatement } from 'kysely';

export interface SqliteStatement extends KyselySqliteStatement {
  /** True while an iterate() over it is open (then it must not be handed out again). */
  readonly busy: boolean;
}

type RowFactory = (values: unknown[]) => Record<string, unknown>;

/** One object literal over the columns' names (JSON-quoted, so any name is a safe key). */
function rowFactory(names: readonly string[]): RowFactory {
  // A literal `"__proto__": v` would set the prototype instead of a key: such rows are built key by key.
  if (names.includes('__proto__')) {
    return (values) => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) Object.defineProperty(row, names[i]!, { value: values[i], enumerable: true, writable: true, configurable: true });
      return row;
    };
  }
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the body is built from JSON-quoted column names only
  return new Function('v', `return {${names.map((n, i) => `${JSON.stringify(n)}: v[${i}]`).join(', ')}};`) as RowFactory;
}

/** `stmt` with reads answered through raw arrays (see above); writes are passed through. */
export function fastRows(stmt: BetterSqlite3.Statement): SqliteStatement {
  if (!stmt.reader) return stmt as unknown as SqliteStatement;
  stmt.raw(true);
  let names = stmt.columns().map((c) => c.name);
  let make = rowFactory(names);
  const build = (values: unknown[]) => {
    // SQLite re-prepares a statement after DDL; a `select *` may then have other columns.
    if (values.length !== names.length) {
      names = stmt.columns().map((c) => c.name);
      make = rowFactory(names);
    }
    return make(values);
  };
  return {
    reader: true,
    get busy() {
      return stmt.busy;
    },
    all(parameters) {
      const rows = stmt.all(parameters) as unknown[][];
      const out = new Array<Record<string, unknown>>(rows.length);
      for (let i = 0; i < rows.length; i++) out[i] = build(rows[i]!);
      return out;
    },
    run(parameters) {
      return stmt.run(parameters);
    },
    *iterate(parameters) {
      for (const values of stmt.iterate(parameters) as IterableIterator<unknown[]>) yield build(values);
    },
  };
}
