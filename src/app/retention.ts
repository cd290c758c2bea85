/**
 * Retention: the tables that grow with every write are pruned by age, in small batches, by a
 * periodic pass in every process that runs workers. Each domain owns the statement that prunes its
 * table (and the rule of what must stay); this file only decides the order and the ages.
 *
 * - delivery data (`RETENTION_DELIVERY`): webhook delivery attempts and dispatch rows, processed
 *   `webhook.*` events, ingest items and finished ingest batches, browser sessions that ended
 *   (expired or revoked) that long ago;
 * - activity history (`RETENTION_HISTORY`): processed work events (the activity log), task
 *   status history and notifications (but not those whose mail is still owed).
 *
 * Each pass first closes, as failed, the ingest batches a dead process left `running` (nothing
 * committed for INGEST_STALL_TIMEOUT): files and HTTP ingestion have no lease to tell a successor.
 *
 * Never pruned: unprocessed events (pending, retrying, in flight, dead letters), dispatch rows a
 * delivery still owes, the source events they name, running ingest batches, and every business row
 * (tasks, signals, pursuits, …). Several processes may prune at once (PostgreSQL): they delete the
 * same candidates and the later one simply finds them gone.
 */
import { Counter, type Registry } from 'prom-client';
import type { Config } from '../config/config.js';
import type { Database } from '../db/create-db.js';
import type { PruneBatch } from '../db/prune.js';
import { pruneEndedSessions } from '../auth/sessions.repository.js';
import { failStalledBatches, pruneBatchItems, pruneFinishedBatches } from '../ingest/batch.repository.js';
import { pruneNotifications } from '../notifications/notifications.repository.js';
import { pruneProcessedEvents, pruneWebhookDeliveries, pruneWebhookDispatches } from '../outbox/retention.repository.js';
import type { Clock } from '../shared/clock.js';
import type { Service } from '../shared/lifecycle.js';
import { Periodic } from '../shared/periodic.js';
import type { Logger } from '../shared/logger.js';
import { pruneStatusHistory } from '../workflow/tasks.repository.js';
import { pruneIdempotencyKeys } from '../http/idempotency.js';

/** Which setting ages a kind: RETENTION_DELIVERY, RETENTION_HISTORY, or IDEMPOTENCY_TTL. */
type Age = 'delivery' | 'history' | 'idempotency';

interface PruneStep {
  /** The `kind` label of flowledger_retention_pruned_total. */
  kind: string;
  age: Age;
  prune(db: Database['db'], b: PruneBatch): Promise<number>;
}

/** In order: dispatch rows go before the activity events they name, items before their batches. */
const STEPS: readonly PruneStep[] = [
  { kind: 'webhook_delivery', age: 'delivery', prune: pruneWebhookDeliveries },
  { kind: 'webhook_dispatch', age: 'delivery', prune: pruneWebhookDispatches },
  { kind: 'webhook_event', age: 'delivery', prune: (db, b) => pruneProcessedEvents(db, { ...b, events: 'webhook' }) },
  { kind: 'ingest_item', age: 'delivery', prune: pruneBatchItems },
  { kind: 'ingest_batch', age: 'delivery', prune: pruneFinishedBatches },
  { kind: 'user_session', age: 'delivery', prune: pruneEndedSessions },
  { kind: 'status_history', age: 'history', prune: pruneStatusHistory },
  { kind: 'notification', age: 'history', prune: pruneNotifications },
  { kind: 'work_event', age: 'history', prune: (db, b) => pruneProcessedEvents(db, { ...b, events: 'activity' }) },
  { kind: 'idempotency_key', age: 'idempotency', prune: pruneIdempotencyKeys },
];

export interface RetentionDeps {
  config: Pick<Config, 'retentionDeliveryMs' | 'retentionHistoryMs' | 'retentionIntervalMs' | 'ingestStallTimeoutMs' | 'idempotencyTtlMs'>;
  database: Database;
  clock: Clock;
  logger: Logger;
  metrics: { registry: Registry };
}

export interface RetentionOptions {
  /** Rows per delete statement (default 1000). */
  batchSize?: number;
  /** Pause between two statements, so other writers get the database (default 20 ms). */
  pauseMs?: number;
}

const counters = new WeakMap<Registry, Counter<'kind'>>();

function prunedCounter(registry: Registry): Counter<'kind'> {
  let c = counters.get(registry);
  if (!c) {
    c = new Counter({ name: 'flowledger_retention_pruned_total', help: 'Rows deleted by retention, by kind', labelNames: ['kind'], registers: [registry] });
    counters.set(registry, c);
  }
  return c;
}

export class RetentionPruner implements Service {
  readonly name = 'retention-pruner';
  private readonly periodic: Periodic;
  /** Set by stop(): a pass in flight ends after its current statement, not after the whole backlog. */
  private halting = false;
  private readonly batchSize: number;
  private readonly pauseMs: number;
  private readonly pruned: Counter<'kind'>;

  constructor(
    private readonly deps: RetentionDeps,
    opts: RetentionOptions = {},
  ) {
    this.batchSize = opts.batchSize ?? 1000;
    this.pauseMs = opts.pauseMs ?? 20;
    this.pruned = prunedCounter(deps.metrics.registry);
    this.periodic = new Periodic(deps.config.retentionIntervalMs, () =>
      this.runOnce().then(
        (totals) => {
          if (Object.keys(totals).length) deps.logger.info({ pruned: totals }, 'retention: pruned old rows');
        },
        (err: unknown) => {
          if (!this.halting) deps.logger.error({ err }, 'retention: pass failed');
        },
      ),
    );
  }

  start(): void {
    this.halting = false;
    this.periodic.start();
  }

  async stop(): Promise<void> {
    this.halting = true;
    await this.periodic.stop();
  }

  /** One full pass now: every step until it finds nothing more to delete. Returns rows per kind. */
  async runOnce(): Promise<Record<string, number>> {
    const now = this.deps.clock.now().getTime();
    const ages: Record<Age, number | null> = {
      delivery: this.deps.config.retentionDeliveryMs,
      history: this.deps.config.retentionHistoryMs,
      idempotency: this.deps.config.idempotencyTtlMs,
    };
    const totals: Record<string, number> = {};
    // First, batches left running by a process that died mid-batch: closed (as failed, with the
    // counts of what they committed) so they neither show as running forever nor escape pruning.
    const stalled = await failStalledBatches(this.deps.database.db, {
      before: new Date(now - this.deps.config.ingestStallTimeoutMs).toISOString(),
      error: `nothing was written for ${Math.round(this.deps.config.ingestStallTimeoutMs / 60_000)} min: the process ingesting it stopped before it finished; the messages it committed are kept`,
      now: new Date(now).toISOString(),
    });
    if (stalled > 0) totals.stalled_ingest_batch = stalled;
    for (const step of STEPS) {
      const age = ages[step.age];
      if (age === null || this.halting) continue;
      const batch: PruneBatch = { before: new Date(now - age).toISOString(), limit: this.batchSize };
      let total = 0;
      for (;;) {
        const n = await step.prune(this.deps.database.db, batch);
        total += n;
        if (n > 0) this.pruned.inc({ kind: step.kind }, n);
        if (n < this.batchSize || this.halting) break;
        if (this.pauseMs > 0) await new Promise((r) => setTimeout(r, this.pauseMs));
      }
      if (total > 0) totals[step.kind] = total;
    }
    return totals;
  }
}
