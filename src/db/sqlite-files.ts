/**
 * SQLite file mechanics for `flowledger backup` and `flowledger restore`: an online copy of a live
 * database, the check that a file is a FlowLedger database, and the atomic replacement of the
 * database file while no process has it open. PostgreSQL has its own tools (pg_dump, pg_restore).
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index.js';
import { sqlitePath } from './create-db.js';

/** A refusal with a message meant for the operator (no stack trace needed). */
export class SqliteFileError extends Error {
  override readonly name = 'SqliteFileError';
}

export interface SqliteFileReport {
  file: string;
  bytes: number;
  /** Migrations recorded in the file, in the order they ran. */
  migrations: string[];
  /** Migrations this version has that the file has not run yet (`flowledger migrate` applies them). */
  pending: string[];
}

/** Tables every FlowLedger database has since its first migration. */
const FLOWLEDGER_TABLES = ['org', 'work_event', 'kysely_migration'];

/**
 * Opens `file` read-only and proves it is an intact FlowLedger database that this version can run:
 * SQLite's integrity check passes, the FlowLedger tables and migration record are there, and it has
 * run no migration this version does not know (a backup from a newer version).
 */
export function inspectSqliteFile(file: string): SqliteFileReport {
  if (!existsSync(file)) throw new SqliteFileError(`No such file: ${file}`);
  if (!statSync(file).isFile()) throw new SqliteFileError(`Not a file: ${file}`);
  let conn: BetterSqlite3.Database;
  try {
    conn = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new SqliteFileError(`${file} cannot be opened as a SQLite database: ${(err as Error).message}`);
  }
  try {
    let problems: string[];
    try {
      problems = (conn.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
    } catch (err) {
      // A file that is not SQLite fails here ("file is not a database"), not at open.
      throw new SqliteFileError(`${file} is not a SQLite database (${(err as Error).message})`);
    }
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new SqliteFileError(`${file} failed SQLite's integrity check: ${problems.slice(0, 5).join('; ')}`);
    }
    const tables = new Set(
      (conn.prepare(`select name from sqlite_master where type = 'table'`).all() as Array<{ name: string }>).map((r) => r.name),
    );
    const missing = FLOWLEDGER_TABLES.filter((t) => !tables.has(t));
    if (missing.length) throw new SqliteFileError(`${file} is a SQLite database but not a FlowLedger one (no ${missing.join(', ')} table)`);
    const migrations = (conn.prepare('select name from kysely_migration order by timestamp, name').all() as Array<{ name: string }>).map((r) => r.name);
    if (migrations.length === 0) throw new SqliteFileError(`${file} is a SQLite database but not a FlowLedger one (no migration has run)`);
    const unknown = migrations.filter((m) => !Object.hasOwn(MIGRATIONS, m));
    if (unknown.length) {
      throw new SqliteFileError(`${file} was written by a newer FlowLedger (migrations this version does not know: ${unknown.join(', ')}); upgrade FlowLedger first`);
    }
    const done = new Set(migrations);
    return { file, bytes: statSync(file).size, migrations, pending: Object.keys(MIGRATIONS).filter((m) => !done.has(m)) };
  } finally {
    conn.close();
  }
}

/** Flushes a rename (or a new file) in `dir` to disk, so a power cut cannot undo it. */
function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Copies the database in `source` to the new file `dest` with SQLite's online backup API. The whole
 * copy is asked for in one step on purpose: it then runs inside one read transaction (in WAL mode
 * writers are never blocked, and the copy is the database as of one commit), whereas a step-by-step
 * copy restarts from page 1 whenever another process commits and, under steady writes, might never
 * finish. A failed copy leaves no file behind.
 */
async function copyDatabase(source: string, dest: string): Promise<void> {
  const conn = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  try {
    await conn.backup(dest, { progress: () => 0x7fffffff });
  } catch (err) {
    rmSync(dest, { force: true });
    throw err;
  } finally {
    conn.close();
  }
}

/**
 * Copies the live database at `url` (sqlite:…) into `dest`, a new file, while servers keep serving
 * and writing (see copyDatabase). It is written under a temporary name, checked, and renamed, so
 * `dest` is either absent or a complete, valid backup.
 */
export async function backupSqlite(url: string, dest: string): Promise<SqliteFileReport> {
  const source = sqlitePath(url);
  if (source === ':memory:') throw new SqliteFileError('An in-memory database cannot be backed up');
  if (!existsSync(source)) throw new SqliteFileError(`No database at ${source}`);
  if (existsSync(dest)) throw new SqliteFileError(`${dest} already exists: choose another name or remove it first`);
  if (!existsSync(dirname(dest))) throw new SqliteFileError(`The folder ${dirname(dest)} does not exist`);
  const partial = join(dirname(dest), `.${basename(dest)}.partial-${process.pid}`);
  await copyDatabase(source, partial);
  try {
    // The copy keeps the source's WAL flag; a backup is one self-contained file, so it goes back to
    // a rollback journal (a server that opens it, once restored, switches it to WAL again).
    const copy = new BetterSqlite3(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const report = inspectSqliteFile(partial);
    renameSync(partial, dest);
    fsyncDir(dirname(dest));
    return { ...report, file: dest };
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}

export interface RestoreReport extends SqliteFileReport {
  /** The database file that was replaced. */
  target: string;
  /** Where the replaced database was kept (absent when there was none). */
  previous?: string;
}

/**
 * Replaces the database at `url` with the FlowLedger database in `file`, refusing while any process
 * has the database open.
 *
 * Detection uses SQLite's own locks rather than a lock file of ours: every connection to a WAL
 * database (a server, a worker, `flowledger sla`, any CLI command, a sqlite3 shell) holds a shared
 * lock for as long as it is open, idle or not, so leaving WAL mode, which needs the database to
 * itself, fails with SQLITE_BUSY while anyone else is connected. The locks belong to the operating
 * system: a crashed process leaves nothing stale behind, and no pid can be mistaken for another.
 *
 * The steps: validate `file`; copy it next to the target (SQLite's backup API, so a source in WAL
 * mode is copied whole); take the target in exclusive locking mode and switch it out of WAL, which
 * also checkpoints its WAL into the file; keep a copy of it as `<target>.before-restore-<time>`;
 * rename the copy over the target (atomic); release the lock. While the lock is held, a process
 * that starts waits for it (its busy timeout, 5 s) and then opens the restored file, or fails to
 * start: it never sees the old file and the new one mixed.
 */
export async function restoreSqlite(url: string, file: string, now: Date): Promise<RestoreReport> {
  const target = sqlitePath(url);
  if (target === ':memory:') throw new SqliteFileError('Cannot restore into an in-memory database');
  const report = inspectSqliteFile(file);
  if (existsSync(target) && realpathSync(target) === realpathSync(file)) {
    throw new SqliteFileError(`${file} is the database itself: restore from a backup copy`);
  }
  if (!existsSync(dirname(target))) throw new SqliteFileError(`The folder ${dirname(target)} does not exist`);

  const incoming = join(dirname(target), `.${basename(target)}.restoring-${process.pid}`);
  await copyDatabase(file, incoming);

  let previous: string | undefined;
  try {
    if (existsSync(target)) {
      // timeout 0: a busy database means someone has it open; waiting would not change the answer.
      const held = new BetterSqlite3(target, { timeout: 0, fileMustExist: true });
      try {
        const inUse = new SqliteFileError(
          `${target} is in use by another process (a flowledger serve, worker or CLI command, or a sqlite3 shell): stop it, then run restore again`,
        );
        held.pragma('locking_mode = EXCLUSIVE');
        try {
          // SQLite answers the mode it is in: anything but "delete" means it could not leave WAL.
          if (held.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') throw inUse;
          held.exec('begin exclusive');
        } catch (err) {
          const code = (err as { code?: string }).code;
          throw code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' ? inUse : err;
        }
        // Out of WAL mode and locked: the file alone is the whole database, and nobody can open it.
        previous = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
        copyFileSync(target, previous);
        // A -shm left from WAL mode describes the old file; the next opener would rebuild it anyway.
        rmSync(`${target}-wal`, { force: true });
        rmSync(`${target}-shm`, { force: true });
        renameSync(incoming, target);
        fsyncDir(dirname(target));
        held.exec('rollback');
      } finally {
        held.close();
      }
    } else {
      renameSync(incoming, target);
      fsyncDir(dirname(target));
    }
  } catch (err) {
    rmSync(incoming, { force: true });
    throw err;
  }
  return { ...report, target, ...(previous ? { previous } : {}) };
}
