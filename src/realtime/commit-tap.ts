/**
 * The commit tap: after a transaction commits, reads the newly committed work events from the event
 * feed (src/db/event-feed.ts: commit order, from this process's position) and publishes them to the
 * realtime hub, each with its feed position (`pos`, what a client resumes from). It is the one
 * publisher of frames for work events. Reading committed rows is what guarantees that an event is
 * pushed only after its transaction commits and never for a change that rolled back; the feed's
 * positions are what guarantee that none is passed over, however late its transaction commits.
 *
 * Wake-ups come from the commit feed (src/db/commit-feed.ts): this process's commits, other
 * processes' (LISTEN/NOTIFY or data_version) and its fallback poll.
 *
 * TODO(#21, orgs): read only the orgs RealtimeHub.isWatched says have clients on this process.
 */
import type { Database } from '../db/create-db.js';
import type { CommitFeed, FeedSubscription } from '../db/commit-feed.js';
import { EventFeed } from '../db/event-feed.js';
import type { Service } from '../shared/lifecycle.js';
import type { Logger } from '../shared/logger.js';
import { feedMessage } from './frame-data.js';
import type { RealtimeHub } from './hub.js';
import { isUnavailable } from '../shared/errors.js';

export interface CommitTapOptions {
  /** The commit feed's fallback poll this tap asks for (default 2 s). */
  pollIntervalMs?: number;
}

interface TapDeps {
  database: Database;
  commitFeed: CommitFeed;
  logger: Logger;
  hub: RealtimeHub;
}

export class CommitTap implements Service {
  readonly name = 'realtime-commit-tap';
  private readonly feedReader: EventFeed;
  /** The feed position everything before which has been published. */
  private cursor = '';
  private stopped = true;
  private running: Promise<void> | undefined;
  private again = false;
  private feed: FeedSubscription | undefined;
  private readonly opts: Required<CommitTapOptions>;

  constructor(
    private readonly deps: TapDeps,
    opts: CommitTapOptions = {},
  ) {
    this.opts = { pollIntervalMs: 2_000, ...opts };
    this.feedReader = new EventFeed(deps.database);
  }

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    // Start at the newest event: a process delivers what commits while it runs, not history.
    this.cursor = await this.feedReader.current();
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

  /**
   * One feed read from the cursor, published page by page. A pass that fails half way leaves the
   * cursor where it was: the next one reads those events again and the hub drops the repeats by id.
   */
  private async pass(): Promise<void> {
    for await (const page of this.feedReader.read(this.cursor)) {
      page.events.forEach((r, i) => {
        const m = feedMessage(r);
        if (!m) return;
        const meta = { id: String(r.work_event_id), ts: r.happened_at, pos: page.positions[i]! };
        this.deps.hub.publish(r.org_id, r.event_name, m.data, m.userId === undefined ? meta : { ...meta, userId: m.userId });
      });
      if (page.last) this.cursor = page.position;
    }
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.feed?.close();
    this.feed = undefined;
    await this.idle();
  }
}
