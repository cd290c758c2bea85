/**
 * What wakes an idle worker, fastest first:
 * - this process committed events (CommitSignal, in-process, no I/O);
 * - PostgreSQL: another process committed (LISTEN on the channel the work_event trigger NOTIFYs
 *   on commit; see migration 0004), over one dedicated connection per worker process that
 *   reconnects with backoff and wakes once on reconnect, since notifications sent while it was
 *   down are lost;
 * - SQLite: another process committed (`PRAGMA data_version` changes when another connection
 *   commits; a read costs ~10 µs, so polling it every 5 ms costs ~0.2 % of a core);
 * - the slow fallback poll in the worker itself.
 */
import { sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/create-db.js';
import type { Logger } from '../shared/logger.js';

export const OUTBOX_CHANNEL = 'flowledger_outbox';

/**
 * Wake-up shared by the worker's lanes. wake() rouses one idle lane (not all: a commit of one
 * event should cost one claim, not one per lane); a lane that claims a full batch wakes the next,
 * so a burst fans out over every lane. When no lane is idle the wake is remembered, so one that
 * arrives while a claim is in flight is never lost.
 */
export class Waker {
  private pending = false;
  private waiters: Array<() => void> = [];

  wake(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.pending = true;
  }

  /** Rouses every idle lane (stop()). */
  wakeAll(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const resolve of w) resolve();
    this.pending = true;
  }

  /** Resolves at the next wake (or at once if one is pending) or after ms. */
  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve();
      }, Math.max(0, ms));
      this.waiters.push(done);
    });
  }
}

export interface WakeSource {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export class PgListener implements WakeSource {
  private client: pg.Client | undefined;
  private stopped = true;
  private retryMs = 100;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pool: pg.Pool,
    private readonly onWake: () => void,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    await this.connect();
  }

  /** The backend pid of the LISTEN connection, while connected (operators and tests). */
  get backendPid(): number | undefined {
    return (this.client as unknown as { processID?: number } | undefined)?.processID;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    // Same settings as the pool (url, search_path, types), but outside it: a LISTEN connection is
    // held forever and must not take one of the pool's query slots.
    const client = new pg.Client((this.pool as unknown as { options: pg.ClientConfig }).options);
    client.on('notification', (msg) => {
      if (msg.channel === OUTBOX_CHANNEL) this.onWake();
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`listen ${OUTBOX_CHANNEL}`);
      if (this.stopped) {
        await client.end().catch(() => {});
        return;
      }
      this.client = client;
      this.retryMs = 100;
      // Anything committed while we were not listening: look now.
      this.onWake();
    } catch (err) {
      this.lost(client, err as Error);
    }
  }

  private lost(client: pg.Client, err: Error): void {
    if (this.client === client) this.client = undefined;
    client.removeAllListeners('end');
    client.end().catch(() => {});
    if (this.stopped || this.retryTimer) return;
    this.logger.warn({ err: err.message, retryMs: this.retryMs }, 'outbox LISTEN connection lost; reconnecting');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.connect();
    }, this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, 5_000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const c = this.client;
    this.client = undefined;
    if (c) {
      c.removeAllListeners('end');
      c.removeAllListeners('error');
      c.on('error', () => {});
      await c.end().catch(() => {});
    }
  }
}

export class SqliteDataVersionWatcher implements WakeSource {
  private timer: NodeJS.Timeout | undefined;
  private last: number | undefined;
  private statement: { get(): unknown } | undefined;

  constructor(
    private readonly database: Database,
    private readonly onWake: () => void,
    // One read of a prepared `PRAGMA data_version` costs ~10 µs here (2 busy cores), so every 5 ms
    // is ~0.2 % of one core, and keeps the other-process latency at a few ms (README, Performance).
    private readonly intervalMs = 5,
  ) {}

  private read(): number | undefined {
    const raw = this.database.sqlite;
    if (!raw || !raw.open) return undefined;
    this.statement ??= raw.prepare('PRAGMA data_version').pluck();
    return this.statement.get() as number;
  }

  async start(): Promise<void> {
    if (this.timer) return;
    this.last = this.read();
    this.timer = setInterval(() => {
      try {
        const v = this.read();
        if (v !== undefined && v !== this.last) {
          this.last = v;
          this.onWake();
        }
      } catch {
        // The database is closing; stop() follows.
      }
    }, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

/** The cross-process wake source this engine supports, if any. */
export function crossProcessWakeSource(database: Database, onWake: () => void, logger: Logger): WakeSource | undefined {
  if (database.caps.listenNotify && database.pgPool) return new PgListener(database.pgPool, onWake, logger);
  if (database.caps.dataVersion && database.sqlite) return new SqliteDataVersionWatcher(database, onWake);
  return undefined;
}

/**
 * Wakes workers in other processes after a change that is not an INSERT (a redrive): on
 * PostgreSQL a NOTIFY; SQLite watchers see the commit through data_version by themselves.
 */
export async function notifyOtherProcesses(database: Database): Promise<void> {
  if (!database.caps.listenNotify) return;
  await sql`select pg_notify(${OUTBOX_CHANNEL}, '')`.execute(database.db);
}
