/**
 * The commit feed: this process's single source of "new work events were committed", whoever
 * committed them. The outbox worker and the realtime commit tap subscribe; each then reads the
 * committed rows past its own cursor, so a lost or repeated wake-up costs latency, never an event.
 *
 * Sources, fastest first:
 * - this process committed (transact() calls notify(): in-process, no I/O);
 * - PostgreSQL: another process committed. The work_event insert trigger (migration 0004) NOTIFYs
 *   COMMIT_CHANNEL at commit, whoever writes (API, worker, CLI, a psql session); one dedicated LISTEN
 *   connection per process, outside the pool, reconnected with backoff, with a wake on every
 *   (re)connect since notifications sent while it was down are lost;
 * - SQLite: another process committed (`PRAGMA data_version` changes when another connection
 *   commits; read every 5 ms while an outbox worker listens, every 200 ms for the realtime tap alone);
 * - one fallback poll, at the shortest interval any subscriber asked for.
 * Sources run only while someone subscribes with `crossProcess` (the default).
 */
import { sql } from 'kysely';
import pg from 'pg';
import type { Logger } from '../shared/logger.js';
import type { Database } from './create-db.js';

/** The channel migration 0004's trigger notifies on every commit that inserted work events. */
export const COMMIT_CHANNEL = 'flowledger_outbox';

export interface FeedSubscription {
  /** Resolves once the cross-process source listens (a LISTEN connection is up, or none is needed). */
  ready: Promise<void>;
  /** Stops the wake-ups; the last subscriber out stops the sources. */
  close(): Promise<void>;
}

export interface SubscribeOptions {
  /** Fallback poll (default 5 s): wakes even if every notification was lost. */
  pollMs?: number;
  /** Hear other processes' commits (default true). */
  crossProcess?: boolean;
  /**
   * SQLite: how often `PRAGMA data_version` is read for other processes' commits (default 5 ms,
   * what the outbox worker needs for its other-process latency; the realtime tap asks 200 ms). The
   * shortest interval any subscriber asks for is used.
   */
  dataVersionMs?: number;
}

interface Subscriber {
  wake: () => void;
  o: Required<SubscribeOptions>;
}

interface Source {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export class CommitFeed {
  private readonly subscribers = new Set<Subscriber>();
  private source: Source | undefined;
  private sourceStarting: Promise<void> | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private pollMs = 0;

  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
  ) {}

  /** This process committed work events: wake every subscriber now. */
  notify(): void {
    for (const s of this.subscribers) s.wake();
  }

  /**
   * After a change that is not an insert of work events (a redrive): wakes this process's
   * subscribers and, on PostgreSQL, every other process's (SQLite watchers see the commit by themselves).
   */
  async announce(): Promise<void> {
    this.notify();
    if (this.database.caps.listenNotify) await sql`select pg_notify(${COMMIT_CHANNEL}, '')`.execute(this.database.db);
  }

  subscribe(wake: () => void, opts: SubscribeOptions = {}): FeedSubscription {
    const sub: Subscriber = { wake, o: { pollMs: 5_000, crossProcess: true, dataVersionMs: 5, ...opts } };
    this.subscribers.add(sub);
    this.reschedulePoll();
    const ready = sub.o.crossProcess ? this.ensureSource() : Promise.resolve();
    this.retuneDataVersion();
    let closed: Promise<void> | undefined;
    return {
      ready,
      close: () => (closed ??= this.unsubscribe(sub)),
    };
  }

  /** The backend pid of the LISTEN connection while connected (operators and tests). */
  get listenerPid(): number | undefined {
    return this.source instanceof PgListener ? this.source.backendPid : undefined;
  }

  private async unsubscribe(sub: Subscriber): Promise<void> {
    this.subscribers.delete(sub);
    this.reschedulePoll();
    const needed = () => [...this.subscribers].some((s) => s.o.crossProcess);
    if (needed()) return this.retuneDataVersion();
    await this.sourceStarting?.catch(() => {});
    // Someone may have subscribed while the source was still starting: it keeps running for them.
    if (needed()) return;
    const source = this.source;
    this.source = undefined;
    this.sourceStarting = undefined;
    await source?.stop();
  }

  private ensureSource(): Promise<void> {
    if (this.sourceStarting) return this.sourceStarting;
    const onWake = () => this.notify();
    const { database } = this;
    if (database.caps.listenNotify && database.pgPool) this.source = new PgListener(database.pgPool, onWake, this.logger);
    else if (database.caps.dataVersion && database.sqlite) this.source = new DataVersionWatcher(database, onWake, this.dataVersionMs());
    this.sourceStarting = this.source?.start() ?? Promise.resolve();
    return this.sourceStarting;
  }

  private dataVersionMs(): number {
    return Math.min(...[...this.subscribers].filter((s) => s.o.crossProcess).map((s) => s.o.dataVersionMs));
  }

  private retuneDataVersion(): void {
    if (this.source instanceof DataVersionWatcher) this.source.setInterval(this.dataVersionMs());
  }

  private reschedulePoll(): void {
    const ms = this.subscribers.size ? Math.min(...[...this.subscribers].map((s) => s.o.pollMs)) : 0;
    if (ms === this.pollMs) return;
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = undefined;
    this.pollMs = ms;
    if (ms > 0) {
      this.pollTimer = setInterval(() => {
        if (!this.database.closed) this.notify();
      }, ms);
      this.pollTimer.unref();
    }
  }
}

/** PostgreSQL: LISTEN on COMMIT_CHANNEL over a dedicated connection. */
class PgListener implements Source {
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

  get backendPid(): number | undefined {
    return (this.client as unknown as { processID?: number } | undefined)?.processID;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    // Same settings as the pool (url, search_path, types), but outside it: a LISTEN connection is
    // held forever and must not take one of the pool's query slots.
    const client = new pg.Client({ ...(this.pool as unknown as { options: pg.ClientConfig }).options, application_name: 'flowledger-listen' });
    client.on('notification', (msg) => {
      if (msg.channel === COMMIT_CHANNEL) this.onWake();
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`listen ${COMMIT_CHANNEL}`);
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
    this.logger.warn({ err: err.message, retryMs: this.retryMs }, 'commit feed: LISTEN connection lost; reconnecting');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.connect();
    }, this.retryMs);
    this.retryTimer.unref();
    // Capped at 1 s: after an outage, realtime and the outbox hear commits again within a second
    // of the database coming back (one connection attempt a second per process is cheap).
    this.retryMs = Math.min(this.retryMs * 2, 1_000);
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

/** SQLite: `PRAGMA data_version` changes when another connection commits. */
class DataVersionWatcher implements Source {
  private timer: NodeJS.Timeout | undefined;
  private last: number | undefined;
  private statement: { get(): unknown } | undefined;

  constructor(
    private readonly database: Database,
    private readonly onWake: () => void,
    private intervalMs: number,
  ) {}

  /** A new interval takes effect at once (a subscriber that needs a shorter one arrived or left). */
  setInterval(ms: number): void {
    if (!Number.isFinite(ms) || ms === this.intervalMs) return;
    this.intervalMs = ms;
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
      this.tick();
    }
  }

  private read(): number | undefined {
    const raw = this.database.sqlite;
    if (!raw || !raw.open) return undefined;
    this.statement ??= raw.prepare('PRAGMA data_version').pluck();
    return this.statement.get() as number;
  }

  async start(): Promise<void> {
    if (this.timer) return;
    this.last = this.read();
    this.tick();
  }

  private tick(): void {
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
