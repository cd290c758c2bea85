/**
 * A whole FlowLedger process (HTTP, realtime, outbox worker) on a PostgreSQL it reaches through a
 * TCP proxy the caller can cut: the outage test and `npm run chaos:outage` take the database away
 * and give it back without touching the shared server. Logs are kept in memory to count lines.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createApiKey } from '../../src/auth/api-keys.repository.js';
import { createOrg } from '../../src/auth/orgs.repository.js';
import { createDeps, type AppDeps } from '../../src/app/deps.js';
import { openSecrets } from '../../src/app/secrets.js';
import { newSecretKey } from '../../src/shared/secret-box.js';
import { defaultHandlers } from '../../src/app/outbox-handlers.js';
import { realtimeServices } from '../../src/app/realtime-services.js';
import { buildServer } from '../../src/app/server.js';
import { loadConfig } from '../../src/config/config.js';
import { createDatabase } from '../../src/db/create-db.js';
import { OutboxWorker } from '../../src/outbox/worker.js';
import { systemClock } from '../../src/shared/clock.js';
import type { Service } from '../../src/shared/lifecycle.js';
import { createLogger } from '../../src/shared/logger.js';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';

export interface OutageRig {
  baseUrl: string;
  wsUrl: string;
  key: string;
  orgId: number;
  proxy: TcpProxy;
  deps: AppDeps;
  /** Every log line as parsed JSON. */
  logs: Array<{ level: number; msg: string } & Record<string, unknown>>;
  /** Direct connections (not through the proxy) to the rig's schema, for checks. */
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export async function startOutageRig(pgUrl: string, env: Record<string, string> = {}): Promise<OutageRig> {
  const target = new URL(pgUrl);
  const schema = `outage_${randomBytes(5).toString('hex')}`;
  // A pool, not a client: in chaos runs the database really stops, and checks reconnect after.
  const admin = new pg.Pool({ connectionString: pgUrl, max: 2, options: `-c search_path=${schema}` });
  admin.on('error', () => {});
  await admin.query(`create schema ${schema}`);

  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const viaProxy = new URL(pgUrl);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  const database = createDatabase(viaProxy.toString(), { schema, poolSize: 6 });
  await database.migrate();

  const logs: OutageRig['logs'] = [];
  const logger = createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line)) });
  const config = loadConfig({ LOG_LEVEL: 'info', DATABASE_URL: viaProxy.toString(), OUTBOX_POLL_INTERVAL: '1s', SECRETS_KEY: newSecretKey(), ...env });
  const deps = createDeps({ config, database, logger, clock: systemClock, secrets: await openSecrets(config, database, logger) });
  const app = await buildServer(deps);
  const services: Service[] = [...realtimeServices(deps).services, new OutboxWorker(deps, { handlers: defaultHandlers(deps) })];
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  for (const s of services) await s.start();

  const now = new Date().toISOString();
  const org = await createOrg(database.db, { name: 'Outage Co', now });
  const { key } = await createApiKey(database.db, { orgId: org.org_id, role: 'admin', name: 'outage', now });

  return {
    baseUrl,
    wsUrl: `${baseUrl.replace(/^http/, 'ws')}/ws`,
    key,
    orgId: org.org_id,
    proxy,
    deps,
    logs,
    async query<R extends pg.QueryResultRow>(text: string, values?: unknown[]) {
      return (await admin.query<R>(text, values)).rows;
    },
    async close() {
      await proxy.restore().catch(() => {});
      await app.close();
      for (const s of [...services].reverse()) await s.stop();
      await database.close();
      await proxy.close();
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    },
  };
}
