/**
 * The commit tap: after a transaction commits, reads the newly committed work_event rows past this
 * process's cursor (one indexed query on the primary key) and publishes them to the realtime hub.
 * It is the one publisher of frames for work events. Reading committed rows is what guarantees that
 * an event is pushed only after its transaction commits and never for a change that rolled back.
 *
 * Wake-ups come from the commit feed (src/db/commit-feed.ts): this process's commits, other
 * processes' (LISTEN/NOTIFY or data_version) and its fallback poll.
 *
 * PostgreSQL hands out ids before commit, so a lower id can commit after a higher one was read.
 * Skipped ids are kept as "gaps" for a while and re-read with the cursor query; a gap that never
 * fills (a rolled-back insert) simply expires. SQLite's single writer commits in id order.
 */
import type { Database } from '../db/create-db.js';
import type { CommitFeed, FeedSubscription } from '../db/commit-feed.js';
import { isMailJob, isPersonalEvent, parseWorkEventPayload } from '../outbox/work-events.repository.js';
import type { Service } from '../shared/lifecycle.js';
import type { Logger } from '../shared/logger.js';
import { workEventFrameData } from './frame-data.js';
import type { RealtimeHub } from './hub.js';
import { isUnavailable } from '../shared/errors.js';

const BATCH = 1_000;
/** Beyond this many skipped ids in one jump, they are not tracked (a sequence jump, not in-flight commits). */
const MAX_GAP_SPAN = 1_000;
const MAX_GAPS = 5_000;

export interface CommitTapOptions {
  /** The commit feed's fallback poll this tap asks for (default 2 s). */
  pollIntervalMs?: number;
  /** How long a skipped id is waited for (default 30 s). */
  gapTtlMs?: number;
}

interface TapDeps {
  database: Database;
  commitFeed: CommitFeed;
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
  private feed: FeedSubscription | undefined;
  private readonly opts: Required<CommitTapOptions>;

  constructor(
    private readonly deps: TapDeps,
    opts: CommitTapOptions = {},
  ) {
    this.opts = { pollIntervalMs: 2_000, gapTtlMs: 30_000, ...opts };
  }

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    // Start at the newest event: a process delivers what commits while it runs, not history.
    const r = await this.deps.database.db.selectFrom('work_event').select((eb) => eb.fn.max('work_event_id').as('m')).executeTakeFirst();
    this.cursor = Number(r?.m ?? 0);
    // Frames may wait 200 ms for another process's SQLite commit; the worker asks 5 ms when it runs here.
    this.feed = this.deps.commitFeed.subscribe(() => this.wake(), { pollMs: this.opts.pollIntervalMs, dataVersionMs: 200 });
    await this.feed.ready;
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
      try {
        await this.pass();
      } catch (err) {
        if (!this.stopped) this.deps.logger[isUnavailable(err) ? 'debug' : 'error']({ err }, 'realtime: commit tap pass failed');
      }
    } while (this.again && !this.stopped);
  }

  private async pass(): Promise<void> {
    for (;;) {
      const rows = await this.readBatch();
      if (rows.length === 0) break;
      for (const r of rows) {
        this.advance(r.work_event_id);
        // `mail.*` carries a sealed one-time link to one person's mailbox: not a frame for the org.
        if (isMailJob(r.event_name)) continue;
        const payload = parseWorkEventPayload(r.payload_json);
        if (isPersonalEvent(r.event_name)) {
          // Addressed to one person: their own data, without the row's bookkeeping; no user, no frame.
          const userId = Number(payload.user_id);
          if (!Number.isSafeInteger(userId) || userId <= 0) continue;
          this.deps.hub.publish(r.org_id, r.event_name, payload, { id: String(r.work_event_id), ts: r.happened_at, userId });
          continue;
        }
        this.deps.hub.publish(r.org_id, r.event_name, workEventFrameData({ ...r, payload }), {
          id: String(r.work_event_id),
          ts: r.happened_at,
        });
      }
      if (rows.length < BATCH) break;
    }
    this.expireGaps();
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
    await this.feed?.close();
    this.feed = undefined;
    await this.idle();
  }
}
