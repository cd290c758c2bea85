/**
 * The realtime fan-out hub of one process. Anything may publish an org's event by its dot name (the
 * commit tap for committed work events, the outbox's notification handler, the metrics
 * coalescer); subscribers (the WebSocket gateway) receive it with its WebSocket name and, for task
 * events, the task as the API returns it.
 *
 * - Enrichment is batched: events published in the same tick share one task query.
 * - Order is kept: batches are delivered one after another, in publish order.
 * - A message id seen recently is dropped, so the commit tap and a (retried) outbox handler can
 *   both publish the same work event and clients still get it once.
 */
import type { Database } from '../db/create-db.js';
import type { Logger } from '../shared/logger.js';
import { toWsEventName } from './event-names.js';
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

  /** Adds `task` to task events that do not carry it yet: one query for the whole batch. */
  private async enrich(batch: RealtimeMessage[]): Promise<void> {
    try {
      await attachTasks(this.deps.database.db, batch);
    } catch (err) {
      // Deliver without the task rather than not at all (e.g. the pool is closing).
      this.deps.logger.warn({ err }, 'realtime: loading tasks for events failed');
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
