/**
 * `flowledger backup FILE` and `flowledger restore FILE`: SQLite only; PostgreSQL databases are
 * backed up and restored with pg_dump and pg_restore (docs/operations.md says how).
 */
import { resolve } from 'node:path';
import { loadConfig } from '../../config/config.js';
import { backupSqlite, restoreSqlite, SqliteFileError, type SqliteFileReport } from '../../db/sqlite-files.js';
import { systemClock } from '../../shared/clock.js';
import { UsageError, type CommandContext } from '../cli-kit.js';

const PG_POINTER = 'see "Backup and restore" in docs/operations.md';

function fileArg(c: CommandContext, command: string): string {
  if (!c.sub || c.arg !== undefined) throw new UsageError(`Usage: flowledger ${command} FILE`);
  return resolve(c.sub);
}

function describe(r: SqliteFileReport): string {
  const mib = (r.bytes / 1024 / 1024).toFixed(1);
  return `${mib} MiB, ${r.migrations.length} migrations (last ${r.migrations.at(-1)})`;
}

/** Refusals meant for the operator are printed as they are; anything else is a real failure. */
async function reporting(c: CommandContext, fn: () => Promise<void>): Promise<number> {
  try {
    await fn();
    return 0;
  } catch (err) {
    if (!(err instanceof SqliteFileError)) throw err;
    c.out.err(`flowledger: ${err.message}`);
    return 1;
  }
}

export async function backupCommand(c: CommandContext): Promise<number> {
  const dest = fileArg(c, 'backup');
  const { databaseUrl } = loadConfig(c.env);
  if (!databaseUrl.startsWith('sqlite:')) {
    c.out.err(`flowledger: backup copies SQLite databases only; back up PostgreSQL with pg_dump -Fc (${PG_POINTER}).`);
    return 1;
  }
  return reporting(c, async () => {
    const r = await backupSqlite(databaseUrl, dest);
    if (c.values.json) c.out.log(JSON.stringify({ backup: r.file, bytes: r.bytes, migrations: r.migrations }));
    else c.out.log(`Backed up ${databaseUrl} to ${r.file} (${describe(r)}).`);
  });
}

export async function restoreCommand(c: CommandContext): Promise<number> {
  const file = fileArg(c, 'restore');
  const { databaseUrl } = loadConfig(c.env);
  if (!databaseUrl.startsWith('sqlite:')) {
    c.out.err(`flowledger: restore replaces SQLite databases only; restore PostgreSQL with pg_restore (${PG_POINTER}).`);
    return 1;
  }
  return reporting(c, async () => {
    const r = await restoreSqlite(databaseUrl, file, systemClock.now());
    if (c.values.json) {
      c.out.log(JSON.stringify({ restored: r.target, from: file, previous: r.previous ?? null, migrations: r.migrations, pending: r.pending }));
      return;
    }
    c.out.log(`Restored ${r.target} from ${file} (${describe(r)}).`);
    c.out.log(r.previous ? `The database it replaced was kept as ${r.previous}.` : 'There was no database there before.');
    c.out.log(
      r.pending.length
        ? `The backup predates ${r.pending.length} migration(s) (${r.pending.join(', ')}): run flowledger migrate, or start the server, which applies them.`
        : 'Its schema is up to date with this version.',
    );
  });
}
