/**
 * What an engine can do, described by capability, never by name: domain code asks
 * `caps.skipLocked`, not "is this PostgreSQL?".
 */
export interface Capabilities {
  /** SELECT … FOR UPDATE SKIP LOCKED: several workers can claim from one queue concurrently. */
  readonly skipLocked: boolean;
  /** LISTEN/NOTIFY: commits in other processes can wake this one. */
  readonly listenNotify: boolean;
  /** Advisory locks: a pass (e.g. the SLA monitor's, through Database.tryExclusive) is exclusive across processes. */
  readonly advisoryLocks: boolean;
  /** One writer at a time for the whole database (SQLite): a write transaction is already exclusive. */
  readonly singleWriter: boolean;
  /** The engine's data_version pragma tells cheaply whether another process committed. */
  readonly dataVersion: boolean;
  /** INSERT/UPDATE/DELETE inside WITH: two writes that depend on each other go in one statement. */
  readonly writableCte: boolean;
}

export const SQLITE_CAPABILITIES: Capabilities = Object.freeze({
  skipLocked: false,
  listenNotify: false,
  advisoryLocks: false,
  singleWriter: true,
  dataVersion: true,
  writableCte: false,
});

export const POSTGRES_CAPABILITIES: Capabilities = Object.freeze({
  skipLocked: true,
  listenNotify: true,
  advisoryLocks: true,
  singleWriter: false,
  dataVersion: false,
  writableCte: true,
});
