/** What every `flowledger` subcommand shares: its parsed arguments, output, and the database helper. */
import { loadConfig } from '../config/config.js';
import { createDatabase, type Database } from '../db/create-db.js';

export class UsageError extends Error {}

export type Out = { log(line: string): void; err(line: string): void };

export const stdio: Out = {
  log: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
};

/** The options every subcommand may read (parsed once, strictly, by runCli). */
export interface CliValues {
  json: boolean;
  name?: string;
  org?: string;
  role?: string;
  at?: string;
  demo: boolean;
  seed?: string;
  messages?: string;
  'no-workers': boolean;
  'no-sla': boolean;
  status: boolean;
  concurrency?: string;
  batch?: string;
  help: boolean;
}

export interface CommandContext {
  /** The positional after the command (`keys create` → "create"; `ingest PATH` → PATH). */
  sub: string | undefined;
  /** The second positional (`keys revoke ID` → ID). */
  arg: string | undefined;
  values: CliValues;
  env: Record<string, string | undefined>;
  out: Out;
}

export function positiveInt(v: string | undefined, what: string): number {
  const n = Number(v);
  if (!v || !Number.isInteger(n) || n <= 0) throw new UsageError(`${what} must be a positive integer (got ${v ?? 'nothing'})`);
  return n;
}

/** Opens the database for one command, migrated first unless the command is `migrate` itself. */
export async function withDb<T>(
  fn: (database: Database) => Promise<T>,
  env: Record<string, string | undefined>,
  opts: { migrateFirst?: boolean } = {},
): Promise<T> {
  const config = loadConfig(env);
  const database = createDatabase(config.databaseUrl, { poolSize: 2 });
  try {
    if (opts.migrateFirst !== false) await database.migrate();
    return await fn(database);
  } finally {
    await database.close();
  }
}
