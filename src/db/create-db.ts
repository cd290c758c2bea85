import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  sql,
  type Compilable,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type SqliteDatabase,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import { Availability, withAvailability } from './availability.js';
import { POSTGRES_CAPABILITIES, SQLITE_CAPABILITIES, type Capabilities } from './capabilities.js';
import { advisoryExclusive, inProcessExclusive, type ExclusiveResult } from './exclusive.js';
import { isMigrated, migrateToLatest } from './migrate.js';
import type { Engine } from './migrations/helpers.js';
import { SearchPathPostgresDialect } from './pg-introspector.js';
import { ItemVersionsPlugin } from './item-versions.plugin.js';
import { SqliteValuesPlugin } from './sqlite-values.plugin.js';
import { fastRows, type SqliteStatement } from './sqlite-rows.js';
import { SQLITE_FOLD_FUNCTION } from './sql-helpers.js';
import { startCheckpointer } from './sqlite-checkpointer.js';
import type { DB } from './types.js';

export type { Engine, ExclusiveResult };
export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;
/** A handle a repository can run on: the database or a caller's transaction. */
export type DbOrTrx = Kysely<DB> | Transaction<DB>;

export interface Database {
  readonly db: Kysely<DB>;
  readonly engine: Engine;
  readonly caps: Capabilities;
  /** The url it was opened with, minus any password. */
  readonly description: string;
  /** PostgreSQL only: the pool (LISTEN connections, pool metrics). */
  readonly pgPool?: pg.Pool;
  /** SQLite only: the raw connection (PRAGMA data_version polling). */
  readonly sqlite?: BetterSqlite3.Database;
  migrate(): Promise<string[]>;
  isMigrated(): Promise<boolean>;
  ping(): Promise<void>;
  /** Connections currently checked out (PostgreSQL) or 0/1 (SQLite). */
  poolInUse(): number;
  /**
   * A cheap token of one org's committed data that the cached answers read: two reads give the same
   * token only if no transaction that wrote such rows of this org committed in between — by this
   * handle, another handle, another process or a hand-run statement (triggers keep `org_version`,
   * migration 0025). One indexed lookup. Answer caches (src/answer-cache/answer-cache.ts) read it
   * before computing and before every reuse; a cached answer may read only the tables listed there.
   */
  changeToken(orgId: number): Promise<string>;
  /**
   * The same guarantee for the whole database (any table, any org): changes with every commit.
   * What the answer cache used before per-org tokens; kept for comparison (ANSWER_CACHE_TOKEN).
   */
  databaseChangeToken(): Promise<string>;
  /**
   * Runs `fn` unless work of the same `name` is already running on this database, in which case
   * it answers `{acquired: false}` at once instead of waiting. Across processes on PostgreSQL
   * (`caps.advisoryLocks`); within this process on SQLite, whose single writer already keeps
   * other processes' transactions apart (db/exclusive.ts).
   */
  tryExclusive<T>(name: string, fn: () => Promise<T>): Promise<ExclusiveResult<T>>;
  /**
   * Refreshes the planner's statistics of one table (PostgreSQL: ANALYZE), for a table whose size
   * swings faster than autovacuum looks at it (a queue). SQLite: nothing (its planner keeps to the
   * indexes without statistics).
   */
  refreshStatistics(table: keyof DB & string): Promise<void>;
  /**
   * Runs a hot statement whose text never varies (parameters only; no variable-length IN lists) as
   * a named prepared statement on PostgreSQL: parsed and planned once per connection, after which
   * PostgreSQL may keep a generic plan (a plan cached per connection is invalidated by DDL and by
   * ANALYZE of its tables). Saves most of a short statement's server time (the outbox claim: 0.67
   * → 0.44 ms a round trip). At most PREPARED_TEXTS texts are named; past that, statements run
   * unnamed as usual. SQLite: the same as executing the query.
   */
  executePrepared<R>(query: Compilable<R> | CompiledQuery<R>): Promise<QueryResult<R>>;
  close(): Promise<void>;
  readonly closed: boolean;
  /** Outage state: unavailability errors become DatabaseUnavailableError (503) and are tracked here. */
  readonly availability: Availability;
}

export interface CreateDatabaseOptions {
  poolSize?: number;
  /** PostgreSQL: search_path for this handle (tests use a fresh schema per file). */
  schema?: string;
  /** PostgreSQL: application_name shown in pg_stat_activity. */
  applicationName?: string;
  /**
   * SQLite file databases: WAL checkpoints on a worker thread instead of inside the commit that
   * fills the WAL (db/sqlite-checkpointer.ts), so no request waits for a checkpoint's fsync. For
   * long-running processes (serve, worker); costs a thread, so short-lived handles leave it off.
   */
  backgroundCheckpoint?: boolean;
}

// ------------------------------------------------------------------ PostgreSQL type parsing
// Same wire types on both engines: int8 and numeric as JS numbers (counts, ids, money), and
// timestamps as ISO-8601 UTC strings rather than Date objects.
const TIMESTAMPTZ_OID = 1184;
const TIMESTAMP_OID = 1114;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** A timestamptz as PostgreSQL writes it in a UTC session, years 1000–9999: date, time, fraction digits. */
const PG_UTC_TIMESTAMP = /^([1-9]\d{3}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?\+00$/;

const pgDateOf = pg.types.getTypeParser(TIMESTAMPTZ_OID, 'text') as (v: string) => Date;

/**
 * A timestamptz as the API's ISO-8601 UTC text. The session runs in UTC (TimeZone=UTC below), so
 * PostgreSQL sends `2026-11-20 08:03:04.244+00`: rewritten as text, without a Date per value (~8 %
 * of the server's CPU for a page of 50 tasks). Milliseconds are the fraction's first three digits,
 * which is what the Date path gives (checked for every microsecond fraction). Anything else (other
 * offsets, BC, infinity) takes the Date path.
 */
export function pgTimestamptzToIso(v: string): string {
  const m = PG_UTC_TIMESTAMP.exec(v);
  if (m) return `${m[1]}T${m[2]}.${m[3] === undefined ? '000' : (m[3] + '00').slice(0, 3)}Z`;
  const d: unknown = pgDateOf(v);
  // postgres-date answers ±Infinity (not a Date) for 'infinity': kept as PostgreSQL's text.
  return d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString() : v;
}

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    switch (oid) {
      case INT8_OID:
        return (v: string) => Number(v);
      case NUMERIC_OID:
        return (v: string) => Number(v);
      case TIMESTAMPTZ_OID:
        return pgTimestamptzToIso;
      case TIMESTAMP_OID: {
        const base = pg.types.getTypeParser(oid, 'text') as (v: string) => Date;
        return (v: string) => {
          const d = base(v);
          return Number.isNaN(d.getTime()) ? v : d.toISOString();
        };
      }
      default:
        return pg.types.getTypeParser(oid, format ?? 'text');
    }
  },
};

// ------------------------------------------------------------------ SQLite
/**
 * SQLite transactions start with BEGIN IMMEDIATE: the write lock is taken up front, so a
 * read-then-write transaction never fails with SQLITE_BUSY on upgrade when the CLI writes from
 * another process; the busy timeout then simply waits.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly cfg: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(cfg);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.cfg);
  }
  override createAdapter() {
    return new SqliteAdapter();
  }
}

/**
 * better-sqlite3 compiles SQL on every prepare(), and Kysely prepares once per query: on hot read
 * paths that compile cost was as large as running the query. Compiled statements are reused from a
 * bounded LRU keyed by SQL text (parameters stay bound per call). A statement still busy in an
 * iterate() is never handed out twice; SQLite re-prepares cached statements itself after DDL.
 *
 * Reads come back as rows built by `rowsOf` (sqlite-rows.ts): better-sqlite3 builds each row object
 * property by property through V8's API, which was ~60 % of the CPU of reading a page of 50 task rows
 * (44 columns); fetching arrays and building the objects in JavaScript costs a fraction of that.
 */
function withStatementCache(raw: BetterSqlite3.Database, max = 500): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => raw.close(),
    prepare(text: string) {
      const hit = cache.get(text);
      if (hit && !hit.busy) {
        cache.delete(text);
        cache.set(text, hit);
        return hit;
      }
      const stmt = fastRows(raw.prepare(text));
      if (!hit) {
        cache.set(text, stmt);
        if (cache.size > max) cache.delete(cache.keys().next().value!);
      }
      return stmt;
    },
  };
}

/** The file behind a sqlite: url (`:memory:` for an in-memory database). */
export function sqlitePath(url: string): string {
  const rest = url.slice('sqlite:'.length).replace(/^\/\//, '');
  if (rest === '' || rest === ':memory:') return ':memory:';
  return resolve(rest);
}

/** How often a long-running process refreshes SQLite's planner statistics (PRAGMA optimize). */
const OPTIMIZE_EVERY_MS = 600_000;

function openSqlite(url: string, opts: CreateDatabaseOptions = {}): Database {
  const file = sqlitePath(url);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const raw = new BetterSqlite3(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const checkpointer = opts.backgroundCheckpoint && file !== ':memory:' ? startCheckpointer(raw, file) : undefined;
  // SQLite's LIKE and lower() fold ASCII only; searches for other letters fold through this, so
  // "ÄRGER" finds "ärger" as PostgreSQL's ILIKE does (see containsText in sql-helpers.ts).
  raw.function(SQLITE_FOLD_FUNCTION, { deterministic: true }, (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v));
  const availability = new Availability();
  const base = new Kysely<DB>({
    dialect: withAvailability(new ImmediateSqliteDialect({ database: withStatementCache(raw) }), availability),
    plugins: [new SqliteValuesPlugin()],
  });
  const db = base.withPlugin(new ItemVersionsPlugin());
  // data_version changes when another connection (handle, process, sqlite3 shell) commits;
  // total_changes() counts every row this connection wrote, autocommit statements and triggers
  // included, so our own commits change the token without hooking each commit; schema_version
  // catches DDL (views re-created by a migration). Read through Kysely's connection queue (~6 µs;
  // 4 µs outside it), so it is read in order with this connection's queries and never in the
  // middle of one of its transactions.
  const tokenQuery = CompiledQuery.raw(
    'select (select data_version from pragma_data_version) as d, (select schema_version from pragma_schema_version) as s, total_changes() as c',
  );
  // The org's version (org_version, kept by triggers) and schema_version, so DDL (views re-created
  // by a migration) still counts as a change, as in the database-wide token.
  const orgTokenQuery = (orgId: number) =>
    CompiledQuery.raw(
      'select (select version from org_version where org_id = ?) as v, (select schema_version from pragma_schema_version) as s',
      [orgId],
    );
  // The planner's statistics, as SQLite recommends for long-lived connections: PRAGMA optimize
  // analyses each table that has never been analysed or has grown or shrunk a lot since (0x10000:
  // every table, not only those this connection used), reading at most ~1,000 rows per index
  // (analysis_limit), so it costs milliseconds to a few hundred. Without statistics SQLite rates
  // every index that matches the org equally, and which one a query gets is luck: with two more
  // (org_id, …) indexes the newest-first task list took one that needs a sort of all the org's
  // tasks (1.7 ms instead of 0.1 ms per page). Run after migrating (new tables and indexes: it
  // analyses indexes without statistics), then every 10 minutes in long-running processes (a new
  // database gets statistics once it has rows; when nothing needs analysing it only compares row
  // counts); through Kysely, so never inside another statement's transaction.
  raw.pragma('analysis_limit = 1000');
  const optimize = async () => {
    await sql.raw('pragma optimize = 0x10002').execute(db);
  };
  const optimizer = opts.backgroundCheckpoint && file !== ':memory:' ? setInterval(() => void optimize().catch(() => {}), OPTIMIZE_EVERY_MS) : undefined;
  optimizer?.unref();
  let closed = false;
  const memoryScope = `:memory:${randomUUID()}`;
  return {
    db,
    engine: 'sqlite',
    caps: SQLITE_CAPABILITIES,
    availability,
    description: `sqlite:${file}`,
    sqlite: raw,
    // Migrations are frozen: they run without the version bump, which knows today's columns.
    async migrate() {
      const applied = await migrateToLatest(base, 'sqlite');
      // Statistics only help the planner: a database busy past the timeout must not stop a start.
      await optimize().catch(() => {});
      return applied;
    },
    isMigrated: () => isMigrated(base, 'sqlite'),
    async ping() {
      await sql`select 1`.execute(db);
    },
    poolInUse: () => 0,
    // Handles on one file share a scope; every in-memory database is its own.
    tryExclusive: (name, fn) => inProcessExclusive(file === ':memory:' ? memoryScope : file, name, fn),
    async changeToken(orgId) {
      const { rows } = await db.executeQuery<{ v: number | null; s: number }>(orgTokenQuery(orgId));
      const r = rows[0]!;
      return `${r.v ?? 'none'}:${r.s}`;
    },
    async databaseChangeToken() {
      const { rows } = await db.executeQuery<{ d: number; s: number; c: number }>(tokenQuery);
      const r = rows[0]!;
      return `${r.d}:${r.s}:${r.c}`;
    },
    async refreshStatistics() {},
    executePrepared: (query) => db.executeQuery(query),
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(optimizer);
      // Before the connection closes: its close then checkpoints what is left, as without the worker.
      await checkpointer?.stop();
      await db.destroy();
    },
    get closed() {
      return closed;
    },
  };
}

// ------------------------------------------------------------------ PostgreSQL
/** PostgreSQL's refusal to run a prepared statement whose tables changed shape since it was prepared. */
function isStalePreparedStatement(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown };
  return err?.code === '0A000' && typeof err.message === 'string' && err.message.includes('cached plan must not change result type');
}

/** How many statement texts executePrepared names (each connection prepares those it runs). */
const PREPARED_TEXTS = 256;

/**
 * The statement texts to run as named prepared statements, and the hook that does it: Kysely's
 * driver sends every query as `client.query(text, values)` (unnamed: parsed and planned each time);
 * a connection's query of a registered text goes out as `{ name, text, values }` instead, which pg
 * parses once per connection and then only binds.
 */
class PreparedTexts {
  private readonly names = new Map<string, string>();
  /** Names are never reused: a connection may still hold a statement under an old one. */
  private issued = 0;

  add(text: string): void {
    if (!this.names.has(text) && this.names.size < PREPARED_TEXTS) this.names.set(text, `fl_${++this.issued}`);
  }

  /**
   * Stops naming a text whose prepared statement no longer fits its tables (a migration changed
   * them: PostgreSQL then refuses to run it, "cached plan must not change result type"). The
   * next executePrepared names it afresh, so every connection prepares it again against the new
   * tables (a rolling upgrade's old nodes keep working); the stale statements stay unused.
   */
  forget(text: string): void {
    this.names.delete(text);
  }

  attach(client: pg.PoolClient): void {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const names = this.names;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (text: unknown, values?: unknown, callback?: unknown) => {
      const name = typeof text === 'string' ? names.get(text) : undefined;
      if (name === undefined) return query(text, values, callback);
      return query({ name, text, values }, callback);
    };
  }
}

function openPostgres(url: string, opts: CreateDatabaseOptions): Database {
  const options = ['-c TimeZone=UTC'];
  // Keep any `options` given in the URL (e.g. ?options=-c search_path=x): the pool's own `options`
  // would otherwise replace them.
  const fromUrl = new URL(url).searchParams.get('options');
  if (fromUrl) options.push(fromUrl);
  if (opts.schema) options.push(`-c search_path=${opts.schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    options: options.join(' '),
    application_name: opts.applicationName ?? 'flowledger',
    types: pgTypes,
    connectionTimeoutMillis: 10_000,
  });
  // A client losing its connection must not crash the process. Idle ones: the pool drops them.
  // Checked-out ones emit 'error' on the client itself, outside any query, when the server goes
  // away between queries; the next query on it then fails (503), and the pool drops it on release.
  pool.on('error', () => {});
  const prepared = new PreparedTexts();
  pool.on('connect', (client) => {
    client.on('error', () => {});
    prepared.attach(client);
  });
  const availability = new Availability();
  const base = new Kysely<DB>({ dialect: withAvailability(new SearchPathPostgresDialect({ pool }), availability) });
  const db = base.withPlugin(new ItemVersionsPlugin());
  let closed = false;
  return {
    db,
    engine: 'postgres',
    caps: POSTGRES_CAPABILITIES,
    availability,
    description: url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
    pgPool: pool,
    migrate: () => migrateToLatest(base, 'postgres'),
    isMigrated: () => isMigrated(base, 'postgres'),
    async ping() {
      await sql`select 1`.execute(db);
    },
    poolInUse: () => pool.totalCount - pool.idleCount,
    tryExclusive: (name, fn) => advisoryExclusive(pool, db, name, fn),
    async changeToken(orgId) {
      // Bumped at commit by a deferred trigger (migration 0025): read committed, one primary-key lookup.
      const row = await db.selectFrom('org_version').select('version').where('org_id', '=', orgId).executeTakeFirst();
      return row ? String(row.version) : 'none';
    },
    async databaseChangeToken() {
      // The snapshot (xmin:xmax:in-progress xids) changes whenever a transaction that wrote (has
      // an xid) ends anywhere in the cluster: xmax only grows and ended xids leave the list, so
      // equal snapshots mean nothing committed in between. Cluster-wide, so writes elsewhere
      // (other schemas, databases) only cost a recomputation. One round trip.
      const { rows } = await sql<{ s: string }>`select pg_current_snapshot()::text as s`.execute(db);
      return rows[0]!.s;
    },
    async refreshStatistics(table) {
      await sql`analyze ${sql.table(table)}`.execute(db);
    },
    async executePrepared<R>(query: Compilable<R> | CompiledQuery<R>) {
      const compiled = 'compile' in query ? query.compile() : query;
      prepared.add(compiled.sql);
      try {
        return await db.executeQuery(compiled);
      } catch (e) {
        if (!isStalePreparedStatement(e)) throw e;
        prepared.forget(compiled.sql);
        return db.executeQuery(compiled);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
    get closed() {
      return closed;
    },
  };
}

export function createDatabase(url: string, opts: CreateDatabaseOptions = {}): Database {
  if (url.startsWith('sqlite:')) return openSqlite(url, opts);
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url, opts);
  throw new Error(`Unsupported DATABASE_URL "${url}": use sqlite:<path> or postgres://…`);
}
