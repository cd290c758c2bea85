/** What every `flowledger` subcommand shares: output, the exit code, argument parsers, and the database helper. */
import { InvalidArgumentError } from 'commander';
import { loadConfig } from '../config/config.js';
import { createDatabase, type Database } from '../db/create-db.js';

/** A mistake on the command line: printed as one line with a pointer to the command's help, exit code 2. */
export class UsageError extends Error {
  /** The command it concerns (`keys create`), when known; '' for the program itself. */
  command: string | undefined;
  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}

export type Out = { log(line: string): void; err(line: string): void };

export const stdio: Out = {
  log: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
};

/** One run of the command line: where it writes, the environment it reads, and the exit code its command chose. */
export class CliContext {
  exitCode = 0;
  constructor(
    readonly env: Record<string, string | undefined>,
    readonly out: Out,
  ) {}

  /**
   * Wraps a command's handler for commander, which ignores what a handler returns: the number it
   * resolves to is the exit code (-1: a long-running role that keeps the process alive).
   */
  run<A extends unknown[]>(handler: (...args: A) => Promise<number>): (...args: A) => Promise<void> {
    return async (...args: A) => {
      this.exitCode = await handler(...args);
    };
  }
}

/** The options every command with machine-readable output takes. */
export interface JsonOption {
  json?: boolean;
}

/** commander argument parser: a positive integer, optionally bounded. */
export function positiveInt(max = Number.MAX_SAFE_INTEGER): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError('It must be a positive integer.');
    if (n > max) throw new InvalidArgumentError(`It must be at most ${max}.`);
    return n;
  };
}

/** commander argument parser: an ISO-8601 time. */
export function isoTime(v: string): Date {
  const at = new Date(v);
  if (Number.isNaN(at.getTime())) throw new InvalidArgumentError('It must be an ISO-8601 time, e.g. 2030-01-01T09:00:00Z.');
  return at;
}

/** The "Examples:" block at the end of a command's help. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}`;
}

/**
 * Opens the database for one command, migrated first unless the command is `migrate` itself.
 * `backgroundCheckpoint` for a command that writes for long (db/create-db.ts).
 */
export async function withDb<T>(
  fn: (database: Database) => Promise<T>,
  env: Record<string, string | undefined>,
  opts: { migrateFirst?: boolean; backgroundCheckpoint?: boolean } = {},
): Promise<T> {
  const config = loadConfig(env);
  const database = createDatabase(config.databaseUrl, { poolSize: 2, backgroundCheckpoint: opts.backgroundCheckpoint });
  try {
    if (opts.migrateFirst !== false) await database.migrate();
    return await fn(database);
  } finally {
    await database.close();
  }
}
