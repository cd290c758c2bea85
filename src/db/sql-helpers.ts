/**
 * Small SQL expressions whose spelling differs between SQLite and PostgreSQL. Domain code asks for
 * `sqlHelpers(database.engine)` and composes these, so it never branches on the engine itself.
 *
 * Times are fixed-format ISO-8601 text on SQLite (text order is time order) and timestamptz on
 * PostgreSQL; every helper returns an expression of the column type of that engine.
 */
import { sql, type Expression, type RawBuilder } from 'kysely';
import type { Engine } from './migrations/helpers.js';

export interface SqlHelpers {
  /** The database's own current time, as the stored time type (used by views). */
  dbNow(): RawBuilder<string>;
  /** An ISO-8601 instant passed as a parameter, typed as a stored time (the API's injected clock). */
  timeParam(iso: string): RawBuilder<string>;
  /** `time + hours` (negative to go back), in the stored time type. */
  shiftHours(time: Expression<unknown>, hours: number): RawBuilder<string>;
  /** Rounds a number to 2 decimals with the same result type on both engines (a JSON number). */
  round2(value: Expression<unknown>): RawBuilder<number>;
  /** Case-insensitive "contains" with LIKE wildcards in the term escaped. */
  containsText(column: Expression<unknown>, term: string): RawBuilder<boolean>;
  /**
   * Case-insensitive "contains" over the string and number values of a JSON text column: never its
   * keys or punctuation. A LIKE over the JSON text (with the term written as JSON writes it) picks
   * the candidate rows cheaply; only those are taken apart to check the values.
   */
  jsonValuesContain(column: Expression<unknown>, term: string): RawBuilder<boolean>;
  /**
   * A derived table `(i, s, e)` of time ranges: `i` the position in the list from 0, `s` and `e` the
   * range's ends as stored times. The list travels as data, one parameter whatever its length: one
   * `select … union all` term per range hit SQLite's 500-term limit on compound SELECTs, and cost
   * PostgreSQL ~0.3 s of planning per query at 1000 ranges.
   */
  timeRanges(ranges: ReadonlyArray<{ from: string; to: string }>): RawBuilder<unknown>;
  /**
   * `key IN (ids)` for a small set of keys computed by a subquery, read as one probe of `key`'s
   * index per id. PostgreSQL plans `IN (subquery)` as a join and, its cost model pricing index
   * probes above a scan, hashes every row of the table against the set (the Today panel's red
   * items: every open candidate read to find ~150); `key = any(array(subquery))` computes the set
   * once and probes. SQLite already probes for IN.
   */
  keyIn(key: Expression<unknown>, ids: Expression<unknown>): RawBuilder<boolean>;
  /**
   * The physical address of a row (PostgreSQL's ctid, SQLite's rowid), for a statement that picks
   * rows in a subquery and then updates exactly those: `keyIn(rowAddress(), subquery selecting it)`
   * is a direct fetch per row on both engines, where matching a composite key back made PostgreSQL
   * hash the whole table (the outbox claim). Valid only within one statement, whose subquery locks
   * the rows (FOR UPDATE) or whose engine has a single writer.
   */
  rowAddress(): RawBuilder<unknown>;
  /**
   * `column IN (ids)` whose text does not depend on how many ids there are (PostgreSQL: one array
   * parameter), so a statement using it can be prepared once (Database.executePrepared).
   */
  idIn(column: Expression<unknown>, ids: readonly number[]): RawBuilder<boolean>;
  /**
   * `column IN (keys)` for text keys, again with one parameter whatever their number: `keys` is that
   * parameter, bound to `textKeys(list)` (PostgreSQL: a text array; SQLite: a JSON array read by
   * json_each), so the statement's text, and with it the prepared statement (both engines cache
   * those by text), is the same for every page.
   */
  textIn(column: Expression<unknown>, keys: Expression<unknown>): RawBuilder<boolean>;
  /** The value textIn's parameter is bound to for a list of keys. */
  textKeys(keys: readonly string[]): unknown;
  /**
   * An expression that, evaluated in a statement (e.g. in a RETURNING list: once per row written),
   * lets its transaction commit without waiting for the write-ahead log to reach the disk
   * (PostgreSQL: synchronous_commit off for that transaction only). A database crash may then
   * lose the last moments of such commits, never anything committed before, nor other
   * transactions' commits. Only for bookkeeping whose loss repeats work (the outbox's claims and
   * completions: the event is claimed or handled again). SQLite: a constant.
   */
  commitWithoutFlush(): RawBuilder<unknown>;
  /**
   * A derived table of rows sent as one JSON parameter (an array of objects keyed by column name),
   * for `insert into <table> (columns) select …`: the statement's text and its single parameter do
   * not grow with the row count. PostgreSQL reads each value as the table's own column type
   * (json_populate_recordset over the table's row type), in array order.
   */
  jsonRows(table: string, columns: readonly string[], json: string): RawBuilder<unknown>;
  /**
   * Answers built as JSON by the database (rowJson): a stored time as the API writes it, ISO-8601
   * UTC with milliseconds (PostgreSQL: to_char, the fraction truncated to ms as the driver's
   * conversion does; SQLite: the stored text already is).
   */
  jsonTime(time: Expression<unknown>): RawBuilder<string | null>;
  /** Answers built as JSON by the database (rowJson): a text column holding a JSON document, embedded as that document. */
  jsonDoc(column: Expression<unknown>): RawBuilder<unknown>;
  /**
   * The JSON text of one object per row of the derived table `alias`, keyed by `columns` in that
   * order (other columns of `alias` are left out, so a statement may also select or order by them). Columns
   * are text, numbers or NULL as selected, times through jsonTime, JSON documents through jsonDoc
   * and named in `docs`. Lets an answer reach the client without a JavaScript object per value:
   * with pg, decoding and re-encoding the rows of a task page cost more than running its
   * statements.
   */
  rowJson(alias: string, columns: readonly string[], docs?: readonly string[]): RawBuilder<string>;
}

/** The term as it appears inside a JSON string (`"` → `\"`, `\` → `\\`, controls escaped). */
const asInJson = (term: string) => JSON.stringify(term).slice(1, -1);

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Escapes LIKE wildcards so a search for "50%" matches the text "50%" literally. */
export function likePattern(term: string): string {
  return `%${escapeLike(term)}%`;
}

/** A LIKE pattern (with `escape '\\'`) for the text starting with `prefix`, wildcards in it literal. */
export function prefixPattern(prefix: string): string {
  return `${escapeLike(prefix)}%`;
}

/** The SQL name of the Unicode lower-casing function registered on every SQLite connection. */
export const SQLITE_FOLD_FUNCTION = 'fl_fold';

const SQLITE_TIME_FORMAT = '%Y-%m-%dT%H:%M:%fZ';

const sqliteHelpers: SqlHelpers = {
  jsonTime: (time) => sql<string | null>`${time}`,
  jsonDoc: (column) => sql`${column}`,
  // json() marks a document as JSON where it is serialised: the mark does not cross a subquery.
  rowJson: (alias, columns, docs = []) =>
    sql<string>`json_object(${sql.join(columns.map((c) => (docs.includes(c) ? sql`${sql.lit(c)}, json(${sql.ref(`${alias}.${c}`)})` : sql`${sql.lit(c)}, ${sql.ref(`${alias}.${c}`)}`)))})`,
  // `where true`: SQLite would read an upsert's ON CONFLICT after `from json_each(…)` as a join's ON.
  jsonRows: (_table, columns, json) =>
    sql`select ${sql.join(columns.map((c) => sql`value ->> ${sql.lit(`$.${c}`)} as ${sql.ref(c)}`))} from json_each(${json}) where true`,
  dbNow: () => sql<string>`strftime(${sql.lit(SQLITE_TIME_FORMAT)}, 'now')`,
  timeParam: (iso) => sql<string>`${iso}`,
  // strftime normalises the result back to the stored fixed format, so text comparison stays valid.
  shiftHours: (time, hours) => sql<string>`strftime(${sql.lit(SQLITE_TIME_FORMAT)}, ${time}, ${sql.lit(`${hours >= 0 ? '+' : ''}${hours} hours`)})`,
  round2: (value) => sql<number>`round(${value}, 2)`,
  keyIn: (key, ids) => sql<boolean>`${key} in (${ids})`,
  rowAddress: () => sql`rowid`,
  idIn: (column, ids) => sql<boolean>`${column} in (${sql.join(ids)})`,
  textIn: (column, keys) => sql<boolean>`${column} in (select value from json_each(${keys}))`,
  textKeys: (keys) => JSON.stringify(keys),
  commitWithoutFlush: () => sql`null`,
  // SQLite's LIKE is case-insensitive for ASCII only. A term with other letters is matched through
  // the Unicode lower-casing function every connection registers (a JavaScript call per row, so
  // only when the term needs it).
  containsText: (column, term) =>
    /^[\x00-\x7f]*$/.test(term)
      ? sql<boolean>`${column} like ${likePattern(term)} escape '\\'`
      : sql<boolean>`${sql.raw(SQLITE_FOLD_FUNCTION)}(${column}) like ${likePattern(term.toLowerCase())} escape '\\'`,
  jsonValuesContain: (column, term) =>
    sql<boolean>`(${sqliteHelpers.containsText(column, asInJson(term))} and json_valid(${column}) and exists (select 1 from json_tree(${column}) j where j.type in ('text', 'integer', 'real') and ${sqliteHelpers.containsText(sql.ref('j.value'), term)}))`,
  // json_each numbers array elements from 0 in `key`; the ISO text is already the stored format.
  timeRanges: (ranges) =>
    sql`select key as i, json_extract(value, '$[0]') as s, json_extract(value, '$[1]') as e
      from json_each(${JSON.stringify(ranges.map((r) => [r.from, r.to]))})`,
};

const postgresHelpers: SqlHelpers = {
  jsonTime: (time) => sql<string | null>`to_char(${time} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  jsonDoc: (column) => sql`cast(${column} as json)`,
  // A row of just those columns: compact, in column order (json_build_object writes `"k" : v, `
  // pairs, 14 % more bytes for a task page, and took a quarter longer; row_to_json ~15 % less than
  // to_json; the scalar subquery costs nothing measurable). As text: pg would parse a json column.
  rowJson: (alias, columns) =>
    sql<string>`cast((select row_to_json(x) from (select ${sql.join(columns.map((c) => sql.ref(`${alias}.${c}`)))}) x) as text)`,
  // Ordered by position explicitly: identity columns (and RETURNING) then follow the array's order.
  jsonRows: (table, columns, json) =>
    sql`select ${sql.join(columns.map((c) => sql.ref(c)))} from json_populate_recordset(null::${sql.table(table)}, cast(${json} as json)) with ordinality as r order by r.ordinality`,
  dbNow: () => sql<string>`now()`,
  timeParam: (iso) => sql<string>`cast(${iso} as timestamptz)`,
  shiftHours: (time, hours) => sql<string>`(${time} + ${sql.lit(`${hours} hours`)}::interval)`,
  // round(double, int) does not exist in PostgreSQL; numeric is parsed back to a JS number.
  round2: (value) => sql<number>`round(cast(${value} as numeric), 2)`,
  keyIn: (key, ids) => sql<boolean>`${key} = any(array(${ids}))`,
  rowAddress: () => sql`ctid`,
  idIn: (column, ids) => sql<boolean>`${column} = any(cast(${ids} as bigint[]))`,
  textIn: (column, keys) => sql<boolean>`${column} = any(cast(${keys} as text[]))`,
  textKeys: (keys) => keys,
  commitWithoutFlush: () => sql`set_config('synchronous_commit', 'off', true)`,
  containsText: (column, term) => sql<boolean>`${column} ilike ${likePattern(term)} escape '\\'`,
  jsonValuesContain: (column, term) =>
    sql<boolean>`(${postgresHelpers.containsText(column, asInJson(term))} and exists (select 1 from jsonb_path_query(cast(${column} as jsonb), 'strict $.**') v where jsonb_typeof(v) in ('string', 'number') and ${postgresHelpers.containsText(sql`(v #>> '{}')`, term)}))`,
  // pg sends a JS array as an array literal; with the values bound, the planner knows the row count.
  timeRanges: (ranges) =>
    sql`select cast(r.n - 1 as integer) as i, r.s, r.e
      from unnest(cast(${ranges.map((r) => r.from)} as timestamptz[]), cast(${ranges.map((r) => r.to)} as timestamptz[]))
        with ordinality as r(s, e, n)`,
};

export function sqlHelpers(engine: Engine): SqlHelpers {
  return engine === 'sqlite' ? sqliteHelpers : postgresHelpers;
}
