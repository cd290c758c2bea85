/**
 * The commit tap: after a transaction commits, reads the newly committed work_event rows past this
 * process's cursor (one indexed query on the primary key) and publishes them to the realtime hub.
 * Reading committed rows is what guarantees that an event is pushed only after its transaction
 * commits and never for a change that rolled back.
 *
 * Wake-ups, cheapest first:
 * - in-process: `commitSignal` (transact() notifies it after every commit);
 * - other processes on PostgreSQL: LISTEN/NOTIFY hints (pg-relay.ts), sent by the tap of the process
 *   that committed;
 * - other processes on SQLite (the CLI): `PRAGMA data_version` polled every 200 ms;
 * - a slow fallback poll, in case a notification was lost while the LISTEN connection was down.
 *
 * PostgreSQL hands out ids before commit, so a lower id can commit after a higher one was read.
 * Skipped ids are kept as "gaps" for a while and re-read with the cursor query; a gap that never
 * fills (a rolled-back insert) simply expires. SQLite's single writer commits in id order.
 */
import type { Database } from '../db/create-db.js';
import type { CommitSignal } from '../outbox/commit-signal.js';
import { parseWorkEventPayload } from '../outbox/work-events.repository.js';
import type { Service } from '../shared/lifecycle.js';
import type { Logger } from '../shared/logger.js';
import { workEventFrameData } from './frame-data.js';
import type { RealtimeHub } from './hub.js';
import { PgNotifyRelay, type CommitHint } from './pg-relay.js';

const BATCH = 1_000;
/** Beyond this many skipped ids in one jump, they are not tracked (a sequence jump, not in-flight commits). */
const MAX_GAP_SPAN = 1_000;
const MAX_GAPS = 5_000;

export interface CommitTapOptions {
  /** Fallback poll when nothing wakes the tap (default 2 s). */
  pollIntervalMs?: number;
  /** How long a skipped id is waited for (default 30 s). */
  gapTtlMs?: number;
  /** SQLite: how often `PRAGMA data_version` is checked for other processes' commits (default 200 ms). */
  dataVersionIntervalMs?: number;
}

interface TapDeps {
  database: Database;
  commitSignal: CommitSignal;
  logger: Logger;
  hub: RealtimeHub;
}

export class CommitTap implements Service {
  readonly name = 'realtime-commit-tap';
  private cursor = 0;
  /** Skipped ids → when to stop waiting for them (wall-clock ms). */
  private readonly gaps = new Map<number, number>();
  private stopped = true;
  private running: Promise<void> | undefined;
  private again = false;
  /** A local commit woke us since the last pass: tell other processes what we find. */
  private localCommit = false;
  private readonly timers: NodeJS.Timeout[] = [];
  private unsubscribe: (() => void) | undefined;
  private relay: PgNotifyRelay | undefined;
  private dataVersion: number | undefined;
  private readonly processTag = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private readonly opts: Required<CommitTapOptions>;

  constructor(
    private readonly deps: TapDeps,
    opts: CommitTapOptions = {},
  ) {
    this.opts = { pollIntervalMs: 2_000, gapTtlMs: 30_000, dataVersionIntervalMs: 200, ...opts };
  }

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    const { database } = this.deps;
    // Start at the newest event: a process delivers what commits while it runs, not history.
    const r = await database.db.selectFrom('work_event').select((eb) => eb.fn.max('work_event_id').as('m')).executeTakeFirst();
    this.cursor = Number(r?.m ?? 0);
    this.unsubscribe = this.deps.commitSignal.onNotify(() => {
      this.localCommit = true;
      this.wake();
    });
    if (database.caps.listenNotify) {
      this.relay = new PgNotifyRelay(
        database,
        this.deps.logger,
        (hint) => this.onHint(hint),
        () => this.wake(),
      );
      await this.relay.start();
    }
    if (database.caps.dataVersion && database.sqlite) {
      const raw = database.sqlite;
      this.dataVersion = raw.pragma('data_version', { simple: true }) as number;
      this.every(this.opts.dataVersionIntervalMs, () => {
        // Changes only when another connection committed; this process's own commits signal directly.
        const v = raw.pragma('data_version', { simple: true }) as number;
        if (v !== this.dataVersion) {
          this.dataVersion = v;
          this.wake();
        }
      });
    }
    this.every(this.opts.pollIntervalMs, () => this.wake());
  }

  private every(ms: number, fn: () => void): void {
    const t = setInterval(() => {
      if (!this.stopped && !this.deps.database.closed) fn();
    }, ms);
    t.unref?.();
    this.timers.push(t);
  }

  private onHint(hint: CommitHint): void {
    if (hint.from === this.processTag) return;
    if (hint.max > this.cursor || this.gaps.size > 0) this.wake();
  }

  /** Schedules a pass; passes never overlap, and a wake during a pass runs one more. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = undefined;
    });
  }

  /** Resolves when no pass is running or pending (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      const local = this.localCommit;
      this.localCommit = false;
      try {
        await this.pass(local);
      } catch (err) {
        if (!this.stopped) this.deps.logger.error({ err }, 'realtime: commit tap pass failed');
      }
    } while (this.again && !this.stopped);
  }

  private async pass(local: boolean): Promise<void> {
    const orgs = new Set<number>();
    let found = 0;
    for (;;) {
      const rows = await this.readBatch();
      if (rows.length === 0) break;
      found += rows.length;
      for (const r of rows) {
        this.advance(r.work_event_id);
        orgs.add(r.org_id);
        this.deps.hub.publish(r.org_id, r.event_name, workEventFrameData({ ...r, payload: parseWorkEventPayload(r.payload_json) }), {
          id: String(r.work_event_id),
          ts: r.happened_at,
        });
      }
      if (rows.length < BATCH) break;
    }
    this.expireGaps();
    if (found > 0 && local && this.relay) {
      await this.relay.notify({ max: this.cursor, orgs: [...orgs], from: this.processTag }).catch((err: unknown) => {
        this.deps.logger.warn({ err }, 'realtime: NOTIFY failed; other processes fall back to polling');
      });
    }
  }

  private async readBatch() {
    const gapIds = [...this.gaps.keys()].slice(0, MAX_GAP_SPAN);
    return this.deps.database.db
      .selectFrom('work_event')
      .select(['work_event_id', 'org_id', 'event_name', 'item_type', 'item_id', 'payload_json', 'actor', 'happened_at'])
      .where((eb) =>
        gapIds.length > 0
          ? eb.or([eb('work_event_id', '>', this.cursor), eb('work_event_id', 'in', gapIds)])
          : eb('work_event_id', '>', this.cursor),
      )
      .orderBy('work_event_id')
      .limit(BATCH)
      .execute();
  }

  private advance(id: number): void {
    if (this.gaps.delete(id)) return;
    if (id <= this.cursor) return;
    // Ids skipped between the cursor and this one may belong to transactions still in flight.
    if (!this.deps.database.caps.singleWriter && id - this.cursor - 1 <= MAX_GAP_SPAN) {
      const until = Date.now() + this.opts.gapTtlMs;
      for (let g = this.cursor + 1; g < id && this.gaps.size < MAX_GAPS; g++) this.gaps.set(g, until);
    }
    this.cursor = id;
  }

  private expireGaps(): void {
    if (this.gaps.size === 0) return;
    const now = Date.now();
    for (const [id, until] of this.gaps) if (until <= now) this.gaps.delete(id);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    this.timers.length = 0;
    this.unsubscribe?.();
    await this.idle();
    await this.relay?.stop();
    this.relay = undefined;
  }
}
