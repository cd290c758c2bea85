/**
 * "Run this unless someone else is already running it": the skip-if-taken mutex behind
 * Database.tryExclusive (the SLA monitor's passes use it). A caller that finds the name taken is
 * told so at once instead of queueing behind the holder, so N monitors do one pass, not N in a row.
 */
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { DB } from './types.js';

export type ExclusiveResult<T> = { acquired: true; value: T } | { acquired: false };

/**
 * PostgreSQL: a session advisory lock (`pg_try_advisory_lock`) on a connection of its own, held for
 * the whole of `fn` however many transactions `fn` runs on the pool. The connection is outside the
 * pool (as the LISTEN connection is), so a pool of one cannot deadlock against its own lock holder.
 * The key hashes the schema with the name: deployments (and test files) sharing one database in
 * different schemas do not skip each other's work. Ending the session releases the lock whatever
 * happened, so an error in `fn` or a lost connection never leaves it held.
 */
export async function advisoryExclusive<T>(pool: pg.Pool, db: Kysely<DB>, name: string, fn: () => Promise<T>): Promise<ExclusiveResult<T>> {
  const client = new pg.Client({ ...(pool as unknown as { options: pg.ClientConfig }).options, application_name: 'flowledger-lock' });
  // A connection dropped mid-pass emits 'error'; without a listener that would crash the process.
  client.on('error', () => {});
  await client.connect();
  try {
    const key = sql`hashtextextended(current_schema() || '/' || ${name}, 0)`;
    const lock = sql<{ locked: boolean }>`select pg_try_advisory_lock(${key}) as locked`.compile(db);
    const { rows } = await client.query<{ locked: boolean }>(lock.sql, [...lock.parameters]);
    if (!rows[0]?.locked) return { acquired: false };
    try {
      return { acquired: true, value: await fn() };
    } finally {
      const unlock = sql`select pg_advisory_unlock(${key})`.compile(db);
      // If this fails the connection is gone, and the lock with it.
      await client.query(unlock.sql, [...unlock.parameters]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}

/** Names held in this process, per scope (a SQLite file). */
const held = new Set<string>();

/**
 * SQLite: one process per database file in practice, and its write transactions (BEGIN IMMEDIATE)
 * are already exclusive, so only overlap within this process needs excluding: another handle on
 * the same file, or a pass started while one is still running.
 */
export async function inProcessExclusive<T>(scope: string, name: string, fn: () => Promise<T>): Promise<ExclusiveResult<T>> {
  const key = `${scope}\u0000${name}`;
  if (held.has(key)) return { acquired: false };
  held.add(key);
  try {
    return { acquired: true, value: await fn() };
  } finally {
    held.delete(key);
  }
}
