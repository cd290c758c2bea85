/**
 * `flowledger backup FILE` and `flowledger restore FILE`: SQLite only; PostgreSQL databases are
 * backed up and restored with pg_dump and pg_restore (docs/operations.md says how).
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { backupSqlite, restoreSqlite, SqliteFileError, type SqliteFileReport } from '../../db/sqlite-files.js';
import { systemClock } from '../../shared/clock.js';
import { examples, type CliContext, type JsonOption } from '../cli-kit.js';

const PG_POINTER = 'see "Backup and restore" in docs/operations.md';

export function backupCommands(program: Command, ctx: CliContext): void {
  program
    .command('backup')
    .summary('copy the live SQLite database to FILE (servers may keep running)')
    .description(
      'Copy the SQLite database named by DATABASE_URL into FILE, a new file, while servers keep running. ' +
        'PostgreSQL: use pg_dump -Fc (docs/operations.md, "Backup and restore").',
    )
    .argument('<file>', 'the backup to write (must not exist)')
    .option('--json', 'print {"backup", "bytes", "migrations"}')
    .addHelpText('after', examples('flowledger backup /backups/flowledger-$(date -u +%Y%m%dT%H%M%SZ).db'))
    .action(ctx.run((file: string, opts: JsonOption) => backup(ctx, resolve(file), opts)));
  program
    .command('restore')
    .summary('replace the SQLite database with a backup (servers stopped)')
    .description(
      'Replace the SQLite database named by DATABASE_URL with the backup FILE; the database it replaces is kept ' +
        'beside it. Refused while any process has the database open: stop servers and workers first.',
    )
    .argument('<file>', 'the backup to restore')
    .option('--json', 'print {"restored", "from", "previous", "migrations", "pending"}')
    .addHelpText('after', examples('flowledger restore /backups/flowledger-20260101T000000Z.db'))
    .action(ctx.run((file: string, opts: JsonOption) => restore(ctx, resolve(file), opts)));
}

function describe(r: SqliteFileReport): string {
  const mib = (r.bytes / 1024 / 1024).toFixed(1);
  return `${mib} MiB, ${r.migrations.length} migrations (last ${r.migrations.at(-1)})`;
}

/** Refusals meant for the operator are printed as they are; anything else is a real failure. */
async function reporting(c: CliContext, fn: () => Promise<void>): Promise<number> {
  try {
    await fn();
    return 0;
  } catch (err) {
    if (!(err instanceof SqliteFileError)) throw err;
    c.out.err(`flowledger: ${err.message}`);
    return 1;
  }
}

async function backup(c: CliContext, dest: string, opts: JsonOption): Promise<number> {
  const { databaseUrl } = loadConfig(c.env);
  if (!databaseUrl.startsWith('sqlite:')) {
    c.out.err(`flowledger: backup copies SQLite databases only; back up PostgreSQL with pg_dump -Fc (${PG_POINTER}).`);
    return 1;
  }
  return reporting(c, async () => {
    const r = await backupSqlite(databaseUrl, dest);
    if (opts.json) c.out.log(JSON.stringify({ backup: r.file, bytes: r.bytes, migrations: r.migrations }));
    else c.out.log(`Backed up ${databaseUrl} to ${r.file} (${describe(r)}).`);
  });
}

async function restore(c: CliContext, file: string, opts: JsonOption): Promise<number> {
  const { databaseUrl } = loadConfig(c.env);
  if (!databaseUrl.startsWith('sqlite:')) {
    c.out.err(`flowledger: restore replaces SQLite databases only; restore PostgreSQL with pg_restore (${PG_POINTER}).`);
    return 1;
  }
  return reporting(c, async () => {
    const r = await restoreSqlite(databaseUrl, file, systemClock.now());
    if (opts.json) {
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
