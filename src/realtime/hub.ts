/**
 * The realtime fan-out hub of one process. Anything may publish an org's event by its dot name (the
 * commit tap for committed work events, the outbox's notification handler, the metrics
 * coalescer); subscribers (the WebSocket gateway) receive it with its WebSocket name and, for task
 * events, the task as the API returns it.
 *
 * - Enrichment is batched: events published in the same tick share one task query.
 * - Work proportional to listeners: only orgs someone in this process watches (watchOrg: the
 *   gateway, per authenticated client) get their tasks loaded; other orgs' messages are delivered
 *   as published (without `task`), since no client here receives them. The metrics coalescer
 *   likewise recomputes watched orgs only (onWatchChange tells it when that changes).
 * - Order is kept: batches are delivered one after another, in publish order.
 * - A message id seen recently is dropped, so the commit tap and a (retried) outbox handler can
 *   both publish the same work event and clients still get it once.
 */
import type { Database } from '../db/create-db.js';
import type { Logger } from '../shared/logger.js';
import { isTaskEvent, toWsEventName } from './event-names.js';
import { RecentIds } from './recent-ids.js';
import { attachTasks } from './task-view.js';

export interface RealtimeMessage {
  orgId: number;
  /** Dot name (`task.status_changed`). */
  event: string;
  /** WebSocket name (`workflow:status:changed`). */
  wsEvent: string;
  data: Record<string, unknown>;
  id: string;
  ts: string;
  /** Set for a personal message (a notification): only this person's signed-in sockets get it. */
  userId?: number;
  /** A work event's feed position (the frame's `pos`): a client that has it may resume from there. */
  pos?: string;
}

export type RealtimeSubscriber = (message: RealtimeMessage) => void;
/** An org's first watcher arrived (`true`) or its last one left (`false`). */
export type WatchListener = (orgId: number, watched: boolean) => void;
/** Receives each delivered batch whole (in order): lets the gateway write a client's frames at once. */
export type RealtimeBatchSubscriber = (messages: readonly RealtimeMessage[]) => void;

export interface PublishMeta {
  /** Stable id (the work event id): repeats are dropped. */
  id?: string;
  /** When it happened, ISO-8601. */
  ts?: string;
  /** Addressed to one person: sent only to sockets signed in as them (never to API-key sockets). */
  userId?: number;
  /** The work event's feed position (src/db/event-feed.ts). */
  pos?: string;
}

/** How many recent ids are remembered for de-duplication. */
const DEDUPE_WINDOW = 50_000;

export class RealtimeHub {
  private readonly subscribers = new Set<RealtimeSubscriber>();
  private readonly batchSubscribers = new Set<RealtimeBatchSubscriber>();
  private pending: RealtimeMessage[] = [];
  private flushing: Promise<void> | undefined;
  private seq = 0;
  private readonly recent = new RecentIds(DEDUPE_WINDOW);
  /** Org → how many watchers (WebSocket clients of this process) it has; absent when none. */
  private readonly watchers = new Map<number, number>();
  private readonly watchListeners = new Set<WatchListener>();

  constructor(
    private readonly deps: { database: Database; logger: Logger; now: () => Date },
  ) {}

  /** Same shape as the outbox's EventHub.publish: the org, the dot name, the data, and optional meta. */
  publish(orgId: number, eventName: string, data: Record<string, unknown>, meta: PublishMeta = {}): void {
    const id = meta.id ?? `${process.pid}-${Date.now().toString(36)}-${(this.seq++).toString(36)}`;
    if (meta.id !== undefined && !this.recent.remember(meta.id)) return;
    const message: RealtimeMessage = { orgId, event: eventName, wsEvent: toWsEventName(eventName), data, id, ts: meta.ts ?? this.deps.now().toISOString() };
    if (meta.userId !== undefined) message.userId = meta.userId;
    if (meta.pos !== undefined) message.pos = meta.pos;
    this.pending.push(message);
    this.flushing ??= this.flushLoop();
  }

  subscribe(fn: RealtimeSubscriber): () => void {
    this.subscribers.add(fn);
    return () => {
      this.subscribers.delete(fn);
    };
  }

  subscribeBatch(fn: RealtimeBatchSubscriber): () => void {
    this.batchSubscribers.add(fn);
    return () => {
      this.batchSubscribers.delete(fn);
    };
  }

  /**
   * Someone in this process listens to the org (the gateway calls it per authenticated client).
   * Ref-counted; the returned function releases this one watch (calling it again does nothing).
   */
  watchOrg(orgId: number): () => void {
    const n = this.watchers.get(orgId) ?? 0;
    this.watchers.set(orgId, n + 1);
    if (n === 0) this.notifyWatch(orgId, true);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.watchers.get(orgId) ?? 1) - 1;
      if (left > 0) return void this.watchers.set(orgId, left);
      this.watchers.delete(orgId);
      this.notifyWatch(orgId, false);
    };
  }

  isWatched(orgId: number): boolean {
    return this.watchers.has(orgId);
  }

  /** Called when an org gains its first watcher or loses its last. */
  onWatchChange(fn: WatchListener): () => void {
    this.watchListeners.add(fn);
    return () => {
      this.watchListeners.delete(fn);
    };
  }

  private notifyWatch(orgId: number, watched: boolean): void {
    for (const fn of this.watchListeners) {
      try {
        fn(orgId, watched);
      } catch (err) {
        this.deps.logger.error({ err, orgId }, 'realtime: watch listener failed');
      }
    }
  }

  /** Resolves once everything published so far has been delivered to subscribers. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flushLoop(): Promise<void> {
    try {
      // Let the rest of this tick's publishes join the batch.
      await new Promise<void>((r) => setImmediate(r));
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        await this.enrich(batch);
        this.deliver(batch);
      }
    } finally {
      this.flushing = undefined;
      if (this.pending.length > 0) this.flushing = this.flushLoop();
    }
  }

  /**
   * Adds `task` to watched orgs' task events that do not carry it yet: one query for the batch. Asked
   * again after each load, so an org that gained a client while tasks were loading is not delivered
   * without them.
   */
  private async enrich(batch: RealtimeMessage[]): Promise<void> {
    // Only orgs with a client here; again after each load, since an org may gain one meanwhile.
    for (;;) {
      const need = batch.filter((m) => isTaskEvent(m.event) && !('task' in m.data) && typeof m.data.taskId === 'string' && this.watchers.has(m.orgId));
      if (need.length === 0) return;
      try {
        await attachTasks(this.deps.database.db, need);
      } catch (err) {
        // Deliver without the task rather than not at all (e.g. the pool is closing).
        this.deps.logger.warn({ err }, 'realtime: loading tasks for events failed');
        return;
      }
    }
  }

  private deliver(batch: RealtimeMessage[]): void {
    // One broken subscriber must neither stop the others nor the hub.
    const guard = (fn: () => void) => {
      try {
        fn();
      } catch (err) {
        this.deps.logger.error({ err }, 'realtime subscriber failed');
      }
    };
    for (const fn of this.batchSubscribers) guard(() => fn(batch));
    for (const m of batch) for (const fn of this.subscribers) guard(() => fn(m));
  }
}
