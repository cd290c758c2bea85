/**
 * Failing one claimed event: record the error, release the claim, and either schedule the next
 * attempt (exponential backoff with jitter, computed by the caller) or dead-letter it once it has
 * used its attempts or the handler said the failure is permanent. Failures are rare next to
 * completions, so this is one statement per event rather than a batched one.
 */
import type { Database, DbOrTrx } from '../db/create-db.js';
import { deadLetterRows } from './complete.js';

export interface FailInput {
  id: number;
  /** The event's org: names the distribution column, so the statement reaches one shard. */
  orgId?: number;
  workerId: string;
  now: string;
  error: string;
  /** When to try again; null dead-letters the event now. */
  nextAttemptAt: string | null;
}

export async function failEvent(database: Database, f: FailInput): Promise<'retry' | 'dead' | 'lost'> {
  // The event's queue row, only while this claim still holds it.
  const own = (db: DbOrTrx) =>
    db
      .updateTable('outbox_queue')
      .$if(f.orgId !== undefined, (q) => q.where('org_id', '=', f.orgId!))
      .where('work_event_id', '=', f.id)
      .where('claimed_by', '=', f.workerId)
      .where('claimed_at', 'is not', null);
  const error = f.error.slice(0, 4000);
  if (f.nextAttemptAt !== null) {
    const res = await own(database.db).set({ claimed_at: null, last_error: error, next_attempt_at: f.nextAttemptAt }).executeTakeFirst();
    return Number(res.numUpdatedRows) === 0 ? 'lost' : 'retry';
  }
  // Dead: the error goes on the queue row (locking it), then the row moves to the record.
  const moved = await database.db.transaction().execute(async (trx) => {
    const keys = await own(trx).set({ last_error: error }).returning(['org_id', 'work_event_id']).execute();
    return deadLetterRows(trx, keys, f.now);
  });
  return moved === 0 ? 'lost' : 'dead';
}

export interface BackoffPolicy {
  /** Delay before the 2nd attempt; doubles each attempt. */
  baseMs: number;
  /** Ceiling of one delay. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 60 * 60_000 };

/**
 * Delay after the `attempts`-th failed attempt: exponential, capped, with "equal jitter" (half
 * fixed, half random) so a burst of failures does not retry in lockstep yet never retries sooner
 * than half the nominal delay.
 */
export function backoffDelayMs(attempts: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, Math.min(attempts - 1, 40)));
  return Math.round(exp / 2 + random() * (exp / 2));
}
