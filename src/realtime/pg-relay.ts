/**
 * Cross-process wake-ups over PostgreSQL LISTEN/NOTIFY. Payloads are small hints (org ids and the
 * highest work event id), never the events themselves: each process then reads the committed rows
 * past its own cursor, so a lost or truncated notification costs latency, never an event.
 *
 * The channel is per schema (tests and tenants sharing one database do not wake each other), and
 * the LISTEN connection is a dedicated client outside the pool, reconnected with backoff.
 */
import { sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/create-db.js';
import type { Logger } from '../shared/logger.js';
import { OUTBOX_CHANNEL } from '../outbox/wake-sources.js';

/** PostgreSQL refuses NOTIFY payloads of 8,000 bytes or more; stay well under. */
export const MAX_NOTIFY_BYTES = 7_900;

export interface CommitHint {
  /** Highest work event id committed. */
  max: number;
  /** Orgs with new events (omitted when the list would not fit). */
  orgs?: number[];
  /** The sending process, so it can ignore its own echo. */
  from: string;
}

/** Serialises a hint under the NOTIFY limit: drops the org list rather than exceeding it. */
export function encodeHint(hint: CommitHint): string {
  const full = JSON.stringify(hint);
  if (Buffer.byteLength(full) <= MAX_NOTIFY_BYTES) return full;
  return JSON.stringify({ max: hint.max, from: hint.from });
}

export function decodeHint(payload: string | undefined): CommitHint | undefined {
  if (!payload) return undefined;
  try {
    const v = JSON.parse(payload) as CommitHint;
    return typeof v.max === 'number' && typeof v.from === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The NOTIFY channel of the database handle's schema (channels are database-wide; schemas are not). */
export async function commitChannel(database: Database): Promise<string> {
  const r = await sql<{ s: string }>`select current_schema() as s`.execute(database.db);
  return `flowledger_events_${r.rows[0]?.s ?? 'public'}`.slice(0, 63);
}

/**
 * For processes that commit work events but run no commit tap (the CLI, workers): wakes the API
 * processes' taps at once instead of at their next poll. The hint carries no id range (this process
 * does not read the rows), so every listener simply reads past its cursor.
 */
export async function notifyCommitted(database: Database, channel?: string): Promise<void> {
  if (!database.caps.listenNotify) return;
  const hint: CommitHint = { max: Number.MAX_SAFE_INTEGER, from: `pid-${process.pid}` };
  await sql`select pg_notify(${channel ?? (await commitChannel(database))}, ${encodeHint(hint)})`.execute(database.db);
}

export class PgNotifyRelay {
  private client: pg.Client | undefined;
  private channel = '';
  private stopped = true;
  private retryMs = 100;
  private retryTimer: NodeJS.Timeout | undefined;
  private connecting: Promise<void> | undefined;

  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
    private readonly onHint: (hint: CommitHint) => void,
    /** Called after (re)connecting (notifications may have been missed) and on outbox-trigger wake-ups. */
    private readonly onReconnect: () => void,
  ) {}

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    this.channel = await commitChannel(this.database);
    await this.connect();
  }

  private async connect(): Promise<void> {
    const pool = this.database.pgPool;
    if (!pool || this.stopped) return;
    const client = new pg.Client({ ...(pool.options as pg.ClientConfig), application_name: 'flowledger-listen' });
    client.on('notification', (n) => {
      // The outbox's insert trigger notifies on every commit that appended work events, from any
      // writer (outbox worker, CLI, another service): read past the cursor then as well.
      if (n.channel === OUTBOX_CHANNEL) return this.onReconnect();
      const hint = decodeHint(n.payload);
      if (hint) this.onHint(hint);
    });
    client.on('error', (err) => {
      this.logger.warn({ err }, 'realtime: LISTEN connection lost; reconnecting');
      this.reconnectLater(client);
    });
    client.on('end', () => this.reconnectLater(client));
    try {
      await client.connect();
      await client.query(`listen "${this.channel}"`);
      await client.query(`listen ${OUTBOX_CHANNEL}`);
      this.client = client;
      this.retryMs = 100;
      this.onReconnect();
    } catch (err) {
      this.logger.warn({ err }, 'realtime: LISTEN connect failed; retrying');
      this.reconnectLater(client);
    }
  }

  private reconnectLater(client: pg.Client): void {
    if (this.client === client) this.client = undefined;
    client.removeAllListeners('end');
    client.end().catch(() => {});
    if (this.stopped || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.connecting = this.connect();
    }, this.retryMs);
    this.retryTimer.unref?.();
    this.retryMs = Math.min(this.retryMs * 2, 5_000);
  }

  /** Tells the other processes that events up to `hint.max` have committed. */
  async notify(hint: CommitHint): Promise<void> {
    if (this.stopped) return;
    await sql`select pg_notify(${this.channel}, ${encodeHint(hint)})`.execute(this.database.db);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.connecting;
    const c = this.client;
    this.client = undefined;
    if (c) {
      c.removeAllListeners('end');
      await c.end().catch(() => {});
    }
  }
}
