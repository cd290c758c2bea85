/**
 * The outbox worker: turns committed work events into side effects.
 *
 * Each of `concurrency` lanes loops: claim a batch (one statement), run every event's handlers
 * (the batch's events concurrently), fail the failures (one statement each, with backoff or
 * dead-lettering) and complete the successes. After a full batch (more is probably waiting) the
 * completion rides in the statement that claims the next batch (claim.ts: completeAndClaim), so a
 * busy lane pays one round trip and one commit per batch; otherwise it is its own statement. A lane that finds nothing sleeps until a wake
 * (commit in this process, NOTIFY / data_version from another), the next retry falling due, or the
 * fallback poll, whichever comes first. A sweeper releases claims whose lease expired.
 *
 * stop() stops claiming, lets every lane finish the batch it holds (handlers and the completion
 * statement), then returns: nothing is left half-done or claimed by a live-but-stopping process.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Service } from '../shared/lifecycle.js';
import { claimEvents, completeAndClaim, completeAndNextDue, nextDueAt, type ClaimedEvent, type Completion } from './claim.js';
import { completeEvents } from './complete.js';
import { backoffDelayMs, DEFAULT_BACKOFF, failEvent, type BackoffPolicy } from './fail.js';
import { PermanentFailure, type HandlerRegistry, type OutboxDeps } from './handler.js';
import { outboxMetrics, type OutboxMetrics } from './outbox.metrics.js';
import { releaseClaims, sweepExpiredClaims } from './sweep.js';
import type { FeedSubscription } from '../db/commit-feed.js';
import type { OrgGroup } from '../db/org-group.js';
import { Waker } from './waker.js';
import { isUnavailable } from '../shared/errors.js';

/** A lane with nothing due sleeps at most this long even if every wake-up were lost. */
const IDLE_CAP_MS = 60_000;

/** Claim loops per worker when not configured. */
export const DEFAULT_CONCURRENCY = 2;
/** Events per claim when not configured. */
export const DEFAULT_BATCH_SIZE = 200;
/** Handlers of one batch running at once (see handleAll). */
const HANDLERS_AT_ONCE = 50;
/** A backlog refreshes the queue's statistics at most this often (see refreshQueueStatistics). */
const STATS_REFRESH_MS = 30_000;

export interface WorkerOptions {
  handlers: HandlerRegistry;
  /** Parallel claim loops. */
  concurrency?: number;
  /** Events per claim. */
  batchSize?: number;
  leaseMs?: number;
  pollIntervalMs?: number;
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  /** How often expired claims are swept (default: a quarter of the lease, 1 s – 60 s). */
  sweepIntervalMs?: number;
  workerId?: string;
  /** Listen for commits of other processes (default true). */
  crossProcessWake?: boolean;
  /** Claim and sweep only this group's orgs (default: the ORG_GROUP setting; none = every org). */
  orgGroup?: OrgGroup | undefined;
}

export interface BatchResult {
  claimed: number;
  completed: number;
  retried: number;
  deadLettered: number;
}

export class OutboxWorker implements Service {
  readonly name = 'outbox-worker';
  readonly workerId: string;
  private readonly o: Required<Omit<WorkerOptions, 'workerId' | 'sweepIntervalMs' | 'orgGroup'>> & { sweepIntervalMs: number };
  private readonly orgGroup: OrgGroup | undefined;
  private readonly waker = new Waker();
  /** Claim tokens of batches this worker could not settle (or learn the outcome of) because the database went away. */
  private readonly stranded = new Set<string>();
  private claimSeq = 0;
  private readonly metrics: OutboxMetrics;
  private running = false;
  private lanes: Promise<void>[] = [];
  private sweeper: NodeJS.Timeout | undefined;
  private sweeping: Promise<unknown> | undefined;
  private feed: FeedSubscription | undefined;
  private startPromise: Promise<void> | undefined;
  private stopPromise: Promise<void> | undefined;
  private readonly unhandledNames = new Set<string>();
  private readonly durations = new Map<string, { observe(v: number): void }>();
  private statsRefreshedAt = -Infinity;
  private statsRefresh: Promise<void> | undefined;

  constructor(
    private readonly deps: OutboxDeps,
    opts: WorkerOptions,
  ) {
    this.workerId = opts.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    const leaseMs = opts.leaseMs ?? deps.config.outboxLeaseMs;
    this.o = {
      handlers: opts.handlers,
      concurrency: opts.concurrency ?? DEFAULT_CONCURRENCY,
      batchSize: opts.batchSize ?? DEFAULT_BATCH_SIZE,
      leaseMs,
      pollIntervalMs: opts.pollIntervalMs ?? deps.config.outboxPollIntervalMs,
      maxAttempts: opts.maxAttempts ?? deps.config.outboxMaxAttempts,
      backoff: opts.backoff ?? DEFAULT_BACKOFF,
      crossProcessWake: opts.crossProcessWake ?? true,
      sweepIntervalMs: opts.sweepIntervalMs ?? Math.min(60_000, Math.max(1_000, Math.floor(leaseMs / 4))),
    };
    this.orgGroup = 'orgGroup' in opts ? opts.orgGroup : deps.config.orgGroup;
    this.metrics = outboxMetrics(deps.metrics.registry);
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  /** Wakes idle lanes (also used by tests and by the admin API after a redrive). */
  wake(): void {
    this.waker.wake();
  }

  start(): Promise<void> {
    this.startPromise ??= (async () => {
      this.running = true;
      // Commits here, in other processes and the fallback poll all arrive through the commit feed.
      this.feed = this.deps.commitFeed.subscribe(() => this.waker.wake(), { pollMs: this.o.pollIntervalMs, crossProcess: this.o.crossProcessWake });
      await this.feed.ready;
      // Claims of workers that died (this host's previous run included) are released once expired:
      // one sweep now, then every sweepIntervalMs. stop() waits for a sweep in progress.
      const sweepInBackground = () => {
        this.sweeping ??= this.sweep()
          .catch((err: unknown) => this.deps.logger[isUnavailable(err) ? 'debug' : 'error']({ err }, 'outbox sweep failed'))
          .finally(() => (this.sweeping = undefined));
      };
      this.sweeper = setInterval(sweepInBackground, this.o.sweepIntervalMs);
      sweepInBackground();
      for (let i = 0; i < this.o.concurrency; i++) this.lanes.push(this.lane(i));
      this.deps.logger.info(
        { workerId: this.workerId, concurrency: this.o.concurrency, batchSize: this.o.batchSize, pollMs: this.o.pollIntervalMs },
        'outbox worker started',
      );
    })();
    return this.startPromise;
  }

  stop(): Promise<void> {
    if (!this.startPromise) return Promise.resolve();
    this.stopPromise ??= (async () => {
      await this.startPromise;
      this.running = false;
      this.waker.wakeAll();
      if (this.sweeper) clearInterval(this.sweeper);
      await Promise.all(this.lanes);
      await this.sweeping;
      await this.statsRefresh;
      await this.feed?.close();
      this.deps.logger.info({ workerId: this.workerId }, 'outbox worker stopped');
    })();
    return this.stopPromise;
  }

  private async lane(index: number): Promise<void> {
    let errorDelay = 100;
    // A full batch's successes wait here to be completed by the statement that claims the next
    // batch (one round trip and one commit per batch instead of two); anything else is completed
    // at once, so an idle or stopping lane never holds finished work.
    let carry: Completion | undefined;
    while (this.running) {
      try {
        const r = await this.step(carry);
        carry = undefined;
        errorDelay = 100;
        if (r.claimed >= this.o.batchSize) {
          carry = r.carry;
          this.refreshQueueStatistics();
          // A full batch means more is probably waiting: bring one more idle lane in.
          this.waker.wake();
          continue;
        }
        // A partial batch means the queue was drained: wait rather than claim again at once (a
        // commit meanwhile woke an idle lane or left the wake pending, so nothing waits for the
        // poll). Its completion rides with the idle wait's own query.
        if (!this.running) {
          if (r.carry) await this.complete(r.carry);
          break;
        }
        await this.waker.wait(await this.idleWaitMs(r.carry));
      } catch (err) {
        carry = undefined;
        // A lost connection or a locked database must never kill the loop: log, back off, retry.
        this.deps.logger[isUnavailable(err) ? 'debug' : 'error']({ err, lane: index }, 'outbox lane failed; retrying');
        await this.waker.wait(errorDelay);
        errorDelay = Math.min(errorDelay * 2, 5_000);
      }
    }
    // Stopping with a full batch done but not yet completed: complete it now (stop() waits).
    if (carry) await this.complete(carry).catch((err: unknown) => this.deps.logger[isUnavailable(err) ? 'debug' : 'error']({ err, lane: index }, 'outbox completion failed'));
  }

  /**
   * A full batch means a backlog, which the planner may not know of: a queue fills and drains
   * between two autovacuum ANALYZEs, and planned for the few rows it last saw, the claim reads the
   * whole backlog through a bitmap scan and sorts it, on every claim (measured: 50,000 rows read
   * per claim of 500) instead of reading the first rows of the ready index. One ANALYZE of the
   * queue (a sample; milliseconds) fixes the plan; at most every STATS_REFRESH_MS, never awaited.
   */
  private refreshQueueStatistics(): void {
    const now = performance.now();
    if (this.statsRefresh || now - this.statsRefreshedAt < STATS_REFRESH_MS) return;
    this.statsRefreshedAt = now;
    this.statsRefresh = this.deps.database
      .refreshStatistics('outbox_queue')
      .catch((err: unknown) => this.deps.logger.debug({ err }, 'outbox: could not refresh the queue statistics'))
      .finally(() => (this.statsRefresh = undefined));
  }

  /** Marks a batch's successes processed; if that does not reach the database, their claim is given back later. */
  private async complete(c: Completion): Promise<void> {
    try {
      await completeEvents(this.deps.database, { ...c, now: this.now() });
    } catch (err) {
      this.stranded.add(c.workerId);
      throw err;
    }
  }

  /**
   * One lane step: completes `carry` (the previous batch's successes) and claims a batch in one
   * statement, runs the handlers, fails the failures, and hands back the successes still to be
   * completed (`completeNow`: complete them here instead, as runOnce does). A statement whose
   * outcome is unknown strands both claims: they are given back as soon as the database answers
   * again (next step), instead of being left to the lease.
   */
  private async step(carry: Completion | undefined, completeNow = false): Promise<BatchResult & { carry?: Completion }> {
    await this.releaseStranded();
    // Each claim has its own token (worker id + sequence), so a claim whose outcome is unknown —
    // the database went away before the answer arrived — can be given back exactly.
    const claim = `${this.workerId}/${++this.claimSeq}`;
    let claimed: ClaimedEvent[];
    try {
      const o = { workerId: claim, now: this.now(), limit: this.o.batchSize, orgGroup: this.orgGroup };
      claimed = carry ? await completeAndClaim(this.deps.database, carry, o) : await claimEvents(this.deps.database, o);
    } catch (err) {
      if (carry) this.stranded.add(carry.workerId);
      this.stranded.add(claim);
      throw err;
    }
    if (claimed.length === 0) return { claimed: 0, completed: 0, retried: 0, deadLettered: 0 };
    try {
      return await this.settle(claimed, claim, completeNow);
    } catch (err) {
      this.stranded.add(claim);
      throw err;
    }
  }

  /**
   * Until the next retry falls due; the commit feed (and its fallback poll) wakes the lane before
   * that. Completes `done` (the lane's last batch) in the same round trip.
   */
  private async idleWaitMs(done?: Completion): Promise<number> {
    let due: string | undefined;
    if (done) {
      try {
        due = await completeAndNextDue(this.deps.database, done, this.now(), this.orgGroup);
      } catch (err) {
        this.stranded.add(done.workerId);
        throw err;
      }
    } else {
      due = await nextDueAt(this.deps.database.db, this.orgGroup);
    }
    if (!due) return IDLE_CAP_MS;
    const ms = Date.parse(due) - this.deps.clock.now().getTime();
    return Math.max(1, Math.min(IDLE_CAP_MS, ms));
  }

  /** Claims, processes and completes one batch. Returns what happened (claimed 0 = nothing was ready). */
  async runOnce(): Promise<BatchResult> {
    return this.step(undefined, true);
  }

  private async releaseStranded(): Promise<void> {
    if (this.stranded.size === 0) return;
    const claims = [...this.stranded];
    const released = await releaseClaims(this.deps.database.db, { claims, now: this.now(), reason: 'released after a database error' });
    for (const c of claims) this.stranded.delete(c);
    if (released > 0) this.deps.logger.warn({ released }, 'outbox: gave back claims stranded by a database error');
  }

  /**
   * Runs the batch's handlers and fails the failures; the successes are completed here when
   * `completeNow`, else handed back (`carry`) for the caller to complete.
   */
  private async settle(claimed: ClaimedEvent[], claim: string, completeNow: boolean): Promise<BatchResult & { carry?: Completion }> {
    const outcomes = await this.handleAll(claimed);
    this.countProcessed(claimed, outcomes);
    const now = this.now();
    // Failures first: the completion then finds exactly the successes still claimed under `claim`.
    let retried = 0;
    let deadLettered = 0;
    const ok: number[] = [];
    for (let i = 0; i < claimed.length; i++) {
      const err = outcomes[i];
      const e = claimed[i]!;
      if (err === undefined) {
        ok.push(e.work_event_id);
        continue;
      }
      const permanent = err instanceof PermanentFailure;
      const last = permanent || e.attempts >= this.o.maxAttempts;
      const next = last ? null : new Date(Date.parse(now) + backoffDelayMs(e.attempts, this.o.backoff)).toISOString();
      const message = err instanceof Error ? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}` : String(err);
      const res = await failEvent(this.deps.database, { id: e.work_event_id, orgId: e.org_id, workerId: claim, now, error: message, nextAttemptAt: next });
      this.metrics.failures.inc({ event: e.event_name });
      if (res === 'dead') {
        deadLettered++;
        this.metrics.deadLettered.inc({ event: e.event_name });
        this.deps.logger.error({ workEventId: e.work_event_id, event: e.event_name, attempts: e.attempts, err: message }, 'work event dead-lettered');
      } else if (res === 'retry') {
        retried++;
        this.deps.logger.warn({ workEventId: e.work_event_id, event: e.event_name, attempts: e.attempts, nextAttemptAt: next, err: message }, 'work event failed; will retry');
      }
    }
    const done: Completion = { ids: ok, workerId: claim };
    if (completeNow && ok.length > 0) await completeEvents(this.deps.database, { ...done, now: this.now() });
    return { claimed: claimed.length, completed: ok.length, retried, deadLettered, ...(completeNow || ok.length === 0 ? {} : { carry: done }) };
  }

  /** Runs batches until nothing is ready (tests and the CLI drain with it). */
  async drain(): Promise<BatchResult> {
    const total: BatchResult = { claimed: 0, completed: 0, retried: 0, deadLettered: 0 };
    for (;;) {
      const r = await this.runOnce();
      if (r.claimed === 0) return total;
      total.claimed += r.claimed;
      total.completed += r.completed;
      total.retried += r.retried;
      total.deadLettered += r.deadLettered;
    }
  }

  /** Releases expired claims now; returns how many. */
  async sweep(): Promise<{ released: number; deadLettered: number }> {
    const r = await sweepExpiredClaims(this.deps.database, { now: this.now(), leaseMs: this.o.leaseMs, maxAttempts: this.o.maxAttempts, orgGroup: this.orgGroup });
    if (r.released > 0 || r.deadLettered > 0) {
      this.deps.logger.warn(r, 'outbox: released expired claims');
      if (r.released > 0) this.waker.wake();
    }
    return r;
  }

  /** The handler-duration series of one event name (prom-client hashes the labels on every call otherwise). */
  private durationFor(event: string): { observe(v: number): void } {
    let h = this.durations.get(event);
    if (!h) this.durations.set(event, (h = this.metrics.handlerDuration.labels({ event })));
    return h;
  }

  /** processed_total by event name, one increment per name and batch. */
  /**
   * Runs the batch's handlers, at most HANDLERS_AT_ONCE at a time: a batch of 200 events must not
   * open 200 webhook connections or SMTP sends in one burst (it did 50 at once before batches grew).
   */
  private async handleAll(claimed: ClaimedEvent[]): Promise<unknown[]> {
    if (claimed.length <= HANDLERS_AT_ONCE) return Promise.all(claimed.map((e) => this.handle(e)));
    const outcomes: unknown[] = new Array(claimed.length);
    let next = 0;
    const runner = async () => {
      while (next < claimed.length) {
        const i = next++;
        outcomes[i] = await this.handle(claimed[i]!);
      }
    };
    await Promise.all(Array.from({ length: HANDLERS_AT_ONCE }, runner));
    return outcomes;
  }

  private countProcessed(claimed: ClaimedEvent[], outcomes: unknown[]): void {
    const byName = new Map<string, number>();
    for (let i = 0; i < claimed.length; i++) {
      if (outcomes[i] === undefined) byName.set(claimed[i]!.event_name, (byName.get(claimed[i]!.event_name) ?? 0) + 1);
    }
    for (const [event, n] of byName) this.metrics.processed.inc({ event }, n);
  }

  /** Runs the event's handlers; returns the error, or undefined on success. */
  private async handle(e: ClaimedEvent): Promise<unknown> {
    const started = this.deps.clock.now().getTime();
    if (e.attempts === 1) this.metrics.pickupLatency.observe(Math.max(0, started - Date.parse(e.created_at)) / 1000);
    const handlers = this.o.handlers.handlersFor(e.event_name);
    if (this.o.handlers.hasSpecificHandler?.(e.event_name) === false || handlers.length === 0) {
      this.metrics.unhandled.inc();
      // Logged at info the first time per event name (as the seed does), then at debug: most
      // activity-log events have no side effect but webhooks, and a line per event is noise.
      const first = !this.unhandledNames.has(e.event_name);
      if (first) this.unhandledNames.add(e.event_name);
      this.deps.logger[first ? 'info' : 'debug'](
        { workEventId: e.work_event_id, event: e.event_name },
        'no handler for work event; marked processed (webhooks still apply)',
      );
    }
    const t0 = performance.now();
    // Every handler runs even if an earlier one failed: a mail that cannot be sent must not stop
    // the event's webhooks. A retry runs them all again (they are idempotent). The event fails
    // permanently only if every failure was permanent.
    const errors: unknown[] = [];
    for (const h of handlers) {
      try {
        await h(e);
      } catch (err) {
        errors.push(err ?? new Error('handler failed'));
      }
    }
    this.durationFor(e.event_name).observe((performance.now() - t0) / 1000);
    if (errors.length === 0) return undefined;
    return errors.find((err) => !(err instanceof PermanentFailure)) ?? errors[0];
  }
}
