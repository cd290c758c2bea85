import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Availability } from '../db/availability.js';

/**
 * One registry per process (not prom-client's global), so tests can build many servers. Other
 * domains (outbox, realtime, SLA) register their own metrics on `registry`.
 */
export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  dbPoolInUse: Gauge;
}

export function createMetrics(opts: { defaultMetrics?: boolean; poolInUse?: () => number } = {}): Metrics {
  const registry = new Registry();
  if (opts.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'flowledger_' });
  const poolInUse = opts.poolInUse;
  return {
    registry,
    httpRequests: new Counter({
      name: 'flowledger_http_requests_total',
      help: 'HTTP requests by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'flowledger_http_request_duration_seconds',
      help: 'HTTP request latency by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    dbPoolInUse: new Gauge({
      name: 'flowledger_db_pool_in_use',
      help: 'Database connections currently checked out',
      registers: [registry],
      collect() {
        if (poolInUse) this.set(poolInUse());
      },
    }),
  };
}

/**
 * `flowledger_db_up` and `flowledger_db_errors_total{kind}` from the database handle's outage
 * state (src/db/availability.ts): read at scrape time, so the query path only counts.
 */
export function registerDatabaseMetrics(registry: Registry, availability: Availability): void {
  new Gauge({
    name: 'flowledger_db_up',
    help: '1 while the database answers, 0 from the first connection failure until a query succeeds again',
    registers: [registry],
    collect() {
      this.set(availability.up ? 1 : 0);
    },
  });
  const reported = { unavailable: 0, busy: 0 };
  new Counter({
    name: 'flowledger_db_errors_total',
    help: 'Queries that failed because the database was unavailable or busy past its timeout (busy)',
    labelNames: ['kind'],
    registers: [registry],
    collect() {
      for (const kind of ['unavailable', 'busy'] as const) {
        const n = availability.errors[kind];
        this.inc({ kind }, n - reported[kind]);
        reported[kind] = n;
      }
    },
  });
}
