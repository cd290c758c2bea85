/**
 * The background roles, no HTTP: `flowledger worker` (outbox workers and, unless --no-sla, the SLA
 * monitor) and `flowledger sla monitor` (the SLA monitor alone). Scale workers by count: any number
 * share one PostgreSQL queue through SKIP LOCKED claims; SLA passes run one at a time per database
 * (a pass finding another one running is skipped), so any number of monitors is safe.
 */
import { loadConfig } from '../config/config.js';
import { createDatabase, type Database } from '../db/create-db.js';
import { createMetrics } from '../http/metrics.js';
import type { HandlerRegistry } from '../outbox/handler.js';
import { MailboxSyncService } from '../mailboxes/mailbox-sync.service.js';
import { OutboxWorker } from '../outbox/worker.js';
import type { Service } from '../shared/lifecycle.js';
import { createLogger } from '../shared/logger.js';
import { SlaMonitor } from '../sla/monitor.js';
import { createDeps, type AppDeps } from './deps.js';
import { defaultHandlers } from './outbox-handlers.js';
import { openSecrets } from './secrets.js';
import { RetentionPruner } from './retention.js';

export interface WorkerProcess {
  /** The outbox worker, unless started with `outbox: false`. */
  worker: OutboxWorker | undefined;
  /** What this process runs, in start order. */
  services: readonly Service[];
  database: Database;
  deps: AppDeps;
  stop(): Promise<void>;
}

/**
 * Claim loops of a `flowledger worker` process by default: 4, which bench:outbox found about twice
 * as fast as 2 on PostgreSQL (a lane waits on its round trips; more lanes overlap them). `serve`
 * keeps the outbox worker's own default (2): its pool is shared with the API.
 */
export const WORKER_CONCURRENCY = 4;

export async function startWorkerProcess(opts: {
  env: Record<string, string | undefined>;
  /** Run the outbox worker (default true). */
  outbox?: boolean;
  /** Run the SLA monitor (default true). */
  sla?: boolean;
  concurrency?: number;
  batchSize?: number;
  /** Replaces the default handlers (the crash test's effect handler). */
  handlers?: (deps: AppDeps) => HandlerRegistry;
}): Promise<WorkerProcess> {
  const config = loadConfig(opts.env);
  const logger = createLogger(config.logLevel);
  const runOutbox = opts.outbox ?? true;
  const concurrency = opts.concurrency ?? WORKER_CONCURRENCY;
  // Lanes each hold a connection while claiming and completing; handlers need some too.
  const poolSize = runOutbox ? Math.max(config.dbPoolSize, concurrency + 2) : config.dbPoolSize;
  // backgroundCheckpoint: as in serve, the outbox's commits never wait for a WAL checkpoint's fsync.
  const database = createDatabase(config.databaseUrl, { poolSize, applicationName: runOutbox ? 'flowledger-worker' : 'flowledger-sla', backgroundCheckpoint: true });
  let secrets;
  try {
    await database.migrate();
    secrets = await openSecrets(config, database, logger);
  } catch (err) {
    await database.close();
    throw err;
  }
  const deps = createDeps({ config, database, logger, secrets, metrics: createMetrics({ poolInUse: () => database.poolInUse() }) });
  const worker = runOutbox
    ? new OutboxWorker(deps, {
        concurrency,
        ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
        handlers: opts.handlers ? opts.handlers(deps) : defaultHandlers(deps),
      })
    : undefined;
  const services: Service[] = [];
  if (worker) services.push(worker);
  if (opts.sla ?? true) services.push(new SlaMonitor({ ...deps, orgGroup: config.orgGroup }, config.slaIntervalMs));
  // Pruning and mailbox sync ride with the outbox worker (not with `sla monitor` alone).
  if (worker) services.push(new RetentionPruner(deps));
  if (worker) services.push(new MailboxSyncService(deps));
  for (const s of services) await s.start();
  // Services' timers are unref'd (they never hold a process open on their own): this process
  // lives until stop(), even when nothing else (an HTTP listener, a LISTEN connection) is open.
  const keepAlive = setInterval(() => {}, 2 ** 30);
  logger.info({ services: services.map((s) => s.name), database: database.description }, 'background process started');
  let stopping: Promise<void> | undefined;
  return {
    worker,
    services,
    database,
    deps,
    stop() {
      stopping ??= (async () => {
        clearInterval(keepAlive);
        for (const s of [...services].reverse()) await s.stop();
        await database.close();
      })();
      return stopping;
    },
  };
}
