/**
 * `flowledger worker`: a process that only runs outbox workers (no HTTP). Scale by count: any
 * number of these share one PostgreSQL queue through SKIP LOCKED claims.
 */
import { loadConfig } from '../config/config.js';
import { createDatabase, type Database } from '../db/create-db.js';
import { createDeps } from '../http/create-deps.js';
import { createMetrics } from '../http/metrics.js';
import { SlaMonitor } from '../sla/monitor.js';
import { createLogger } from '../shared/logger.js';
import type { HandlerRegistry, OutboxDeps } from './handler.js';
import { createOutboxWorker } from './create-worker.js';
import type { OutboxWorker } from './worker.js';

export interface WorkerProcess {
  worker: OutboxWorker;
  database: Database;
  deps: OutboxDeps;
  stop(): Promise<void>;
}

export async function startWorkerProcess(opts: {
  env: Record<string, string | undefined>;
  concurrency?: number;
  batchSize?: number;
  /** Replaces the default handlers (the crash test's effect handler). */
  handlers?: (deps: OutboxDeps) => HandlerRegistry;
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
  const worker = createOutboxWorker(deps, {
    concurrency,
    ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
    ...(opts.handlers ? { handlers: opts.handlers(deps) } : {}),
  });
  // `flowledger worker` runs the SLA monitor too; passes serialise across processes (advisory lock).
  const sla = new SlaMonitor({ database, clock: deps.clock, commitSignal: deps.commitSignal, logger }, config.slaIntervalMs);
  await worker.start();
  sla.start();
  let stopping: Promise<void> | undefined;
  return {
    worker,
    database,
    deps,
    stop() {
      stopping ??= (async () => {
        await sla.stop();
        await worker.stop();
        await database.close();
      })();
      return stopping;
    },
  };
}
