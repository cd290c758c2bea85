/**
 * What a side effect looks like to the worker. Every handler must be idempotent: a crash between
 * its effect and the batch's completion runs it again, so running twice must have the effect of
 * running once (unique keys, ON CONFLICT DO NOTHING, "already sent" checks, deterministic ids).
 */
import type { Config } from '../config/config.js';
import type { CommitFeed } from '../db/commit-feed.js';
import type { Database } from '../db/create-db.js';
import type { Registry } from 'prom-client';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { SecretKeyRing } from '../shared/secret-box.js';
import type { ClaimedEvent } from './claim.js';

/** What the worker and the outbox's own handlers (webhooks) use: no HTTP server, key cache or hub. */
export interface OutboxDeps {
  config: Pick<Config, 'outboxLeaseMs' | 'outboxPollIntervalMs' | 'outboxMaxAttempts' | 'webhookAllowPrivateNetworks' | 'orgGroup'>;
  database: Database;
  clock: Clock;
  logger: Logger;
  metrics: { registry: Registry };
  commitFeed: CommitFeed;
  /** Opens stored secrets (webhook signing secrets). */
  secrets: SecretKeyRing;
}

export type OutboxHandler = (event: ClaimedEvent) => Promise<void>;

export interface HandlerRegistry {
  /** Handlers for one event name, in the order they run; empty when none applies. */
  handlersFor(eventName: string): OutboxHandler[];
  /** False when only catch-all handlers (webhooks) apply: the worker logs such events as unhandled. */
  hasSpecificHandler?(eventName: string): boolean;
}

/**
 * A failure no retry can fix (no recipient address, a webhook URL that is not allowed): the event
 * is dead-lettered at once with this message instead of being retried max_attempts times.
 */
export class PermanentFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentFailure';
  }
}

/** Handlers keyed by exact event name, plus handlers for every event (webhooks fan-out). */
export class HandlerMap implements HandlerRegistry {
  private readonly exact = new Map<string, OutboxHandler[]>();
  private readonly prefixes: Array<[string, OutboxHandler]> = [];
  private readonly all: Array<[(name: string) => boolean, OutboxHandler]> = [];
  /** handlersFor's answers (the worker asks once per event); emptied when a handler is added. */
  private readonly resolved = new Map<string, OutboxHandler[]>();

  /** `name` is an event name or a prefix pattern such as `task.*`. */
  on(name: string, handler: OutboxHandler): this {
    if (name.endsWith('.*')) this.prefixes.push([name.slice(0, -1), handler]);
    else this.exact.set(name, [...(this.exact.get(name) ?? []), handler]);
    this.resolved.clear();
    return this;
  }

  /** A handler for every event the predicate accepts. */
  onEvery(accept: (name: string) => boolean, handler: OutboxHandler): this {
    this.all.push([accept, handler]);
    this.resolved.clear();
    return this;
  }

  hasSpecificHandler(eventName: string): boolean {
    return this.exact.has(eventName) || this.prefixes.some(([p]) => eventName.startsWith(p));
  }

  handlersFor(eventName: string): OutboxHandler[] {
    let found = this.resolved.get(eventName);
    if (!found) this.resolved.set(eventName, (found = this.resolve(eventName)));
    return found;
  }

  private resolve(eventName: string): OutboxHandler[] {
    return [
      ...(this.exact.get(eventName) ?? []),
      ...this.prefixes.filter(([p]) => eventName.startsWith(p)).map(([, h]) => h),
      ...this.all.filter(([accept]) => accept(eventName)).map(([, h]) => h),
    ];
  }
}
