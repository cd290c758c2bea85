/**
 * When the database cannot answer — PostgreSQL stopped, refusing or dropping connections, the pool
 * timing out, a read-only or recovering server; SQLite busy past its timeout or its file unusable —
 * the request is not wrong and the code has no bug: the answer is `503 unavailable` with
 * Retry-After. Every query goes through `withAvailability`'s driver, which turns those engine
 * errors into one typed error and keeps the outage state (logged once per outage by whoever
 * listens, exported as metrics), so no route has to know about it.
 */
import type { DatabaseConnection, Dialect, Driver, QueryResult, TransactionSettings } from 'kysely';
import { AppError } from '../shared/errors.js';

/** `unavailable`: the database is unreachable or refuses work; `busy`: SQLite's write lock stayed taken past the busy timeout. */
export type UnavailableKind = 'unavailable' | 'busy';

/** Seconds a client should wait before retrying (the Retry-After header). */
export const RETRY_AFTER_SECONDS = 2;

export class DatabaseUnavailableError extends AppError {
  readonly kind: UnavailableKind;
  constructor(kind: UnavailableKind, cause: unknown) {
    super(
      'unavailable',
      kind === 'busy' ? 'The database is busy; retry shortly' : 'The database is unavailable; retry shortly',
      { retry_after_s: RETRY_AFTER_SECONDS },
    );
    this.name = 'DatabaseUnavailableError';
    this.kind = kind;
    this.cause = cause;
  }
}

/**
 * PostgreSQL SQLSTATEs that say "not now" rather than "wrong": connection exceptions (08…),
 * operator intervention (57P01-57P05: shutdown, crash, cannot connect now, idle session timeout),
 * insufficient resources (53…: too many connections, disk full, out of memory), system/IO errors
 * (58…), and a read-only server (25006: a standby or a promoted-elsewhere primary).
 */
function pgStateIsUnavailable(code: string): boolean {
  return /^(08|53|58)/.test(code) || /^57P0[1-5]$/.test(code) || code === '25006';
}

/** Socket-level failures reaching the server. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** node-postgres reports a dead or timed-out connection with these messages and no code. */
const PG_CONNECTION_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|Cannot use a pool after calling end|Query read timeout)/;

/** Which kind of unavailability an engine error is, or undefined for any other error. */
export function unavailableKind(err: unknown): UnavailableKind | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DatabaseUnavailableError) return e.kind;
    const code = (e as { code?: unknown }).code;
    const message = (e as { message?: unknown }).message;
    if (typeof code === 'string') {
      if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return 'busy';
      // Read-only file, disk I/O, full disk, file gone or unopenable: the file cannot take work now.
      if (/^SQLITE_(READONLY|IOERR|FULL|CANTOPEN|PROTOCOL|NOTADB|CORRUPT)/.test(code)) return 'unavailable';
      if (NETWORK_CODES.has(code)) return 'unavailable';
      if (/^[0-9A-Z]{5}$/.test(code) && pgStateIsUnavailable(code)) return 'unavailable';
    }
    if (typeof message === 'string') {
      if (PG_CONNECTION_MESSAGES.test(message)) return 'unavailable';
      // better-sqlite3 on a closed handle; Kysely after destroy() (a request racing shutdown).
      if (message === 'The database connection is not open' || message === 'driver has already been destroyed') return 'unavailable';
    }
  }
  return undefined;
}

export interface AvailabilityChange {
  up: boolean;
  kind?: UnavailableKind;
  /** The first error of an outage (message only: connection errors carry no secrets, but no URL either). */
  reason?: string;
  /** On recovery: how long the outage lasted. */
  downForMs?: number;
}

/**
 * The outage state of one database handle. `up` goes false on the first connection-level failure
 * and true on the next query that succeeds. Listeners hear one line per outage and one per
 * recovery: a recovery is announced only once the database has answered for SETTLE_MS without a
 * new failure, since a server stopping or starting can answer one query in between (a fast
 * shutdown, a promotion). Busy (SQLite) errors are counted but do not mark the database down.
 */
const SETTLE_MS = 1_000;

export class Availability {
  private downSince: number | undefined;
  /** The outage being announced (from its first failure until the recovery is announced). */
  private outageSince: number | undefined;
  private settleTimer: NodeJS.Timeout | undefined;
  readonly errors: Record<UnavailableKind, number> = { unavailable: 0, busy: 0 };
  private readonly listeners = new Set<(change: AvailabilityChange) => void>();

  constructor(private readonly nowMs: () => number = Date.now) {}

  get up(): boolean {
    return this.downSince === undefined;
  }

  onChange(listener: (change: AvailabilityChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  failed(kind: UnavailableKind, err: unknown): void {
    this.errors[kind] += 1;
    if (kind === 'busy') {
      if (this.errors.busy === 1 || this.errors.busy % 1000 === 0) this.emit({ up: this.up, kind, reason: messageOf(err) });
      return;
    }
    if (this.settleTimer) {
      // Answered for a moment, then failed again: the same outage goes on.
      clearTimeout(this.settleTimer);
      this.settleTimer = undefined;
    }
    if (this.downSince !== undefined) return;
    this.downSince = this.nowMs();
    if (this.outageSince !== undefined) return;
    this.outageSince = this.downSince;
    this.emit({ up: false, kind, reason: messageOf(err) });
  }

  succeeded(): void {
    if (this.downSince === undefined) return;
    this.downSince = undefined;
    const since = this.outageSince!;
    const backAt = this.nowMs();
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      this.outageSince = undefined;
      this.emit({ up: true, downForMs: backAt - since });
    }, SETTLE_MS);
    this.settleTimer.unref();
  }

  private emit(change: AvailabilityChange): void {
    for (const l of this.listeners) l(change);
  }
}

function messageOf(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown } | undefined;
  const parts = [typeof e?.code === 'string' ? e.code : undefined, typeof e?.message === 'string' ? e.message : undefined];
  return parts.filter(Boolean).join(': ') || String(err);
}

/** Rethrows unavailability as DatabaseUnavailableError (recording it); other errors unchanged. */
function translate(availability: Availability, err: unknown): never {
  if (err instanceof DatabaseUnavailableError) throw err;
  const kind = unavailableKind(err);
  if (!kind) throw err;
  availability.failed(kind, err);
  throw new DatabaseUnavailableError(kind, err);
}

class AvailabilityConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly availability: Availability,
  ) {}

  async executeQuery<R>(compiledQuery: Parameters<DatabaseConnection['executeQuery']>[0]): Promise<QueryResult<R>> {
    try {
      const result = await this.inner.executeQuery<R>(compiledQuery);
      if (!this.availability.up) this.availability.succeeded();
      return result;
    } catch (err) {
      return translate(this.availability, err);
    }
  }

  async *streamQuery<R>(compiledQuery: Parameters<DatabaseConnection['streamQuery']>[0], chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    try {
      yield* this.inner.streamQuery<R>(compiledQuery, chunkSize);
    } catch (err) {
      translate(this.availability, err);
    }
  }
}

const innerOf = (c: DatabaseConnection) => (c instanceof AvailabilityConnection ? c.inner : c);

class AvailabilityDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly availability: Availability,
  ) {}

  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      return translate(this.availability, err);
    }
  }

  init(): Promise<void> {
    return this.guard(() => this.inner.init());
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    return new AvailabilityConnection(await this.guard(() => this.inner.acquireConnection()), this.availability);
  }
  // The engine's driver gets its own connection object back: Kysely's PostgreSQL driver calls
  // private methods on it (marking a connection whose rollback failed for discard).
  beginTransaction(c: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.guard(() => this.inner.beginTransaction(innerOf(c), settings));
  }
  commitTransaction(c: DatabaseConnection): Promise<void> {
    return this.guard(() => this.inner.commitTransaction(innerOf(c)));
  }
  rollbackTransaction(c: DatabaseConnection): Promise<void> {
    return this.guard(() => this.inner.rollbackTransaction(innerOf(c)));
  }
  releaseConnection(c: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(innerOf(c));
  }
  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

// Savepoints are optional on a driver: forward them only where the engine's driver has them.
for (const name of ['savepoint', 'rollbackToSavepoint', 'releaseSavepoint'] as const) {
  Object.defineProperty(AvailabilityDriver.prototype, name, {
    value(this: { inner: Driver; availability: Availability }, c: DatabaseConnection, ...rest: unknown[]) {
      const fn = this.inner[name] as ((...a: unknown[]) => Promise<void>) | undefined;
      if (!fn) return Promise.reject(new Error(`${name} is not supported by this engine`));
      return fn.call(this.inner, innerOf(c), ...rest).catch((err: unknown) => translate(this.availability, err));
    },
  });
}

/** A dialect whose driver reports unavailability as DatabaseUnavailableError and tracks outages. */
export function withAvailability(dialect: Dialect, availability: Availability): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new AvailabilityDriver(dialect.createDriver(), availability),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
  };
}
