/**
 * The `serve` role: config → database → migrate → first-start bootstrap → HTTP server → realtime,
 * plus (unless --no-workers) the outbox worker and the SLA monitor.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { ensureDefaultOrg } from '../auth/bootstrap.js';
import { loadConfig, type Config } from '../config/config.js';
import { createDatabase, type Database } from '../db/create-db.js';
import { createMetrics } from '../http/metrics.js';
import { MailboxSyncService } from '../mailboxes/mailbox-sync.service.js';
import { OutboxWorker } from '../outbox/worker.js';
import { systemClock } from '../shared/clock.js';
import type { Service } from '../shared/lifecycle.js';
import { createLogger, type Logger } from '../shared/logger.js';
import { SlaMonitor } from '../sla/monitor.js';
import { firstAdminLink } from '../users/invitations.service.js';
import { createDeps } from './deps.js';
import { defaultHandlers } from './outbox-handlers.js';
import { realtimeServices } from './realtime-services.js';
import { openSecrets } from './secrets.js';
import { RetentionPruner } from './retention.js';
import { buildServer } from './server.js';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

export interface ServeOptions {
  workers: boolean;
  env?: Record<string, string | undefined>;
  /** Where the first-start key banner and first-admin link go (stdout by default). */
  print?: (line: string) => void;
}

/**
 * `flowledger serve`: config → database → migrate → first-start bootstrap → HTTP server → workers.
 * Returns a handle whose stop() drains (readiness 503 for SHUTDOWN_DRAIN_DELAY), closes WebSockets
 * and the listener once requests in flight are answered, stops workers and closes the database.
 */
export async function serve(opts: ServeOptions): Promise<RunningServer> {
  const config: Config = loadConfig(opts.env ?? process.env);
  const logger: Logger = createLogger(config.logLevel);
  const print = opts.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  // backgroundCheckpoint: on SQLite no request waits for a WAL checkpoint's fsync (db/sqlite-checkpointer.ts).
  const database = createDatabase(config.databaseUrl, { poolSize: config.dbPoolSize, backgroundCheckpoint: true });
  let secrets;
  try {
    const applied = await database.migrate();
    if (applied.length) logger.info({ applied }, 'migrations applied');
    secrets = await openSecrets(config, database, logger);
    // First start needs no setup: organisation "Default" and an admin key, printed once. With
    // PUBLIC_URL and no user yet, also a one-time link to create the first admin in the browser
    // (printed at each start until someone has used one; each start's link replaces the last).
    const boot = await ensureDefaultOrg(database, systemClock);
    if (boot) {
      print('');
      print('  FlowLedger first start: created organisation 1 "Default" and an admin API key.');
      print('  This key is shown only once; store it now:');
      print('');
      print(`    ${boot.key.key}`);
      print('');
      print(`  Try: curl -H "Authorization: Bearer ${boot.key.key}" http://localhost:${config.port}/api/me`);
      print('');
    }
    const defaultOrg = await database.db.selectFrom('org').select('org_id').orderBy('org_id').executeTakeFirst();
    const first = defaultOrg && (await firstAdminLink({ database, clock: systemClock, config }, defaultOrg.org_id));
    if (first) {
      print('');
      print(`  No one can sign in yet. Open this one-time link to create the first admin of organisation ${defaultOrg.org_id}`);
      print(`  (it works once, until ${first.expires_at}; a restart before then prints a new one):`);
      print('');
      print(`    ${first.link}`);
      print('');
    }
  } catch (err) {
    await database.close();
    throw err;
  }

  const metrics = createMetrics({ defaultMetrics: true, poolInUse: () => database.poolInUse() });
  const deps = createDeps({ config, database, logger, metrics, secrets });
  const app = await buildServer(deps);
  // Realtime runs in every API process (even --no-workers): its WebSocket clients need the events.
  const services: Service[] = [...realtimeServices(deps).services];
  if (opts.workers) {
    // Outbox worker (and the SLA monitor as it lands). Stopped after the HTTP server, so requests
    // in flight can still append events; stop() finishes the batches it holds.
    services.push(new OutboxWorker(deps, { handlers: defaultHandlers(deps) }));
    services.push(new SlaMonitor({ ...deps, orgGroup: config.orgGroup }, config.slaIntervalMs));
    services.push(new RetentionPruner(deps));
    services.push(new MailboxSyncService(deps));
  }

  const url = await app.listen({ port: config.port, host: config.host });
  for (const s of services) await s.start();
  logger.info({ url, database: database.description, workers: opts.workers }, 'FlowLedger listening');

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      // /ready answers 503 from now on, while everything is still served: load balancers take this
      // node out of rotation during the drain delay, before any connection is refused.
      deps.process.beginDrain();
      logger.info({ drainDelayMs: config.shutdownDrainDelayMs }, 'shutting down: draining (/ready answers 503)');
      if (config.shutdownDrainDelayMs > 0) await sleep(config.shutdownDrainDelayMs);
      // app.close(): WebSockets get close 1012 (ws-gateway.ts, so they reconnect elsewhere), the
      // listener closes, in-flight requests finish. Then workers finish what they hold (requests in
      // flight could still append events until now), then the pool closes.
      await app.close();
      for (const s of [...services].reverse()) await s.stop();
      await database.close();
      logger.info('shutdown complete');
    })();
    return stopping;
  };
  return { app, database, url, stop };
}

/** Wires SIGTERM/SIGINT to a graceful stop with a deadline. */
export function handleSignals(server: { stop(): Promise<void> }, timeoutMs: number, logger?: { error(o: object, m: string): void }): void {
  const onSignal = (signal: NodeJS.Signals) => {
    const timer = setTimeout(() => {
      logger?.error({ signal }, 'shutdown timed out; exiting');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    server.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger?.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
