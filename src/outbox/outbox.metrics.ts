import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Database } from '../db/create-db.js';
import type { Clock } from '../shared/clock.js';
import { queueDepth, type QueueDepth } from './outbox.repository.js';

export interface OutboxMetrics {
  processed: Counter<'event'>;
  failures: Counter<'event'>;
  deadLettered: Counter<'event'>;
  unhandled: Counter;
  handlerDuration: Histogram<'event'>;
  pickupLatency: Histogram;
}

const byRegistry = new WeakMap<Registry, OutboxMetrics>();
const depthRegistered = new WeakSet<Registry>();

/** Worker-side metrics, registered once per registry (several workers may share one in tests). */
export function outboxMetrics(registry: Registry): OutboxMetrics {
  let m = byRegistry.get(registry);
  if (m) return m;
  m = {
    processed: new Counter({ name: 'flowledger_outbox_processed_total', help: 'Work events processed', labelNames: ['event'], registers: [registry] }),
    failures: new Counter({ name: 'flowledger_outbox_failures_total', help: 'Handler failures (each retried or dead-lettered)', labelNames: ['event'], registers: [registry] }),
    deadLettered: new Counter({ name: 'flowledger_outbox_dead_lettered_total', help: 'Work events dead-lettered by this process', labelNames: ['event'], registers: [registry] }),
    unhandled: new Counter({ name: 'flowledger_outbox_unhandled_total', help: 'Work events with no handler (marked processed)', registers: [registry] }),
    handlerDuration: new Histogram({
      name: 'flowledger_outbox_handler_duration_seconds',
      help: 'Time spent in the handlers of one event',
      labelNames: ['event'],
      buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
      registers: [registry],
    }),
    pickupLatency: new Histogram({
      name: 'flowledger_outbox_pickup_latency_seconds',
      help: 'From an event being written to its handlers starting (first attempt)',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1, 5, 30],
      registers: [registry],
    }),
  };
  byRegistry.set(registry, m);
  return m;
}

/** Queue depth by state, read from the database at scrape time (process-wide, no org labels). */
export function registerQueueDepthGauge(registry: Registry, database: Database, clock: Clock): void {
  if (depthRegistered.has(registry)) return;
  depthRegistered.add(registry);
  // One query serves both gauges of a scrape; a database that is down leaves them at their last
  // values instead of failing the whole /metrics answer.
  let inFlight: Promise<QueueDepth | undefined> | undefined;
  const depthOrNothing = () =>
    (inFlight ??= (database.closed ? Promise.resolve(undefined) : queueDepth(database.db, {}))
      .catch(() => undefined)
      .finally(() => setImmediate(() => (inFlight = undefined))));
  new Gauge({
    name: 'flowledger_outbox_queue_depth',
    help: 'Work events by outbox state: pending, in_flight, failed_waiting, dead_lettered',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const d = await depthOrNothing();
      if (!d) return;
      this.set({ state: 'pending' }, d.pending);
      this.set({ state: 'in_flight' }, d.in_flight);
      this.set({ state: 'failed_waiting' }, d.failed_waiting);
      this.set({ state: 'dead_lettered' }, d.dead_lettered);
    },
  });
  new Gauge({
    name: 'flowledger_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest unprocessed, not dead-lettered work event',
    registers: [registry],
    async collect() {
      const d = await depthOrNothing();
      if (!d) return;
      this.set(d.oldest_pending_at ? Math.max(0, (clock.now().getTime() - Date.parse(d.oldest_pending_at)) / 1000) : 0);
    },
  });
}
