import type { Database, Trx } from '../db/create-db.js';
import type { CommitFeed } from './commit-feed.js';

/**
 * Runs a write in one transaction (BEGIN IMMEDIATE on SQLite) and, once it has committed, wakes the
 * outbox so its events are delivered at once. Routes and jobs own their transaction through this.
 */
export async function transact<T>(
  deps: { database: Database; commitFeed: Pick<CommitFeed, 'notify'> },
  fn: (trx: Trx) => Promise<T>,
): Promise<T> {
  const result = await deps.database.db.transaction().execute(fn);
  deps.commitFeed.notify();
  return result;
}
