import type { Database } from '../db/create-db.js';
import type { Clock } from '../shared/clock.js';
import { addAuthFailures, pruneAuthFailures } from './auth-failures.repository.js';

/**
 * Counts failed authentications per client address in fixed windows (aligned to the window
 * length), across every process on the database. Past the limit, an address's invalid attempts are
 * answered 429 until the window ends; a valid key is always accepted (the caller checks the key
 * first), so one client's failures never lock out others behind the same proxy or on other nodes.
 *
 * Counts are kept locally and written in batches (one upsert per flush, every `flushMs`), so a flood
 * of bad keys is a trickle of writes. Each flush returns the shared totals, so a node learns of an
 * address blocked elsewhere at its first flush after seeing it; locally the limit holds exactly.
 */
export class FailedAuthLimiter {
  /** Failures not yet written, for the current window. */
  private pending = new Map<string, number>();
  /** Failures being written now: still counted until the write returns the totals that hold them. */
  private inFlight = new Map<string, number>();
  /** Shared totals as of the last flush, for the current window. */
  private totals = new Map<string, number>();
  private window = -1;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private lastPrunedWindow = -1;

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly flushMs = 100,
  ) {}

  /** Milliseconds until the address may try again, or 0 when it is not blocked. */
  blockedFor(address: string): number {
    const now = this.rollWindow();
    const seen = (this.totals.get(address) ?? 0) + (this.inFlight.get(address) ?? 0) + (this.pending.get(address) ?? 0);
    return seen >= this.limit ? this.window + this.windowMs - now : 0;
  }

  recordFailure(address: string): void {
    this.rollWindow();
    // A flood of distinct addresses must not grow memory without bound: flush now instead.
    if (this.pending.size >= 10_000) void this.flush();
    this.pending.set(address, (this.pending.get(address) ?? 0) + 1);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.flushMs).unref();
  }

  /** Writes pending counts now and learns the shared totals (tests call it; the timer does otherwise). */
  flush(): Promise<void> {
    this.flushing ??= this.write().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return;
    const window = this.window;
    const batch = this.pending;
    this.pending = new Map();
    this.inFlight = batch;
    try {
      const totals = await addAuthFailures(this.database.db, window, batch);
      if (this.window === window) for (const [address, n] of totals) this.totals.set(address, n);
      this.inFlight = new Map();
    } catch {
      // The database is away: keep counting locally and try again with the next failure.
      this.inFlight = new Map();
      if (this.window === window) for (const [address, n] of batch) this.pending.set(address, (this.pending.get(address) ?? 0) + n);
      return;
    }
    if (this.lastPrunedWindow !== window) {
      this.lastPrunedWindow = window;
      // Old windows only take space: a failed prune is retried with the next window.
      await pruneAuthFailures(this.database.db, window - this.windowMs).catch(() => {});
    }
  }

  private rollWindow(): number {
    const now = this.clock.now().getTime();
    const window = now - (now % this.windowMs);
    if (window !== this.window) {
      this.window = window;
      this.pending.clear();
      this.inFlight = new Map();
      this.totals.clear();
    }
    return now;
  }

  /** Flushes what is pending (graceful stop). */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }
}
