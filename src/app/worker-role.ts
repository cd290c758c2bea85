/**
 * The `worker` role (`flowledger worker`): a process that runs outbox workers and the SLA monitor,
 * no HTTP. Scale by count: any number of these share one PostgreSQL queue through SKIP LOCKED
 * claims, and SLA passes serialise across processes on an advisory lock.
 */
import { loadConfig } from '../config/config.js';
import { createDatabase, type Database } from '../db/create-db.js';
import { createMetrics } from '../http/metrics.js';
import type { HandlerRegistry } from '../outbox/handler.js';
import { OutboxWorker } from '../outbox/worker.js';
import { createLogger } from '../shared/logger.js';
import { SlaMonitor } from '../sla/monitor.js';
import { createDeps, type AppDeps } from './deps.js';
import { defaultHandlers } from './outbox-handlers.js';
import { RetentionPruner } from './retention.js';

export interface WorkerProcess {
  worker: OutboxWorker;
  database: Database;
  deps: AppDeps;
  stop(): Promise<void>;
}

export async function startWorkerProcess(opts: {
  env: Record<string, string | undefined>;
  concurrency?: number;
  batchSize?: number;
  /** Replaces the default handlers (the crash test's effect handler). */
  handlers?: (deps: AppDeps) => HandlerRegistry;
}): Promise<WorkerProcess> {
  const config = loadConfig(opts.env);
  const logger = createLogger(config.logLevel);
  const concurrency = opts.concurrency ?? 2;
  // Lanes each hold a connection while claiming and completing; handlers need some too.
  const database = createDatabase(config.databaseUrl, { poolSize: Math.max(config.dbPoolSize, concurrency + 2), applicationName: 'flowledger-worker' });
  try {
    await database.migrate();
  } catch (err) {
    await database.close();
    throw err;
  }
  const deps = createDeps({ config, database, logger, metrics: createMetrics({ poolInUse: () => database.poolInUse() }) });
  const worker = new OutboxWorker(deps, {
    concurrency,
    ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
    handlers: opts.handlers ? opts.handlers(deps) : defaultHandlers(deps),
  });
  const sla = new SlaMonitor({ database, clock: deps.clock, commitFeed: deps.commitFeed, logger }, config.slaIntervalMs);
  const retention = new RetentionPruner(deps);
  await worker.start();
  sla.start();
  retention.start();
  let stopping: Promise<void> | undefined;
  return {
    worker,
    database,
    deps,
    stop() {
      stopping ??= (async () => {
        await retention.stop();
        await sla.stop();
        await worker.stop();
        await database.close();
      })();
      return stopping;
    },
  };
}
